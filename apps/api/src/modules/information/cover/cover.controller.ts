import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  CoverDto,
  CreateReceptionDutyDto,
  CreateStaffAbsenceDto,
  QueryCoverDto,
  QueryCoverGapsDto,
  QueryReceptionDutiesDto,
  QueryStaffAbsencesDto,
  ReceptionDutyDto,
  StaffAbsenceDto,
} from './cover.dto';
import { CoverService } from './cover.service';

const StaffAbsencePage = Paginated(StaffAbsenceDto);

/** Reception cover (INF-9): the duty roster, out-of-office entries, who covers now, and gaps. */
@ApiTags('information')
@Controller('information/reception')
export class CoverController {
  constructor(private readonly cover: CoverService) {}

  @Post('duties')
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({
    operationId: 'createReceptionDuty',
    summary: 'Put a person on reception duty (接待值班)',
    description: 'INF-9: one person per date and slot (am/pm), with an optional backup. 409 RECEPTION_SLOT_TAKEN.',
  })
  @ApiCreatedResponse({ type: ReceptionDutyDto })
  @ApiErrors(400, 403, 409)
  createReceptionDuty(@Body() dto: CreateReceptionDutyDto, @Ctx() ctx: RequestContext): Promise<ReceptionDutyDto> {
    return this.cover.createDuty(dto, ctx);
  }

  @Get('duties')
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({ operationId: 'listReceptionDuties', summary: 'The duty roster over a range', description: 'INF-9: at most 62 days.' })
  @ApiOkResponse({ type: [ReceptionDutyDto] })
  @ApiErrors(400, 403)
  listReceptionDuties(@Query() query: QueryReceptionDutiesDto): Promise<ReceptionDutyDto[]> {
    return this.cover.listDuties(query.from, query.to);
  }

  @Delete('duties/:id')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({ operationId: 'deleteReceptionDuty', summary: 'Take a duty off the roster', description: 'INF-9' })
  @ApiNoContentResponse()
  @ApiErrors(400, 403, 404)
  deleteReceptionDuty(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.cover.deleteDuty(id, ctx);
  }

  @Post('absences')
  @Authenticated({ permission: PERMISSIONS.INFO_OUT_OF_OFFICE_RECORD })
  @ApiOperation({
    operationId: 'createStaffAbsence',
    summary: 'Record an out-of-office entry (外出登记)',
    description: 'INF-9: person (oneself by default; anyone for the office), from, to, reason, destination.',
  })
  @ApiCreatedResponse({ type: StaffAbsenceDto })
  @ApiErrors(400, 403)
  createStaffAbsence(@Body() dto: CreateStaffAbsenceDto, @Ctx() ctx: RequestContext): Promise<StaffAbsenceDto> {
    return this.cover.createAbsence(dto, ctx);
  }

  @Get('absences')
  @Authenticated()
  @ApiOperation({
    operationId: 'listStaffAbsences',
    summary: 'Out-of-office entries',
    description: 'INF-9: one’s own; everyone’s for information.reception.manage.',
  })
  @ApiOkResponse({ type: StaffAbsencePage })
  @ApiErrors(400)
  listStaffAbsences(@Query() query: QueryStaffAbsencesDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof StaffAbsencePage>> {
    return this.cover.listAbsences(query, ctx.actor!);
  }

  @Delete('absences/:id')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({
    operationId: 'deleteStaffAbsence',
    summary: 'Remove an out-of-office entry',
    description: 'INF-9: one’s own, or any for the office.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  deleteStaffAbsence(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.cover.deleteAbsence(id, ctx);
  }

  @Get('cover')
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({
    operationId: 'getReceptionCover',
    summary: 'Who covers reception now (or in a given slot)',
    description:
      'INF-9: the person on duty unless out of office during the slot; then the duty’s backup; then someone else rostered that day ' +
      'who is in; else nobody (a gap).',
  })
  @ApiOkResponse({ type: CoverDto })
  @ApiErrors(400, 403)
  getReceptionCover(@Query() query: QueryCoverDto): Promise<CoverDto> {
    return this.cover.cover(query.date, query.slot);
  }

  @Get('cover/gaps')
  @Authenticated({ permission: PERMISSIONS.INFO_RECEPTION_MANAGE })
  @ApiOperation({
    operationId: 'listReceptionCoverGaps',
    summary: 'Upcoming slots nobody covers',
    description:
      'INF-9: working-day slots from now through the next days (default 3) with no available person; a daily job alerts the office.',
  })
  @ApiOkResponse({ type: [CoverDto] })
  @ApiErrors(400, 403)
  listReceptionCoverGaps(@Query() query: QueryCoverGapsDto): Promise<CoverDto[]> {
    return this.cover.gaps(query.days);
  }
}
