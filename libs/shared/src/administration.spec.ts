import { describe, expect, it } from 'vitest';
import {
  SEAL_STATUSES,
  SEAL_TYPES,
  canMoveSeal,
  isWorkMatterClosed,
  DEPARTMENT_HEAD_SEAL_TYPES,
  LEADER_SEAL_TYPES,
} from './administration.js';

describe('administration', () => {
  it('ADM-4 a destroyed seal is final; a lost one is only found again or destroyed', () => {
    for (const to of SEAL_STATUSES) expect(canMoveSeal('destroyed', to)).toBe(false);
    expect(canMoveSeal('lost', 'in-use')).toBe(true);
    expect(canMoveSeal('lost', 'suspended')).toBe(false);
    expect(canMoveSeal('in-use', 'in-use')).toBe(false);
  });

  it('ADM-5 every seal type has someone to approve its use', () => {
    for (const type of SEAL_TYPES) expect(LEADER_SEAL_TYPES.includes(type) || DEPARTMENT_HEAD_SEAL_TYPES.includes(type)).toBe(true);
    expect(LEADER_SEAL_TYPES).toEqual(expect.arrayContaining(['official', 'party', 'legal-representative']));
    expect(DEPARTMENT_HEAD_SEAL_TYPES).not.toContain('official');
  });

  it('ADM-3 done and cancelled matters are closed', () => {
    expect(isWorkMatterClosed('done')).toBe(true);
    expect(isWorkMatterClosed('cancelled')).toBe(true);
    expect(isWorkMatterClosed('in-progress')).toBe(false);
  });
});
