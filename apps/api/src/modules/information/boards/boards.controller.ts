import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { PageQueryDto, Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  BoardCheckDto,
  BoardCleaningDto,
  BoardDto,
  CreateBoardCheckDto,
  CreateBoardDto,
  CreateCleaningDto,
  CreatePostingDto,
  CreateRobotDto,
  NoticeBroadcastsDto,
  NoticeEffectDto,
  NoticeLinkDto,
  PostingActionDto,
  PostingDto,
  QueryBoardsDto,
  QueryLinksDto,
  QueryPostingsDto,
  RobotDto,
  RobotPostDto,
  UpdateBoardDto,
  UpdateRobotDto,
} from './boards.dto';
import { BoardsService } from './boards.service';
import { LinkCheckerService } from './link-checker.service';
import { NoticeEffectService } from './notice-effect.service';
import { RobotsService } from './robots.service';

const BoardPage = Paginated(BoardDto);
const PostingPage = Paginated(PostingDto);
const CheckPage = Paginated(BoardCheckDto);
const CleaningPage = Paginated(BoardCleaningDto);
const LinkPage = Paginated(NoticeLinkDto);

/** Bulletin boards (公告栏, INF-6): boards, postings, daily checks, cleaning. */
@ApiTags('information')
@Controller('information')
export class BoardsController {
  constructor(private readonly boards: BoardsService) {}

  @Get('boards')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({
    operationId: 'listBoards',
    summary: 'Bulletin boards',
    description: 'INF-6: each board with its location, keeper, open postings, postings due for removal, last check and next cleaning.',
  })
  @ApiOkResponse({ type: BoardPage })
  @ApiErrors(400, 403)
  listBoards(@Query() query: QueryBoardsDto): Promise<InstanceType<typeof BoardPage>> {
    return this.boards.listBoards(query);
  }

  @Post('boards')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({
    operationId: 'createBoard',
    summary: 'Add a bulletin board',
    description: 'INF-6: name (unique), location, keeper, cleaning weekday.',
  })
  @ApiCreatedResponse({ type: BoardDto })
  @ApiErrors(400, 403, 409)
  createBoard(@Body() dto: CreateBoardDto, @Ctx() ctx: RequestContext): Promise<BoardDto> {
    return this.boards.createBoard(dto, ctx);
  }

  @Get('boards/:id')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({ operationId: 'getBoard', summary: 'A bulletin board', description: 'INF-6' })
  @ApiOkResponse({ type: BoardDto })
  @ApiErrors(400, 403, 404)
  getBoard(@Param('id', UUID_PARAM) id: string): Promise<BoardDto> {
    return this.boards.getBoard(id);
  }

  @Patch('boards/:id')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({ operationId: 'updateBoard', summary: 'Edit a bulletin board', description: 'INF-6: optimistic locking by `version`.' })
  @ApiOkResponse({ type: BoardDto })
  @ApiErrors(400, 403, 404, 409)
  updateBoard(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateBoardDto, @Ctx() ctx: RequestContext): Promise<BoardDto> {
    return this.boards.updateBoard(id, dto, ctx);
  }

  @Get('boards/:id/postings')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({
    operationId: 'listBoardPostings',
    summary: 'The postings of a board',
    description: 'INF-6: due for removal first, then to post, posted, removed; with who posted and removed each and when.',
  })
  @ApiOkResponse({ type: PostingPage })
  @ApiErrors(400, 403, 404)
  listBoardPostings(@Param('id', UUID_PARAM) id: string, @Query() query: QueryPostingsDto): Promise<InstanceType<typeof PostingPage>> {
    return this.boards.listPostings(id, query);
  }

  @Post('boards/:id/postings')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({
    operationId: 'addBoardPosting',
    summary: 'Put a published notice on a board',
    description:
      'INF-6: publishing on the board channel does this for every active board; 409 BOARD_POSTING_EXISTS when it is there already.',
  })
  @ApiCreatedResponse({ type: PostingDto })
  @ApiErrors(400, 403, 404, 409)
  addBoardPosting(@Param('id', UUID_PARAM) id: string, @Body() dto: CreatePostingDto, @Ctx() ctx: RequestContext): Promise<PostingDto> {
    return this.boards.addPosting(id, dto, ctx);
  }

