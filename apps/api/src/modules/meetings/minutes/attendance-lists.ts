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
 * The 出席/请假/列席 lists of a meeting, by name, from its invitees: an 列席 (observer) is listed
 * as 列席, an attendee who asked for leave as 请假, everyone else as 出席.
 *
 * Sign-in (MTG-6) adds an `attendance` column to meeting_attendees; once it is there, the
 * recorded attendance takes precedence over the answer to the notice (absent → not 出席, on leave
 * → 请假). This is the one place that derives the lists, so that change is made here only.
 */
export async function attendanceLists(manager: EntityManager, meetingId: string): Promise<AttendanceLists> {
  const rows: { name: string; role: string; response: string }[] = await manager.query(
    `SELECT u.name, a.role, a.response FROM meeting_attendees a JOIN users u ON u.id = a.user_id
      WHERE a.meeting_id = $1 ORDER BY u.name`,
    [meetingId],
  );
  const lists: AttendanceLists = { present: [], leave: [], observers: [] };
  for (const row of rows) {
    if (row.role === 'observer') lists.observers.push(row.name);
    else if (row.response === 'leave') lists.leave.push(row.name);
    else lists.present.push(row.name);
  }
  return lists;
}
