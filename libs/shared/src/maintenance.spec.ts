import { describe, expect, it } from 'vitest';
import {
  MAINTENANCE_OPEN_STATUSES,
  MAINTENANCE_STATUSES,
  MAINTENANCE_TRANSITIONS,
  inspectionPeriodEnd,
  inspectionPeriodKey,
  maintenanceActionsFrom,
  nextMaintenanceStatus,
} from './maintenance.js';

describe('maintenance requests and inspections', () => {
  it('LOG-9 the flow goes from submission to a rated confirmation, and a rejection reopens it', () => {
    const path = [
      ['submitted', 'triage', 'triaged'],
      ['triaged', 'assign', 'assigned'],
      ['assigned', 'start', 'in-progress'],
      ['in-progress', 'complete', 'completed'],
      ['completed', 'reject', 'reopened'],
      ['reopened', 'complete', 'completed'],
      ['completed', 'confirm', 'confirmed'],
    ] as const;
    for (const [from, action, to] of path) expect(nextMaintenanceStatus(from, action)).toBe(to);
  });

  it('LOG-9 an external cost above the threshold waits for approval before anyone is assigned', () => {
    expect(nextMaintenanceStatus('submitted', 'submit-cost')).toBe('awaiting-approval');
    expect(nextMaintenanceStatus('awaiting-approval', 'assign')).toBeUndefined();
    expect(nextMaintenanceStatus('awaiting-approval', 'approve')).toBe('triaged');
    expect(nextMaintenanceStatus('awaiting-approval', 'decline')).toBe('submitted');
  });

  it('LOG-9 closed requests take no action, and every target status is a status', () => {
    expect(maintenanceActionsFrom('confirmed')).toEqual([]);
    expect(maintenanceActionsFrom('cancelled')).toEqual([]);
    for (const moves of Object.values(MAINTENANCE_TRANSITIONS))
      for (const to of Object.values(moves)) expect(MAINTENANCE_STATUSES).toContain(to);
    expect(MAINTENANCE_OPEN_STATUSES).not.toContain('confirmed');
    expect(MAINTENANCE_OPEN_STATUSES).not.toContain('cancelled');
  });

  it('LOG-10 a round belongs to one period per frequency, due on its last day', () => {
    expect(inspectionPeriodKey('2026-12-05', 'monthly')).toBe('2026-12');
    expect(inspectionPeriodEnd('2026-02-10', 'monthly')).toBe('2026-02-28');
    expect(inspectionPeriodKey('2026-11-30', 'quarterly')).toBe('2026-Q4');
    expect(inspectionPeriodEnd('2026-11-30', 'quarterly')).toBe('2026-12-31');
    // ISO weeks: 2026-12-31 (Thursday) is in week 53 of 2026; 2027-01-03 (Sunday) too.
    expect(inspectionPeriodKey('2026-12-31', 'weekly')).toBe('2026-W53');
    expect(inspectionPeriodKey('2027-01-03', 'weekly')).toBe('2026-W53');
    expect(inspectionPeriodEnd('2026-12-30', 'weekly')).toBe('2027-01-03');
  });
});
