import { describe, expect, it } from 'vitest';
import { canMoveSubmission, coverOf, submissionActions } from './reception';

describe('reception cover (INF-9)', () => {
  const duty = { userId: 'a', backupUserId: 'b' };
  const sameDay = [{ userId: 'c', backupUserId: 'd' }];
  const inExcept =
    (...out: string[]) =>
    (id: string) =>
      !out.includes(id);

  it('INF-9 the person on duty covers unless out; then the backup; then someone rostered that day; else a gap', () => {
    expect(coverOf(duty, sameDay, inExcept())).toEqual({ userId: 'a', reason: 'on-duty' });
    expect(coverOf(duty, sameDay, inExcept('a'))).toEqual({ userId: 'b', reason: 'backup' });
    expect(coverOf(duty, sameDay, inExcept('a', 'b'))).toEqual({ userId: 'c', reason: 'same-day' });
    expect(coverOf(duty, sameDay, inExcept('a', 'b', 'c'))).toEqual({ userId: 'd', reason: 'same-day' });
    expect(coverOf(duty, sameDay, inExcept('a', 'b', 'c', 'd'))).toEqual({ userId: null, reason: 'none' });
  });

  it('INF-9 an unrostered slot is covered by someone rostered that day, or is a gap', () => {
    expect(coverOf(null, sameDay, inExcept())).toEqual({ userId: 'c', reason: 'same-day' });
    expect(coverOf(null, [], inExcept())).toEqual({ userId: null, reason: 'none' });
  });
});

describe('collection submissions (INF-1)', () => {
  it('INF-1 the office accepts or returns a submitted item; a department resubmits a returned one; nothing leaves accepted', () => {
    expect(submissionActions('submitted', 'office')).toEqual(['accept', 'return']);
    expect(submissionActions('returned', 'office')).toEqual([]);
    expect(submissionActions('returned', 'department')).toEqual(['resubmit']);
    expect(submissionActions('accepted', 'office')).toEqual([]);
    expect(submissionActions('accepted', 'department')).toEqual([]);
    expect(canMoveSubmission('accept', 'returned')).toBe(false);
    expect(canMoveSubmission('resubmit', 'submitted')).toBe(false);
  });
});
