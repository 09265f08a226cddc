import { describe, expect, it } from 'vitest';
import { PURCHASE_LIST_ACTIONS, PURCHASE_LIST_STATUSES, bestQuote, modelsMatch, normaliseModel, purchaseListAllows } from './purchasing.js';

describe('purchasing (LOG-2–LOG-4)', () => {
  it('LOG-3 compares models ignoring case, spaces and full-width forms', () => {
    expect(normaliseModel(' A4  70g ')).toBe('a470g');
    expect(modelsMatch('７０Ｇ　500张/包', '70g 500张/包')).toBe(true);
    expect(modelsMatch('60g 500张/包', '70g 500张/包')).toBe(false);
  });

  it('LOG-3 the best quote is the lowest unit price among those matching the specification; none when none matches', () => {
    const quotes = [
      { id: 'a', unitPriceFen: 2300, model: '70g 500张/包' },
      { id: 'b', unitPriceFen: 2100, model: '60g 500张/包' },
      { id: 'c', unitPriceFen: 2300, model: '70G 500张/包' },
      { id: 'd', unitPriceFen: 2500, model: '70g 500张/包' },
    ];
    expect(bestQuote('70g 500张/包', quotes)?.id).toBe('a'); // the tie goes to the first given
    expect(bestQuote('80g 500张/包', quotes)).toBeNull();
    expect(bestQuote('70g 500张/包', [])).toBeNull();
  });

  it('LOG-3 LOG-4 a purchase list is ordered only once approved, and received only once ordered', () => {
    for (const status of PURCHASE_LIST_STATUSES) {
      expect(purchaseListAllows(status, 'order')).toBe(status === 'approved');
      expect(purchaseListAllows(status, 'receive')).toBe(status === 'ordered' || status === 'receiving');
      expect(purchaseListAllows(status, 'quote')).toBe(status === 'draft');
    }
    expect(PURCHASE_LIST_ACTIONS.submitted).toEqual([]);
  });
});
