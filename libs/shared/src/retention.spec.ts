import { describe, expect, it } from 'vitest';
import {
  DESTRUCTION_LIST_ACTIONS,
  DESTRUCTION_LIST_STATUSES,
  destructionListActionsFrom,
  latestExpiredFormationYear,
  nextDestructionListStatus,
  retentionExpiresOn,
} from './retention.js';
import { inventoryItemState, inventoryPeriodOf, inventoryScanPath, tallyInventory } from './inventory.js';

describe('retention (DOC-10)', () => {
  it('DOC-10 a period counts from 1 January of the year after the record was formed; 永久 never expires', () => {
    expect(retentionExpiresOn('10-years', '2026-03-05')).toBe('2037-01-01');
    expect(retentionExpiresOn('10-years', '2026-12-31')).toBe('2037-01-01');
    expect(retentionExpiresOn('30-years', '1990-05-01')).toBe('2021-01-01');
    expect(retentionExpiresOn('permanent', '1950-01-01')).toBeNull();
  });

  it('DOC-10 the latest expired year of formation agrees with the expiry date, on both sides of New Year', () => {
    for (const asOf of ['2036-12-31', '2037-01-01', '2037-06-30']) {
      const year = latestExpiredFormationYear('10-years', asOf)!;
      expect(retentionExpiresOn('10-years', `${year}-07-01`)! <= asOf).toBe(true);
      expect(retentionExpiresOn('10-years', `${year + 1}-07-01`)! <= asOf).toBe(false);
    }
    expect(latestExpiredFormationYear('permanent', '2099-01-01')).toBeNull();
  });

  it('DOC-10 a list is destroyed only after approval; approve and reject come from the approval alone', () => {
    expect(nextDestructionListStatus('draft', 'complete')).toBeUndefined();
    expect(nextDestructionListStatus('pending', 'complete')).toBeUndefined();
    expect(nextDestructionListStatus('approved', 'complete')).toBe('completed');
    expect(destructionListActionsFrom('completed')).toEqual([]);
    for (const status of DESTRUCTION_LIST_STATUSES)
      for (const action of destructionListActionsFrom(status)) expect(DESTRUCTION_LIST_ACTIONS).toContain(action);
  });
});

describe('inventory (DOC-9)', () => {
  it('DOC-9 tallies counted, missing, extra and damaged items', () => {
    const items = [
      { expected: true, countedAt: '2026-09-01T08:00:00Z', damaged: false },
      { expected: true, countedAt: '2026-09-01T08:05:00Z', damaged: true },
      { expected: true, countedAt: null, damaged: false },
      { expected: false, countedAt: '2026-09-01T08:10:00Z', damaged: false },
    ];
    expect(items.map(inventoryItemState)).toEqual(['counted', 'counted', 'pending', 'extra']);
    expect(tallyInventory(items)).toEqual({ expected: 3, counted: 2, missing: 1, extra: 1, damaged: 1 });
  });

  it('DOC-9 names the month and the phone page of a label', () => {
    expect(inventoryPeriodOf('2026-09-01')).toBe('2026-09');
    expect(inventoryScanPath('incoming-document', 'abc')).toBe('/m/inventory/scan/incoming-document/abc');
  });
});
