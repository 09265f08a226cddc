import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PERMISSIONS,
  RECEPTION_ERRORS,
  RECEPTION_GAP_LOOKAHEAD_DAYS,
  RECEPTION_SLOTS,
  RECEPTION_SLOT_LABELS,
  RECEPTION_SLOT_TIMES,
  addDays,
  coverOf,
  daysBetween,
  schoolDateOf,
  schoolTimeToInstant,
  type IsoDate,
  type ReceptionSlot,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { isWorkingDay } from '../../../platform/calendar/school-calendar';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { ReceptionDuty, StaffAbsence } from './cover.entities';
import type {
  CoverDto,
  CreateReceptionDutyDto,
  CreateStaffAbsenceDto,
  QueryStaffAbsencesDto,
  ReceptionDutyDto,
  StaffAbsenceDto,
} from './cover.dto';
import { toRef } from '../../../platform/org/refs';

export const RECEPTION_DUTY = 'reception-duty';
export const STAFF_ABSENCE = 'staff-absence';
/** Daily: alerts the office to slots in the next days that nobody can cover (INF-9). */
export const RECEPTION_GAP_JOB = 'reception-cover-gaps';

/**
 * Reception cover (INF-9): a duty roster (one person per date and slot, with an optional backup)
 * and staff out-of-office entries (外出登记). Who covers a slot follows `coverOf` in libs/shared:
 * the person on duty unless out of office during the slot, then the duty's backup, then anyone
 * else rostered that day who is in. A slot with nobody is a gap; gaps in the next days are listed
 * and a daily job alerts the office, once per slot.
 */
