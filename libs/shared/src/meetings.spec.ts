import { describe, expect, it } from 'vitest';
import {
  BOOKING_STATUSES,
  MEETING_STATUSES,
  ROOM_EQUIPMENT,
  ROOM_EQUIPMENT_LABELS,
  SLOT_HOLDING_STATUSES,
  meetingActionsFrom,
  nextMeetingStatus,
} from './meetings.js';

describe('meetings', () => {
  it('MTG-2 the notice goes out only after the agenda is confirmed; an edit takes a confirmed agenda back to draft', () => {
    expect(nextMeetingStatus('draft', 'notify')).toBeNull();
    expect(nextMeetingStatus('draft', 'confirm-agenda')).toBe('agenda-confirmed');
    expect(nextMeetingStatus('agenda-confirmed', 'edit')).toBe('draft');
    expect(nextMeetingStatus('agenda-confirmed', 'notify')).toBe('notified');
    expect(nextMeetingStatus('notified', 'edit')).toBeNull();
    expect(meetingActionsFrom('cancelled')).toEqual([]);
    for (const status of MEETING_STATUSES) {
      for (const action of meetingActionsFrom(status)) expect(MEETING_STATUSES).toContain(nextMeetingStatus(status, action));
    }
  });

  it('MTG-1 pending and confirmed bookings hold the slot; every equipment item has labels in both languages', () => {
    expect([...SLOT_HOLDING_STATUSES].sort()).toEqual(['confirmed', 'pending']);
    for (const status of SLOT_HOLDING_STATUSES) expect(BOOKING_STATUSES).toContain(status);
    for (const item of ROOM_EQUIPMENT) {
      expect(ROOM_EQUIPMENT_LABELS[item]['zh-CN']).toBeTruthy();
      expect(ROOM_EQUIPMENT_LABELS[item].en).toBeTruthy();
    }
  });
});
