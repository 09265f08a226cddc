import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MEETING_PREP_ERRORS,
  SIGN_IN_CODE_VALID_SECONDS,
  attendanceForSignIn,
  countAttendance,
  effectiveAttendance,
  type AttendanceState,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { ApiError, badRequest, notFound } from '../../../platform/http/api-error';
import { returnedRows } from '../../../platform/http/sql';
import type { RequestContext } from '../../../platform/http/request-context';
import { MEETING } from '../bookings/bookings.service';
import { notAnAttendee } from '../meetings.errors';
import { Meeting, MeetingAttendee } from '../meetings/meeting.entity';
import type { MeetingAttendanceDto, SignInCodeDto, SignInResultDto } from './attendance.dto';
import { SignInCodes } from './sign-in-codes';

/** The phone page of the admin app that a scanned code opens. */
export const SIGN_IN_PAGE = '/m/sign-in';

export const meetingCancelled = () => new ApiError(HttpStatus.CONFLICT, MEETING_PREP_ERRORS.MEETING_CANCELLED, 'The meeting is cancelled');

/**
 * Sign-in and attendance (签到, MTG-6). An invitee signs in by scanning the room's code (present,
 * or late after the grace), or staff mark them; a second sign-in changes nothing. Absent and
 * leave-by-answer are computed when read, not written by a job: the counts are right at any
 * moment, also for a meeting whose end nobody witnessed.
 *
 * Only invitees sign in. Someone who may see the meeting but is not invited gets 403
 * MEETING_NOT_AN_ATTENDEE (they were in the room and should know why it failed); someone who may
 * not see a classified meeting gets 404, as for every read of it.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly codes: SignInCodes,
  ) {}

  /** The code for the room screen: for the organiser (or meetings.manage). */
  async currentCode(meetingId: string, ctx: RequestContext, now = new Date()): Promise<SignInCodeDto> {
    await this.access.assertCanChange(ctx.actor!, { type: MEETING, id: meetingId }, ctx);
    const meeting = await this.dataSource.manager.findOneByOrFail(Meeting, { id: meetingId });
    if (meeting.status === 'cancelled') throw meetingCancelled();
    const { code, rotatesAt } = this.codes.issue(meetingId, now);
    return {
      code,
      url: `${SIGN_IN_PAGE}?code=${encodeURIComponent(code)}`,
      rotatesAt: rotatesAt.toISOString(),
      validSeconds: SIGN_IN_CODE_VALID_SECONDS,
    };
  }

  /** Signs the caller in with a scanned code; idempotent (the first sign-in's time and state stay). */
  async signIn(code: string, ctx: RequestContext, now = new Date()): Promise<SignInResultDto> {
    const me = ctx.actor!;
    const { meetingId } = this.codes.verify(code, now);
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(me, { type: MEETING, id: meetingId }, ctx, manager);
      const meeting = await manager.findOneBy(Meeting, { id: meetingId });
      if (!meeting) throw notFound(MEETING);
      if (meeting.status === 'cancelled') throw meetingCancelled();
      const attendance = attendanceForSignIn(meeting.startsAt, now);
      const changed = returnedRows(
        await manager.query(
          `UPDATE meeting_attendees SET attendance = $3, signed_in_at = $4, sign_in_method = 'qr'
            WHERE meeting_id = $1 AND user_id = $2 AND signed_in_at IS NULL
          RETURNING id`,
          [meetingId, me.id, attendance, now],
        ),
      ).length;
      const row = await manager.findOneBy(MeetingAttendee, { meetingId, userId: me.id });
      if (!row) throw notAnAttendee();
      if (changed) {
        await this.audit.record(manager, ctx, {
          action: 'meeting.sign-in',
          objectType: MEETING,
          objectId: meetingId,
          details: { attendance, method: 'qr' },
        });
      }
      return {
        meetingId,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
        attendance: row.attendance!,
        signedInAt: row.signedInAt!.toISOString(),
        firstSignIn: changed > 0,
      };
    });
  }

  /** Staff mark a person (MTG-6): present or late keep the first sign-in time; absent or leave clear it. */
  async mark(meetingId: string, userId: string, attendance: AttendanceState, ctx: RequestContext): Promise<MeetingAttendanceDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: MEETING, id: meetingId }, ctx, manager);
      const meeting = await manager.findOneByOrFail(Meeting, { id: meetingId });
      if (meeting.status === 'cancelled') throw meetingCancelled();
      const changed = returnedRows(
        await manager.query(
          `UPDATE meeting_attendees
              SET attendance = $3::varchar, sign_in_method = 'staff',
                  signed_in_at = CASE WHEN $3::varchar IN ('present', 'late') THEN COALESCE(signed_in_at, now()) ELSE NULL END
            WHERE meeting_id = $1 AND user_id = $2
          RETURNING id`,
          [meetingId, userId, attendance],
        ),
      ).length;
      if (!changed) throw badRequest('Not invited', { userId: ['this person is not invited to the meeting'] });
      await this.audit.record(manager, ctx, {
        action: 'meeting.attendance.mark',
        objectType: MEETING,
        objectId: meetingId,
        details: { userId, attendance },
      });
    });
    return this.attendance(meetingId, ctx);
  }

  /** The live counts and each invitee's attendance, for anyone who may see the meeting. */
  async attendance(meetingId: string, ctx: RequestContext, now = new Date()): Promise<MeetingAttendanceDto> {
    const manager = this.dataSource.manager;
    await this.access.assertCanRead(ctx.actor!, { type: MEETING, id: meetingId }, ctx, manager);
    const meeting = await manager.findOneByOrFail(Meeting, { id: meetingId });
    const rows = await this.rowsOf(manager, meetingId);
    const states = rows.map((a) => effectiveAttendance(a, meeting.endsAt, now));
    const hour = 3_600_000;
    return {
      meetingId,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      live: meeting.status !== 'cancelled' && now.getTime() >= meeting.startsAt.getTime() - hour && now < meeting.endsAt,
      counts: countAttendance(states),
      attendees: rows.map((a, i) => ({
        user: { id: a.user!.id, name: a.user!.name },
        role: a.role,
        response: a.response,
        attendance: states[i],
        signedInAt: a.signedInAt?.toISOString() ?? null,
        signInMethod: a.signInMethod,
      })),
    };
  }

  private rowsOf(manager: EntityManager, meetingId: string): Promise<MeetingAttendee[]> {
    return manager
      .createQueryBuilder(MeetingAttendee, 'a')
      .innerJoinAndSelect('a.user', 'u')
      .where('a.meeting_id = :meetingId', { meetingId })
      .orderBy('a.role', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .getMany();
  }
}
