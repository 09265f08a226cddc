import type { ResponseOf } from '../../../api/types';

export type BoardRow = ResponseOf<'/api/v1/information/boards', 'get'>['items'][number];
export type PostingRow = ResponseOf<'/api/v1/information/boards/{id}/postings', 'get'>['items'][number];
export type CheckRow = ResponseOf<'/api/v1/information/boards/{id}/checks', 'get'>['items'][number];
export type CleaningRow = ResponseOf<'/api/v1/information/boards/{id}/cleanings', 'get'>['items'][number];
export type RobotRow = ResponseOf<'/api/v1/information/robots', 'get'>[number];
export type LinkRow = ResponseOf<'/api/v1/information/links', 'get'>['items'][number];
export type NoticeBroadcasts = ResponseOf<'/api/v1/information/notices/{id}/broadcasts', 'get'>;
export type NoticeEffect = ResponseOf<'/api/v1/information/notices/{id}/effect', 'get'>;

/** The tag colour of a posting's state. */
export function postingTag(status: PostingRow['status']): 'warning' | 'primary' | 'danger' | 'info' {
  return ({ to_post: 'warning', posted: 'primary', removal_due: 'danger', removed: 'info' } as const)[status];
}

/** A 0–1 rate as a whole percentage. */
export const percent = (rate: number): number => Math.round(rate * 100);
