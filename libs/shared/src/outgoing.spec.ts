import { describe, expect, it } from 'vitest';
import {
  OUTGOING_ACTIONS,
  OUTGOING_STATUSES,
  OUTGOING_SYSTEM_ACTIONS,
  OUTGOING_TRANSITIONS,
  nextOutgoingStatus,
  outgoingActionsFrom,
  type OutgoingStatus,
} from './outgoing.js';

describe('the outgoing flow (发文)', () => {
  it('DOC-7 the main path runs 拟稿 → … → 归档 through button actions and the leader’s 签发', () => {
    const path = [
      'submit',
      'check',
      'request-signoff',
      'sign-off',
      'review',
      'register',
      'print',
      'proofread',
      'seal',
      'distribute',
      'file',
    ] as const;
    let status: OutgoingStatus = 'draft';
    for (const action of path) status = nextOutgoingStatus(status, action)!;
    expect(status).toBe('ready-to-file');
    expect(outgoingActionsFrom('ready-to-file')).toEqual([]);
  });

  it('DOC-7 会签 is optional and may return the draft; office review may return it; a substantive change re-signs', () => {
    expect(nextOutgoingStatus('office-review', 'request-countersign')).toBe('countersigning');
    expect(nextOutgoingStatus('countersigning', 'countersign')).toBe('countersigning');
    expect(nextOutgoingStatus('countersigning', 'request-signoff')).toBe('signing');
    expect(nextOutgoingStatus('countersigning', 'return')).toBe('draft');
    expect(nextOutgoingStatus('office-review', 'return')).toBe('draft');
    expect(nextOutgoingStatus('signed', 'revise')).toBe('signing');
    expect(nextOutgoingStatus('reviewed', 'revise')).toBe('signing');
    expect(nextOutgoingStatus('registered', 'revise')).toBeUndefined();
    expect(nextOutgoingStatus('signing', 'reject-signoff')).toBe('draft');
  });

  it('DOC-7 every status is reachable and every transition names known statuses and actions', () => {
    const reached = new Set<OutgoingStatus>(['draft']);
    for (const from of OUTGOING_STATUSES) {
      for (const [action, to] of Object.entries(OUTGOING_TRANSITIONS[from])) {
        expect(OUTGOING_ACTIONS).toContain(action);
        expect(OUTGOING_STATUSES).toContain(to);
        reached.add(to!);
      }
    }
    expect([...reached].sort()).toEqual([...OUTGOING_STATUSES].sort());
    for (const action of OUTGOING_SYSTEM_ACTIONS) expect(OUTGOING_ACTIONS).toContain(action);
  });
});