  @Post('board-postings/:id/moves')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({
    operationId: 'moveBoardPosting',
    summary: 'Post (张贴) or remove (撤除) a posting',
    description: 'INF-6: who and when are recorded; 409 BOARD_POSTING_ILLEGAL_STATE for a move its state does not allow.',
  })
  @ApiOkResponse({ type: PostingDto })
  @ApiErrors(400, 403, 404, 409)
  moveBoardPosting(@Param('id', UUID_PARAM) id: string, @Body() dto: PostingActionDto, @Ctx() ctx: RequestContext): Promise<PostingDto> {
    return this.boards.movePosting(id, dto.action, ctx);
  }

  @Get('boards/:id/checks')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({ operationId: 'listBoardChecks', summary: 'Daily checks of a board', description: 'INF-6: newest first, with photos.' })
  @ApiOkResponse({ type: CheckPage })
  @ApiErrors(400, 403, 404)
  listBoardChecks(@Param('id', UUID_PARAM) id: string, @Query() query: PageQueryDto): Promise<InstanceType<typeof CheckPage>> {
    return this.boards.listChecks(id, query);
  }

  @Post('boards/:id/checks')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({
    operationId: 'recordBoardCheck',
    summary: 'Record the daily check of a board',
    description: 'INF-6: tidy, undamaged, remark, photos uploaded through /files; one per board and day (409 BOARD_CHECK_EXISTS).',
  })
  @ApiCreatedResponse({ type: BoardCheckDto })
  @ApiErrors(400, 403, 404, 409)
  recordBoardCheck(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateBoardCheckDto,
    @Ctx() ctx: RequestContext,
  ): Promise<BoardCheckDto> {
    return this.boards.recordCheck(id, dto, ctx);
  }

  @Get('boards/:id/cleanings')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({ operationId: 'listBoardCleanings', summary: 'Cleaning records of a board', description: 'INF-6: newest first.' })
  @ApiOkResponse({ type: CleaningPage })
  @ApiErrors(400, 403, 404)
  listBoardCleanings(@Param('id', UUID_PARAM) id: string, @Query() query: PageQueryDto): Promise<InstanceType<typeof CleaningPage>> {
    return this.boards.listCleanings(id, query);
  }

  @Post('boards/:id/cleanings')
  @Authenticated({ permission: PERMISSIONS.INFO_BOARDS_MANAGE })
  @ApiOperation({ operationId: 'recordBoardCleaning', summary: 'Record a cleaning of a board', description: 'INF-6: day and remark.' })
  @ApiCreatedResponse({ type: BoardCleaningDto })
  @ApiErrors(400, 403, 404)
  recordBoardCleaning(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CreateCleaningDto,
    @Ctx() ctx: RequestContext,
  ): Promise<BoardCleaningDto> {
    return this.boards.recordCleaning(id, dto, ctx);
  }
}

/** WeCom and DingTalk group robots as broadcast channels of notices (INF-3). */
@ApiTags('information')
@Controller('information/robots')
export class NoticeRobotsController {
  constructor(private readonly robots: RobotsService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_MANAGE })
  @ApiOperation({ operationId: 'listNoticeRobots', summary: 'Group robots', description: 'INF-3: webhooks shown with their keys hidden.' })
  @ApiOkResponse({ type: [RobotDto] })
  @ApiErrors(403)
  listNoticeRobots(): Promise<RobotDto[]> {
    return this.robots.list();
  }

  @Post()
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_MANAGE })
  @ApiOperation({
    operationId: 'createNoticeRobot',
    summary: 'Add a group robot',
    description: 'INF-3: WeCom or DingTalk webhook; DingTalk needs its signing secret; an optional keyword the robot requires.',
  })
  @ApiCreatedResponse({ type: RobotDto })
  @ApiErrors(400, 403)
  createNoticeRobot(@Body() dto: CreateRobotDto, @Ctx() ctx: RequestContext): Promise<RobotDto> {
    return this.robots.create(dto, ctx);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_MANAGE })
  @ApiOperation({ operationId: 'updateNoticeRobot', summary: 'Edit a group robot', description: 'INF-3: optimistic locking by `version`.' })
  @ApiOkResponse({ type: RobotDto })
  @ApiErrors(400, 403, 404, 409)
  updateNoticeRobot(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateRobotDto, @Ctx() ctx: RequestContext): Promise<RobotDto> {
    return this.robots.update(id, dto, ctx);
  }
}

