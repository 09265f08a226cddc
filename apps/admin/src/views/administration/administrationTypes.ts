import {
  SEAL_APPLICATION_STATUS_LABELS,
  SEAL_HANDOVER_STATUS_LABELS,
  SEAL_INSPECTION_RESULT_LABELS,
  SEAL_INSPECTION_STATUS_LABELS,
  SEAL_STATUS_LABELS,
  SEAL_TYPE_LABELS,
  WORK_MATTER_STATUS_LABELS,
  type SealApplicationStatus,
  type SealStatus,
  type WorkMatterStatus,
} from '@xiaoban/shared';
import type { ResponseOf } from '../../api/types';

export type SealDetail = ResponseOf<'/api/v1/administration/seals/{id}', 'get'>;
export type SealRow = ResponseOf<'/api/v1/administration/seals', 'get'>['items'][number];
export type SealApplicationDetail = ResponseOf<'/api/v1/administration/seal-uses/applications/{id}', 'get'>;
export type SealApplicationRow = ResponseOf<'/api/v1/administration/seal-uses/applications', 'get'>['items'][number];
export type SealUseRow = SealApplicationDetail['uses'][number];
export type SealInspectionRow = ResponseOf<'/api/v1/administration/seal-inspections', 'get'>['items'][number];
export type WorkMatterDetail = ResponseOf<'/api/v1/administration/ledger/{id}', 'get'>;
export type WorkMatterRow = ResponseOf<'/api/v1/administration/ledger', 'get'>['items'][number];

type Locale = 'zh-CN' | 'en';
type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

/** The labels of libs/shared in the panel's language (no Chinese literal in components). */
export const labels = {
  sealType: (v: keyof typeof SEAL_TYPE_LABELS, l: Locale) => SEAL_TYPE_LABELS[v][l],
  sealStatus: (v: keyof typeof SEAL_STATUS_LABELS, l: Locale) => SEAL_STATUS_LABELS[v][l],
  handoverStatus: (v: keyof typeof SEAL_HANDOVER_STATUS_LABELS, l: Locale) => SEAL_HANDOVER_STATUS_LABELS[v][l],
  applicationStatus: (v: keyof typeof SEAL_APPLICATION_STATUS_LABELS, l: Locale) => SEAL_APPLICATION_STATUS_LABELS[v][l],
  inspectionStatus: (v: keyof typeof SEAL_INSPECTION_STATUS_LABELS, l: Locale) => SEAL_INSPECTION_STATUS_LABELS[v][l],
  inspectionResult: (v: keyof typeof SEAL_INSPECTION_RESULT_LABELS, l: Locale) => SEAL_INSPECTION_RESULT_LABELS[v][l],
  matterStatus: (v: keyof typeof WORK_MATTER_STATUS_LABELS, l: Locale) => WORK_MATTER_STATUS_LABELS[v][l],
};

const SEAL_STATUS_TAGS: Record<SealStatus, TagType> = { 'in-use': 'success', suspended: 'warning', lost: 'danger', destroyed: 'info' };
const APPLICATION_STATUS_TAGS: Record<SealApplicationStatus, TagType> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'info',
  spent: 'info',
};
const MATTER_STATUS_TAGS: Record<WorkMatterStatus, TagType> = {
  open: 'info',
  'in-progress': 'primary',
  done: 'success',
  cancelled: 'info',
};

export const sealStatusTag = (s: SealStatus): TagType => SEAL_STATUS_TAGS[s];
export const applicationStatusTag = (s: SealApplicationStatus): TagType => APPLICATION_STATUS_TAGS[s];
export const matterStatusTag = (s: WorkMatterStatus): TagType => MATTER_STATUS_TAGS[s];
