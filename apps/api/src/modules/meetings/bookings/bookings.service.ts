import { HttpStatus, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BOOKING_MAX_HOURS,
  MEETING_ERRORS,
  PERMISSIONS,
  PLATFORM_ERRORS,
  ROOM_BOOKING_APPROVAL_KIND,
  addDays,
  isoWeekday,
  mondayOf,
  schoolDateOf,
  schoolTimeToInstant,
  type BookingStatus,
} from '@xiaoban/shared';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService, type Viewer } from '../../../platform/access/access.service';
import { ApprovalKindRegistry, type ApprovalOutcome } from '../../../platform/approvals/approval-kinds';
import { ApprovalsService } from '../../../platform/approvals/approvals.service';
import { joinRef, toRef, type Named } from '../../../platform/org/refs';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { ApiError, badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { bookingNotActive, roomNotBookable, roomTooSmall } from '../meetings.errors';
import type { MeetingRoom } from '../rooms/room.entity';
import { RoomsService } from '../rooms/rooms.service';
import type {
  AvailabilityDto,
  AvailabilityQueryDto,
  BookingDto,
  BookingSeriesDto,
  CreateBookingDto,
  CreateBookingSeriesDto,
  QueryBookingsDto,
  RoomSuggestionDto,
  SuggestRoomsQueryDto,
} from './booking.dto';
import { RoomBooking, RoomBookingSeries } from './booking.entity';

/** Resource types: a booking (school-wide) and a weekly series (the subject of one approval). */
export const ROOM_BOOKING = 'room-booking';
export const ROOM_BOOKING_SERIES = 'room-booking-series';
/** The meeting's resource type, whose visibility decides whether a booking's title is shown. */
export const MEETING = 'meeting';

/** The statuses that hold a slot; the exclusion constraint's WHERE says the same. */
const HOLDING = `('pending', 'confirmed')`;

/** One wanted slot of a room. */
export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

export interface NewBooking extends Slot {
  roomId: string;
  attendeeCount: number;
  title: string;
  note?: string | null;
  seriesId?: string | null;
}

/** A booking that holds a wanted slot, as the one asking may see it. */
interface Clash {
  slot: Slot;
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  title: string | null;
}

/** True for the errors PostgreSQL gives a losing concurrent booking: exclusion violation, or deadlock. */
export function isBookingRace(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string } | undefined)?.code;
  return code === '23P01' || code === '40P01';
}

/**
 * Room bookings (MTG-1). The database holds the invariant: the exclusion constraint refuses an
 * overlap, also between concurrent transactions. A booking refused at the constraint (23P01), or
 * in a deadlock between two inserts (40P01), rolls back and is reported as 409 naming every
 * booking it hits (`reportingClashes`).
 */
