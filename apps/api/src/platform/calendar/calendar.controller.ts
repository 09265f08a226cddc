import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { Idempotent } from '../http/idempotency';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import {
  CalendarDayDto,
  CreateSemesterDto,
  DeadlineDto,
  OccurrencesDto,
  OccurrencesQueryDto,
  QueryCalendarDaysDto,
  SemesterDto,
  TeachingWeekDto,
  TeachingWeekQueryDto,
  UpdateCalendarDaysDto,
  UpdateSemesterDto,
  WorkingDaysQueryDto,
} from './calendar.dto';
import { CalendarService } from './calendar.service';

/**
 * The school calendar (校历, PLT-10). Everyone signed in may read it (deadlines and week numbers
 * show everywhere); changing it needs `calendar.manage`.
 */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('semesters')
  @Authenticated()
  @ApiOperation({ operationId: 'listSemesters', summary: 'Semesters', description: 'PLT-10: oldest first.' })
  @ApiOkResponse({ type: [SemesterDto] })
  listSemesters(): Promise<SemesterDto[]> {
    return this.calendar.listSemesters();
  }

  @Post('semesters')
  @Authenticated({ permission: PERMISSIONS.CALENDAR_MANAGE })
  @Idempotent()
  @ApiOperation({
    operationId: 'createSemester',
    summary: 'Add a semester',
    description: 'PLT-10: its span and the Monday of teaching week 1; semesters never overlap. NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: SemesterDto })
  @ApiErrors(400, 409)
  createSemester(@Body() dto: CreateSemesterDto, @Ctx() ctx: RequestContext): Promise<SemesterDto> {
    return this.calendar.createSemester(dto, ctx);
  }

  @Get('semesters/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getSemester', summary: 'A semester', description: 'PLT-10' })
  @ApiOkResponse({ type: SemesterDto })
  @ApiErrors(400, 404)
  getSemester(@Param('id', UUID_PARAM) id: string): Promise<SemesterDto> {
    return this.calendar.getSemester(id);
  }

  @Patch('semesters/:id')
  @Authenticated({ permission: PERMISSIONS.CALENDAR_MANAGE })
  @ApiOperation({ operationId: 'updateSemester', summary: 'Change a semester', description: 'PLT-10: optimistic locking by version.' })
  @ApiOkResponse({ type: SemesterDto })
  @ApiErrors(400, 404, 409)
  updateSemester(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateSemesterDto, @Ctx() ctx: RequestContext): Promise<SemesterDto> {
    return this.calendar.updateSemester(id, dto, ctx);
  }

  @Delete('semesters/:id')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.CALENDAR_MANAGE })
  @ApiOperation({ operationId: 'deleteSemester', summary: 'Remove a semester', description: 'PLT-10' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async deleteSemester(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.calendar.deleteSemester(id, ctx);
  }

  @Get('days')
  @Authenticated()
  @ApiOperation({
    operationId: 'listCalendarDays',
    summary: 'Marked days in a range',
    description: 'PLT-10: holidays, 调休 working days and days without lessons from `from` to `to` (at most 400 days).',
  })
  @ApiOkResponse({ type: [CalendarDayDto] })
  @ApiErrors(400)
  listCalendarDays(@Query() query: QueryCalendarDaysDto): Promise<CalendarDayDto[]> {
    return this.calendar.listDays(query.from, query.to);
  }

  @Put('days')
  @Authenticated({ permission: PERMISSIONS.CALENDAR_MANAGE })
  @ApiOperation({
    operationId: 'updateCalendarDays',
    summary: 'Mark and unmark days',
    description:
      'PLT-10: bulk upsert, e.g. 国庆节 10/1–10/7 with its 调休 working weekend days, in one transaction; `removeDates` unmarks. Answers the marked days across the span touched.',
  })
  @ApiOkResponse({ type: [CalendarDayDto] })
  @ApiErrors(400)
  updateCalendarDays(@Body() dto: UpdateCalendarDaysDto, @Ctx() ctx: RequestContext): Promise<CalendarDayDto[]> {
    return this.calendar.updateDays(dto, ctx);
  }

  @Get('working-days')
  @Authenticated()
  @ApiOperation({
    operationId: 'computeDeadline',
    summary: 'A deadline in working days',
    description: 'PLT-10: the day `days` working days after `from`, across weekends and holidays, counting 调休 working days.',
  })
  @ApiOkResponse({ type: DeadlineDto })
  @ApiErrors(400)
  computeDeadline(@Query() query: WorkingDaysQueryDto): Promise<DeadlineDto> {
    return this.calendar.deadlineWithDaysOff(query.from, query.days);
  }

  @Get('teaching-week')
  @Authenticated()
  @ApiOperation({
    operationId: 'getTeachingWeek',
    summary: 'The teaching week of a date',
    description: "PLT-10: semester and 第n周 of a date (today in the school's zone by default), for the panel's header.",
  })
  @ApiOkResponse({ type: TeachingWeekDto })
  @ApiErrors(400)
  getTeachingWeek(@Query() query: TeachingWeekQueryDto): Promise<TeachingWeekDto> {
    return this.calendar.teachingWeek(query.date);
  }

  @Get('occurrences')
  @Authenticated()
  @ApiOperation({
    operationId: 'listWeeklyOccurrences',
    summary: 'Dates of a weekly event',
    description: 'PLT-10: every `weekday` from `from` to `until`, never on a holiday; optionally only in teaching weeks.',
  })
  @ApiOkResponse({ type: OccurrencesDto })
  @ApiErrors(400)
  async listWeeklyOccurrences(@Query() query: OccurrencesQueryDto): Promise<OccurrencesDto> {
    return {
      dates: await this.calendar.weeklyOccurrences(query.from, query.until, query.weekday, {
        skipNoTeachingWeeks: query.skipNoTeachingWeeks ?? false,
      }),
    };
  }
}
