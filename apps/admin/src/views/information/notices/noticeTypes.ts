import type { NoticeStatus } from '@xiaoban/shared';
import type { ResponseOf } from '../../../api/types';

export type NoticeRow = ResponseOf<'/api/v1/information/notices', 'get'>['items'][number];
export type NoticeDetail = ResponseOf<'/api/v1/information/notices/{id}', 'get'>;
export type NoticeCoverage = ResponseOf<'/api/v1/information/notices/{id}/coverage', 'get'>;

/** The tag colour of each state in lists and on the detail page. */
export function noticeStatusTag(status: NoticeStatus): 'info' | 'warning' | 'primary' | 'success' {
  return ({ draft: 'info', pending: 'warning', verified: 'primary', published: 'success' } as const)[status];
}

/** Share reached, as a whole percentage for the progress bar; 0 when nobody is intended. */
export function reachPercent(coverage: Pick<NoticeCoverage, 'intended' | 'reached'>): number {
  return coverage.intended ? Math.round((coverage.reached / coverage.intended) * 100) : 0;
}
