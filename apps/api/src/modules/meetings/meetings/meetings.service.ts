import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PERMISSIONS,
  SECRECY_LABELS,
  clearanceCovers,
  meetingActionsFrom,
  nextMeetingStatus,
  schoolDateOf,
  type AttendeeRole,
  type MeetingAction,
  type SecrecyLevel,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { escapeLike } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import { BookingsService, MEETING, hhmm } from '../bookings/bookings.service';
import { RoomBooking } from '../bookings/booking.entity';
import { coordinationDepartmentsOf } from '../coordination/coordination-departments';
import { ResolutionsService } from '../resolutions/resolutions.service';
import { MEETING_ERRORS, bookingPending, illegalMeetingMove, notAnAttendee, notTheOrganiser } from '../meetings.errors';
import type {
  CreateMeetingDto,
  CreateMeetingTypeDto,
  MeetingDetailDto,
  MeetingDto,
  MeetingPeopleDto,
  MeetingTypeDto,
  QueryMeetingsDto,
  RespondMeetingDto,
  TopicInputDto,
  UpdateMeetingDto,
} from './meeting.dto';
import { Meeting, MeetingAttendee, MeetingDepartment, MeetingTopic, MeetingType } from './meeting.entity';
import { toMeetingDetailDto, toMeetingDto, toMeetingTypeDto } from './meeting.mapper';

const link = (id: string) => `/meetings/${id}`;

/** A person resolved from the names and departments chosen. */
interface Invitee {
  userId: string;
  role: AttendeeRole;
  viaDepartmentId: string | null;
}

/**
 * Meetings (MTG-2, MTG-3): the record, its agenda confirmed by the organiser, the attendees
 * resolved from people and departments, the notice through the notification platform, and each
 * attendee's answer. Visibility by the access service: unclassified meetings are school-wide; a
 * classified one only for its invitees whose clearance covers it (404 for everyone else).
 */
