import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SECRECY_LABELS, schoolDateOf } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, notFound, versionConflict } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { BookingsService, MEETING, hhmm } from '../bookings/bookings.service';
import { meetingCancelled } from '../attendance/attendance.service';
import type { MeetingDetailDto } from '../meetings/meeting.dto';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import type { RescheduleMeetingDto } from './preparation.dto';

/**
 * Moving a meeting (改期、换会议室): new times and/or another room. The old booking is released and
 * a new one made in the same transaction through the bookings service, so a clash is the same 409
 * naming the conflicting booking as for any booking, and nothing changes. Attendees who had the
 * notice are told of the change (a classified meeting's message names neither title nor reason).
 */
@Injectable()
export class RescheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly bookings: BookingsService,
    private readonly meetings: MeetingsService,
    private readonly notifications: NotificationsService,
  ) {}

  async reschedule(id: string, dto: RescheduleMeetingDto, ctx: RequestContext): Promise<MeetingDetailDto> {
    const actor = ctx.actor!;
    await this.access.assertCanChange(actor, { type: MEETING, id }, ctx);
    const slot = this.bookings.slotOf(dto.startsAt, dto.endsAt);
    const current = await this.dataSource.manager.findOneBy(Meeting, { id });
    if (!current) throw notFound(MEETING);
    const [booked] = current.bookingId
      ? await this.dataSource.query('SELECT room_id FROM room_bookings WHERE id = $1', [current.bookingId])
      : [];
    const roomId: string | null = dto.roomId ?? booked?.room_id ?? null;

    const work = () =>
      this.dataSource.transaction(async (manager) => {
        await this.access.assertCanChange(actor, { type: MEETING, id }, ctx, manager);
        const meeting = await manager.createQueryBuilder(Meeting, 'm').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
        if (!meeting) throw notFound(MEETING);
        if (meeting.version !== dto.version) throw versionConflict();
        if (meeting.status === 'cancelled') throw meetingCancelled();
        const before = {
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          bookingId: meeting.bookingId,
          place: await this.place(manager, meeting),
        };
        let bookingId = meeting.bookingId;
        if (roomId) {
          // Release first: moving within the same room must not clash with the meeting's own slot.
          if (meeting.bookingId) await this.bookings.release(manager, [meeting.bookingId], 'cancelled');
          const [{ n }] = await manager.query(
            `SELECT count(DISTINCT u)::int AS n FROM (SELECT user_id AS u FROM meeting_attendees WHERE meeting_id = $1
               UNION SELECT $2::uuid) people`,
            [id, meeting.organiserId],
          );
          const booking = await this.bookings.insertBooking(
            manager,
            { roomId, ...slot, attendeeCount: Math.max(1, n), title: meeting.title },
            ctx,
          );
          bookingId = booking.id;
        } else if (!meeting.location) {
          throw badRequest('No place', { roomId: ['the meeting has no room; give one'] });
        }
        await manager.query(
          `UPDATE meetings SET starts_at = $2, ends_at = $3, booking_id = $4, version = version + 1, updated_at = now() WHERE id = $1`,
          [id, slot.startsAt, slot.endsAt, bookingId],
        );
        const after = await manager.findOneByOrFail(Meeting, { id });
        const place = await this.place(manager, after);
        if (meeting.notifiedAt) {
          const people: { user_id: string }[] = await manager.query('SELECT user_id FROM meeting_attendees WHERE meeting_id = $1', [id]);
          const classified = meeting.secrecy !== 'none';
          const what = classified ? `${SECRECY_LABELS[meeting.secrecy]['zh-CN']}会议` : meeting.title;
          await this.notifications.notify(manager, {
            recipientIds: people.map((p) => p.user_id),
            kind: 'meeting.changed',
            title: `【会议变更】${what}`,
            body:
              `原定：${this.when(before.startsAt, before.endsAt)} ${before.place}\n` +
              `改为：${this.when(slot.startsAt, slot.endsAt)} ${place}` +
              (dto.reason && !classified ? `\n原因：${dto.reason}` : ''),
            link: `/meetings/${id}`,
          });
        }
        await this.audit.record(manager, ctx, {
          action: 'meeting.reschedule',
          objectType: MEETING,
          objectId: id,
          details: {
            from: { startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString(), bookingId: before.bookingId },
            to: { startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), bookingId },
            reason: dto.reason ?? null,
          },
        });
      });
    if (roomId) await this.bookings.reportingClashes(roomId, [slot], actor, 'startsAt', work);
    else await work();
    return this.meetings.get(id, ctx);
  }

  /** Where the meeting is, read in the transaction (the new booking is not committed yet). */
  private async place(manager: EntityManager, meeting: Meeting): Promise<string> {
    if (!meeting.bookingId) return meeting.location ?? '';
    const [r] = await manager.query(
      'SELECT r.name, r.building, r.floor FROM room_bookings b JOIN meeting_rooms r ON r.id = b.room_id WHERE b.id = $1',
      [meeting.bookingId],
    );
    return r ? `${r.building}${r.floor}${/^\d+$/.test(r.floor) ? '楼' : ''} ${r.name}` : (meeting.location ?? '');
  }

  private when(startsAt: Date, endsAt: Date): string {
    const zone = this.config.schoolTimeZone;
    return `${schoolDateOf(startsAt, zone)} ${hhmm(startsAt, zone)}–${hhmm(endsAt, zone)}`;
  }
}
