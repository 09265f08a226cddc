import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, PLATFORM_ERRORS } from '@xiaoban/shared';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Authenticated, Public } from '../auth/decorators';
import { Exportable, ExportRequested } from '../excel/exportable';
import type { RowSource } from '../excel/row-source';
import type { SheetSpec } from '../excel/sheet';
import { ApiError } from '../http/api-error';
import { ApiErrors } from '../http/api-responses';
import { Paginated } from '../http/pagination';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import type { ChannelName } from './channels/channel';
import { parseSmsDeliveryReports } from './channels/sms-delivery-report';
import type { DeliveryStatus } from './delivery.entity';
import { NotificationSettingsService } from './notification-settings.service';
import {
  ChannelSettingsDto,
  DeliveryDto,
  PreferencesDto,
  QueryDeliveriesDto,
  ResendDto,
  SmsReportAckDto,
  UpdateChannelSettingsDto,
  UpdatePreferencesDto,
} from './notifications.dto';
import { NotificationsService } from './notifications.service';

const DeliveryPage = Paginated(DeliveryDto);

const CHANNEL_NAMES: Record<ChannelName, string> = {
  'in-app': '站内信',
  email: '邮件',
  sms: '短信',
  wecom: '企业微信',
  dingtalk: '钉钉',
  'wechat-mp': '微信公众号',
};
const STATUS_NAMES: Record<DeliveryStatus, string> = {
  queued: '排队中',
  sent: '已发送',
  delivered: '已送达',
  read: '已读',
  failed: '失败',
};