@Injectable()
export class BookingsService implements OnModuleInit {
  private readonly logger = new Logger('RoomBookings');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rooms: RoomsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly calendar: CalendarService,
  ) {}

  onModuleInit(): void {
    this.access.register(ROOM_BOOKING, { table: 'room_bookings', named: (o, me) => `${o}.organiser_id = ${me}` });
    this.approvalKinds.register({
      kind: ROOM_BOOKING_APPROVAL_KIND,
      name: '会议室预约审批',
      nameEn: 'Room booking',
      defaultSteps: [{ name: '办公室审核', approvers: { type: 'role', role: 'office-director' }, mode: 'any', timeLimitHours: 24 }],
      onOutcome: (outcome, manager) => this.onApprovalOutcome(outcome, manager),
    });
  }

  // ---------- booking ----------

  /** One booking (MTG-1); a room that needs approval gets a pending booking that holds the slot. */
  async book(dto: CreateBookingDto, ctx: RequestContext): Promise<BookingDto> {
    const slot = this.slotOf(dto.startsAt, dto.endsAt);
    const booking = await this.reportingClashes(dto.roomId, [slot], ctx.actor!, 'startsAt', () =>
      this.dataSource.transaction((manager) => this.insertBooking(manager, { ...dto, ...slot }, ctx)),
    );
    // The answer is made from what the insert knows (a new booking has no meeting yet) rather than
    // read back: three statements fewer on the busiest write of the module (NFR-9).
    return this.toDto(booking, ctx.actor!, null, ctx.actor!);
  }

  /** Parses and checks a wanted range: 400 keyed by field when it makes no sense. */
  slotOf(startsAt: string, endsAt: string): Slot {
    const slot = { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
    if (!(slot.endsAt > slot.startsAt)) throw badRequest('The end is not after the start', { endsAt: ['must be after startsAt'] });
    if (slot.endsAt.getTime() - slot.startsAt.getTime() > BOOKING_MAX_HOURS * 3_600_000) {
      throw badRequest('The booking is too long', { endsAt: [`a booking lasts at most ${BOOKING_MAX_HOURS} hours`] });
    }
    if (slot.endsAt <= new Date()) throw badRequest('The slot is over', { startsAt: ['the slot is in the past'] });
    return slot;
  }

  /**
   * Checks the room and inserts a booking in the caller's transaction (a meeting books its room
   * with its own insert). The caller wraps its transaction in `reportingClashes`.
   */
  async insertBooking(manager: EntityManager, input: NewBooking, ctx: RequestContext): Promise<RoomBooking> {
    const room = await this.rooms.lockForBooking(manager, input.roomId);
    this.assertRoomFits(room, input.attendeeCount);
    // No look for clashes first: the exclusion constraint refuses one, and the caller's
    // `reportingClashes` then names every booking hit. A statement fewer on every booking (NFR-9).
    const booking = manager.create(RoomBooking, {
      room,
      roomId: room.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      attendeeCount: input.attendeeCount,
      title: input.title,
      organiserId: ctx.actor!.id,
      status: room.needsApproval ? 'pending' : 'confirmed',
      seriesId: input.seriesId ?? null,
      note: input.note || null,
    });
    await manager.insert(RoomBooking, booking);
    if (room.needsApproval && !input.seriesId) {
      booking.approvalRequestId = await this.submitApproval(manager, room, ROOM_BOOKING, booking.id, input, ctx);
      await manager.update(RoomBooking, { id: booking.id }, { approvalRequestId: booking.approvalRequestId });
    }
    await this.audit.record(manager, ctx, {
      action: 'meeting.booking.create',
      objectType: ROOM_BOOKING,
      objectId: booking.id,
      details: {
        roomId: room.id,
        startsAt: input.startsAt.toISOString(),
        endsAt: input.endsAt.toISOString(),
        attendeeCount: input.attendeeCount,
        status: booking.status,
      },
    });
    return booking;
  }

  /**
   * A weekly series by the school calendar (MTG-1): the occurrences are the weekday's dates in
   * the span, without holidays and (by default) weeks without lessons, and without the dates the
   * organiser skips. All are booked in one transaction or none; a clash lists every occurrence hit.
   */
  async bookSeries(dto: CreateBookingSeriesDto, ctx: RequestContext): Promise<BookingSeriesDto> {
    if (dto.endTime <= dto.startTime) throw badRequest('The end is not after the start', { endTime: ['must be after startTime'] });
    if (dto.untilOn < dto.fromOn) throw badRequest('The span ends before it starts', { untilOn: ['must not be before fromOn'] });
    const teachingWeeksOnly = dto.teachingWeeksOnly ?? true;
    const skip = new Set(dto.skipDates ?? []);
    const calendarDates = await this.calendar.weeklyOccurrences(dto.fromOn, dto.untilOn, dto.weekday, {
      skipNoTeachingWeeks: teachingWeeksOnly,
    });
    const dates = calendarDates.filter((date) => !skip.has(date));
    const zone = this.config.schoolTimeZone;
    const slots = dates.map((date) => ({
      date,
      startsAt: schoolTimeToInstant(date, `${dto.startTime}:00`, zone),
      endsAt: schoolTimeToInstant(date, `${dto.endTime}:00`, zone),
    }));
    const now = new Date();
    if (slots.length === 0 || slots.every((s) => s.endsAt <= now)) {
      throw badRequest('No occurrence to book', { untilOn: ['the span has no future occurrence on this weekday in the calendar'] });
    }
    const future = slots.filter((s) => s.endsAt > now);
    const id = await this.reportingClashes(
      dto.roomId,
      future,
      ctx.actor!,
      (slot) => schoolDateOf(slot.startsAt, zone),
      () =>
        this.dataSource.transaction(async (manager) => {
          const room = await this.rooms.lockForBooking(manager, dto.roomId);
          this.assertRoomFits(room, dto.attendeeCount);
          const clashes = await this.findClashes(manager, room.id, future, ctx.actor!);
          if (clashes.length) throw this.clashError(clashes, (slot) => schoolDateOf(slot.startsAt, zone));
          const series = manager.create(RoomBookingSeries, {
            roomId: room.id,
            title: dto.title,
            organiserId: ctx.actor!.id,
            weekday: dto.weekday,
            startTime: dto.startTime,
            endTime: dto.endTime,
            fromOn: dto.fromOn,
            untilOn: dto.untilOn,
            teachingWeeksOnly,
            skipDates: [...skip].sort(),
            attendeeCount: dto.attendeeCount,
          });
          await manager.insert(RoomBookingSeries, series);
          const status: BookingStatus = room.needsApproval ? 'pending' : 'confirmed';
          const approvalRequestId = room.needsApproval
            ? await this.submitApproval(manager, room, ROOM_BOOKING_SERIES, series.id, { ...dto, ...future[0] }, ctx, future.length)
            : null;
          await manager.insert(
            RoomBooking,
            future.map((slot) => ({
              roomId: room.id,
              startsAt: slot.startsAt,
              endsAt: slot.endsAt,
              attendeeCount: dto.attendeeCount,
              title: dto.title,
              organiserId: ctx.actor!.id,
              status,
              seriesId: series.id,
              approvalRequestId,
            })),
          );
          await this.audit.record(manager, ctx, {
            action: 'meeting.booking.series',
            objectType: ROOM_BOOKING_SERIES,
            objectId: series.id,
            details: { roomId: room.id, weekday: dto.weekday, dates: future.map((s) => s.date), status },
          });
          return series.id;
        }),
    );
    return this.getSeries(id, ctx.actor!);
  }

  async getSeries(id: string, viewer: Principal): Promise<BookingSeriesDto> {
    const series = await this.dataSource.manager.findOneBy(RoomBookingSeries, { id });
    if (!series) throw notFound(ROOM_BOOKING_SERIES);
    const rows = await this.bookingQuery(this.dataSource.manager)
      .where('b.series_id = :id', { id })
      .orderBy('b.starts_at', 'ASC')
      .getMany();
    const bookings = await this.toDtos(rows, viewer);
    // Every weekday date of the span, less the booked ones: what the calendar or the organiser left out.
    const booked = new Set(rows.map((b) => schoolDateOf(b.startsAt, this.config.schoolTimeZone)));
    const skippedDates: string[] = [];
    const first = addDays(series.fromOn, (series.weekday - isoWeekday(series.fromOn) + 7) % 7);
    for (let date = first; date <= series.untilOn; date = addDays(date, 7)) if (!booked.has(date)) skippedDates.push(date);
    return { id, bookings, skippedDates };
  }

  private assertRoomFits(room: MeetingRoom, attendeeCount: number): void {
    if (!room.bookable) throw roomNotBookable();
    if (room.capacity < attendeeCount) throw roomTooSmall(room.capacity, attendeeCount);
  }

  private async submitApproval(
    manager: EntityManager,
    room: MeetingRoom,
    subjectType: string,
    subjectId: string,
    input: { title: string; attendeeCount: number; startsAt: Date; endsAt: Date },
    ctx: RequestContext,
    occurrences = 1,
  ): Promise<string> {
    const zone = this.config.schoolTimeZone;
    const when = `${schoolDateOf(input.startsAt, zone)} ${hhmm(input.startsAt, zone)}–${hhmm(input.endsAt, zone)}`;
    return this.approvals.submit(
      manager,
      {
        kind: ROOM_BOOKING_APPROVAL_KIND,
        title: `会议室预约：${room.name} ${when}${occurrences > 1 ? ` 起每周，共${occurrences}次` : ''}`,
        subjectType,
        subjectId,
        data: { roomId: room.id, room: room.name, title: input.title, attendeeCount: input.attendeeCount, when, occurrences },
      },
      ctx,
    );
  }

  /** The approval's decision: approved confirms the held slots, anything else frees them. */
  private async onApprovalOutcome(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== ROOM_BOOKING && outcome.subjectType !== ROOM_BOOKING_SERIES) return;
    const status: BookingStatus = outcome.status === 'approved' ? 'confirmed' : outcome.status === 'withdrawn' ? 'cancelled' : 'rejected';
    const [, changed] = (await manager.query(
      `UPDATE room_bookings SET status = $2, version = version + 1, updated_at = now()
        WHERE approval_request_id = $1 AND status = 'pending' RETURNING id`,
      [outcome.requestId, status],
    )) as [unknown[], number];
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: 'meeting.booking.decided',
      objectType: outcome.subjectType,
      objectId: outcome.subjectId ?? undefined,
      details: { requestId: outcome.requestId, status, bookings: changed },
    });
  }

  /** Cancels a booking (its organiser, or meetings.manage); a booking that carries a live meeting is cancelled with the meeting. */
  async cancel(id: string, reason: string | undefined, ctx: RequestContext): Promise<BookingDto> {
    await this.dataSource.transaction(async (manager) => {
      const booking = await manager.createQueryBuilder(RoomBooking, 'b').setLock('pessimistic_write').where('b.id = :id', { id }).getOne();
      if (!booking) throw notFound(ROOM_BOOKING);
      if (booking.organiserId !== ctx.actor!.id && !ctx.actor!.permissions.has(PERMISSIONS.MEETINGS_MANAGE)) {
        throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'Only the organiser cancels this booking');
      }
      if (booking.status !== 'pending' && booking.status !== 'confirmed') throw bookingNotActive();
      const [meeting] = await manager.query(`SELECT id FROM meetings WHERE booking_id = $1 AND status <> 'cancelled'`, [id]);
      if (meeting) throw conflict(MEETING_ERRORS.BOOKING_NOT_ACTIVE, 'A meeting uses this booking: cancel the meeting instead');
      await this.release(manager, [id], 'cancelled');
      await this.audit.record(manager, ctx, {
        action: 'meeting.booking.cancel',
        objectType: ROOM_BOOKING,
        objectId: id,
        details: { reason: reason ?? null, from: booking.status },
      });
    });
    return this.get(id, ctx.actor!);
  }

  /**
   * Cancels what is left of a weekly series (its organiser, or meetings.manage): the occurrences
   * not yet begun that carry no live meeting. Past ones stay as the record of what happened.
   */
  async cancelSeries(id: string, reason: string | undefined, ctx: RequestContext): Promise<BookingSeriesDto> {
    await this.dataSource.transaction(async (manager) => {
      const series = await manager
        .createQueryBuilder(RoomBookingSeries, 's')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id })
        .getOne();
      if (!series) throw notFound(ROOM_BOOKING_SERIES);
      if (series.organiserId !== ctx.actor!.id && !ctx.actor!.permissions.has(PERMISSIONS.MEETINGS_MANAGE)) {
        throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'Only the organiser cancels this series');
      }
      const rows: { id: string }[] = await manager.query(
        `SELECT b.id FROM room_bookings b
          WHERE b.series_id = $1 AND b.status IN ${HOLDING} AND b.starts_at > now()
            AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.booking_id = b.id AND m.status <> 'cancelled')`,
        [id],
      );
      await this.release(
        manager,
        rows.map((r) => r.id),
        'cancelled',
      );
      await this.audit.record(manager, ctx, {
        action: 'meeting.booking.series-cancel',
        objectType: ROOM_BOOKING_SERIES,
        objectId: id,
        details: { reason: reason ?? null, cancelled: rows.length },
      });
    });
    return this.getSeries(id, ctx.actor!);
  }

  /** Frees the slots of bookings (a cancelled meeting frees its room). */
  async release(manager: EntityManager, ids: string[], status: Extract<BookingStatus, 'cancelled' | 'rejected'>): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE room_bookings SET status = $2, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[]) AND status IN ${HOLDING}`,
      [ids, status],
    );
  }

  // ---------- clashes ----------

  /** Active bookings of the room that overlap any of the slots (half-open: touching ends do not clash). */
  async findClashes(manager: EntityManager, roomId: string, slots: Slot[], viewer: Viewer): Promise<Clash[]> {
    if (slots.length === 0) return [];
    const rows: { i: string; id: string; starts_at: Date; ends_at: Date; title: string; meeting_id: string | null }[] = await manager.query(
      `SELECT o.i, b.id, b.starts_at, b.ends_at, b.title, m.id AS meeting_id
         FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS o(s, e, i)
         JOIN room_bookings b ON b.room_id = $1 AND b.status IN ${HOLDING}
          AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(o.s, o.e, '[)')
         LEFT JOIN meetings m ON m.booking_id = b.id
        ORDER BY o.i, b.starts_at`,
      [roomId, slots.map((s) => s.startsAt), slots.map((s) => s.endsAt)],
    );
    const hidden = await this.hiddenMeetings(
      manager,
      viewer,
      rows.map((r) => r.meeting_id),
    );
    return rows.map((r) => ({
      slot: slots[Number(r.i) - 1],
      bookingId: r.id,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      title: r.meeting_id && hidden.has(r.meeting_id) ? null : r.title,
    }));
  }

  /**
   * 409 naming every clash: `errors` is keyed by the wanted slot (the field of a single booking,
   * the date of a series' occurrence), each message starting with the conflicting booking's id,
   * then its time and its title when the asker may see it.
   */
  clashError(clashes: Clash[], keyOf: (slot: Slot) => string): ApiError {
    const zone = this.config.schoolTimeZone;
    const errors: Record<string, string[]> = {};
    for (const c of clashes) {
      const when = `${schoolDateOf(c.startsAt, zone)} ${hhmm(c.startsAt, zone)}–${hhmm(c.endsAt, zone)}`;
      (errors[keyOf(c.slot)] ??= []).push(`${c.bookingId} ${when} ${c.title ?? '（已占用）'}`);
    }
    const first = clashes[0];
    const message =
      `The room is taken: ${Object.keys(errors).length} of the wanted slots clash, first with booking ${first.bookingId}` +
      (first.title ? ` (${first.title})` : '');
    return conflict(MEETING_ERRORS.ROOM_CLASH, message, errors);
  }

  /**
   * Runs a booking transaction; a race lost at the exclusion constraint or in a deadlock becomes
   * the same 409 as a clash found beforehand, naming the booking that won when it can be seen.
   */
  async reportingClashes<T>(
    roomId: string,
    slots: Slot[],
    viewer: Principal,
    key: string | ((slot: Slot) => string),
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isBookingRace(error)) throw error;
      const keyOf = typeof key === 'string' ? () => key : key;
      const clashes = await this.findClashes(this.dataSource.manager, roomId, slots, viewer);
      if (clashes.length) throw this.clashError(clashes, keyOf);
      // The winner of a deadlock may not have committed yet: still a clash, only unnamed.
      throw conflict(MEETING_ERRORS.ROOM_CLASH, 'A concurrent booking took the room; pick another slot', {
        [keyOf(slots[0])]: ['taken by a concurrent booking'],
      });
    }
  }

  // ---------- reading ----------

  async get(id: string, viewer: Principal): Promise<BookingDto> {
    const booking = await this.bookingQuery(this.dataSource.manager).where('b.id = :id', { id }).getOne();
    if (!booking) throw notFound(ROOM_BOOKING);
    return (await this.toDtos([booking], viewer))[0];
  }

  async list(query: QueryBookingsDto, viewer: Principal): Promise<Page<BookingDto>> {
    const qb = this.bookingQuery(this.dataSource.manager).orderBy('b.starts_at', 'DESC').addOrderBy('b.id', 'ASC');
    if (query.roomId) qb.andWhere('b.room_id = :roomId', { roomId: query.roomId });
    if (query.mine) qb.andWhere('b.organiser_id = :me', { me: viewer.id });
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    if (query.from) qb.andWhere('b.ends_at > :from', { from: query.from });
    if (query.to) qb.andWhere('b.starts_at < :to', { to: query.to });
    const page = await paginate(qb, query, (b) => b);
    return { ...page, items: await this.toDtos(page.items, viewer) };
  }

  /** Free rooms for a slot: bookable, seating the attendees, with every piece of equipment asked; smallest first. */
  async suggest(query: SuggestRoomsQueryDto): Promise<RoomSuggestionDto[]> {
    const slot = this.slotOf(query.startsAt, query.endsAt);
    const rows: MeetingRoomRow[] = await this.dataSource.query(
      `SELECT r.id, r.name, r.building, r.floor, r.capacity, r.equipment, r.needs_approval
         FROM meeting_rooms r
        WHERE r.bookable AND r.capacity >= $3 AND r.equipment @> $4::text[]
          AND NOT EXISTS (SELECT 1 FROM room_bookings b WHERE b.room_id = r.id AND b.status IN ${HOLDING}
                             AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange($1, $2, '[)'))
        ORDER BY r.capacity ASC, r.name ASC
        LIMIT 20`,
      [slot.startsAt, slot.endsAt, query.attendeeCount, query.equipment ?? []],
    );
    return rows.map((r) => ({
      room: { id: r.id, name: r.name },
      building: r.building,
      floor: r.floor,
      capacity: r.capacity,
      equipment: r.equipment,
      needsApproval: r.needs_approval,
    }));
  }

  /** Day or week view (MTG-1): each room with the bookings that hold it in the school's days. */
  async availability(query: AvailabilityQueryDto, viewer: Principal): Promise<AvailabilityDto> {
    const fromDate = query.view === 'week' ? mondayOf(query.date) : query.date;
    const toDate = query.view === 'week' ? addDays(fromDate, 6) : fromDate;
    const zone = this.config.schoolTimeZone;
    const start = schoolTimeToInstant(fromDate, '00:00:00', zone);
    const end = schoolTimeToInstant(addDays(toDate, 1), '00:00:00', zone);
    const rooms: MeetingRoomRow[] = await this.dataSource.query(
      `SELECT id, name, building, floor, capacity, equipment, needs_approval, bookable FROM meeting_rooms
        WHERE ($1::uuid IS NULL OR id = $1) ORDER BY building, name`,
      [query.roomId ?? null],
    );
    if (query.roomId && rooms.length === 0) throw notFound('meeting-room');
    const bookings = await this.bookingQuery(this.dataSource.manager)
      .where('b.room_id IN (:...rooms)', { rooms: rooms.length ? rooms.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000'] })
      .andWhere(`b.status IN ${HOLDING}`)
      .andWhere('b.starts_at < :end AND b.ends_at > :start', { start, end })
      .orderBy('b.starts_at', 'ASC')
      .getMany();
    const dtos = await this.toDtos(bookings, viewer);
    return {
      fromDate,
      toDate,
      rooms: rooms.map((r) => ({
        room: { id: r.id, name: r.name },
        capacity: r.capacity,
        building: r.building,
        floor: r.floor,
        bookable: r.bookable ?? true,
        needsApproval: r.needs_approval,
        bookings: dtos.filter((b) => b.room.id === r.id),
      })),
    };
  }

  /** Bookings with their room and organiser as refs: the availability grid loads a whole week of them. */
  private bookingQuery(manager: EntityManager) {
    const qb = manager.createQueryBuilder(RoomBooking, 'b');
    joinRef(qb, 'b.room', 'room');
    return joinRef(qb, 'b.organiser', 'organiser');
  }

  /** The meetings (of those given) whose title the viewer may not see. */
  async hiddenMeetings(manager: EntityManager, viewer: Viewer, meetingIds: (string | null)[]): Promise<Set<string>> {
    const ids = [...new Set(meetingIds.filter((id): id is string => Boolean(id)))];
    if (ids.length === 0) return new Set();
    const visible = this.access.visibleWhere(viewer, MEETING, 'm');
    const rows = await manager
      .createQueryBuilder()
      .select('m.id', 'id')
      .from('meetings', 'm')
      .where('m.id IN (:...ids)', { ids })
      .andWhere(visible.sql, visible.params)
      .getRawMany<{ id: string }>();
    const seen = new Set(rows.map((r) => r.id));
    return new Set(ids.filter((id) => !seen.has(id)));
  }

  private async toDtos(bookings: RoomBooking[], viewer: Principal): Promise<BookingDto[]> {
    if (bookings.length === 0) return [];
    const links: { id: string; booking_id: string }[] = await this.dataSource.query(
      'SELECT id, booking_id FROM meetings WHERE booking_id = ANY($1::uuid[])',
      [bookings.map((b) => b.id)],
    );
    const meetingOf = new Map(links.map((l) => [l.booking_id, l.id]));
    const hidden = await this.hiddenMeetings(
      this.dataSource.manager,
      viewer,
      links.map((l) => l.id),
    );
    return bookings.map((b) => {
      const meetingId = meetingOf.get(b.id) ?? null;
      return this.toDto(b, b.organiser, meetingId && hidden.has(meetingId) ? { hidden: true } : meetingId, viewer);
    });
  }

  /** `meeting`: the booking's meeting id, null when none, or `{ hidden }` when the viewer may not see it. */
  private toDto(b: RoomBooking, organiser: Named | undefined, meeting: string | null | { hidden: true }, viewer: Principal): BookingDto {
    const secret = meeting !== null && typeof meeting === 'object';
    const meetingId = secret ? null : meeting;
    const manages = viewer.permissions.has(PERMISSIONS.MEETINGS_MANAGE);
    return {
      id: b.id,
      room: { id: b.room!.id, name: b.room!.name },
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      attendeeCount: b.attendeeCount,
      title: secret ? null : b.title,
      titleHidden: secret,
      organiser: toRef(organiser),
      status: b.status,
      seriesId: b.seriesId,
      approvalRequestId: b.approvalRequestId,
      meetingId,
      cancellable: (b.status === 'pending' || b.status === 'confirmed') && !meeting && (manages || b.organiserId === viewer.id),
      version: b.version,
    };
  }
}

interface MeetingRoomRow {
  id: string;
  name: string;
  building: string;
  floor: string;
  capacity: number;
  equipment: MeetingRoom['equipment'];
  needs_approval: boolean;
  bookable?: boolean;
}

/** HH:mm of an instant in the school's zone. */
export function hhmm(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}