/** The link checker of published notices (INF-5). */
@ApiTags('information')
@Controller('information/links')
export class NoticeLinksController {
  constructor(private readonly links: LinkCheckerService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_MANAGE })
  @ApiOperation({
    operationId: 'listNoticeLinks',
    summary: 'Links in published notices as last checked',
    description: 'INF-5: broken ones by default, each with its notice, HTTP status or error, and when it was checked.',
  })
  @ApiOkResponse({ type: LinkPage })
  @ApiErrors(400, 403)
  listNoticeLinks(@Query() query: QueryLinksDto): Promise<InstanceType<typeof LinkPage>> {
    return this.links.list(query);
  }

  @Post('check')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_MANAGE })
  @ApiOperation({
    operationId: 'checkNoticeLinks',
    summary: 'Check the links now',
    description: 'INF-5: queues a run of the link checker job.',
  })
  @ApiNoContentResponse({ description: 'Queued' })
  @ApiErrors(403)
  async checkNoticeLinks(@Ctx() ctx: RequestContext): Promise<void> {
    await this.links.queueRun(ctx);
  }
}

/** A notice's broadcast postings and the effect of publishing it (INF-3, INF-6, INF-8). */
@ApiTags('information')
@Controller('information/notices')
export class NoticeBroadcastsController {
  constructor(
    private readonly boards: BoardsService,
    private readonly robots: RobotsService,
    private readonly effects: NoticeEffectService,
  ) {}

  @Get(':id/broadcasts')
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_DRAFT })
  @ApiOperation({
    operationId: 'getNoticeBroadcasts',
    summary: 'A notice’s board postings and robot postings',
    description: 'INF-3, INF-6: one per board and one per robot, each with its own status; for the author and the office.',
  })
  @ApiOkResponse({ type: NoticeBroadcastsDto })
  @ApiErrors(400, 403, 404)
  async getNoticeBroadcasts(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<NoticeBroadcastsDto> {
    await this.effects.assertOffice(id, ctx);
    return { boards: await this.boards.postingsOfNotice(id), robots: await this.robots.postsOfNotice(id) };
  }

  @Post(':id/robot-posts/:postId/retry')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_MANAGE })
  @ApiOperation({
    operationId: 'retryNoticeRobotPost',
    summary: 'Send a failed robot posting again',
    description: 'INF-3: queued through the jobs platform; 409 ROBOT_POST_NOT_FAILED unless it failed.',
  })
  @ApiOkResponse({ type: RobotPostDto })
  @ApiErrors(400, 403, 404, 409)
  async retryNoticeRobotPost(
    @Param('id', UUID_PARAM) id: string,
    @Param('postId', UUID_PARAM) postId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RobotPostDto> {
    await this.effects.assertOffice(id, ctx);
    return this.robots.retry(id, postId, ctx);
  }

  @Get(':id/effect')
  @Authenticated({ permission: PERMISSIONS.INFO_NOTICES_DRAFT })
  @ApiOperation({
    operationId: 'getNoticeEffect',
    summary: 'Reach and read rate over time, per channel',
    description:
      'INF-8: cumulative distinct recipients delivered to and read per channel, reached and confirmed overall, hourly for three days ' +
      'after publishing and daily after; with the rates now. For the author and the office.',
  })
  @ApiOkResponse({ type: NoticeEffectDto })
  @ApiErrors(400, 403, 404, 409)
  getNoticeEffect(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<NoticeEffectDto> {
    return this.effects.effect(id, ctx);
  }
}