/** The delivery log as a sheet (PLT-4, PLT-7). */
const DELIVERIES_SHEET: SheetSpec<DeliveryDto> = {
  title: '消息发送记录',
  fileName: 'deliveries',
  columns: [
    { header: '创建时间', key: 'createdAt', width: 18, format: 'datetime' },
    { header: '收件人', key: 'recipient.name', width: 12 },
    { header: '渠道', key: 'channel', width: 12, value: (d) => CHANNEL_NAMES[d.channel] },
    { header: '地址', key: 'address', width: 24 },
    { header: '类别', key: 'kind', width: 18 },
    { header: '标题', key: 'title', width: 36 },
    { header: '必达', key: 'mandatory', width: 8 },
    { header: '状态', key: 'status', width: 10, value: (d) => STATUS_NAMES[d.status] },
    { header: '尝试次数', key: 'attempts', width: 10 },
    { header: '最后错误', key: 'lastError', width: 36 },
    { header: '发送时间', key: 'sentAt', width: 18, format: 'datetime' },
    { header: '送达时间', key: 'deliveredAt', width: 18, format: 'datetime' },
    { header: '阅读时间', key: 'readAt', width: 18, format: 'datetime' },
  ],
};

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly settings: NotificationSettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('deliveries')
  @Authenticated({ permission: PERMISSIONS.NOTIFICATIONS_READ })
  @ApiOperation({
    operationId: 'listDeliveries',
    summary: 'The delivery log',
    description: 'PLT-4: every message per recipient and channel, with its status and last error.',
  })
  @Exportable(DELIVERIES_SHEET, DeliveryPage)
  @ApiErrors(400)
  listDeliveries(
    @Query() query: QueryDeliveriesDto,
    @ExportRequested() exporting: boolean,
  ): Promise<InstanceType<typeof DeliveryPage>> | RowSource<DeliveryDto> {
    return exporting ? this.settings.exportDeliveries(query) : this.settings.listDeliveries(query);
  }

  @Post('deliveries/:id/resend')
  @Authenticated({ permission: PERMISSIONS.NOTIFICATIONS_MANAGE })
  @ApiOperation({
    operationId: 'resendDelivery',
    summary: 'Resend a delivery',
    description: 'PLT-4: on its own channel or on another (fallback), as a new delivery.',
  })
  @ApiCreatedResponse({ type: DeliveryDto })
  @ApiErrors(400, 404, 409)
  async resendDelivery(@Param('id', UUID_PARAM) id: string, @Body() dto: ResendDto, @Ctx() ctx: RequestContext): Promise<DeliveryDto> {
    const newId = await this.notifications.resend(id, dto.channel, ctx);
    return this.settings.getDelivery(newId);
  }

  @Get('preferences')
  @Authenticated()
  @ApiOperation({ operationId: 'getMyNotificationPreferences', summary: 'My channels', description: 'PLT-4' })
  @ApiOkResponse({ type: PreferencesDto })
  getMyNotificationPreferences(@Ctx() ctx: RequestContext): Promise<PreferencesDto> {
    return this.settings.preferences(ctx.actor!.id);
  }

  @Put('preferences')
  @Authenticated()
  @ApiOperation({
    operationId: 'updateMyNotificationPreferences',
    summary: 'Choose my channels',
    description: 'PLT-4: in-app is always on; mandatory messages use every channel.',
  })
  @ApiOkResponse({ type: PreferencesDto })
  @ApiErrors(400)
  updateMyNotificationPreferences(@Body() dto: UpdatePreferencesDto, @Ctx() ctx: RequestContext): Promise<PreferencesDto> {
    return this.settings.updatePreferences(dto, ctx);
  }

  @Get('channels')
  @Authenticated({ permission: PERMISSIONS.NOTIFICATIONS_MANAGE })
  @ApiOperation({
    operationId: 'listChannelSettings',
    summary: 'Channel settings',
    description: 'PLT-4: from the environment or the panel; secrets are masked.',
  })
  @ApiOkResponse({ type: [ChannelSettingsDto] })
  listChannelSettings(): Promise<ChannelSettingsDto[]> {
    return this.settings.channelSettings();
  }

  @Put('channels/:channel')
  @Authenticated({ permission: PERMISSIONS.NOTIFICATIONS_MANAGE })
  @ApiOperation({
    operationId: 'updateChannelSettings',
    summary: 'Configure a channel',
    description: 'PLT-4: settings stored here override the environment.',
  })
  @ApiOkResponse({ type: ChannelSettingsDto })
  @ApiErrors(400, 404)
  updateChannelSettings(
    @Param('channel') channel: string,
    @Body() dto: UpdateChannelSettingsDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ChannelSettingsDto> {
    return this.settings.updateChannelSettings(channel, dto, ctx);
  }

  /**
   * The SMS gateway's delivery reports (the real signal for `delivered`). Public, because the
   * gateway calls it, and guarded by the shared token in SMS_REPORT_TOKEN.
   */
  @Post('sms/reports')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    operationId: 'receiveSmsReports',
    summary: 'SMS delivery reports (gateway callback)',
    description: 'PLT-4: Aliyun SmsReport format; `token` must match SMS_REPORT_TOKEN.',
  })
  @ApiQuery({ name: 'token', required: true })
  @ApiBody({
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          phone_number: { type: 'string' },
          success: { type: 'boolean' },
          biz_id: { type: 'string' },
          out_id: { type: 'string' },
          err_code: { type: 'string' },
          err_msg: { type: 'string' },
          report_time: { type: 'string' },
        },
      },
    },
  })
  @ApiOkResponse({ type: SmsReportAckDto })
  @ApiErrors(400, 401)
  async receiveSmsReports(@Query('token') token: string | undefined, @Body() body: unknown): Promise<SmsReportAckDto> {
    const expected = this.config.smsReportToken;
    const given = Buffer.from(String(token ?? ''));
    if (!expected || given.length !== Buffer.byteLength(expected) || !timingSafeEqual(given, Buffer.from(expected))) {
      throw new ApiError(401, PLATFORM_ERRORS.UNAUTHENTICATED, 'Invalid report token');
    }
    let reports;
    try {
      reports = parseSmsDeliveryReports(body);
    } catch (error) {
      throw new ApiError(400, PLATFORM_ERRORS.VALIDATION_FAILED, error instanceof Error ? error.message : 'Malformed report');
    }
    for (const report of reports) await this.notifications.applySmsReport(report);
    return { code: 0, msg: '成功' };
  }
}
