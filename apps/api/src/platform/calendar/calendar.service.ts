import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, daysBetween, isoWeekday, schoolDateOf, schoolTimeToInstant, type IsoDate } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { updateVersioned } from '../../database/versioned-update';
import { AuditService } from '../audit/audit.service';
import { badRequest, conflict, notFound } from '../http/api-error';
import type { RequestContext } from '../http/request-context';
import { CalendarDay, Semester } from './calendar.entities';
import {
  CALENDAR_BATCH_MAX,
  type CalendarDayDto,
  type CreateSemesterDto,
  type DeadlineDto,
  type SemesterDto,
  type TeachingWeekDto,
  type UpdateCalendarDaysDto,
  type UpdateSemesterDto,
} from './calendar.dto';
import {
  addWorkingDays,
  daysOffBetween,
  isTeachingWeek,
  schoolCalendar,
  teachingWeekOf,
  weeklyOccurrences,
  type RecurrenceOptions,
  type SchoolCalendar,
  type SemesterSpan,
} from './school-calendar';

/** Longest span a recurrence may be computed over: two school years. */
const RECURRENCE_MAX_DAYS = 2 * 366;

function toSemesterDto(s: Semester): SemesterDto {
  return {
    id: s.id,
    name: s.name,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    firstTeachingMonday: s.firstTeachingMonday,
    weeks: Math.floor(daysBetween(s.firstTeachingMonday, s.endsOn) / 7) + 1,
    version: s.version,
  };
}

function toCalendarDayDto(d: CalendarDay): CalendarDayDto {
  return { date: d.date, kind: d.kind, name: d.name };
}

