import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, schoolDateOf, schoolTimeToInstant } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { BookingsService, MEETING, hhmm, type Slot } from '../bookings/bookings.service';
import type { CreateMeetingDto } from '../meetings/meeting.dto';
import { MeetingsService } from '../meetings/meetings.service';
import type { CoordinationResultDto, CreateCoordinationMeetingDto } from './coordination.dto';
import { CoordinationDepartment, CoordinationSeries } from './coordination.entity';

/** The meeting type of coordination meetings (built in). */
export const COORDINATION_TYPE = 'coordination';

interface Involved {
  departmentId: string;
  invitedId: string | null;
}

/**
 * Coordination meetings (协调会, ADM-1). The departments involved are invited through their
 * liaison person (departments.liaison_id, kept by the foundation's department directory); a
 * department without a liaison sends its head, and one with neither is listed with nobody
 * invited (the organiser adds someone by name). A recurring one (e.g. every two weeks) is created
 * as a series of ordinary meetings, each with its own room booking, in one transaction: a clash
 * in any occurrence creates nothing, and the 409 lists every clashing date.
 */
@Injectable()
export class CoordinationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly bookings: BookingsService,
    private readonly meetings: MeetingsService,
  ) {}

  async create(dto: CreateCoordinationMeetingDto, ctx: RequestContext): Promise<CoordinationResultDto> {
    if (!dto.roomId && !dto.location) throw badRequest('The meeting is incomplete', { location: ['give a room to book, or a place'] });
    const first = this.bookings.slotOf(dto.startsAt, dto.endsAt);
    const slots = this.occurrences(first, dto.recurrence?.everyWeeks ?? 1, dto.recurrence?.occurrences ?? 1);
    const zone = this.config.schoolTimeZone;
    const dateOf = (slot: Slot) => schoolDateOf(slot.startsAt, zone);
    const actor = ctx.actor!;
    if (dto.roomId) {
      // Every clash of the series at once, before anything is written.
      const clashes = await this.bookings.findClashes(this.dataSource.manager, dto.roomId, slots, actor);
      if (clashes.length) throw this.bookings.clashError(clashes, dateOf);
    }
    const work = () =>
      this.dataSource.transaction(async (manager) => {
        const involved = await this.involved(manager, dto.departmentIds);
        const invitedIds = involved.map((d) => d.invitedId).filter((id): id is string => id !== null);
        const { departmentIds, recurrence, ...rest } = dto;
        const meetingDto: CreateMeetingDto = {
          ...rest,
          typeCode: COORDINATION_TYPE,
          attendeeIds: [...new Set([...invitedIds, ...(dto.attendeeIds ?? [])])],
        };
        let seriesId: string | null = null;
        if (recurrence) {
          const series = manager.create(CoordinationSeries, {
            title: dto.title,
            everyWeeks: recurrence.everyWeeks,
            occurrences: recurrence.occurrences,
            organiserId: actor.id,
          });
          await manager.insert(CoordinationSeries, series);
          seriesId = series.id;
        }
        const ids: string[] = [];
        for (const slot of slots) {
          const id = await this.meetings.insertMeeting(
            manager,
            { ...meetingDto, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
            slot,
            ctx,
          );
          await manager.insert(
            CoordinationDepartment,
            involved.map((d) => ({ meetingId: id, departmentId: d.departmentId, invitedId: d.invitedId, seriesId })),
          );
          ids.push(id);
        }
        await this.audit.record(manager, ctx, {
          action: 'meeting.coordination.create',
          objectType: MEETING,
          objectId: ids[0],
          details: { seriesId, meetings: ids, departmentIds, dates: slots.map(dateOf) },
        });
        return { seriesId, ids };
      });
    const { seriesId, ids } = dto.roomId ? await this.bookings.reportingClashes(dto.roomId, slots, actor, dateOf, work) : await work();
    const meetings = [];
    for (const id of ids) meetings.push(await this.meetings.get(id, ctx));
    return { seriesId, meetings };
  }

  /** The occurrences: the first slot, then the same school time every `everyWeeks` weeks. */
  private occurrences(first: Slot, everyWeeks: number, count: number): Slot[] {
    const zone = this.config.schoolTimeZone;
    const date = schoolDateOf(first.startsAt, zone);
    const start = `${hhmm(first.startsAt, zone)}:00`;
    const lengthMs = first.endsAt.getTime() - first.startsAt.getTime();
    return Array.from({ length: count }, (_, k) => {
      const startsAt = schoolTimeToInstant(addDays(date, 7 * everyWeeks * k), start, zone);
      return { startsAt, endsAt: new Date(startsAt.getTime() + lengthMs) };
    });
  }

  /** Each department with the person it sends: its active liaison, else its active head, else nobody. */
  private async involved(manager: EntityManager, departmentIds: string[]): Promise<Involved[]> {
    const rows: { id: string; invited_id: string | null }[] = await manager.query(
      `SELECT d.id, coalesce(l.id, h.id) AS invited_id
         FROM departments d
         LEFT JOIN users l ON l.id = d.liaison_id AND l.active
         LEFT JOIN users h ON h.id = d.head_id AND h.active
        WHERE d.id = ANY($1::uuid[])`,
      [departmentIds],
    );
    const found = new Map(rows.map((r) => [r.id, r.invited_id]));
    const missing = departmentIds.filter((id) => !found.has(id));
    if (missing.length) throw badRequest('No such department', { departmentIds: missing.map((id) => `no department has the id ${id}`) });
    return departmentIds.map((departmentId) => ({ departmentId, invitedId: found.get(departmentId) ?? null }));
  }
}
