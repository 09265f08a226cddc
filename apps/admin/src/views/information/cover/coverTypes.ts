import type { ResponseOf } from '../../../api/types';

export type Cover = ResponseOf<'/api/v1/information/reception/cover', 'get'>;
export type ReceptionDuty = ResponseOf<'/api/v1/information/reception/duties', 'get'>[number];
export type StaffAbsence = ResponseOf<'/api/v1/information/reception/absences', 'get'>['items'][number];

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';
/** How the cover card colours the reason someone (or nobody) covers. */
export const COVER_REASON_TAGS: Record<Cover['reason'], TagType> = {
  'on-duty': 'success',
  backup: 'warning',
  'same-day': 'warning',
  none: 'danger',
};
