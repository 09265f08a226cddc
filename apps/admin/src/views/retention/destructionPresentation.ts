import {
  DESTRUCTION_LIST_STATUS_LABELS,
  DESTRUCTION_METHOD_LABELS,
  type DestructionListStatus,
  type DestructionMethod,
} from '@xiaoban/shared';
import type { AppLocale } from '../../i18n';
import type { ResponseOf } from '../../api/types';

export type DestructionList = ResponseOf<'/api/v1/retention/destruction-lists/{id}', 'get'>;
export type DestructionListRow = ResponseOf<'/api/v1/retention/destruction-lists', 'get'>['items'][number];
export type DestructionItem = DestructionList['items'][number];

/* Labels of the shared catalogue, in both languages. */
export const destructionStatusLabel = (status: DestructionListStatus, locale: AppLocale): string =>
  DESTRUCTION_LIST_STATUS_LABELS[status][locale];
export const destructionMethodLabel = (method: DestructionMethod, locale: AppLocale): string => DESTRUCTION_METHOD_LABELS[method][locale];

export function destructionStatusTag(status: DestructionListStatus): 'info' | 'warning' | 'success' | 'danger' | 'primary' {
  switch (status) {
    case 'draft':
      return 'info';
    case 'pending':
      return 'warning';
    case 'approved':
      return 'primary';
    case 'rejected':
      return 'danger';
    case 'completed':
      return 'success';
  }
}

/** How many witnesses confirmed, against the two a destruction needs. */
export const confirmedWitnesses = (list: Pick<DestructionList, 'witnesses'>): number =>
  list.witnesses.filter((w) => w.confirmedAt !== null).length;