/**
 * The school calendar (校历, PLT-10): semesters, holidays with their 调休 working days, and days
 * without lessons. Modules use it for deadlines in working days (documents' handling time limits)
 * and for recurrences by teaching week (meetings); the arithmetic is in school-calendar.ts.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Today in the school's time zone. */
  today(): IsoDate {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  /** The school's date of an instant, or the date itself. */
  dateOf(value: Date | IsoDate): IsoDate {
    return typeof value === 'string' ? value : schoolDateOf(value, this.config.schoolTimeZone);
  }

  /** The calendar's marked days from `from` to `to` (inclusive), with every semester. */
  async load(from: IsoDate, to: IsoDate, manager: EntityManager = this.dataSource.manager): Promise<SchoolCalendar> {
    const [days, semesters] = await Promise.all([
      manager.createQueryBuilder(CalendarDay, 'd').where('d.date BETWEEN :from AND :to', { from, to }).getMany(),
      manager.find(Semester, { order: { startsOn: 'ASC' } }),
    ]);
    return schoolCalendar(days, semesters);
  }

  /**
   * The last day of a period of `workingDays` working days starting after `from` (an instant is
   * taken as its date in the school's zone): e.g. a document received on 9月30日 with 3 working
   * days is due on 10月10日, the 调休 Saturday after 国庆.
   */
  async deadline(from: Date | IsoDate, workingDays: number, manager?: EntityManager): Promise<IsoDate> {
    return (await this.deadlineWithDaysOff(from, workingDays, manager)).deadline;
  }

  /** The end of the deadline day in the school's zone (23:59:59), for a `due_at` column. */
  async deadlineEnd(from: Date | IsoDate, workingDays: number, manager?: EntityManager): Promise<Date> {
    return schoolTimeToInstant(await this.deadline(from, workingDays, manager), '23:59:59', this.config.schoolTimeZone);
  }

  async deadlineWithDaysOff(from: Date | IsoDate, workingDays: number, manager?: EntityManager): Promise<DeadlineDto> {
    const start = this.dateOf(from);
    // Load a window that holds the answer unless holidays are unusually long; widen if not.
    for (let window = workingDays * 2 + 45; ; window *= 2) {
      const end = addDays(start, window);
      const calendar = await this.load(start, end, manager);
      const deadline = addWorkingDays(start, workingDays, calendar);
      if (deadline <= end) {
        const daysOff = daysOffBetween(start, deadline, calendar).map((date) => ({ date, name: calendar.days.get(date)?.name ?? null }));
        return { from: start, days: workingDays, deadline, daysOff };
      }
    }
  }

  async teachingWeek(date: IsoDate = this.today()): Promise<TeachingWeekDto> {
    const calendar = await this.load(addDays(date, 1 - isoWeekday(date)), addDays(date, 7 - isoWeekday(date)));
    const week = teachingWeekOf(date, calendar);
    const marked = calendar.days.get(date);
    return {
      date,
      semester: week ? { id: week.semester.id!, name: week.semester.name } : null,
      week: week?.week ?? null,
      teachingWeek: isTeachingWeek(date, calendar),
      marked: marked ? { date: marked.date, kind: marked.kind, name: marked.name } : null,
    };
  }

  /** The dates of a weekly event, by the calendar (see weeklyOccurrences in school-calendar.ts). */
  async weeklyOccurrences(from: IsoDate, until: IsoDate, weekday: number, options: RecurrenceOptions = {}): Promise<IsoDate[]> {
    if (until < from) throw badRequest('The end is before the start', { until: ['until must not be before from'] });
    if (daysBetween(from, until) > RECURRENCE_MAX_DAYS) {
      throw badRequest('The span is too long', { until: [`until must be at most ${RECURRENCE_MAX_DAYS} days after from`] });
    }
    // Whole weeks on both sides, because a week's teaching status depends on all its days.
    const calendar = await this.load(addDays(from, -7), addDays(until, 7));
    return weeklyOccurrences(from, until, weekday, calendar, options);
  }

  // ---------- semesters ----------

  async listSemesters(): Promise<SemesterDto[]> {
    return (await this.dataSource.manager.find(Semester, { order: { startsOn: 'ASC' } })).map(toSemesterDto);
  }

  async getSemester(id: string, manager: EntityManager = this.dataSource.manager): Promise<SemesterDto> {
    const semester = await manager.findOne(Semester, { where: { id } });
    if (!semester) throw notFound('semester');
    return toSemesterDto(semester);
  }

  async createSemester(dto: CreateSemesterDto, ctx: RequestContext): Promise<SemesterDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.checkSemester(manager, dto, null);
      const { identifiers } = await manager.insert(Semester, { ...dto });
      const created = await this.getSemester(identifiers[0].id as string, manager);
      await this.audit.record(manager, ctx, {
        action: 'semester.create',
        objectType: 'semester',
        objectId: created.id,
        before: null,
        after: auditView(created),
      });
      return created;
    });
  }

  async updateSemester(id: string, dto: UpdateSemesterDto, ctx: RequestContext): Promise<SemesterDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.getSemester(id, manager);
      const { version, ...changes } = dto;
      await this.checkSemester(manager, { ...before, ...changes }, id);
      await updateVersioned(manager, Semester, id, version, changes, 'semester');
      const after = await this.getSemester(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'semester.update',
        objectType: 'semester',
        objectId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  async deleteSemester(id: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.getSemester(id, manager);
      await manager.delete(Semester, { id });
      await this.audit.record(manager, ctx, {
        action: 'semester.delete',
        objectType: 'semester',
        objectId: id,
        before: auditView(before),
        after: null,
      });
    });
  }

  /** A semester's dates must make sense and not overlap another (the database checks it too). */
  private async checkSemester(
    manager: EntityManager,
    s: Pick<SemesterSpan, 'name' | 'startsOn' | 'endsOn' | 'firstTeachingMonday'>,
    id: string | null,
  ): Promise<void> {
    const errors: Record<string, string[]> = {};
    if (s.endsOn < s.startsOn) errors.endsOn = ['endsOn must not be before startsOn'];
    if (isoWeekday(s.firstTeachingMonday) !== 1) errors.firstTeachingMonday = ['firstTeachingMonday must be a Monday'];
    else if (s.firstTeachingMonday < s.startsOn || s.firstTeachingMonday > s.endsOn) {
      errors.firstTeachingMonday = ['firstTeachingMonday must fall within the semester'];
    }
    if (Object.keys(errors).length) throw badRequest('Validation failed', errors);
    const clash = await manager
      .createQueryBuilder(Semester, 's')
      .where(`daterange(s.starts_on, s.ends_on, '[]') && daterange(CAST(:startsOn AS date), CAST(:endsOn AS date), '[]')`, {
        startsOn: s.startsOn,
        endsOn: s.endsOn,
      })
      .andWhere(id ? 's.id <> :id' : 'TRUE', { id })
      .getOne();
    if (clash) {
      throw conflict('SEMESTER_OVERLAP', `The semester overlaps ${clash.name}`, { startsOn: [`overlaps ${clash.name}`] });
    }
    const named = await manager
      .createQueryBuilder(Semester, 's')
      .where('s.name = :name', { name: s.name })
      .andWhere(id ? 's.id <> :id' : 'TRUE', { id })
      .getExists();
    if (named) throw conflict('CONFLICT', 'A semester of that name exists', { name: ['name is already taken'] });
  }

  // ---------- marked days ----------

  async listDays(from: IsoDate, to: IsoDate): Promise<CalendarDayDto[]> {
    if (to < from) throw badRequest('The end is before the start', { to: ['to must not be before from'] });
    if (daysBetween(from, to) > CALENDAR_BATCH_MAX) {
      throw badRequest('The range is too long', { to: [`to must be at most ${CALENDAR_BATCH_MAX} days after from`] });
    }
    const days = await this.dataSource.manager
      .createQueryBuilder(CalendarDay, 'd')
      .where('d.date BETWEEN :from AND :to', { from, to })
      .orderBy('d.date', 'ASC')
      .getMany();
    return days.map(toCalendarDayDto);
  }

  /**
   * Marks days (a holiday with its 调休 working days, an exam week) and unmarks others, in one
   * transaction; returns the marked days across the whole span touched.
   */
  async updateDays(dto: UpdateCalendarDaysDto, ctx: RequestContext): Promise<CalendarDayDto[]> {
    const removeDates = [...new Set(dto.removeDates ?? [])];
    const errors: Record<string, string[]> = {};
    const seen = new Set<string>();
    dto.days.forEach((day, i) => {
      if (day.kind === 'workday' && isoWeekday(day.date) <= 5) {
        errors[`days[${i}].kind`] = ['a 调休 working day (workday) must be a Saturday or Sunday'];
      }
      if (seen.has(day.date)) errors[`days[${i}].date`] = ['the date appears twice'];
      if (removeDates.includes(day.date)) errors[`days[${i}].date`] = ['the date is also in removeDates'];
      seen.add(day.date);
    });
    if (Object.keys(errors).length) throw badRequest('Validation failed', errors);
    const touched = [...seen, ...removeDates].sort();
    if (touched.length === 0) return [];

    return this.dataSource.transaction(async (manager) => {
      const before: CalendarDay[] = await manager
        .createQueryBuilder(CalendarDay, 'd')
        .where('d.date IN (:...dates)', { dates: touched })
        .getMany();
      if (removeDates.length) {
        await manager.createQueryBuilder().delete().from(CalendarDay).where('date IN (:...dates)', { dates: removeDates }).execute();
      }
      if (dto.days.length) {
        await manager.query(
          `INSERT INTO calendar_days (date, kind, name)
           SELECT d.date::date, d.kind, d.name FROM jsonb_to_recordset($1::jsonb) AS d(date text, kind text, name text)
           ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()`,
          [JSON.stringify(dto.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })))],
        );
      }
      await this.audit.record(manager, ctx, {
        action: 'calendar.days.update',
        objectType: 'calendar',
        objectId: `${touched[0]}..${touched[touched.length - 1]}`,
        details: {
          marked: dto.days.map((d) => `${d.date} ${d.kind}${d.name ? ` ${d.name}` : ''}`),
          unmarked: removeDates,
          before: before.map((d) => `${d.date} ${d.kind}${d.name ? ` ${d.name}` : ''}`),
        },
      });
      const days = await manager
        .createQueryBuilder(CalendarDay, 'd')
        .where('d.date BETWEEN :from AND :to', { from: touched[0], to: touched[touched.length - 1] })
        .orderBy('d.date', 'ASC')
        .getMany();
      return days.map(toCalendarDayDto);
    });
  }
}

function auditView(s: SemesterDto): Record<string, unknown> {
  return { name: s.name, startsOn: s.startsOn, endsOn: s.endsOn, firstTeachingMonday: s.firstTeachingMonday };
}
