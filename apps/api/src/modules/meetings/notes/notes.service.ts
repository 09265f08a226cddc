import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MEETING_PREP_ERRORS, PERMISSIONS } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { ApiError, badRequest, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { MEETING } from '../bookings/bookings.service';
import { notAnAttendee } from '../meetings.errors';
import { Meeting } from '../meetings/meeting.entity';
import type { CreateNoteDto, MeetingNotesDto, NoteDto } from './note.dto';
import { MeetingNote, MeetingNoteTaker } from './note.entity';
import { toRef } from '../../../platform/org/refs';

const notTheNoteTaker = () =>
  new ApiError(HttpStatus.FORBIDDEN, MEETING_PREP_ERRORS.NOT_THE_NOTE_TAKER, 'Only the note taker (or the organiser) records speeches');

/**
 * Notes of key speeches (会议记录, MTG-7). The organiser names a note taker among the invitees;
 * the note taker, or the organiser, records who spoke on which topic, what and when. The notes
 * are for the meeting's people (organiser, host, invitees, note taker) and meetings.manage; a
 * classified meeting's are 404 to anyone who may not see the meeting, as the meeting is.
 */
@Injectable()
export class NotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async setNoteTaker(meetingId: string, userId: string, ctx: RequestContext): Promise<MeetingNotesDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: MEETING, id: meetingId }, ctx, manager);
      const [invited] = await manager.query('SELECT 1 FROM meeting_attendees WHERE meeting_id = $1 AND user_id = $2', [meetingId, userId]);
      if (!invited) throw badRequest('Not invited', { userId: ['the note taker must be invited to the meeting'] });
      await manager.query(
        `INSERT INTO meeting_note_takers (meeting_id, user_id) VALUES ($1, $2)
         ON CONFLICT (meeting_id) DO UPDATE SET user_id = EXCLUDED.user_id`,
        [meetingId, userId],
      );
      await this.audit.record(manager, ctx, {
        action: 'meeting.note-taker.set',
        objectType: MEETING,
        objectId: meetingId,
        details: { userId },
      });
    });
    return this.list(meetingId, ctx);
  }

  async list(meetingId: string, ctx: RequestContext): Promise<MeetingNotesDto> {
    const manager = this.dataSource.manager;
    const { meeting, taker } = await this.assertMeetingPerson(manager, meetingId, ctx);
    const notes = await manager.find(MeetingNote, {
      where: { meetingId },
      relations: { speaker: true, recordedBy: true },
      order: { spokenAt: 'ASC', createdAt: 'ASC' },
    });
    return { noteTaker: toRef(taker?.user), canWrite: this.canWrite(meeting, taker, ctx.actor!), items: notes.map(toNoteDto) };
  }

  async create(meetingId: string, dto: CreateNoteDto, ctx: RequestContext): Promise<NoteDto> {
    return this.dataSource.transaction(async (manager) => {
      const { meeting, taker } = await this.assertMeetingPerson(manager, meetingId, ctx);
      if (!this.canWrite(meeting, taker, ctx.actor!)) throw notTheNoteTaker();
      let speakerName = dto.speakerName?.trim() ?? '';
      if (dto.speakerId) {
        const [speaker] = await manager.query('SELECT name FROM users WHERE id = $1', [dto.speakerId]);
        if (!speaker) throw badRequest('No such person', { speakerId: ['no account has this id'] });
        speakerName ||= speaker.name;
      }
      if (!speakerName) throw badRequest('Who spoke?', { speakerName: ['give the speaker or their name'] });
      const note = manager.create(MeetingNote, {
        meetingId,
        speakerId: dto.speakerId ?? null,
        speakerName,
        topic: dto.topic,
        text: dto.text,
        spokenAt: dto.spokenAt ? new Date(dto.spokenAt) : new Date(),
        recordedById: ctx.actor!.id,
      });
      await manager.insert(MeetingNote, note);
      await this.audit.record(manager, ctx, {
        action: 'meeting.note.create',
        objectType: MEETING,
        objectId: meetingId,
        details: { noteId: note.id, speakerName },
      });
      const saved = await manager.findOneOrFail(MeetingNote, { where: { id: note.id }, relations: { speaker: true, recordedBy: true } });
      return toNoteDto(saved);
    });
  }

  /** The meeting as the caller may see it (404), and the caller one of its people (403). */
  private async assertMeetingPerson(manager: EntityManager, meetingId: string, ctx: RequestContext) {
    const me = ctx.actor!;
    await this.access.assertCanRead(me, { type: MEETING, id: meetingId }, ctx, manager);
    const meeting = await manager.findOneBy(Meeting, { id: meetingId });
    if (!meeting) throw notFound(MEETING);
    const taker = await manager.findOne(MeetingNoteTaker, { where: { meetingId }, relations: { user: true } });
    const [invited] = await manager.query('SELECT 1 FROM meeting_attendees WHERE meeting_id = $1 AND user_id = $2', [meetingId, me.id]);
    const own = meeting.organiserId === me.id || meeting.hostId === me.id || taker?.userId === me.id || Boolean(invited);
    if (!own && !me.permissions.has(PERMISSIONS.MEETINGS_MANAGE)) throw notAnAttendee();
    return { meeting, taker };
  }

  /** The designated note taker; the organiser too (who stands in when nobody was designated). */
  private canWrite(meeting: Meeting, taker: MeetingNoteTaker | null, me: Principal): boolean {
    return taker?.userId === me.id || meeting.organiserId === me.id;
  }
}

function toNoteDto(n: MeetingNote): NoteDto {
  return {
    id: n.id,
    speaker: toRef(n.speaker),
    speakerName: n.speakerName,
    topic: n.topic,
    text: n.text,
    spokenAt: n.spokenAt.toISOString(),
    recordedBy: toRef(n.recordedBy)!,
  };
}
