import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  AcceptSubmissionDto,
  CollectionRequestDto,
  CollectionSubmissionDto,
  CreateCollectionRequestDto,
  NoticeDraftStartedDto,
  PublishingCategoryDto,
  QueryCollectionRequestsDto,
  QueryPublishingListDto,
  ReturnSubmissionDto,
  SubmitCollectionDto,
} from './collection.dto';
import { CollectionService } from './collection.service';

const CollectionRequestPage = Paginated(CollectionRequestDto);

/** Information collection (信息采集, INF-1): requests, department submissions, review, the publishing list. */
@ApiTags('information')
@Controller('information/collection')
export class CollectionController {
  constructor(private readonly collection: CollectionService) {}

  @Post('requests')
  @Authenticated({ permission: PERMISSIONS.INFO_COLLECTION_MANAGE })
  @ApiOperation({
    operationId: 'createCollectionRequest',
    summary: 'Ask departments for information',
    description:
      'INF-1: title, description, deadline, the departments asked; they are notified, and reminded before and after the deadline.',
  })
  @ApiCreatedResponse({ type: CollectionRequestDto })
  @ApiErrors(400, 403)
  createCollectionRequest(@Body() dto: CreateCollectionRequestDto, @Ctx() ctx: RequestContext): Promise<CollectionRequestDto> {
    return this.collection.createRequest(dto, ctx);
  }

  @Get('requests')
  @Authenticated()
  @ApiOperation({
    operationId: 'listCollectionRequests',
    summary: 'Collection requests',
    description: 'INF-1: all for the office; those asking one’s own department otherwise, with that department’s line only.',
  })
  @ApiOkResponse({ type: CollectionRequestPage })
  @ApiErrors(400)
  listCollectionRequests(
    @Query() query: QueryCollectionRequestsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof CollectionRequestPage>> {
    return this.collection.listRequests(query, ctx.actor!);
  }

  @Get('requests/:id')
  @Authenticated()
  @ApiOperation({
    operationId: 'getCollectionRequest',
    summary: 'A collection request',
    description: 'INF-1: 404 for departments not asked.',
  })
  @ApiOkResponse({ type: CollectionRequestDto })
  @ApiErrors(400, 404)
  getCollectionRequest(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<CollectionRequestDto> {
    return this.collection.getRequest(id, ctx);
  }

  @Post('requests/:id/close')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_COLLECTION_MANAGE })
  @ApiOperation({
    operationId: 'closeCollectionRequest',
    summary: 'Close a request',
    description: 'INF-1: no more submissions or reminders.',
  })
  @ApiOkResponse({ type: CollectionRequestDto })
  @ApiErrors(400, 403, 404, 409)
  closeCollectionRequest(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<CollectionRequestDto> {
    return this.collection.closeRequest(id, ctx);
  }

  @Get('requests/:id/submissions')
  @Authenticated()
  @ApiOperation({
    operationId: 'listCollectionSubmissions',
    summary: 'Submissions to a request',
    description: 'INF-1: every department’s for the office; one’s own department’s otherwise.',
  })
  @ApiOkResponse({ type: [CollectionSubmissionDto] })
  @ApiErrors(400, 404)
  listCollectionSubmissions(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<CollectionSubmissionDto[]> {
    return this.collection.listSubmissions(id, ctx);
  }

  @Post('requests/:id/submissions')
  @Authenticated({ permission: PERMISSIONS.INFO_COLLECTION_SUBMIT })
  @ApiOperation({
    operationId: 'submitCollection',
    summary: 'Submit one’s department’s information',
    description:
      'INF-1: text and attachments (uploaded files). Again after a return (resubmission); 409 COLLECTION_ILLEGAL_STATE while it is ' +
      'under review or accepted, COLLECTION_CLOSED once the request is closed; 404 for a department not asked.',
  })
  @ApiCreatedResponse({ type: CollectionSubmissionDto })
  @ApiErrors(400, 403, 404, 409)
  submitCollection(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: SubmitCollectionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<CollectionSubmissionDto> {
    return this.collection.submit(id, dto, ctx);
  }

  @Get('submissions/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getCollectionSubmission', summary: 'A submission', description: 'INF-1: another department’s is 404.' })
  @ApiOkResponse({ type: CollectionSubmissionDto })
  @ApiErrors(400, 404)
  getCollectionSubmission(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<CollectionSubmissionDto> {
    return this.collection.getSubmission(id, ctx);
  }

  @Post('submissions/:id/accept')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_COLLECTION_MANAGE })
  @ApiOperation({
    operationId: 'acceptCollectionSubmission',
    summary: 'Accept a submission into a category of the publishing list',
    description: 'INF-1: after review for authenticity and relevance. 409 COLLECTION_ILLEGAL_STATE unless submitted; VERSION_CONFLICT.',
  })
  @ApiOkResponse({ type: CollectionSubmissionDto })
  @ApiErrors(400, 403, 404, 409)
  acceptCollectionSubmission(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: AcceptSubmissionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<CollectionSubmissionDto> {
    return this.collection.accept(id, dto.category, dto.version, ctx);
  }

  @Post('submissions/:id/return')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_COLLECTION_MANAGE })
  @ApiOperation({
    operationId: 'returnCollectionSubmission',
    summary: 'Return a submission with a reason',
    description: 'INF-1: the department sees the reason and resubmits. 409 COLLECTION_ILLEGAL_STATE unless submitted.',
  })
  @ApiOkResponse({ type: CollectionSubmissionDto })
  @ApiErrors(400, 403, 404, 409)
  returnCollectionSubmission(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ReturnSubmissionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<CollectionSubmissionDto> {
    return this.collection.returnSubmission(id, dto.reason, dto.version, ctx);
  }

  @Post('submissions/:id/notice-draft')
  @Authenticated({ permission: PERMISSIONS.INFO_COLLECTION_MANAGE })
  @ApiOperation({
    operationId: 'startNoticeFromSubmission',
    summary: 'Start a notice draft from an accepted item',
    description: 'INF-1, INF-3: a draft notice (all staff, in-app) with the item’s text, to be edited, checked and verified as any notice.',
  })
  @ApiCreatedResponse({ type: NoticeDraftStartedDto })
  @ApiErrors(400, 403, 404, 409)
  startNoticeFromSubmission(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<NoticeDraftStartedDto> {
    return this.collection.startNoticeDraft(id, ctx);
  }

  @Get('publishing-list')
  @Authenticated({ permission: PERMISSIONS.INFO_COLLECTION_MANAGE })
  @ApiOperation({ operationId: 'getPublishingList', summary: 'The publishing list', description: 'INF-1: accepted items by category.' })
  @ApiOkResponse({ type: [PublishingCategoryDto] })
  @ApiErrors(400, 403)
  getPublishingList(@Query() query: QueryPublishingListDto): Promise<PublishingCategoryDto[]> {
    return this.collection.publishingList(query.category);
  }
}
