import {
  DEFAULT_RETENTION_SCHEDULE,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_URGENCY_LABELS,
  INCOMING_ACTION_LABELS,
  INCOMING_STATUS_LABELS,
  RETENTION_PERIOD_LABELS,
  TRANSFER_METHOD_LABELS,
  isUrgent,
  type DocumentType,
  type DocumentUrgency,
  type IncomingAction,
  type IncomingStatus,
  type RetentionPeriod,
  type TransferMethod,
} from '@xiaoban/shared';
import type { paths } from '@xiaoban/api-client';
import type { AppLocale } from '../../../i18n';
import type { ResponseOf } from '../../../api/types';

export type IncomingDocument = ResponseOf<'/api/v1/documents/incoming/{id}', 'get'>;
export type IncomingRow = ResponseOf<'/api/v1/documents/incoming', 'get'>['items'][number];
export type IncomingRoute = IncomingDocument['routes'][number];
export type ReceiverAction = NonNullable<IncomingDocument['receiverActions']>[number];
type RouteBody = paths['/api/v1/documents/incoming/{id}/route']['post']['requestBody'];
export type IncomingReceiver = NonNullable<RouteBody>['content']['application/json']['receivers'][number];

/* Labels of the shared catalogue, in both languages (like permissions and secrecy levels). */
export const docTypeLabel = (type: DocumentType, locale: AppLocale): string => DOCUMENT_TYPE_LABELS[type][locale];
export const urgencyLabel = (urgency: DocumentUrgency, locale: AppLocale): string => DOCUMENT_URGENCY_LABELS[urgency][locale];
export const statusLabel = (status: IncomingStatus, locale: AppLocale): string => INCOMING_STATUS_LABELS[status][locale];
export const retentionLabel = (period: RetentionPeriod, locale: AppLocale): string => RETENTION_PERIOD_LABELS[period][locale];
export const methodLabel = (method: TransferMethod, locale: AppLocale): string => TRANSFER_METHOD_LABELS[method][locale];
export const actionLabel = (action: IncomingAction, locale: AppLocale): string => INCOMING_ACTION_LABELS[action][locale];

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** Extra urgent red, urgent orange, normal without colour. */
export function urgencyTagType(urgency: DocumentUrgency): TagType {
  if (urgency === 'extra-urgent') return 'danger';
  if (urgency === 'urgent') return 'warning';
  return 'info';
}

export function statusTagType(status: IncomingStatus): TagType {
  switch (status) {
    case 'completed':
    case 'filed':
      return 'success';
    case 'returned':
      return 'danger';
    case 'handling':
      return 'warning';
    case 'signed-for':
    case 'registered':
      return 'info';
    default:
      return 'primary';
  }
}

/** The intake row class: urgent documents stand out in today's intake (DOC-2). */
export function intakeRowClass(row: { urgency: DocumentUrgency }): string {
  return isUrgent(row.urgency) ? 'incoming-row--urgent' : '';
}

/**
 * What the registration form demands beyond the always-required fields (DOC-1): a classified
 * document needs its copy number and secrecy period, and its scans are stored encrypted; an urgent one needs the
 * person the API notifies at once (DOC-2).
 */
export function registrationNeeds(form: { secrecy: string; urgency: DocumentUrgency }): {
  copyNumber: boolean;
  secrecyPeriod: boolean;
  responsible: boolean;
  classifiedFiles: boolean;
} {
  const classified = form.secrecy !== 'none';
  return { copyNumber: classified, secrecyPeriod: classified, responsible: isUrgent(form.urgency), classifiedFiles: classified };
}

/**
 * The retention a type change should put in the form: the schedule's, unless the clerk chose
 * another one than the previous type's default (their choice stands).
 */
export function retentionAfterTypeChange(
  current: RetentionPeriod,
  previous: DocumentType | undefined,
  next: DocumentType,
): RetentionPeriod {
  if (previous !== undefined && current !== DEFAULT_RETENTION_SCHEDULE[previous]) return current;
  return DEFAULT_RETENTION_SCHEDULE[next];
}

/** One row of the route dialog: a department or a person, lead or not, and how it travels. */
export interface ReceiverRow {
  kind: 'department' | 'person';
  departmentId: string | null;
  userId: string | null;
  lead: boolean;
  method: TransferMethod;
}

export function blankReceiverRow(lead = false): ReceiverRow {
  return { kind: 'department', departmentId: null, userId: null, lead, method: 'system' };
}

/** The rows as the API takes them (DOC-4); a row with nobody chosen is incomplete (undefined). */
export function receiversOf(rows: readonly ReceiverRow[]): IncomingReceiver[] | undefined {
  const receivers: IncomingReceiver[] = [];
  for (const row of rows) {
    const id = row.kind === 'department' ? row.departmentId : row.userId;
    if (!id) return undefined;
    receivers.push(
      row.kind === 'department'
        ? { departmentId: id, lead: row.lead, method: row.method }
        : { userId: id, lead: row.lead, method: row.method },
    );
  }
  return receivers;
}

/** What a flow action asks for in its dialog. */
export type ActionInput = 'note' | 'reason' | 'proposal' | 'instruction' | 'route' | 'opinion';

export interface DocumentButton {
  kind: 'flow' | 'receiver';
  action: IncomingAction | ReceiverAction;
  input: ActionInput;
  type: 'primary' | 'danger' | 'default';
}

const FLOW_INPUT: Record<IncomingAction, ActionInput> = {
  register: 'note',
  review: 'note',
  return: 'reason',
  propose: 'proposal',
  instruct: 'instruction',
  route: 'route',
  remind: 'note',
  complete: 'note',
  file: 'note',
};

/**
 * The buttons of the detail page: exactly the API's allowedActions (the flow, by the person's
 * permissions) and receiverActions (a receiver's confirmation and handling opinion), in that order.
 */
export function documentButtons(document: Pick<IncomingDocument, 'allowedActions' | 'receiverActions'>): DocumentButton[] {
  const flow = document.allowedActions.map<DocumentButton>((action) => ({
    kind: 'flow',
    action,
    input: FLOW_INPUT[action],
    type: action === 'return' ? 'danger' : action === 'remind' ? 'default' : 'primary',
  }));
  const receiver = (document.receiverActions ?? []).map<DocumentButton>((action) => ({
    kind: 'receiver',
    action,
    input: action === 'opinion' ? 'opinion' : 'note',
    type: 'primary',
  }));
  return [...flow, ...receiver];
}

/** One entry of the circulation timeline, newest last. */
export interface TimelineEntry {
  key: string;
  at: string;
  receiver: string;
  lead: boolean;
  method: TransferMethod;
  confirmedAt: string | null;
  opinion: string | null;
  handledAt: string | null;
}

export function circulationTimeline(routes: readonly IncomingRoute[]): TimelineEntry[] {
  return [...routes]
    .sort((a, b) => a.routedAt.localeCompare(b.routedAt))
    .map((route) => ({
      key: route.id,
      at: route.routedAt,
      receiver: [route.department?.name, route.user?.name].filter(Boolean).join(' / '),
      lead: route.lead,
      method: route.method,
      confirmedAt: route.confirmedAt,
      opinion: route.opinion,
      handledAt: route.handledAt,
    }));
}
