import { addDays, type IsoDate } from '@xiaoban/shared';
import type { EntityManager } from 'typeorm';
import type { MarkedDay, SemesterSpan } from './school-calendar';

/** The demo school's school year 2026–2027 (PLT-10): two semesters of a mainland Chinese 中学. */
export const DEMO_SEMESTERS: SemesterSpan[] = [
  { name: '2026-2027学年第一学期', startsOn: '2026-08-31', endsOn: '2027-01-24', firstTeachingMonday: '2026-08-31' },
  { name: '2026-2027学年第二学期', startsOn: '2027-02-22', endsOn: '2027-07-11', firstTeachingMonday: '2027-02-22' },
];

function span(from: IsoDate, to: IsoDate, kind: MarkedDay['kind'], name: string): MarkedDay[] {
  const days: MarkedDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) days.push({ date, kind, name });
  return days;
}

/**
 * Holidays and 调休 as the State Council announced them for 2026 (中秋 9/25–27; 国庆 10/1–7 with
 * the Sundays/Saturdays 9/20 and 10/10 worked), and 元旦 2027 as the usual 3 days (1/1–1/3, no
 * 调休): the 2027 notice is published in late 2026, so check these dates against it then. Exam
 * weeks are marked no-teaching.
 */
export const DEMO_CALENDAR_DAYS: MarkedDay[] = [
  ...span('2026-09-25', '2026-09-27', 'holiday', '中秋节'),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
  ...span('2026-10-01', '2026-10-07', 'holiday', '国庆节'),
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
  ...span('2026-11-12', '2026-11-13', 'no-teaching', '期中考试'),
  ...span('2027-01-01', '2027-01-03', 'holiday', '元旦'),
  ...span('2027-01-18', '2027-01-22', 'no-teaching', '期末考试'),
];

/**
 * Loads the demo calendar into the demo school; the demo seed calls it in its transaction.
 * Idempotent: dates and semesters already there are left as they are.
 */
export async function seedCalendarDemo(manager: EntityManager): Promise<void> {
  for (const s of DEMO_SEMESTERS) {
    await manager.query(
      `INSERT INTO semesters (name, starts_on, ends_on, first_teaching_monday) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [s.name, s.startsOn, s.endsOn, s.firstTeachingMonday],
    );
  }
  await manager.query(
    `INSERT INTO calendar_days (date, kind, name)
     SELECT d.date::date, d.kind, d.name FROM jsonb_to_recordset($1::jsonb) AS d(date text, kind text, name text)
     ON CONFLICT (date) DO NOTHING`,
    [JSON.stringify(DEMO_CALENDAR_DAYS)],
  );
}
