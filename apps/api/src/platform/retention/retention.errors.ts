import { HttpStatus } from '@nestjs/common';
import { DESTRUCTION_LIST_STATUS_LABELS, RETENTION_ERRORS, type DestructionListAction, type DestructionListStatus } from '@xiaoban/shared';
import { ApiError, conflict } from '../http/api-error';

export { RETENTION_ERRORS };

export const illegalListMove = (status: DestructionListStatus, action: DestructionListAction) =>
  conflict(
    RETENTION_ERRORS.ILLEGAL_TRANSITION,
    `A destruction list that is ${DESTRUCTION_LIST_STATUS_LABELS[status]['zh-CN']} cannot be acted on with "${action}"`,
  );

export const notApproved = () => conflict(RETENTION_ERRORS.NOT_APPROVED, 'The destruction list has not been approved');

export const tooFewWitnesses = (confirmed: number, needed: number) =>
  conflict(RETENTION_ERRORS.TOO_FEW_WITNESSES, `A destruction needs ${needed} witnesses (监销人) who confirmed it; ${confirmed} did`);

export const notRecorded = () => conflict(RETENTION_ERRORS.NOT_RECORDED, 'Record the method, date and place of the destruction first');

export const nothingExpired = () =>
  conflict(RETENTION_ERRORS.NOTHING_EXPIRED, 'No record is past its retention and waiting for destruction');

export const notAWitness = () =>
  new ApiError(HttpStatus.FORBIDDEN, RETENTION_ERRORS.NOT_A_WITNESS, 'You are not a witness (监销人) of this destruction');
