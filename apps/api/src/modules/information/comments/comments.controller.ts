import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { AnswerNoticeCommentDto, CreateNoticeCommentDto, NoticeCommentDto } from './comments.dto';
import { CommentsService } from './comments.service';

/** Comments and questions on a notice (INF-4). */
@ApiTags('information')
@Controller('information/notices/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listNoticeComments',
    summary: 'Comments and questions on a notice',
    description: 'INF-4: for whoever may read the notice (recipients, author, office); 404 otherwise.',
  })
  @ApiOkResponse({ type: [NoticeCommentDto] })
  @ApiErrors(400, 404)
  listNoticeComments(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<NoticeCommentDto[]> {
    return this.comments.list(id, ctx);
  }

  @Post()
  @Authenticated()
  @ApiOperation({
    operationId: 'createNoticeComment',
    summary: 'Comment on a notice, or ask a question',
    description:
      'INF-4: by a reader of a published notice; a question notifies the author. 409 NOTICE_COMMENT_NOT_PUBLISHED; 404 for non-recipients.',
  })
  @ApiCreatedResponse({ type: NoticeCommentDto })
  @ApiErrors(400, 404, 409)
  createNoticeComment(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateNoticeCommentDto,
    @Ctx() ctx: RequestContext,
  ): Promise<NoticeCommentDto> {
    return this.comments.create(id, dto, ctx);
  }

  @Post(':commentId/answer')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    operationId: 'answerNoticeComment',
    summary: 'Answer a question on a notice',
    description:
      'INF-4: by the office (information.notices.manage) or the notice’s author; notifies the asker. 409 NOTICE_COMMENT_ILLEGAL_STATE.',
  })
  @ApiOkResponse({ type: NoticeCommentDto })
  @ApiErrors(400, 403, 404, 409)
  answerNoticeComment(
    @Param('id', UUID_PARAM) id: string,
    @Param('commentId', UUID_PARAM) commentId: string,
    @Body() dto: AnswerNoticeCommentDto,
    @Ctx() ctx: RequestContext,
  ): Promise<NoticeCommentDto> {
    return this.comments.answer(id, commentId, dto.answer, ctx);
  }
}
