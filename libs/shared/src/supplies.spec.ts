import { describe, expect, it } from 'vitest';
import { SUPPLY_REQUEST_ACTIONS, STOCKTAKE_ACTIONS, suggestedReorder, supplyRequestStatusAfter } from './supplies.js';

describe('supplies', () => {
  it('LOG-5 a request waits while part is issued, and is issued or cancelled once nothing waits', () => {
    expect(supplyRequestStatusAfter([{ quantity: 5, issued: 0, cancelled: 0 }])).toBe('submitted');
    expect(supplyRequestStatusAfter([{ quantity: 5, issued: 2, cancelled: 0 }])).toBe('waiting');
    expect(supplyRequestStatusAfter([{ quantity: 5, issued: 2, cancelled: 3 }])).toBe('issued');
    expect(supplyRequestStatusAfter([{ quantity: 5, issued: 0, cancelled: 5 }])).toBe('cancelled');
    expect(
      supplyRequestStatusAfter([
        { quantity: 5, issued: 5, cancelled: 0 },
        { quantity: 3, issued: 0, cancelled: 0 },
      ]),
    ).toBe('waiting');
    expect(SUPPLY_REQUEST_ACTIONS.issued).toEqual([]);
    expect(SUPPLY_REQUEST_ACTIONS.waiting).toEqual(['issue', 'cancel']);
  });

  it('LOG-6 the suggested reorder brings available back to twice the safety level, or a month of quotas above it', () => {
    expect(suggestedReorder(5, 5)).toBe(5);
    expect(suggestedReorder(5, -4)).toBe(14);
    expect(suggestedReorder(5, 2, 20)).toBe(23);
    expect(suggestedReorder(0, 0)).toBe(1);
  });

  it('LOG-7 only a submitted stocktake is approved; an approved one takes no action', () => {
    expect(STOCKTAKE_ACTIONS.counting).not.toContain('approve');
    expect(STOCKTAKE_ACTIONS.submitted).toContain('approve');
    expect(STOCKTAKE_ACTIONS.approved).toEqual([]);
  });
});
