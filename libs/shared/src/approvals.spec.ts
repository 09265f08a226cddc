import { describe, expect, it } from 'vitest';
import { APPROVAL_TRANSITIONS, stepApplies } from './approvals.js';

describe('approval chains', () => {
  it('PLT-2 a condition chooses the steps by the request data', () => {
    const official = { condition: { field: 'sealType', op: 'eq' as const, value: 'official' } };
    expect(stepApplies(official, { sealType: 'official' })).toBe(true);
    expect(stepApplies(official, { sealType: 'department' })).toBe(false);
    const costly = { condition: { field: 'amountFen', op: 'gte' as const, value: 500000 } };
    expect(stepApplies(costly, { amountFen: 500000 })).toBe(true);
    expect(stepApplies(costly, { amountFen: 499999 })).toBe(false);
    expect(stepApplies(costly, { amountFen: '900000' })).toBe(false);
    const classified = { condition: { field: 'secrecy', op: 'in' as const, value: ['secret', 'confidential'] } };
    expect(stepApplies(classified, { secrecy: 'confidential' })).toBe(true);
    expect(stepApplies({ condition: null }, {})).toBe(true);
  });

  it('PLT-2 final requests allow no decision', () => {
    for (const status of ['rejected', 'withdrawn'] as const) expect(APPROVAL_TRANSITIONS[status]).toEqual({});
    expect(APPROVAL_TRANSITIONS.approved.approve).toBeUndefined();
    expect(APPROVAL_TRANSITIONS.pending.withdraw).toBe('applicant');
  });
});
