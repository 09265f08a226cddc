import {
  DEFAULT_RETENTION_SCHEDULE,
  DISTRIBUTION_KIND_LABELS,
  OUTGOING_ACTION_LABELS,
  OUTGOING_DIRECTION_LABELS,
  OUTGOING_NUMBER_FATE_LABELS,
  OUTGOING_STATUS_LABELS,
  OUTGOING_SYSTEM_ACTIONS,
  isClassified,
  type DistributionKind,
  type DocumentSecrecy,
  type DocumentType,
  type DocumentUrgency,
  type OutgoingAction,
  type OutgoingDirection,
  type OutgoingNumberFate,
  type OutgoingStatus,
  type RetentionPeriod,
  type TransferMethod,
} from '@xiaoban/shared';
import type { AppLocale } from '../../../i18n';
import type { BodyOf, ResponseOf } from '../../../api/types';
import type { UploadedFile } from '../../../api/platformTypes';

export type OutgoingDocument = ResponseOf<'/api/v1/documents/outgoing/{id}', 'get'>;
export type OutgoingRow = ResponseOf<'/api/v1/documents/outgoing', 'get'>['items'][number];
export type OutgoingDraftBody = BodyOf<'/api/v1/documents/outgoing', 'post'>;
export type LintRule = ResponseOf<'/api/v1/documents/outgoing/lint-rules', 'get'>[number];
export type LintFinding = OutgoingDocument['lint']['findings'][number];
export type OutgoingPrefix = ResponseOf<'/api/v1/documents/outgoing/prefixes', 'get'>[number];
export type NumberReport = ResponseOf<'/api/v1/documents/outgoing/prefixes/{id}/numbers', 'get'>;
export type NumberEntry = NumberReport['entries'][number];
export type PersonalAction = OutgoingDocument['personalActions'][number];
export type Distribution = OutgoingDocument['distributions'][number];

/* Labels of the shared catalogue, in both languages. */
export const outgoingStatusLabel = (status: OutgoingStatus, locale: AppLocale): string => OUTGOING_STATUS_LABELS[status][locale];
export const outgoingActionLabel = (action: OutgoingAction, locale: AppLocale): string => OUTGOING_ACTION_LABELS[action][locale];
export const directionLabel = (direction: OutgoingDirection, locale: AppLocale): string => OUTGOING_DIRECTION_LABELS[direction][locale];
export const distributionKindLabel = (kind: DistributionKind, locale: AppLocale): string => DISTRIBUTION_KIND_LABELS[kind][locale];
/** A step of the history: the action's label; null for a step the flow's catalogue does not name (the drafting itself, an edit). */
export const stepActionLabel = (action: string, locale: AppLocale): string | null =>
  action in OUTGOING_ACTION_LABELS ? OUTGOING_ACTION_LABELS[action as OutgoingAction][locale] : null;
export const numberFateLabel = (fate: OutgoingNumberFate, locale: AppLocale): string => OUTGOING_NUMBER_FATE_LABELS[fate][locale];

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

export function outgoingStatusTagType(status: OutgoingStatus): TagType {
  switch (status) {
    case 'draft':
      return 'info';
    case 'signing':
    case 'countersigning':
      return 'warning';
    case 'distributed':
    case 'ready-to-file':
      return 'success';
    default:
      return 'primary';
  }
}

/** A document is classified unless it is unclassified (none); only then do the copy number and the secrecy period exist (GB/T 9704 7.2.1, 7.2.2). */
/** The shared rule, re-exported for the outgoing pages. */
export { isClassified };

/**
 * Recipients typed as one line, as offices write them: separated by the enumeration comma,
 * a comma (either width), a semicolon or a new line. Blanks and repeats are dropped.
 */