@Injectable()
export class CoverService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: RECEPTION_GAP_JOB,
      cron: '0 7 * * *',
      handler: async () => {
        await this.alertGaps();
      },
    });
  }

  private slotSpan(date: IsoDate, slot: ReceptionSlot): { startsAt: Date; endsAt: Date } {
    const t = RECEPTION_SLOT_TIMES[slot];
    return {
      startsAt: schoolTimeToInstant(date, t.from, this.config.schoolTimeZone),
      endsAt: schoolTimeToInstant(date, t.to, this.config.schoolTimeZone),
    };
  }

  /** The slot going on at `now`, or the next one. */
  currentSlot(now = new Date()): { date: IsoDate; slot: ReceptionSlot } {
    const today = schoolDateOf(now, this.config.schoolTimeZone);
    for (const date of [today, addDays(today, 1)]) {
      for (const slot of RECEPTION_SLOTS) if (this.slotSpan(date, slot).endsAt > now) return { date, slot };
    }
    return { date: addDays(today, 1), slot: 'am' };
  }

  // ---------- the roster ----------

  async createDuty(dto: CreateReceptionDutyDto, ctx: RequestContext): Promise<ReceptionDutyDto> {
    if (dto.backupUserId && dto.backupUserId === dto.userId)
      throw badRequest('The backup is someone else', { backupUserId: ['choose someone other than the person on duty'] });
    const id = await this.dataSource.transaction(async (manager) => {
      const ids = [dto.userId, dto.backupUserId].filter((x): x is string => !!x);
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[]) AND active`, [ids]);
      if (n !== ids.length) throw badRequest('No such person', { userId: ['the person on duty and the backup must be active staff'] });
      const rows = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO reception_duties (duty_date, slot, user_id, backup_user_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (duty_date, slot) DO NOTHING RETURNING id`,
          [dto.date, dto.slot, dto.userId, dto.backupUserId ?? null],
        ),
      );
      if (!rows.length) throw conflict(RECEPTION_ERRORS.RECEPTION_SLOT_TAKEN, 'Someone is on duty in that slot already');
      await this.audit.record(manager, ctx, {
        action: 'information.reception.duty.create',
        objectType: RECEPTION_DUTY,
        objectId: rows[0].id,
        details: { date: dto.date, slot: dto.slot, userId: dto.userId, backupUserId: dto.backupUserId ?? null },
      });
      return rows[0].id;
    });
    const [duty] = await this.dutiesWhere(this.dataSource.manager, 'd.id = :id', { id });
    return duty;
  }

  async deleteDuty(id: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(ReceptionDuty, { id });
      if (!result.affected) throw notFound(RECEPTION_DUTY);
      await this.audit.record(manager, ctx, { action: 'information.reception.duty.delete', objectType: RECEPTION_DUTY, objectId: id });
    });
  }

  async listDuties(from: IsoDate, to: IsoDate): Promise<ReceptionDutyDto[]> {
    if (to < from) throw badRequest('The range ends before it starts', { to: ['on or after from'] });
    if (daysBetween(from, to) > 62) throw badRequest('At most two months at once', { to: ['within 62 days of from'] });
    return this.dutiesWhere(this.dataSource.manager, 'd.duty_date BETWEEN :from AND :to', { from, to });
  }

  private async dutiesWhere(manager: EntityManager, where: string, params: Record<string, unknown>): Promise<ReceptionDutyDto[]> {
    const duties = await manager
      .createQueryBuilder(ReceptionDuty, 'd')
      .innerJoinAndSelect('d.user', 'user')
      .leftJoinAndSelect('d.backupUser', 'backupUser')
      .where(where, params)
      .orderBy('d.duty_date', 'ASC')
      .addOrderBy('d.slot', 'ASC')
      .getMany();
    return duties.map((d) => ({ id: d.id, date: d.dutyDate, slot: d.slot, user: toRef(d.user)!, backupUser: toRef(d.backupUser) }));
  }

  // ---------- out of office (外出登记) ----------

  async createAbsence(dto: CreateStaffAbsenceDto, ctx: RequestContext): Promise<StaffAbsenceDto> {
    const actor = ctx.actor!;
    const userId = dto.userId ?? actor.id;
    // Anyone records their own; the office records anyone's.
    if (userId !== actor.id && !actor.permissions.has(PERMISSIONS.INFO_RECEPTION_MANAGE))
      throw badRequest('You record your own out-of-office entries', { userId: ['only your own'] });
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt) throw badRequest('The entry ends after it starts', { endsAt: ['after startsAt'] });
    const id = await this.dataSource.transaction(async (manager) => {
      const [user] = await manager.query(`SELECT 1 FROM users WHERE id = $1 AND active`, [userId]);
      if (!user) throw badRequest('No such person', { userId: ['not an active member of staff'] });
      const absence = manager.create(StaffAbsence, {
        userId,
        startsAt,
        endsAt,
        reason: dto.reason,
        destination: dto.destination,
        registeredById: actor.id,
      });
      await manager.insert(StaffAbsence, absence);
      await this.audit.record(manager, ctx, {
        action: 'information.reception.absence.create',
        objectType: STAFF_ABSENCE,
        objectId: absence.id,
        details: { userId, startsAt: dto.startsAt, endsAt: dto.endsAt },
      });
      return absence.id;
    });
    return this.getAbsence(id, actor);
  }

  private absenceQuery(viewer: Principal) {
    const qb = this.dataSource.manager
      .createQueryBuilder(StaffAbsence, 'a')
      .innerJoinAndSelect('a.user', 'user')
      .innerJoinAndSelect('a.registeredBy', 'registeredBy');
    // Out-of-office entries: one's own, or everyone's for the office.
    if (!viewer.permissions.has(PERMISSIONS.INFO_RECEPTION_MANAGE)) qb.where('a.user_id = :me', { me: viewer.id });
    else qb.where('true');
    return qb;
  }

  private async getAbsence(id: string, viewer: Principal): Promise<StaffAbsenceDto> {
    const a = await this.absenceQuery(viewer).andWhere('a.id = :id', { id }).getOne();
    if (!a) throw notFound(STAFF_ABSENCE);
    return this.toAbsenceDto(a);
  }

  async listAbsences(query: QueryStaffAbsencesDto, viewer: Principal): Promise<Page<StaffAbsenceDto>> {
    const qb = this.absenceQuery(viewer).orderBy('a.startsAt', 'DESC').addOrderBy('a.id', 'DESC');
    if (query.from) qb.andWhere('a.ends_at > :from', { from: schoolTimeToInstant(query.from, '00:00:00', this.config.schoolTimeZone) });
    if (query.userId) qb.andWhere('a.user_id = :userId', { userId: query.userId });
    return paginate(qb, query, (a) => this.toAbsenceDto(a));
  }

  async deleteAbsence(id: string, ctx: RequestContext): Promise<void> {
    await this.getAbsence(id, ctx.actor!);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(StaffAbsence, { id });
      await this.audit.record(manager, ctx, { action: 'information.reception.absence.delete', objectType: STAFF_ABSENCE, objectId: id });
    });
  }

  private toAbsenceDto(a: StaffAbsence): StaffAbsenceDto {
    return {
      id: a.id,
      user: toRef(a.user)!,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      reason: a.reason,
      destination: a.destination,
      registeredBy: toRef(a.registeredBy)!,
      createdAt: a.createdAt.toISOString(),
    };
  }

  // ---------- cover ----------

  /** Who covers the slots of one date. */
  private async coverOfDate(manager: EntityManager, date: IsoDate, slots: readonly ReceptionSlot[]): Promise<CoverDto[]> {
    const duties = await this.dutiesWhere(manager, 'd.duty_date = :date', { date });
    const people = new Map<string, string>();
    for (const d of duties) {
      people.set(d.user.id, d.user.name);
      if (d.backupUser) people.set(d.backupUser.id, d.backupUser.name);
    }
    const dayStart = schoolTimeToInstant(date, '00:00:00', this.config.schoolTimeZone);
    const dayEnd = schoolTimeToInstant(addDays(date, 1), '00:00:00', this.config.schoolTimeZone);
    const absences: { user_id: string; starts_at: Date; ends_at: Date }[] = people.size
      ? await manager.query(
          `SELECT user_id, starts_at, ends_at FROM staff_absences WHERE user_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2`,
          [[...people.keys()], dayStart, dayEnd],
        )
      : [];
    return slots.map((slot) => {
      const { startsAt, endsAt } = this.slotSpan(date, slot);
      const out = new Set(absences.filter((a) => a.starts_at < endsAt && a.ends_at > startsAt).map((a) => a.user_id));
      const duty = duties.find((d) => d.slot === slot) ?? null;
      const sameDay = duties.filter((d) => d.slot !== slot).map((d) => ({ userId: d.user.id, backupUserId: d.backupUser?.id ?? null }));
      const cover = coverOf(duty && { userId: duty.user.id, backupUserId: duty.backupUser?.id ?? null }, sameDay, (id) => !out.has(id));
      return {
        date,
        slot,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        duty,
        coveredBy: cover.userId ? { id: cover.userId, name: people.get(cover.userId) ?? '' } : null,
        reason: cover.reason,
        outOfOffice: [...out].map((id) => ({ id, name: people.get(id) ?? '' })),
      };
    });
  }

  async cover(date: IsoDate | undefined, slot: ReceptionSlot | undefined): Promise<CoverDto> {
    if (!date !== !slot) throw badRequest('Give a date and a slot, or neither', { slot: ['give both date and slot, or neither'] });
    const at = date && slot ? { date, slot } : this.currentSlot();
    const [cover] = await this.coverOfDate(this.dataSource.manager, at.date, [at.slot]);
    return cover;
  }

  /** Slots of working days from now through `days` days ahead that nobody covers. */
  async gaps(days = RECEPTION_GAP_LOOKAHEAD_DAYS, now = new Date(), manager: EntityManager = this.dataSource.manager): Promise<CoverDto[]> {
    const today = schoolDateOf(now, this.config.schoolTimeZone);
    const last = addDays(today, days);
    const calendar = await this.calendar.load(today, last, manager);
    const gaps: CoverDto[] = [];
    for (let date = today; date <= last; date = addDays(date, 1)) {
      if (!isWorkingDay(date, calendar)) continue;
      const slots = RECEPTION_SLOTS.filter((s) => this.slotSpan(date, s).endsAt > now);
      if (!slots.length) continue;
      gaps.push(...(await this.coverOfDate(manager, date, slots)).filter((c) => c.reason === 'none'));
    }
    return gaps;
  }

  /** The daily job: each gap in the next days alerts the office once (the people holding information.reception.manage). */
  async alertGaps(now = new Date()): Promise<{ alerted: number }> {
    return this.dataSource.transaction(async (manager) => {
      const gaps = await this.gaps(RECEPTION_GAP_LOOKAHEAD_DAYS, now, manager);
      const fresh: CoverDto[] = [];
      for (const gap of gaps) {
        const inserted = returnedRows(
          await manager.query(`INSERT INTO reception_gap_alerts (duty_date, slot) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING slot`, [
            gap.date,
            gap.slot,
          ]),
        );
        if (inserted.length) fresh.push(gap);
      }
      if (fresh.length) {
        const office: { id: string }[] = await manager.query(
          `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
            WHERE u.active AND $1 = ANY(r.permissions)`,
          [PERMISSIONS.INFO_RECEPTION_MANAGE],
        );
        const lines = fresh.map(
          (g) => `${g.date} ${RECEPTION_SLOT_LABELS[g.slot]['zh-CN']}：${g.duty ? `${g.duty.user.name}外出，无人替班` : '未排班'}`,
        );
        await this.notifications.notify(manager, {
          recipientIds: office.map((o) => o.id),
          kind: 'information.reception.gap',
          title: `【接待值班缺岗】未来${RECEPTION_GAP_LOOKAHEAD_DAYS}天有 ${fresh.length} 个时段无人值守`,
          body: lines.join('\n'),
          link: '/information/reception/cover',
        });
      }
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'information.reception.gap-alerts',
        objectType: RECEPTION_DUTY,
        details: { alerted: fresh.length },
      });
      return { alerted: fresh.length };
    });
  }
}
