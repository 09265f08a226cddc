import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { Idempotent } from '../http/idempotency';
import { Paginated } from '../http/pagination';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  QueryWebhookDeliveriesDto,
  QueryWebhooksDto,
  ResendWebhookDeliveryDto,
  TestWebhookDto,
  UpdateWebhookDto,
  WebhookDeliveryDto,
  WebhookDto,
} from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

const WebhookPage = Paginated(WebhookDto);
const WebhookDeliveryPage = Paginated(WebhookDeliveryDto);

/** What a receiver gets, for the OpenAPI document (the same text as webhook-signature.ts). */
const DELIVERY_FORMAT = `

Each delivery is \`POST <url>\` with the JSON body \`{ "id": <event id>, "type": <event type>, "createdAt": <ISO time>, "data": {…} }\` and the headers
\`X-Xiaoban-Event\` (the type), \`X-Xiaoban-Delivery\` and \`Idempotency-Key\` (the delivery's id, the same on every retry: deduplicate on it),
\`X-Xiaoban-Timestamp\` (Unix seconds) and \`X-Xiaoban-Signature: t=<timestamp>,v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>\`.
The receiver recomputes the HMAC with the whole secret (\`whsec_…\`) over the raw body bytes, compares in constant time and refuses old timestamps
(e.g. more than 5 minutes). Any 2xx answer is success; anything else (or no answer within WEBHOOK_TIMEOUT_SECONDS) is retried with doubling delays,
then the delivery is failed and may be resent.`;

@ApiTags('integration')
@Controller('integration')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get('webhooks')
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE })
  @ApiOperation({
    operationId: 'listWebhooks',
    summary: 'Outgoing webhooks',
    description: 'PLT-9: subscriptions, newest first; secrets masked.',
  })
  @ApiOkResponse({ type: WebhookPage })
  @ApiErrors(400)
  listWebhooks(@Query() query: QueryWebhooksDto): Promise<InstanceType<typeof WebhookPage>> {
    return this.webhooks.list(query);
  }

  @Post('webhooks')
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE })
  @Idempotent()
  @ApiOperation({
    operationId: 'createWebhook',
    summary: 'Subscribe a receiver to event types',
    description: `PLT-9: the signing secret is in this answer only.${DELIVERY_FORMAT}`,
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiErrors(400)
  createWebhook(@Body() dto: CreateWebhookDto, @Ctx() ctx: RequestContext): Promise<CreatedWebhookDto> {
    return this.webhooks.create(dto, ctx);
  }

  @Get('webhooks/:id')
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE })
  @ApiOperation({ operationId: 'getWebhook', summary: 'A webhook', description: 'PLT-9' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiErrors(400, 404)
  getWebhook(@Param('id', UUID_PARAM) id: string): Promise<WebhookDto> {
    return this.webhooks.get(id);
  }

  @Patch('webhooks/:id')
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE })
  @ApiOperation({
    operationId: 'updateWebhook',
    summary: 'Change a webhook',
    description: 'PLT-9: name, URL, event types, active. Deliveries already queued go to the new URL.',
  })
  @ApiOkResponse({ type: WebhookDto })
  @ApiErrors(400, 404, 409)
  updateWebhook(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateWebhookDto, @Ctx() ctx: RequestContext): Promise<WebhookDto> {
    return this.webhooks.update(id, dto, ctx);
  }

  @Delete('webhooks/:id')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE })
  @ApiOperation({
    operationId: 'deleteWebhook',
    summary: 'Delete a webhook',
    description: 'PLT-9: with its delivery log; the audit log keeps the deletion. Deactivate instead to keep the log.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async deleteWebhook(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.webhooks.remove(id, ctx);
  }

  @Post('webhooks/:id/test')
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE })
  @ApiOperation({
    operationId: 'testWebhook',
    summary: 'Send a test event',
    description: 'PLT-9: one `webhook.test` delivery to this receiver, signed and retried like any other. 409 when inactive.',
  })
  @ApiCreatedResponse({ type: WebhookDeliveryDto })
  @ApiErrors(400, 404, 409)
  testWebhook(@Param('id', UUID_PARAM) id: string, @Body() dto: TestWebhookDto, @Ctx() ctx: RequestContext): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTest(id, dto.message, ctx);
  }

  @Get('webhooks/:id/deliveries')
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE })
  @ApiOperation({
    operationId: 'listWebhookDeliveries',
    summary: 'The delivery log of a webhook',
    description: 'PLT-9: deliveries newest first, each with every attempt (status code, error, duration) and its next retry.',
  })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  @ApiErrors(400, 404)
  listWebhookDeliveries(
    @Param('id', UUID_PARAM) id: string,
    @Query() query: QueryWebhookDeliveriesDto,
  ): Promise<InstanceType<typeof WebhookDeliveryPage>> {
    return this.webhooks.listDeliveries(id, query);
  }

  @Post('webhook-deliveries/:id/resend')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE })
  @ApiOperation({
    operationId: 'resendWebhookDelivery',
    summary: 'Resend a delivery',
    description:
      'PLT-9: a succeeded or failed delivery is attempted again with the same idempotency key (a receiver that took it already ignores it), ' +
      'with fresh retries; 409 while it is still queued.',
  })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiErrors(400, 404, 409)
  resendWebhookDelivery(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: ResendWebhookDeliveryDto,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.resend(id, dto.reason, ctx);
  }
}
