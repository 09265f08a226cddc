import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { ErrorBodyDto } from '../../../platform/http/error-body.dto';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { CreateNoteDto, MeetingNotesDto, NoteDto, SetNoteTakerDto } from './note.dto';
import { NotesService } from './notes.service';

/** Notes of key speeches (会议记录, MTG-7). */
@ApiTags('meetings')
@Controller('meetings')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Get(':id/notes')
  @Authenticated()
  @ApiOperation({
    operationId: 'listMeetingNotes',
    summary: 'The notes of key speeches',
    description: 'MTG-7: for the meeting’s people and meetings.manage (403 MEETING_NOT_AN_ATTENDEE for others).',
  })
  @ApiOkResponse({ type: MeetingNotesDto })
  @ApiErrors(400, 404)
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'Not one of the meeting’s people' })
  listMeetingNotes(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MeetingNotesDto> {
    return this.notes.list(id, ctx);
  }

  @Post(':id/notes')
  @Authenticated()
  @ApiOperation({
    operationId: 'createMeetingNote',
    summary: 'Record a key speech',
    description: 'MTG-7: by the note taker or the organiser (403 MEETING_NOT_THE_NOTE_TAKER for others).',
  })
  @ApiCreatedResponse({ type: NoteDto })
  @ApiErrors(400, 404)
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'Not the note taker' })
  createMeetingNote(@Param('id', UUID_PARAM) id: string, @Body() dto: CreateNoteDto, @Ctx() ctx: RequestContext): Promise<NoteDto> {
    return this.notes.create(id, dto, ctx);
  }

  @Put(':id/note-taker')
  @Authenticated()
  @ApiOperation({
    operationId: 'setMeetingNoteTaker',
    summary: 'Designate the note taker (记录人)',
    description: 'MTG-7: by the organiser or meetings.manage; the note taker must be an invitee.',
  })
  @ApiOkResponse({ type: MeetingNotesDto })
  @ApiErrors(400, 404)
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'Not the organiser' })
  setMeetingNoteTaker(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: SetNoteTakerDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MeetingNotesDto> {
    return this.notes.setNoteTaker(id, dto.userId, ctx);
  }
}
