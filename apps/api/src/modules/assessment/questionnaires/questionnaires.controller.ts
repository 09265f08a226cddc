import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { PERMISSIONS } from '@xiaoban/shared';
import type { FastifyReply } from 'fastify';
import { Authenticated, Public } from '../../../platform/auth/decorators';
import { XLSX_MIME } from '../../../platform/excel/excel.constants';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  DistributeQuestionnaireDto,
  PublicQuestionnaireDto,
  QueryQuestionnairesDto,
  QuestionnaireDistributionDto,
  QuestionnaireDto,
  QuestionnaireReceiptDto,
  QuestionnaireResultsDto,
  QuestionnaireTokenDto,
  QuestionnaireVersionDto,
  SaveQuestionnaireDto,
  SubmitQuestionnaireResponseDto,
  UpdateQuestionnaireDto,
} from './questionnaires.dto';
import { QuestionnairesService } from './questionnaires.service';

const QuestionnairePage = Paginated(QuestionnaireDto);

/**
 * Public questionnaire requests per client address a minute. Looser than the login limit the
 * platform's throttler applies by default: a whole staff meeting answering at once comes from the
 * school's one address, and a token questionnaire is answered through the public route.
 */
const PUBLIC_ANSWERS_PER_MINUTE = 300;
const MANAGE = { permission: PERMISSIONS.ASSESSMENT_QUESTIONNAIRES_MANAGE };

/**
 * Answering through the public link or QR code (ASM-3): parents and students, and staff spending
 * a one-time token. Deliberately public and throttled. It reads no sign-in, so a response sent
 * here can carry nobody's identity; no Idempotency-Key either, as a stored reply would be a
 * record of the request.
 */
@ApiTags('public')
@Controller('public/questionnaires')
@UseGuards(ThrottlerGuard)
@Throttle({ login: { limit: PUBLIC_ANSWERS_PER_MINUTE, ttl: 60_000 } })
export class PublicQuestionnairesController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Get(':code')
  @Public()
  @ApiOperation({
    operationId: 'getPublicQuestionnaire',
    summary: 'A questionnaire to answer (问卷)',
    description:
      'ASM-3: public. The questions with their skip logic, and whether it accepts responses now; a draft or unknown code is 404.',
  })
  @ApiOkResponse({ type: PublicQuestionnaireDto })
  @ApiErrors(404, 429)
  getPublicQuestionnaire(@Param('code') code: string): Promise<PublicQuestionnaireDto> {
    return this.questionnaires.publicDefinition(code);
  }

  @Post(':code/responses')
  @Public()
  @ApiOperation({
    operationId: 'submitPublicQuestionnaireResponse',
    summary: 'Answer a questionnaire through its public link',
    description:
      'ASM-3: public; open mode, or token mode with its one-time token (each token answers once). Answers are checked against ' +
      'the questions: required ones unless skipped, no answer to a skipped question, valid options and ratings (400 keyed answers.<n>).',
  })
  @ApiCreatedResponse({ type: QuestionnaireReceiptDto })
  @ApiErrors(400, 404, 409, 429)
  submitPublicQuestionnaireResponse(
    @Param('code') code: string,
    @Body() dto: SubmitQuestionnaireResponseDto,
  ): Promise<QuestionnaireReceiptDto> {
    return this.questionnaires.submitPublic(code, dto);
  }
}

/** Staff answering as themselves (ASM-3): named questionnaires, and taking a one-time token. */
@ApiTags('assessment')
@Controller('assessment/questionnaire-answers')
export class QuestionnaireAnswersController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Post(':code/responses')
  @Authenticated()
  @ApiOperation({
    operationId: 'submitQuestionnaireResponse',
    summary: 'Answer a questionnaire as oneself',
    description:
      'ASM-3, INF-1: named mode (one response per person, 409 for a second), or open mode. Token mode goes through the public route.',
  })
  @ApiCreatedResponse({ type: QuestionnaireReceiptDto })
  @ApiErrors(400, 404, 409)
  submitQuestionnaireResponse(
    @Param('code') code: string,
    @Body() dto: SubmitQuestionnaireResponseDto,
    @Ctx() ctx: RequestContext,
  ): Promise<QuestionnaireReceiptDto> {
    return this.questionnaires.submitSignedIn(code, dto, ctx);
  }

  @Post(':code/token')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'takeQuestionnaireToken',
    summary: 'Take one’s one-time token',
    description:
      'ASM-3: token mode; one per person (409 for a second). The token is shown once and stored nowhere; only "has taken one" is kept.',
  })
  @ApiOkResponse({ type: QuestionnaireTokenDto })
  @ApiErrors(400, 404, 409)
  takeQuestionnaireToken(@Param('code') code: string, @Ctx() ctx: RequestContext): Promise<QuestionnaireTokenDto> {
    return this.questionnaires.takeToken(code, ctx);
  }
}

