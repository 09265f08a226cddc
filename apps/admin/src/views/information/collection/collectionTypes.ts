import type { ResponseOf } from '../../../api/types';

export type CollectionRequestRow = ResponseOf<'/api/v1/information/collection/requests', 'get'>['items'][number];
export type CollectionSubmission = ResponseOf<'/api/v1/information/collection/submissions/{id}', 'get'>;
export type PublishingCategory = ResponseOf<'/api/v1/information/collection/publishing-list', 'get'>[number];

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';
export const SUBMISSION_TAGS: Record<CollectionSubmission['status'] | 'none', TagType> = {
  none: 'info',
  submitted: 'warning',
  accepted: 'success',
  returned: 'danger',
};
