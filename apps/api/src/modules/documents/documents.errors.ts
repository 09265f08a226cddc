import { HttpStatus } from '@nestjs/common';
import {
  DOCUMENT_ERRORS,
  INCOMING_ACTION_LABELS,
  INCOMING_STATUS_LABELS,
  OUTGOING_ACTION_LABELS,
  OUTGOING_ERRORS,
  OUTGOING_STATUS_LABELS,
  type IncomingAction,
  type IncomingStatus,
  type LintFinding,
  type OutgoingAction,
  type OutgoingStatus,
} from '@xiaoban/shared';
import { ApiError, conflict } from '../../platform/http/api-error';

/** The documents module's error codes (declared in libs/shared so the panel can branch on them). */
export { DOCUMENT_ERRORS, OUTGOING_ERRORS };

/** 409: the flow does not allow this action from this status. */
export const illegalTransition = (status: IncomingStatus, action: IncomingAction) =>
  conflict(
    DOCUMENT_ERRORS.ILLEGAL_TRANSITION,
    `A document that is ${INCOMING_STATUS_LABELS[status]['zh-CN']} cannot be acted on with ${INCOMING_ACTION_LABELS[action]['zh-CN']}`,
  );

/** 409: a major document waits for its leader's approval before routing (DOC-5). */
export const awaitingApproval = () =>
  conflict(DOCUMENT_ERRORS.AWAITING_APPROVAL, 'A major document is routed only after a school leader has approved it');

/** 403: only the document's receivers confirm receipt and record a handling opinion. */
export const notAReceiver = () =>
  new ApiError(HttpStatus.FORBIDDEN, DOCUMENT_ERRORS.NOT_A_RECEIVER, 'You are not a receiver of this document');

/** 409: this receiver has already confirmed or handled the transfer. */
export const alreadyDone = (what: 'confirmed' | 'handled') =>
  conflict(DOCUMENT_ERRORS.ILLEGAL_TRANSITION, `You have already ${what} this document`);

// ---------- outgoing documents (发文, DOC-7) ----------

/** 409: the outgoing flow does not allow this action from this status. */
export const outgoingIllegalTransition = (status: OutgoingStatus, action: OutgoingAction, message?: string) =>
  conflict(
    DOCUMENT_ERRORS.ILLEGAL_TRANSITION,
    message ??
      `An outgoing document that is ${OUTGOING_STATUS_LABELS[status]['zh-CN']} cannot be acted on with ${OUTGOING_ACTION_LABELS[action]['zh-CN']}`,
  );

/** 409: the text is no longer editable in this status (or not by this person). */
export const outgoingNotEditable = (status: OutgoingStatus) =>
  conflict(DOCUMENT_ERRORS.ILLEGAL_TRANSITION, `An outgoing document that is ${OUTGOING_STATUS_LABELS[status]['zh-CN']} cannot be edited`);

/** 422: the GB/T 9704 lint finds errors; `errors` holds them by field, each message prefixed with its rule. */
export const lintFailed = (findings: LintFinding[]) => {
  const errors: Record<string, string[]> = {};
  for (const f of findings) (errors[f.field] ??= []).push(`[${f.rule}] ${f.message}`);
  return new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, OUTGOING_ERRORS.LINT_FAILED, 'The draft breaks GB/T 9704 rules', errors);
};

/** 403: the person is not a countersigner (or recipient) of this document. */
export const notACountersigner = (message = 'You are not a countersigner of this document') =>
  new ApiError(HttpStatus.FORBIDDEN, OUTGOING_ERRORS.NOT_A_COUNTERSIGNER, message);

/** 409: a deactivated 代字 gives no new numbers. */
export const prefixInactive = (code: string) => conflict(OUTGOING_ERRORS.PREFIX_INACTIVE, `The 代字 ${code} is deactivated`);

/** 409: the 代字 exists already. */
export const prefixExists = (code: string) =>
  conflict(OUTGOING_ERRORS.PREFIX_EXISTS, `The 代字 ${code} exists already`, { code: ['this 代字 exists already'] });

/** 409: only a reserved number can be voided. */
export const numberNotReserved = (number: string) =>
  conflict(DOCUMENT_ERRORS.ILLEGAL_TRANSITION, `${number} is not a reserved number; only reserved numbers are voided`);
