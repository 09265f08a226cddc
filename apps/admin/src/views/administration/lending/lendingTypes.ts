import { LOAN_STATUS_LABELS, type LoanStatus } from '@xiaoban/shared';
import type { ResponseOf } from '../../../api/types';

export type LoanRow = ResponseOf<'/api/v1/administration/lending/loans', 'get'>['items'][number];
export type LoanDetail = ResponseOf<'/api/v1/administration/lending/loans/{id}', 'get'>;

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';
const LOAN_STATUS_TAGS: Record<LoanStatus, TagType> = {
  pending: 'warning',
  'on-loan': 'primary',
  returned: 'success',
  rejected: 'danger',
  withdrawn: 'info',
};

export const loanStatusLabel = (s: LoanStatus, locale: 'zh-CN' | 'en') => LOAN_STATUS_LABELS[s][locale];
export const loanStatusTag = (s: LoanStatus): TagType => LOAN_STATUS_TAGS[s];
