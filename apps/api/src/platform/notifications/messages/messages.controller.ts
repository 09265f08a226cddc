import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../auth/decorators';
import { Exportable, ExportRequested } from '../../excel/exportable';
import type { RowSource } from '../../excel/row-source';
import type { SheetSpec } from '../../excel/sheet';
import { ApiErrors } from '../../http/api-responses';
import { Idempotent } from '../../http/idempotency';
import { Paginated } from '../../http/pagination';
import { UUID_PARAM } from '../../http/params';
import { Ctx, type RequestContext } from '../../http/request-context';
import { MessageDto, MessageReceiptDto, QueryMessagesDto, ReplyMessageDto, SendMessageDto, UnreadCountDto } from './messages.dto';
import { MessagesService } from './messages.service';

const MessagePage = Paginated(MessageDto);

/** My messages as a sheet (ADM-2, PLT-7). */
const MESSAGES_SHEET: SheetSpec<MessageDto> = {
  title: '站内信',
  fileName: 'messages',
  columns: [
    { header: '时间', key: 'createdAt', width: 18, format: 'datetime' },
    { header: '发件人', key: 'sender.name', width: 12, value: (m) => m.sender?.name ?? '系统通知' },
    { header: '主题', key: 'subject', width: 36 },
    { header: '正文', key: 'body', width: 60 },
    { header: '收件人', key: 'toUsers', width: 24 },
    { header: '收件部门', key: 'toDepartments', width: 20 },
    { header: '收件人数', key: 'recipientCount', width: 10 },
    { header: '已读人数', key: 'readCount', width: 10 },
    { header: '我的阅读时间', key: 'readAt', width: 18, format: 'datetime' },
  ],
};

/** The message centre (站内信, ADM-2). A message is visible to its sender and recipients only. */
@ApiTags('messages')
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listMyMessages',
    summary: 'My messages',
    description: 'ADM-2: received (with notifications) or sent, newest first.',
  })
  @Exportable(MESSAGES_SHEET, MessagePage)
  @ApiErrors(400)
  listMyMessages(
    @Query() query: QueryMessagesDto,
    @Ctx() ctx: RequestContext,
    @ExportRequested() exporting: boolean,
  ): Promise<InstanceType<typeof MessagePage>> | RowSource<MessageDto> {
    return exporting ? this.messages.exportRows(ctx.actor!.id, query) : this.messages.list(ctx.actor!.id, query);
  }

  @Get('unread-count')
  @Authenticated()
  @ApiOperation({ operationId: 'countMyUnreadMessages', summary: 'My unread messages', description: 'ADM-2' })
  @ApiOkResponse({ type: UnreadCountDto })
  async countMyUnreadMessages(@Ctx() ctx: RequestContext): Promise<UnreadCountDto> {
    return { unread: await this.messages.unreadCount(ctx.actor!.id) };
  }

  @Post()
  @Authenticated({ permission: PERMISSIONS.MESSAGES_SEND })
  @Idempotent()
  @ApiOperation({
    operationId: 'sendMessage',
    summary: 'Send a message',
    description: 'ADM-2: to people and departments (with their sub-departments).',
  })
  @ApiCreatedResponse({ type: MessageDto })
  @ApiErrors(400)
  sendMessage(@Body() dto: SendMessageDto, @Ctx() ctx: RequestContext): Promise<MessageDto> {
    return this.messages.send(dto, ctx);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    operationId: 'openMessage',
    summary: 'Open a message',
    description: 'ADM-2: the first opening by a recipient records that they read it.',
  })
  @ApiOkResponse({ type: MessageDto })
  @ApiErrors(400, 404)
  openMessage(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MessageDto> {
    return this.messages.open(id, ctx);
  }

  @Post(':id/replies')
  @Authenticated({ permission: PERMISSIONS.MESSAGES_SEND })
  @ApiOperation({
    operationId: 'replyToMessage',
    summary: 'Reply to a message',
    description: "ADM-2: a recipient's reply goes to the sender; the sender's to every recipient.",
  })
  @ApiCreatedResponse({ type: MessageDto })
  @ApiErrors(400, 404)
  replyToMessage(@Param('id', UUID_PARAM) id: string, @Body() dto: ReplyMessageDto, @Ctx() ctx: RequestContext): Promise<MessageDto> {
    return this.messages.reply(id, dto.body, ctx, dto.attachmentIds);
  }

  @Get(':id/receipts')
  @Authenticated()
  @ApiOperation({
    operationId: 'listMessageReceipts',
    summary: 'Who has read my message',
    description: 'ADM-2: read state per recipient, for the sender.',
  })
  @ApiOkResponse({ type: [MessageReceiptDto] })
  @ApiErrors(400, 404)
  listMessageReceipts(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<MessageReceiptDto[]> {
    return this.messages.receipts(id, ctx);
  }
}
