import { SUPPLIES_ERRORS } from '@xiaoban/shared';
import { conflict } from '../../../platform/http/api-error';

/** 409 INSUFFICIENT_STOCK: the movement would take on-hand stock below zero; nothing was written. */
export const insufficientStock = (onHand: number, asked: number) =>
  conflict(SUPPLIES_ERRORS.INSUFFICIENT_STOCK, `Not enough stock: ${onHand} on hand, ${asked} asked`, {
    quantity: [`at most ${onHand} on hand`],
  });

/** 409 INSUFFICIENT_RESERVED: a release of more than is reserved. */
export const insufficientReserved = (reserved: number, asked: number) =>
  conflict(SUPPLIES_ERRORS.INSUFFICIENT_RESERVED, `Only ${reserved} reserved, ${asked} to release`, {
    quantity: [`at most ${reserved} reserved`],
  });
