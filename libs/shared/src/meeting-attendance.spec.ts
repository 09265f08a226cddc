import { describe, expect, it } from 'vitest';
import {
  MATERIAL_STATUSES,
  attendanceForSignIn,
  countAttendance,
  effectiveAttendance,
  materialStepsFrom,
  nextMaterialStatus,
} from './meeting-attendance.js';

describe('meeting attendance', () => {
  const start = new Date('2027-03-01T09:00:00+08:00');
  const end = new Date('2027-03-01T10:00:00+08:00');

  it('MTG-6 a sign-in within the 5-minute grace is present, after it late', () => {
    expect(attendanceForSignIn(start, new Date('2027-03-01T08:50:00+08:00'))).toBe('present');
    expect(attendanceForSignIn(start, new Date('2027-03-01T09:05:00+08:00'))).toBe('present');
    expect(attendanceForSignIn(start, new Date('2027-03-01T09:05:01+08:00'))).toBe('late');
  });

  it('MTG-6 recorded attendance wins; leave by answer; absent only once the meeting has ended', () => {
    const during = new Date('2027-03-01T09:30:00+08:00');
    const after = new Date('2027-03-01T10:00:00+08:00');
    expect(effectiveAttendance({ attendance: 'late', response: 'leave' }, end, after)).toBe('late');
    expect(effectiveAttendance({ attendance: null, response: 'leave' }, end, during)).toBe('leave');
    expect(effectiveAttendance({ attendance: null, response: 'accepted' }, end, during)).toBeNull();
    expect(effectiveAttendance({ attendance: null, response: 'pending' }, end, after)).toBe('absent');
    expect(countAttendance(['present', 'late', null, 'leave', 'absent', 'present'])).toEqual({
      expected: 6,
      present: 2,
      late: 1,
      absent: 1,
      leave: 1,
      waiting: 1,
    });
  });

  it('MTG-5 a material is printed, then bound, then distributed; distribution may skip the paper steps', () => {
    expect(nextMaterialStatus('uploaded', 'print')).toBe('printed');
    expect(nextMaterialStatus('uploaded', 'bind')).toBeNull();
    expect(nextMaterialStatus('printed', 'bind')).toBe('bound');
    expect(nextMaterialStatus('uploaded', 'distribute')).toBe('distributed');
    expect(materialStepsFrom('distributed')).toEqual([]);
    for (const status of MATERIAL_STATUSES) {
      for (const step of materialStepsFrom(status)) expect(MATERIAL_STATUSES).toContain(nextMaterialStatus(status, step));
    }
  });
});
