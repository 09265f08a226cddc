import { HttpStatus } from '@nestjs/common';
import { LENDING_ERRORS } from '@xiaoban/shared';
import { ApiError, conflict } from '../../../platform/http/api-error';

/** 422: the borrower has no confidentiality training this quarter (the ASM-6 gate of ADM-10). */
export const trainingRequired = () =>
  new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    LENDING_ERRORS.LOAN_TRAINING_REQUIRED,
    'The borrower has no confidentiality training (保密培训) on record for this quarter',
    { borrowerId: ['no confidentiality training this quarter'] },
  );

export const aboveClearance = () =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, LENDING_ERRORS.LOAN_ABOVE_CLEARANCE, 'The item is above the borrower’s clearance', {
    borrowerId: ['the borrower’s clearance does not cover the item’s secrecy level'],
  });

export const notClassified = () =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, LENDING_ERRORS.LOAN_ITEM_NOT_CLASSIFIED, 'Only classified items are lent this way', {
    itemId: ['the item is not classified'],
  });

export const notOnLoan = () => conflict(LENDING_ERRORS.LOAN_NOT_ON_LOAN, 'The item is not on loan (not approved yet, or returned)');
