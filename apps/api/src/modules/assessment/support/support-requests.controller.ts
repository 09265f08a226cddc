import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  CompleteSupportRequestDto,
  QuerySupportRequestsDto,
  RequestSupportDto,
  RespondSupportRequestDto,
  SupportRequestDto,
} from './support-requests.dto';
import { SupportRequestsService } from './support-requests.service';

const SupportRequestPage = Paginated(SupportRequestDto);

/** Support requests between departments (部门协作, REQ-2): any signed-in member of a department. */
@ApiTags('assessment')
@Controller('assessment/support-requests')
export class SupportRequestsController {
  constructor(private readonly support: SupportRequestsService) {}

  @Post()
  @Authenticated()
  @ApiOperation({
    operationId: 'requestSupport',
    summary: 'Ask another department for support',
    description:
      'REQ-2: from one’s own department; the target department’s head gets it in their inbox; deadline in hours or working days.',
  })
  @ApiCreatedResponse({ type: SupportRequestDto })
  @ApiErrors(400)
  requestSupport(@Body() dto: RequestSupportDto, @Ctx() ctx: RequestContext): Promise<SupportRequestDto> {
    return this.support.request(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listSupportRequests',
    summary: 'List support requests',
    description: 'REQ-2: those of one’s department (asked or asked of it); the office sees all. Filters: status, direction, breached.',
  })
  @ApiOkResponse({ type: SupportRequestPage })
  @ApiErrors(400)
  listSupportRequests(
    @Query() query: QuerySupportRequestsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof SupportRequestPage>> {
    return this.support.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getSupportRequest',
    summary: 'A support request',
    description: 'REQ-2: 404 outside the two departments and the office.',
  })
  @ApiOkResponse({ type: SupportRequestDto })
  @ApiErrors(400, 404)
  getSupportRequest(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<SupportRequestDto> {
    return this.support.get(id, ctx);
  }

  @Post(':id/respond')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'respondSupportRequest',
    summary: 'Respond to a support request',
    description: 'REQ-2: the target department; stops the response clock.',
  })
  @ApiOkResponse({ type: SupportRequestDto })
  @ApiErrors(400, 404, 409)
  respondSupportRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: RespondSupportRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SupportRequestDto> {
    return this.support.respond(id, dto, ctx);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'completeSupportRequest',
    summary: 'Mark a support request done',
    description: 'REQ-2: the target department, after responding.',
  })
  @ApiOkResponse({ type: SupportRequestDto })
  @ApiErrors(400, 404, 409)
  completeSupportRequest(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CompleteSupportRequestDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SupportRequestDto> {
    return this.support.complete(id, dto, ctx);
  }
}
