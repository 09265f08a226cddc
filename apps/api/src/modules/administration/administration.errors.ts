import { HttpStatus } from '@nestjs/common';
import { ADMINISTRATION_ERRORS, SEAL_STATUS_LABELS, type SealStatus } from '@xiaoban/shared';
import { ApiError, conflict } from '../../platform/http/api-error';

/** The administration module's error codes (declared in libs/shared so the panel can branch on them). */
export { ADMINISTRATION_ERRORS };

/** 409: a seal that is suspended, lost or destroyed takes no application and no use (ADM-5, ADM-6). */
export const sealNotInUse = (status: SealStatus) =>
  conflict(ADMINISTRATION_ERRORS.SEAL_NOT_IN_USE, `The seal is ${SEAL_STATUS_LABELS[status]['zh-CN']} and cannot be used`);

/** 409: the status move is not allowed. */
export const sealIllegalStatus = (from: SealStatus, to: SealStatus) =>
  conflict(
    ADMINISTRATION_ERRORS.SEAL_ILLEGAL_STATUS,
    `A seal that is ${SEAL_STATUS_LABELS[from]['zh-CN']} cannot become ${SEAL_STATUS_LABELS[to]['zh-CN']}`,
  );

/** 403: only the seal's custodian does this (registers a use, hands over, inspects). */
export const notCustodian = (message = 'Only the seal’s custodian may do this') =>
  new ApiError(HttpStatus.FORBIDDEN, ADMINISTRATION_ERRORS.SEAL_NOT_CUSTODIAN, message);

export const handoverPending = () =>
  conflict(ADMINISTRATION_ERRORS.SEAL_HANDOVER_PENDING, 'A handover of this seal is already waiting for confirmation');

export const handoverClosed = () => conflict(ADMINISTRATION_ERRORS.SEAL_HANDOVER_CLOSED, 'This handover is no longer pending');

export const useNotApproved = () => conflict(ADMINISTRATION_ERRORS.SEAL_USE_NOT_APPROVED, 'A seal is used only on an approved application');

export const useCopiesExceeded = (left: number) =>
  conflict(ADMINISTRATION_ERRORS.SEAL_USE_COPIES_EXCEEDED, `Only ${left} approved copies are left`, {
    copies: [`at most ${left} copies are left on this approval`],
  });

export const useSpent = () => conflict(ADMINISTRATION_ERRORS.SEAL_USE_SPENT, 'Every approved copy has been stamped: the approval is spent');

export const inspectionDone = () => conflict(ADMINISTRATION_ERRORS.SEAL_INSPECTION_DONE, 'This inspection has been recorded already');

export const matterClosed = () => conflict(ADMINISTRATION_ERRORS.WORK_MATTER_CLOSED, 'The matter is done or cancelled');
