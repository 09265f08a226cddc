import type { CalendarDayKind } from '@xiaoban/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A semester (学期, PLT-10): its span and the Monday of teaching week 1, from which 第n周 counts.
 * Semesters never overlap, so a date has at most one teaching week.
 */
@Entity('semesters')
@Index('UQ_semesters_name', ['name'], { unique: true })
@Check('CHK_semesters_span', `ends_on >= starts_on`)
@Check(
  'CHK_semesters_first_monday',
  `EXTRACT(ISODOW FROM first_teaching_monday) = 1 AND first_teaching_monday BETWEEN starts_on AND ends_on`,
)
@Exclusion('EXC_semesters_overlap', `USING gist (daterange(starts_on, ends_on, '[]') WITH &&)`)
export class Semester {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** e.g. 2026-2027学年第一学期 */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'first_teaching_monday', type: 'date' })
  firstTeachingMonday: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A day that differs from the plain week: a holiday, a weekend day worked in exchange (调休上班),
 * or a working day without lessons. Unmarked days follow the week (Mon–Fri working).
 */
@Entity('calendar_days')
@Check('CHK_calendar_days_kind', `kind IN ('holiday', 'workday', 'no-teaching')`)
@Check('CHK_calendar_days_workday_weekend', `kind <> 'workday' OR EXTRACT(ISODOW FROM date) IN (6, 7)`)
export class CalendarDay {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 20 })
  kind: CalendarDayKind;

  /** e.g. 国庆节, 国庆节调休上班, 期末考试 */
  @Column({ type: 'varchar', length: 50, nullable: true })
  name: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
