import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated, Public } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  AnswerSuggestionDto,
  AssignSuggestionDto,
  CloseSuggestionDto,
  LogHotlineCallDto,
  PromoteSuggestionDto,
  QuerySuggestionsDto,
  SubmitSuggestionDto,
  SuggestionDto,
  SuggestionReceiptDto,
  SuggestionReplyDto,
} from './suggestions.dto';
import { SuggestionsService } from './suggestions.service';

const SuggestionPage = Paginated(SuggestionDto);

/**
 * The suggestion box's public side (ASM-4): parents, students and staff send a suggestion without
 * signing in, and follow the reply with its query code. Deliberately public and throttled per
 * client. No Idempotency-Key: a stored answer would keep the query code, which is stored only hashed.
 */
@ApiTags('public')
@Controller('public/suggestions')
@UseGuards(ThrottlerGuard)
export class PublicSuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Post()
  @Public()
  @ApiOperation({
    operationId: 'submitSuggestion',
    summary: 'Send a suggestion (意见箱)',
    description: 'ASM-4: public. Anonymous if the sender wishes: then no name, no contact and no IP are kept. Answers the query code once.',
  })
  @ApiCreatedResponse({ type: SuggestionReceiptDto })
  @ApiErrors(400, 429)
  submitSuggestion(@Body() dto: SubmitSuggestionDto, @Ctx() ctx: RequestContext): Promise<SuggestionReceiptDto> {
    return this.suggestions.submit(dto, ctx.requestId);
  }

  @Get(':code')
  @Public()
  @ApiOperation({
    operationId: 'getSuggestionReply',
    summary: 'Follow a suggestion by its query code',
    description: 'ASM-4: public. The status and the reply, nothing else; an unknown code is 404.',
  })
  @ApiOkResponse({ type: SuggestionReplyDto })
  @ApiErrors(404, 429)
  getSuggestionReply(@Param('code') code: string): Promise<SuggestionReplyDto> {
    return this.suggestions.reply(code);
  }
}

/** The office's side of suggestions and the hotline (意见箱/热线, ASM-4). */
@ApiTags('assessment')
@Controller('assessment/suggestions')
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Post('hotline')
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_SUGGESTIONS_MANAGE })
  @ApiOperation({
    operationId: 'logHotlineCall',
    summary: 'Log a hotline call (热线)',
    description: 'ASM-4: staff log a call; the caller may be told the query code to follow the reply.',
  })
  @ApiCreatedResponse({ type: SuggestionReceiptDto })
  @ApiErrors(400, 403)
  logHotlineCall(@Body() dto: LogHotlineCallDto, @Ctx() ctx: RequestContext): Promise<SuggestionReceiptDto> {
    return this.suggestions.logCall(dto, ctx);
  }

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listSuggestions',
    summary: 'List suggestions and calls',
    description: 'ASM-4: the office sees all; anyone else the ones assigned to them. Newest first; by status, source, overdue, mine.',
  })
  @ApiOkResponse({ type: SuggestionPage })
  @ApiErrors(400)
  listSuggestions(@Query() query: QuerySuggestionsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof SuggestionPage>> {
    return this.suggestions.list(query, ctx.actor!);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getSuggestion',
    summary: 'A suggestion or call',
    description: 'ASM-4: 404 unless the office’s or assigned to you.',
  })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiErrors(400, 404)
  getSuggestion(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<SuggestionDto> {
    return this.suggestions.get(id, ctx);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_SUGGESTIONS_MANAGE })
  @ApiOperation({
    operationId: 'assignSuggestion',
    summary: 'Assign it to someone to answer',
    description: 'ASM-4: it appears in their inbox; assigning again moves it.',
  })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiErrors(400, 403, 404, 409)
  assignSuggestion(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AssignSuggestionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SuggestionDto> {
    return this.suggestions.assign(id, dto, ctx);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'answerSuggestion',
    summary: 'Answer it',
    description: 'ASM-4: the assignee or the office; the response-time clock stops; the query code now shows the answer.',
  })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiErrors(400, 404, 409)
  answerSuggestion(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AnswerSuggestionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SuggestionDto> {
    return this.suggestions.answer(id, dto, ctx);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_SUGGESTIONS_MANAGE })
  @ApiOperation({ operationId: 'closeSuggestion', summary: 'Close it', description: 'ASM-4: once answered.' })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiErrors(400, 403, 404, 409)
  closeSuggestion(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CloseSuggestionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SuggestionDto> {
    return this.suggestions.close(id, dto, ctx);
  }

  @Post(':id/promote')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.ASSESSMENT_IMPROVEMENT_MANAGE })
  @ApiOperation({
    operationId: 'promoteSuggestion',
    summary: 'Promote it to an improvement problem (整改)',
    description:
      'ASM-4, ASM-5: once; the problem (source suggestion) and the suggestion link to each other; nothing of the submitter goes over.',
  })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiErrors(400, 403, 404, 409)
  promoteSuggestion(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: PromoteSuggestionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SuggestionDto> {
    return this.suggestions.promote(id, dto, ctx);
  }
}
