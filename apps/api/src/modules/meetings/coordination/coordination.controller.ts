import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { ErrorBodyDto } from '../../../platform/http/error-body.dto';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { CoordinationResultDto, CreateCoordinationMeetingDto } from './coordination.dto';
import { CoordinationService } from './coordination.service';

/** Coordination meetings (协调会, ADM-1). */
@ApiTags('meetings')
@Controller('meetings/coordination')
export class CoordinationController {
  constructor(private readonly coordination: CoordinationService) {}

  @Post()
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ORGANISE })
  @ApiOperation({
    operationId: 'createCoordinationMeeting',
    summary: 'Create a coordination meeting (协调会), once or recurring',
    description:
      'ADM-1: a meeting of type coordination; each department involved is invited through its liaison person (联络人), or its ' +
      'head when it has none. With `recurrence` (e.g. every 2 weeks, 6 times) the whole series is created with a booking each, ' +
      'or nothing: 409 MEETING_ROOM_CLASH lists every clashing date in `errors`.',
  })
  @ApiCreatedResponse({ type: CoordinationResultDto })
  @ApiErrors(400, 403, 409)
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'MEETING_ROOM_TOO_SMALL, keyed attendeeCount' })
  createCoordinationMeeting(@Body() dto: CreateCoordinationMeetingDto, @Ctx() ctx: RequestContext): Promise<CoordinationResultDto> {
    return this.coordination.create(dto, ctx);
  }
}