/** The office builds, opens, sends out and closes questionnaires, and reads the results (ASM-3). */
@ApiTags('assessment')
@Controller('assessment/questionnaires')
export class QuestionnairesController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Post()
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'createQuestionnaire',
    summary: 'Create a questionnaire (draft)',
    description: 'ASM-3: single and multiple choice, rating and text questions; required flags; skip logic on an earlier choice question.',
  })
  @ApiCreatedResponse({ type: QuestionnaireDto })
  @ApiErrors(400, 403)
  createQuestionnaire(@Body() dto: SaveQuestionnaireDto, @Ctx() ctx: RequestContext): Promise<QuestionnaireDto> {
    return this.questionnaires.create(dto, ctx);
  }

  @Get()
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'listQuestionnaires',
    summary: 'List questionnaires',
    description: 'ASM-3: newest first, with response counts.',
  })
  @ApiOkResponse({ type: QuestionnairePage })
  @ApiErrors(400, 403)
  listQuestionnaires(@Query() query: QueryQuestionnairesDto): Promise<InstanceType<typeof QuestionnairePage>> {
    return this.questionnaires.list(query);
  }

  @Get(':id')
  @Authenticated(MANAGE)
  @ApiOperation({ operationId: 'getQuestionnaire', summary: 'A questionnaire', description: 'ASM-3.' })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiErrors(400, 403, 404)
  getQuestionnaire(@Param('id', UUID_PARAM) id: string): Promise<QuestionnaireDto> {
    return this.questionnaires.get(id);
  }

  @Patch(':id')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'updateQuestionnaire',
    summary: 'Change a draft',
    description: 'ASM-3: 409 once open (the questions are frozen).',
  })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiErrors(400, 403, 404, 409)
  updateQuestionnaire(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateQuestionnaireDto,
    @Ctx() ctx: RequestContext,
  ): Promise<QuestionnaireDto> {
    return this.questionnaires.update(id, dto, ctx);
  }

  @Post(':id/open')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'openQuestionnaire',
    summary: 'Open it',
    description: 'ASM-3: freezes the questions; responses are accepted within its dates.',
  })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiErrors(400, 403, 404, 409)
  openQuestionnaire(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: QuestionnaireVersionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<QuestionnaireDto> {
    return this.questionnaires.move(id, 'open', dto.version, ctx);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({ operationId: 'closeQuestionnaire', summary: 'Close it', description: 'ASM-3: no more responses.' })
  @ApiOkResponse({ type: QuestionnaireDto })
  @ApiErrors(400, 403, 404, 409)
  closeQuestionnaire(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: QuestionnaireVersionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<QuestionnaireDto> {
    return this.questionnaires.move(id, 'close', dto.version, ctx);
  }

  @Post(':id/distribute')
  @HttpCode(200)
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'distributeQuestionnaire',
    summary: 'Send it to staff',
    description:
      'ASM-3: notifies the members of the chosen departments and the chosen people of its link, through the notification platform.',
  })
  @ApiOkResponse({ type: QuestionnaireDistributionDto })
  @ApiErrors(400, 403, 404, 409)
  distributeQuestionnaire(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: DistributeQuestionnaireDto,
    @Ctx() ctx: RequestContext,
  ): Promise<QuestionnaireDistributionDto> {
    return this.questionnaires.distribute(id, dto, ctx);
  }

  @Get(':id/results')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'getQuestionnaireResults',
    summary: 'Results per question',
    description: 'ASM-3: counts per option, the rating distribution and mean, the texts; polled by the panel for live charts.',
  })
  @ApiOkResponse({ type: QuestionnaireResultsDto })
  @ApiErrors(400, 403, 404)
  getQuestionnaireResults(@Param('id', UUID_PARAM) id: string): Promise<QuestionnaireResultsDto> {
    return this.questionnaires.results(id);
  }

  @Get(':id/answers.xlsx')
  @Authenticated(MANAGE)
  @ApiOperation({
    operationId: 'exportQuestionnaireAnswers',
    summary: 'Export the answers to Excel',
    description: 'ASM-3: one row per response, one column per question; an anonymous questionnaire has no respondent column.',
  })
  @ApiProduces(XLSX_MIME)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The workbook' })
  @ApiErrors(400, 403, 404)
  async exportQuestionnaireAnswers(
    @Param('id', UUID_PARAM) id: string,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.questionnaires.exportAnswers(id, ctx);
    void reply.header('x-export-rows', String(file.rows)).header('access-control-expose-headers', 'Content-Disposition, X-Export-Rows');
    return new StreamableFile(file.buffer, {
      type: XLSX_MIME,
      disposition: `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