export function splitNames(text: string): string[] {
  const names = text
    .split(/[\u3001,\uff0c;\uff1b\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** The names back as one line for the form. */
export const joinNames = (names: readonly string[]): string => names.join('\u3001');

/** The drafting form: every element of GB/T 9704 that the drafter writes. */
export interface DraftForm {
  docType: DocumentType;
  direction: OutgoingDirection;
  title: string;
  body: string;
  mainRecipients: string;
  ccRecipients: string;
  signers: string;
  secrecy: DocumentSecrecy;
  secrecyPeriod: string;
  copyNumber: string;
  urgency: DocumentUrgency;
  issuerMark: string;
  writtenOn: string | null;
  attachmentNote: string;
  remark: string;
  printingOrg: string;
  printedOn: string | null;
  retention: RetentionPeriod;
  departmentId: string | null;
  files: UploadedFile[];
}

export function blankDraftForm(): DraftForm {
  return {
    docType: 'notice',
    direction: 'downward',
    title: '',
    body: '',
    mainRecipients: '',
    ccRecipients: '',
    signers: '',
    secrecy: 'none',
    secrecyPeriod: '',
    copyNumber: '',
    urgency: 'normal',
    issuerMark: '',
    writtenOn: null,
    attachmentNote: '',
    remark: '',
    printingOrg: '',
    printedOn: null,
    retention: DEFAULT_RETENTION_SCHEDULE.notice,
    departmentId: null,
    files: [],
  };
}

/** The form filled from a document, to edit it. */
export function draftFormOf(document: OutgoingDocument): DraftForm {
  return {
    docType: document.docType,
    direction: document.direction,
    title: document.title,
    body: document.body ?? '',
    mainRecipients: joinNames(document.mainRecipients),
    ccRecipients: joinNames(document.ccRecipients),
    signers: joinNames(document.signers),
    secrecy: document.secrecy,
    secrecyPeriod: document.secrecyPeriod ?? '',
    copyNumber: document.copyNumber ?? '',
    urgency: document.urgency,
    issuerMark: document.issuerMark ?? '',
    writtenOn: document.writtenOn,
    attachmentNote: document.attachmentNote ?? '',
    remark: document.remark ?? '',
    printingOrg: document.printingOrg ?? '',
    printedOn: document.printedOn,
    retention: document.retention,
    departmentId: document.department?.id ?? null,
    files: document.attachments.map((file) => ({ ...file })) as unknown as UploadedFile[],
  };
}

const textOrUndefined = (text: string): string | undefined => text.trim() || undefined;

/**
 * The body the API takes (POST, and PATCH with the version). The copy number and the secrecy
 * period go only with a classified document: an unclassified one carries neither (GB/T 9704 7.2.2).
 */
export function draftBodyOf(form: DraftForm): OutgoingDraftBody {
  const classified = isClassified(form.secrecy);
  return {
    docType: form.docType,
    direction: form.direction,
    title: form.title.trim(),
    body: form.body,
    mainRecipients: splitNames(form.mainRecipients),
    ccRecipients: splitNames(form.ccRecipients),
    signers: splitNames(form.signers),
    secrecy: form.secrecy,
    secrecyPeriod: classified ? textOrUndefined(form.secrecyPeriod) : undefined,
    copyNumber: classified ? textOrUndefined(form.copyNumber) : undefined,
    urgency: form.urgency,
    issuerMark: textOrUndefined(form.issuerMark),
    writtenOn: form.writtenOn ?? undefined,
    attachmentNote: textOrUndefined(form.attachmentNote),
    remark: textOrUndefined(form.remark),
    printingOrg: textOrUndefined(form.printingOrg),
    printedOn: form.printedOn ?? undefined,
    retention: form.retention,
    departmentId: form.departmentId ?? undefined,
    attachmentIds: form.files.map((file) => file.id),
  };
}

/**
 * The attached files the drafter took off in the edit form: the document's attachments that are
 * no longer in the form's list (the API adds the new ones and leaves the others as they are).
 */
export function removedAttachmentIds(attachments: readonly { id: string }[], form: Pick<DraftForm, 'files'>): string[] {
  const kept = new Set(form.files.map((file) => file.id));
  return attachments.filter((file) => !kept.has(file.id)).map((file) => file.id);
}

/** One rule of the lint panel with this draft's result: passed, or its findings. */
export interface LintRow {
  id: string;
  label: string;
  description: string;
  severity: 'error' | 'warning';
  result: 'pass' | 'fail' | 'warn';
  messages: string[];
}

/**
 * Every rule of the standard, by name, with what it says about this draft (DOC-7): a rule with an
 * error finding fails, one with only warnings warns, one without findings passes.
 */
export function lintRows(rules: readonly LintRule[], findings: readonly LintFinding[], locale: AppLocale): LintRow[] {
  return rules.map((rule) => {
    const mine = findings.filter((finding) => finding.rule === rule.id);
    const result = mine.some((finding) => finding.severity === 'error') ? 'fail' : mine.length > 0 ? 'warn' : 'pass';
    return {
      id: rule.id,
      label: locale === 'en' ? rule.labelEn : rule.label,
      description: locale === 'en' ? rule.descriptionEn : rule.description,
      severity: rule.severity,
      result,
      messages: mine.map((finding) => finding.message),
    };
  });
}

/** What an action asks for in its dialog. */
export type OutgoingInput =
  'note' | 'reason' | 'countersigners' | 'countersign' | 'register' | 'print' | 'distribute' | 'confirm-distribution';

export type OutgoingButtonAction =
  Exclude<OutgoingAction, 'sign-off' | 'reject-signoff' | 'revise'> | 'countersign' | 'confirm-distribution';

export interface OutgoingButton {
  action: OutgoingButtonAction;
  input: OutgoingInput;
  type: 'primary' | 'danger' | 'default';
}

const FLOW_INPUT: Partial<Record<OutgoingAction, OutgoingInput>> = {
  submit: 'note',
  check: 'note',
  return: 'reason',
  'request-countersign': 'countersigners',
  'request-signoff': 'note',
  review: 'note',
  register: 'register',
  print: 'print',
  proofread: 'note',
  seal: 'note',
  distribute: 'distribute',
  file: 'note',
};

/**
 * The buttons of the detail page: exactly the API's allowedActions (less those the system takes:
 * the approval's outcome and an edit), then the countersigner's own answer. A receiver confirms
 * on the row of the distribution list; the edit button is the `edit` personal action.
 */
export function outgoingButtons(document: Pick<OutgoingDocument, 'allowedActions' | 'personalActions'>): OutgoingButton[] {
  const buttons: OutgoingButton[] = [];
  for (const action of document.allowedActions) {
    if (OUTGOING_SYSTEM_ACTIONS.includes(action) || action === 'countersign') continue;
    const input = FLOW_INPUT[action];
    if (!input) continue;
    buttons.push({ action: action as OutgoingButtonAction, input, type: action === 'return' ? 'danger' : 'primary' });
  }
  if (document.personalActions.includes('countersign')) buttons.push({ action: 'countersign', input: 'countersign', type: 'primary' });
  return buttons;
}

/**
 * Whether this person may confirm receipt of a distribution: it was sent and not yet confirmed,
 * and they are its receiver (the API's personal action) or the office recording a paper receipt.
 */
export function canConfirmDistribution(
  distribution: Pick<Distribution, 'distributedAt' | 'confirmedAt'>,
  document: Pick<OutgoingDocument, 'personalActions'>,
  office: boolean,
): boolean {
  if (!distribution.distributedAt || distribution.confirmedAt) return false;
  return office || document.personalActions.includes('confirm-distribution');
}

/** One row of the registration's distribution list: a department of the school or an organisation by name. */
export interface DistributionRow {
  kind: DistributionKind;
  target: 'department' | 'org';
  departmentId: string | null;
  orgName: string;
  copies: number;
}

/** The distribution list proposed from the draft: its main and copied recipients, one copy each. */
export function distributionFromDraft(document: Pick<OutgoingDocument, 'mainRecipients' | 'ccRecipients'>): DistributionRow[] {
  const row = (kind: DistributionKind, orgName: string): DistributionRow => ({
    kind,
    target: 'org',
    departmentId: null,
    orgName,
    copies: 1,
  });
  return [...document.mainRecipients.map((name) => row('main', name)), ...document.ccRecipients.map((name) => row('cc', name))];
}

export type DistributionBody = BodyOf<'/api/v1/documents/outgoing/{id}/register', 'post'>['distribution'];

/** The rows as the API takes them; undefined when a row names nobody. */
export function distributionBodyOf(rows: readonly DistributionRow[]): DistributionBody | undefined {
  const body: DistributionBody = [];
  for (const row of rows) {
    if (row.target === 'department') {
      if (!row.departmentId) return undefined;
      body.push({ kind: row.kind, departmentId: row.departmentId, copies: row.copies });
    } else {
      if (!row.orgName.trim()) return undefined;
      body.push({ kind: row.kind, orgName: row.orgName.trim(), copies: row.copies });
    }
  }
  return body;
}

/** Copies printed by default: the sum of the distribution list. */
export const copiesOf = (rows: readonly Pick<DistributionRow, 'copies'>[]): number => rows.reduce((sum, row) => sum + row.copies, 0);

/** Who a distribution goes to, as a line. */
export const recipientOf = (distribution: Pick<Distribution, 'department' | 'orgName'>): string =>
  distribution.department?.name ?? distribution.orgName ?? '';

/** The secrecy element as printed: level, a star, the period; nothing for an unclassified document. */
export function secrecyMark(secrecyLabelText: string, secrecy: string, period: string | null): string {
  if (!isClassified(secrecy)) return '';
  return period ? `${secrecyLabelText}\u2605${period}` : secrecyLabelText;
}

export type { TransferMethod };
