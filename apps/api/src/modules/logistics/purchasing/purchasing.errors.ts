import { HttpStatus } from '@nestjs/common';
import { PURCHASE_LIST_STATUS_LABELS, PURCHASING_ERRORS, type PurchaseListStatus } from '@xiaoban/shared';
import { ApiError, conflict } from '../../../platform/http/api-error';

export { PURCHASING_ERRORS };

const unprocessable = (code: string, message: string, fieldErrors: Record<string, string[]>) =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, fieldErrors);

export const listIllegalAction = (status: PurchaseListStatus, action: string) =>
  conflict(
    PURCHASING_ERRORS.PURCHASE_LIST_ILLEGAL_ACTION,
    `A purchase list that is ${PURCHASE_LIST_STATUS_LABELS[status].en.toLowerCase()} cannot be acted on with "${action}"`,
  );

export const listNotApproved = () =>
  conflict(PURCHASING_ERRORS.PURCHASE_LIST_NOT_APPROVED, 'A purchase list is ordered only once its approval has come through');

export const windowClosed = () => conflict(PURCHASING_ERRORS.DEMAND_WINDOW_CLOSED, 'The demand window of this month is closed');

export const windowExists = () =>
  conflict(PURCHASING_ERRORS.DEMAND_WINDOW_EXISTS, 'A demand window for this month exists already', { month: ['already opened'] });

export const supplierNameTaken = () =>
  conflict(PURCHASING_ERRORS.SUPPLIER_NAME_TAKEN, 'A supplier of this name exists already', { name: ['already in use'] });

export const quotesMissing = (fieldErrors: Record<string, string[]>) =>
  unprocessable(PURCHASING_ERRORS.PURCHASE_QUOTES_MISSING, 'Some lines lack quotes or a chosen quote', fieldErrors);

export const choiceReasonRequired = () =>
  unprocessable(
    PURCHASING_ERRORS.PURCHASE_CHOICE_REASON_REQUIRED,
    'Choosing another quote than the best matching one needs a written reason',
    {
      reason: ['write why this quote and not the lowest matching one'],
    },
  );

export const overQuota = (fieldErrors: Record<string, string[]>) =>
  unprocessable(PURCHASING_ERRORS.DEMAND_OVER_QUOTA, 'Lines over the department’s monthly quota need a reason', fieldErrors);
