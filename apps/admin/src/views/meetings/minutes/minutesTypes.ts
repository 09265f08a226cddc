/** The minutes, resolutions and coordination payloads (MTG-8, MTG-9, ADM-1), read off the generated client by route. */
import type { BodyOf, QueryOf, ResponseOf } from '../../../api/types';

export type Minutes = ResponseOf<'/api/v1/meetings/{id}/minutes', 'get'>;
export type MinutesUpdate = BodyOf<'/api/v1/meetings/{id}/minutes', 'patch'>;
export type Resolution = ResponseOf<'/api/v1/meetings/{id}/resolutions', 'get'>[number];
export type ResolutionTask = Resolution['tasks'][number];
export type NewResolution = BodyOf<'/api/v1/meetings/{id}/resolutions', 'post'>;
export type ResolutionTaskDetail = ResponseOf<'/api/v1/meetings/resolution-tasks/{taskId}', 'get'>;
export type ResolutionReportRow = ResponseOf<'/api/v1/meetings/resolutions', 'get'>['items'][number];
export type ResolutionReportQuery = QueryOf<'/api/v1/meetings/resolutions', 'get'>;
export type NewCoordinationMeeting = BodyOf<'/api/v1/meetings/coordination', 'post'>;

/** Element Plus tag types of a task's state. */
export const taskStatusTag = { open: 'info', 'in-progress': 'warning', done: 'success' } as const;
/** Element Plus tag types of the minutes' states. */
export const minutesStatusTag = { draft: 'info', 'in-review': 'warning', approved: 'primary', published: 'success' } as const;
