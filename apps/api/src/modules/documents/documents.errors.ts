import { HttpStatus } from '@nestjs/common';
import { DOCUMENT_ERRORS, INCOMING_ACTION_LABELS, INCOMING_STATUS_LABELS, type IncomingAction, type IncomingStatus } from '@xiaoban/shared';
import { ApiError, conflict } from '../../platform/http/api-error';

/** The documents module's error codes (declared in libs/shared so the panel can branch on them). */
export { DOCUMENT_ERRORS };

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