@Injectable()
export class MeetingsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly bookings: BookingsService,
    private readonly notifications: NotificationsService,
    private readonly inbox: InboxService,
    private readonly resolutions: ResolutionsService,
  ) {}

  onModuleInit(): void {
    this.access.register(MEETING, {
      table: 'meetings',
      secrecyColumn: 'secrecy',
      named: (o, me) =>
        `${o}.organiser_id = ${me} OR ${o}.host_id = ${me} OR EXISTS (
           SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = ${o}.id AND a.user_id = ${me})`,
      changers: (o, me) => `${o}.organiser_id = ${me}`,
    });
  }

  // ---------- types ----------

  async listTypes(): Promise<MeetingTypeDto[]> {
    const types = await this.dataSource.manager.find(MeetingType, { order: { sort: 'ASC', name: 'ASC' } });
    return types.map(toMeetingTypeDto);
  }

  async createType(dto: CreateMeetingTypeDto, ctx: RequestContext): Promise<MeetingTypeDto> {
    return this.dataSource.transaction(async (manager) => {
      const [taken] = await manager.query('SELECT code FROM meeting_types WHERE code = $1 OR name = $2', [dto.code, dto.name]);
      if (taken) throw conflict(PLATFORM_ERRORS.CONFLICT, 'A meeting type has this code or name', { code: ['taken'], name: ['taken'] });
      const type = manager.create(MeetingType, {
        code: dto.code,
        name: dto.name,
        nameEn: dto.nameEn ?? null,
        builtin: false,
        active: true,
        sort: 100,
      });
      await manager.insert(MeetingType, type);
      await this.audit.record(manager, ctx, {
        action: 'meeting.type.create',
        objectType: 'meeting-type',
        details: { code: dto.code, name: dto.name },
      });
      return toMeetingTypeDto(type);
    });
  }

  // ---------- creating and changing ----------

  async create(dto: CreateMeetingDto, ctx: RequestContext): Promise<MeetingDetailDto> {
    const actor = ctx.actor!;
    const secrecy = dto.secrecy ?? 'none';
    const errors: Record<string, string[]> = {};
    if (!clearanceCovers(actor.clearance, secrecy)) errors.secrecy = ['the meeting is above your clearance'];
    if (dto.bookingId && dto.roomId) errors.roomId = ['give either a booking or a room to book, not both'];
    if (!dto.bookingId && (!dto.startsAt || !dto.endsAt)) errors.startsAt = ['startsAt and endsAt are needed unless a booking is given'];
    if (!dto.bookingId && !dto.roomId && !dto.location) errors.location = ['give a booking, a room to book, or a place'];
    if (Object.keys(errors).length) throw badRequest('The meeting is incomplete', errors);
    const slot = dto.bookingId ? null : this.bookings.slotOf(dto.startsAt!, dto.endsAt!);

    const work = () => this.dataSource.transaction((manager) => this.insertMeeting(manager, dto, slot, ctx));
    const id = dto.roomId ? await this.bookings.reportingClashes(dto.roomId, [slot!], actor, 'startsAt', work) : await work();
    return this.get(id, ctx);
  }

  /**
   * The meeting's rows in the caller's transaction, its room booked when a room is given: create()
   * wraps it for one meeting, a coordination series (ADM-1) for each of its occurrences.
   */
  async insertMeeting(
    manager: EntityManager,
    dto: CreateMeetingDto,
    slot: { startsAt: Date; endsAt: Date } | null,
    ctx: RequestContext,
  ): Promise<string> {
    const actor = ctx.actor!;
    const secrecy = dto.secrecy ?? 'none';
    await this.assertType(manager, dto.typeCode);
    await this.assertUser(manager, dto.hostId, 'hostId');
    const invitees = await this.resolvePeople(manager, dto, secrecy, dto.hostId ?? null);
    let bookingId: string | null = null;
    let when = slot;
    if (dto.bookingId) {
      const booking = await this.takeOverBooking(manager, dto.bookingId, actor);
      bookingId = booking.id;
      // The booking now carries the meeting: its title follows (and hides with) the meeting's.
      await manager.update(RoomBooking, { id: booking.id }, { title: dto.title });
      when = { startsAt: booking.startsAt, endsAt: booking.endsAt };
    } else if (dto.roomId) {
      const count = Math.max(1, new Set([actor.id, ...invitees.map((i) => i.userId)]).size);
      const booking = await this.bookings.insertBooking(
        manager,
        { roomId: dto.roomId, ...slot!, attendeeCount: count, title: dto.title },
        ctx,
      );
      bookingId = booking.id;
    }
    const meeting = manager.create(Meeting, {
      title: dto.title,
      typeCode: dto.typeCode,
      organiserId: actor.id,
      hostId: dto.hostId ?? null,
      bookingId,
      startsAt: when!.startsAt,
      endsAt: when!.endsAt,
      location: dto.location || null,
      secrecy,
      description: dto.description || null,
      status: 'draft',
    });
    await manager.insert(Meeting, meeting);
    await this.writeTopics(manager, meeting.id, dto.topics ?? []);
    await this.writePeople(manager, meeting.id, dto, invitees);
    await this.audit.record(manager, ctx, {
      action: 'meeting.create',
      objectType: MEETING,
      objectId: meeting.id,
      details: { typeCode: dto.typeCode, secrecy, bookingId, invitees: invitees.length },
    });
    return meeting.id;
  }

  /** Before the notice: title, type, host, description, agenda and people. A confirmed agenda goes back to draft. */
  async update(id: string, dto: UpdateMeetingDto, ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.move(id, 'edit', ctx, async (manager, meeting) => {
      if (dto.typeCode) await this.assertType(manager, dto.typeCode);
      await this.assertUser(manager, dto.hostId, 'hostId');
      const changes: Partial<Meeting> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.typeCode !== undefined) changes.typeCode = dto.typeCode;
      if (dto.hostId !== undefined) changes.hostId = dto.hostId;
      if (dto.description !== undefined) changes.description = dto.description || null;
      await updateVersioned(manager, Meeting, id, dto.version, { ...changes, agendaConfirmedAt: null }, MEETING);
      if (dto.title !== undefined && meeting.bookingId) await manager.update(RoomBooking, { id: meeting.bookingId }, { title: dto.title });
      if (dto.topics) await this.writeTopics(manager, id, dto.topics);
      const peopleGiven = ['attendeeIds', 'attendeeDepartmentIds', 'observerIds', 'observerDepartmentIds'].some(
        (k) => dto[k as keyof MeetingPeopleDto] !== undefined,
      );
      if (peopleGiven) {
        const invitees = await this.resolvePeople(manager, dto, meeting.secrecy, dto.hostId ?? meeting.hostId);
        await this.writePeople(manager, id, dto, invitees);
      }
      return { fields: Object.keys(changes), topics: Boolean(dto.topics), people: peopleGiven };
    });
  }

  /** The organiser confirms the agenda (议题确认, MTG-2): the notice may go out only after this. */
  async confirmAgenda(id: string, ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.move(id, 'confirm-agenda', ctx, async (manager, meeting) => {
      if (meeting.organiserId !== ctx.actor!.id) throw notTheOrganiser();
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM meeting_topics WHERE meeting_id = $1', [id]);
      if (n === 0) throw badRequest('The agenda is empty', { topics: ['add at least one topic before confirming'] });
      await manager.update(Meeting, { id }, { agendaConfirmedAt: new Date() });
      return { topics: n };
    });
  }

  /**
   * The notice (会议通知, MTG-3): to every attendee and 列席, with time, place and topics, and an
   * inbox item to answer it. A classified meeting's notice names neither title nor topics: the
   * channels (SMS, email) are outside the school's clearance rules, so they only say to look in the panel.
   */
  async notify(id: string, ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.move(id, 'notify', ctx, async (manager, meeting) => {
      if (meeting.bookingId) {
        const [booking] = await manager.query('SELECT status FROM room_bookings WHERE id = $1', [meeting.bookingId]);
        if (booking?.status === 'pending') throw bookingPending();
      }
      const people: { user_id: string }[] = await manager.query('SELECT user_id FROM meeting_attendees WHERE meeting_id = $1', [id]);
      if (people.length === 0) throw badRequest('Nobody is invited', { attendeeIds: ['invite someone before sending the notice'] });
      const topics = await manager.find(MeetingTopic, { where: { meetingId: id }, order: { seq: 'ASC' } });
      const place = await this.placeOf(manager, meeting);
      const when = this.whenOf(meeting);
      const classified = meeting.secrecy !== 'none';
      const title = classified ? `【会议通知】${SECRECY_LABELS[meeting.secrecy]['zh-CN']}会议 ${when}` : `【会议通知】${meeting.title}`;
      const body = classified
        ? `时间：${when}\n地点：${place}\n会议内容请登录系统查看，并确认参会或请假。`
        : `会议：${meeting.title}\n时间：${when}\n地点：${place}\n议题：\n${topics.map((t, i) => `${i + 1}. ${t.title}`).join('\n')}\n请确认参会或请假。`;
      const recipients = people.map((p) => p.user_id);
      await this.notifications.notify(manager, { recipientIds: recipients, kind: 'meeting.notice', title, body, link: link(id) });
      for (const userId of recipients) {
        await this.inbox.open(manager, {
          assigneeId: userId,
          sourceType: MEETING,
          sourceId: id,
          title: classified ? `会议通知：${when}` : `会议通知：${meeting.title}`,
          link: link(id),
          dueAt: meeting.startsAt,
        });
      }
      await manager.update(Meeting, { id }, { notifiedAt: new Date() });
      return { recipients: recipients.length };
    });
  }

  /** Cancels the meeting, frees its room, and tells those already notified. */
  async cancel(id: string, reason: string | undefined, ctx: RequestContext): Promise<MeetingDetailDto> {
    return this.move(id, 'cancel', ctx, async (manager, meeting) => {
      if (meeting.bookingId) await this.bookings.release(manager, [meeting.bookingId], 'cancelled');
      if (meeting.notifiedAt) {
        const people: { user_id: string }[] = await manager.query('SELECT user_id FROM meeting_attendees WHERE meeting_id = $1', [id]);
        const classified = meeting.secrecy !== 'none';
        await this.notifications.notify(manager, {
          recipientIds: people.map((p) => p.user_id),
          kind: 'meeting.cancelled',
          title: `【会议取消】${classified ? this.whenOf(meeting) : meeting.title}`,
          body: `原定于${this.whenOf(meeting)}召开的会议已取消。${reason && !classified ? `\n原因：${reason}` : ''}`,
          link: link(id),
        });
        await this.inbox.close(manager, { sourceType: MEETING, sourceId: id }, 'cancelled');
      }
      return { reason: reason ?? null };
    });
  }

  /** An attendee's answer (MTG-3): accept, or ask for leave with a reason. Answering again changes it. */
  async respond(id: string, dto: RespondMeetingDto, ctx: RequestContext): Promise<MeetingDetailDto> {
    const me = ctx.actor!;
    if (dto.response === 'leave' && !dto.reason)
      throw badRequest('A leave needs a reason', { reason: ['give the reason for the leave (请假事由)'] });
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(me, { type: MEETING, id }, ctx, manager);
      const meeting = await manager.findOneBy(Meeting, { id });
      if (!meeting) throw notFound(MEETING);
      if (meeting.status !== 'notified') {
        throw conflict(MEETING_ERRORS.ILLEGAL_TRANSITION, 'Answers are taken once the notice is out, until the meeting is cancelled');
      }
      const result = await manager.update(
        MeetingAttendee,
        { meetingId: id, userId: me.id },
        { response: dto.response, leaveReason: dto.response === 'leave' ? dto.reason! : null, respondedAt: new Date() },
      );
      if (!result.affected) throw notAnAttendee();
      await this.inbox.close(manager, { sourceType: MEETING, sourceId: id, assigneeId: me.id });
      await this.audit.record(manager, ctx, {
        action: 'meeting.respond',
        objectType: MEETING,
        objectId: id,
        details: { response: dto.response, reason: dto.response === 'leave' ? dto.reason : null },
      });
    });
    return this.get(id, ctx);
  }

  /**
   * One move of the meeting's flow: the person may see it (else 404) and change it (organiser or
   * meetings.manage, else 403); the table of libs/shared decides (else 409); the effect, the status
   * and the audit entry commit together.
   */
  private async move(
    id: string,
    action: MeetingAction,
    ctx: RequestContext,
    effect: (manager: EntityManager, meeting: Meeting) => Promise<Record<string, unknown>>,
  ): Promise<MeetingDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: MEETING, id }, ctx, manager);
      const meeting = await manager.createQueryBuilder(Meeting, 'm').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
      if (!meeting) throw notFound(MEETING);
      const next = nextMeetingStatus(meeting.status, action);
      if (!next) throw illegalMeetingMove(meeting.status, action);
      const details = await effect(manager, meeting);
      await manager.query('UPDATE meetings SET status = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, next]);
      await this.audit.record(manager, ctx, {
        action: `meeting.${action}`,
        objectType: MEETING,
        objectId: id,
        details: { from: meeting.status, to: next, ...details },
      });
    });
    return this.get(id, ctx);
  }

  // ---------- reading ----------

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<MeetingDetailDto> {
    const viewer = ctx.actor!;
    await this.access.assertCanRead(viewer, { type: MEETING, id }, ctx, manager);
    const meeting = await this.baseQuery(manager).where('m.id = :id', { id }).getOne();
    if (!meeting) throw notFound(MEETING);
    const [topics, attendees, departments] = await Promise.all([
      manager.find(MeetingTopic, { where: { meetingId: id }, relations: { presenter: true }, order: { seq: 'ASC' } }),
      manager
        .createQueryBuilder(MeetingAttendee, 'a')
        .innerJoinAndSelect('a.user', 'u')
        .leftJoinAndSelect('a.viaDepartment', 'd')
        .where('a.meeting_id = :id', { id })
        .orderBy('a.role', 'ASC')
        .addOrderBy('u.name', 'ASC')
        .getMany(),
      manager.find(MeetingDepartment, { where: { meetingId: id }, relations: { department: true } }),
    ]);
    const place = await this.placeOf(manager, meeting);
    const mine = attendees.find((a) => a.userId === viewer.id)?.response ?? null;
    const detail = toMeetingDetailDto(meeting, place, mine, this.allowedActions(meeting, viewer), topics, attendees, departments);
    detail.carryOver = await this.resolutions.carriedOverTo(meeting, viewer, manager);
    detail.coordinationDepartments = await coordinationDepartmentsOf(manager, id);
    return detail;
  }

  async list(query: QueryMeetingsDto, viewer: Principal): Promise<Page<MeetingDto>> {
    const visible = this.access.visibleWhere(viewer, MEETING, 'm');
    const qb = this.baseQuery(this.dataSource.manager)
      .andWhere(visible.sql, visible.params)
      .orderBy('m.starts_at', 'DESC')
      .addOrderBy('m.id', 'ASC');
    if (query.q) qb.andWhere('m.title ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.typeCode) qb.andWhere('m.type_code = :type', { type: query.typeCode });
    if (query.from) qb.andWhere('m.ends_at > :from', { from: query.from });
    if (query.to) qb.andWhere('m.starts_at < :to', { to: query.to });
    if (query.mine) {
      qb.andWhere(
        `(m.organiser_id = :me OR m.host_id = :me OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id = :me))`,
        { me: viewer.id },
      );
    }
    const page = await paginate(qb, query, (m) => m);
    const responses: { meeting_id: string; response: MeetingDto['myResponse'] }[] = page.items.length
      ? await this.dataSource.query(
          'SELECT meeting_id, response FROM meeting_attendees WHERE user_id = $1 AND meeting_id = ANY($2::uuid[])',
          [viewer.id, page.items.map((m) => m.id)],
        )
      : [];
    const responseOf = new Map(responses.map((r) => [r.meeting_id, r.response]));
    const items: MeetingDto[] = [];
    for (const m of page.items) {
      items.push(
        toMeetingDto(m, await this.placeOf(this.dataSource.manager, m), responseOf.get(m.id) ?? null, this.allowedActions(m, viewer)),
      );
    }
    return { ...page, items };
  }

  /** The meetings a person takes part in, for their calendar feed: not drafts, not older than 90 days. */
  async meetingsOf(userId: string): Promise<Meeting[]> {
    return this.baseQuery(this.dataSource.manager)
      .where(`m.status IN ('notified', 'cancelled')`)
      .andWhere(`m.ends_at > now() - interval '90 days'`)
      .andWhere(
        `(m.organiser_id = :me OR m.host_id = :me OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id = :me))`,
        { me: userId },
      )
      .orderBy('m.starts_at', 'ASC')
      .take(1000)
      .getMany();
  }

  async topicsOf(meetingId: string): Promise<MeetingTopic[]> {
    return this.dataSource.manager.find(MeetingTopic, { where: { meetingId }, order: { seq: 'ASC' } });
  }

  /** The meeting as the viewer may see it (404 otherwise), with its topics and place, for the ICS file. */
  async forCalendar(id: string, ctx: RequestContext): Promise<{ meeting: Meeting; place: string; topics: MeetingTopic[] }> {
    await this.access.assertCanRead(ctx.actor!, { type: MEETING, id }, ctx);
    const meeting = await this.baseQuery(this.dataSource.manager).where('m.id = :id', { id }).getOne();
    if (!meeting) throw notFound(MEETING);
    return { meeting, place: await this.placeOf(this.dataSource.manager, meeting), topics: await this.topicsOf(id) };
  }

  placeOfMeeting(meeting: Meeting): Promise<string> {
    return this.placeOf(this.dataSource.manager, meeting);
  }

  private baseQuery(manager: EntityManager) {
    return manager
      .createQueryBuilder(Meeting, 'm')
      .innerJoinAndSelect('m.type', 'type')
      .innerJoinAndSelect('m.organiser', 'organiser')
      .leftJoinAndSelect('m.host', 'host')
      .leftJoinAndSelect('m.booking', 'booking')
      .leftJoinAndSelect('booking.room', 'room');
  }

  private allowedActions(meeting: Meeting, viewer: Principal): MeetingAction[] {
    const organiser = meeting.organiserId === viewer.id;
    if (!organiser && !viewer.permissions.has(PERMISSIONS.MEETINGS_MANAGE)) return [];
    return meetingActionsFrom(meeting.status).filter((a) => a !== 'confirm-agenda' || organiser);
  }

  private async placeOf(manager: EntityManager, meeting: Meeting): Promise<string> {
    if (meeting.booking?.room) {
      const r = meeting.booking.room;
      return `${r.building}${r.floor}${/^\d+$/.test(r.floor) ? '楼' : ''} ${r.name}`;
    }
    if (meeting.bookingId) {
      const [r] = await manager.query(
        'SELECT r.name, r.building, r.floor FROM room_bookings b JOIN meeting_rooms r ON r.id = b.room_id WHERE b.id = $1',
        [meeting.bookingId],
      );
      if (r) return `${r.building}${r.floor}${/^\d+$/.test(r.floor) ? '楼' : ''} ${r.name}`;
    }
    return meeting.location ?? '';
  }

  private whenOf(meeting: Meeting): string {
    const zone = this.config.schoolTimeZone;
    return `${schoolDateOf(meeting.startsAt, zone)} ${hhmm(meeting.startsAt, zone)}–${hhmm(meeting.endsAt, zone)}`;
  }

  // ---------- people, topics, bookings ----------

  /**
   * People chosen by name and by department, resolved to persons: a department brings its active
   * members and its head. 出席 wins over 列席, a name over a department. Everyone must be cleared
   * for a classified meeting (400 keyed by the field that brought them in).
   */
  private async resolvePeople(
    manager: EntityManager,
    dto: MeetingPeopleDto,
    secrecy: SecrecyLevel,
    hostId: string | null,
  ): Promise<Invitee[]> {
    const result = new Map<string, Invitee & { field: string }>();
    const add = (userId: string, role: AttendeeRole, via: string | null, field: string) => {
      const known = result.get(userId);
      // The first choice stays, unless it made an 列席 of someone who also attends (出席).
      if (known && !(known.role === 'observer' && role === 'attendee')) return;
      result.set(userId, { userId, role, viaDepartmentId: via, field });
    };
    const named = async (ids: string[] | undefined, role: AttendeeRole, field: string) => {
      if (!ids?.length) return;
      const rows: { id: string }[] = await manager.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active', [ids]);
      const found = new Set(rows.map((r) => r.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw badRequest('No such person', { [field]: missing.map((id) => `no active account has the id ${id}`) });
      for (const id of ids) add(id, role, null, field);
    };
    const departments = async (ids: string[] | undefined, role: AttendeeRole, field: string) => {
      if (!ids?.length) return;
      const known: { id: string }[] = await manager.query('SELECT id FROM departments WHERE id = ANY($1::uuid[])', [ids]);
      const found = new Set(known.map((r) => r.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw badRequest('No such department', { [field]: missing.map((id) => `no department has the id ${id}`) });
      const members: { user_id: string; department_id: string }[] = await manager.query(
        `SELECT u.id AS user_id, u.department_id FROM users u WHERE u.active AND u.department_id = ANY($1::uuid[])
         UNION
         SELECT d.head_id, d.id FROM departments d JOIN users h ON h.id = d.head_id AND h.active WHERE d.id = ANY($1::uuid[])
         ORDER BY 2, 1`,
        [ids],
      );
      for (const m of members) add(m.user_id, role, m.department_id, field);
    };
    // Names first, so that a department does not overwrite a person chosen by name.
    await named(dto.attendeeIds, 'attendee', 'attendeeIds');
    await named(dto.observerIds, 'observer', 'observerIds');
    await departments(dto.attendeeDepartmentIds, 'attendee', 'attendeeDepartmentIds');
    await departments(dto.observerDepartmentIds, 'observer', 'observerDepartmentIds');
    if (hostId && !result.has(hostId)) add(hostId, 'attendee', null, 'hostId');

    if (secrecy !== 'none' && result.size) {
      const rows: { id: string; name: string; clearance: SecrecyLevel; field?: string }[] = await manager.query(
        'SELECT id, name, clearance FROM users WHERE id = ANY($1::uuid[])',
        [[...result.keys()]],
      );
      const errors: Record<string, string[]> = {};
      for (const row of rows) {
        if (clearanceCovers(row.clearance, secrecy)) continue;
        const field = result.get(row.id)!.field;
        (errors[field] ??= []).push(`${row.name} is not cleared for a ${SECRECY_LABELS[secrecy]['zh-CN']} meeting`);
      }
      if (Object.keys(errors).length) throw badRequest('Some invitees are not cleared for this meeting', errors);
    }
    return [...result.values()].map(({ userId, role, viaDepartmentId }) => ({ userId, role, viaDepartmentId }));
  }

  private async writePeople(manager: EntityManager, meetingId: string, dto: MeetingPeopleDto, invitees: Invitee[]): Promise<void> {
    await manager.delete(MeetingAttendee, { meetingId });
    await manager.delete(MeetingDepartment, { meetingId });
    if (invitees.length)
      await manager.insert(
        MeetingAttendee,
        invitees.map((i) => ({ meetingId, ...i })),
      );
    const departments = [
      ...(dto.attendeeDepartmentIds ?? []).map((departmentId) => ({ meetingId, departmentId, role: 'attendee' as const })),
      ...(dto.observerDepartmentIds ?? [])
        .filter((id) => !(dto.attendeeDepartmentIds ?? []).includes(id))
        .map((departmentId) => ({ meetingId, departmentId, role: 'observer' as const })),
    ];
    if (departments.length) await manager.insert(MeetingDepartment, departments);
  }

  private async writeTopics(manager: EntityManager, meetingId: string, topics: TopicInputDto[]): Promise<void> {
    for (const [i, t] of topics.entries()) await this.assertUser(manager, t.presenterId, `topics.${i}.presenterId`);
    await manager.delete(MeetingTopic, { meetingId });
    if (topics.length === 0) return;
    await manager.insert(
      MeetingTopic,
      topics.map((t, i) => ({ meetingId, seq: i + 1, title: t.title, presenterId: t.presenterId ?? null, minutes: t.minutes ?? null })),
    );
  }

  /** A booking the organiser made that holds its room and carries no meeting yet. */
  private async takeOverBooking(manager: EntityManager, bookingId: string, actor: Principal): Promise<RoomBooking> {
    const booking = await manager
      .createQueryBuilder(RoomBooking, 'b')
      .setLock('pessimistic_write')
      .where('b.id = :id', { id: bookingId })
      .getOne();
    if (!booking) throw badRequest('No such booking', { bookingId: ['no booking has this id'] });
    if (booking.organiserId !== actor.id && !actor.permissions.has(PERMISSIONS.MEETINGS_MANAGE)) {
      throw badRequest('Not your booking', { bookingId: ['the booking is someone else’s'] });
    }
    if (booking.status !== 'pending' && booking.status !== 'confirmed')
      throw badRequest('Booking not active', { bookingId: ['the booking was cancelled or rejected'] });
    const [used] = await manager.query(`SELECT 1 FROM meetings WHERE booking_id = $1`, [bookingId]);
    if (used) throw badRequest('Booking in use', { bookingId: ['another meeting uses this booking'] });
    return booking;
  }

  private async assertType(manager: EntityManager, code: string): Promise<void> {
    const [row] = await manager.query('SELECT active FROM meeting_types WHERE code = $1', [code]);
    if (!row?.active) throw badRequest('No such meeting type', { typeCode: ['not a meeting type in use'] });
  }

  private async assertUser(manager: EntityManager, userId: string | undefined | null, field: string): Promise<void> {
    if (!userId) return;
    const [row] = await manager.query('SELECT 1 FROM users WHERE id = $1 AND active', [userId]);
    if (!row) throw badRequest('No such person', { [field]: ['no active account has this id'] });
  }
}
