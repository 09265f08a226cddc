import { effectiveAttendance, type AttendeeResponse, type AttendanceState } from '@xiaoban/shared';
import type { EntityManager } from 'typeorm';

/** The three lists of the 纪要 header. */
export interface AttendanceLists {
  /** 出席 */
  present: string[];
  /** 请假 */
  leave: string[];
  /** 列席 */
  observers: string[];
}

/**
 * The 出席/请假/列席 lists of a meeting, by name. Where attendance was taken (MTG-6: sign-in or
 * marked by staff), it decides: present or late is 出席, on leave is 请假, and whoever was absent
 * is on neither list. A meeting where nobody took attendance falls back to the answers to the
 * notice: leave is 请假, everyone else 出席. An observer (列席) who was there is listed as 列席.
 */
export async function attendanceLists(manager: EntityManager, meetingId: string, now: Date = new Date()): Promise<AttendanceLists> {
  const rows: { name: string; role: string; response: AttendeeResponse; attendance: AttendanceState | null; ends_at: Date }[] =
    await manager.query(
      `SELECT u.name, a.role, a.response, a.attendance, m.ends_at
         FROM meeting_attendees a JOIN users u ON u.id = a.user_id JOIN meetings m ON m.id = a.meeting_id
        WHERE a.meeting_id = $1 ORDER BY u.name`,
      [meetingId],
    );
  const attendanceTaken = rows.some((r) => r.attendance !== null);
  const lists: AttendanceLists = { present: [], leave: [], observers: [] };
  for (const row of rows) {
    const state = attendanceTaken
      ? effectiveAttendance({ attendance: row.attendance, response: row.response }, new Date(row.ends_at), now)
      : row.response === 'leave'
        ? 'leave'
        : 'present';
    if (state === 'leave') lists.leave.push(row.name);
    else if (state === 'absent') continue;
    else if (row.role === 'observer') lists.observers.push(row.name);
    else lists.present.push(row.name);
  }
  return lists;
}
