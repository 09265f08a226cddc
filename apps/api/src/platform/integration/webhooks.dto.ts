import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ALL_WEBHOOK_EVENT_TYPES, WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '@xiaoban/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../http/pagination';
import { RefDto } from '../org/org.dto';
import { trim } from '../http/transforms';

const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '家校通平台' })
  name: string;

  @ApiProperty({ example: 'https://jxt.school.example/hooks/xiaoban' })
  url: string;

  @ApiProperty({ type: [String], enum: ALL_WEBHOOK_EVENT_TYPES })
  eventTypes: string[];

  @ApiProperty({ description: 'Inactive subscriptions receive nothing new' })
  active: boolean;

  @ApiProperty({ example: 'whsec_…9f2c', description: 'The signing secret, masked' })
  secretHint: string;

  @ApiProperty({ type: RefDto, nullable: true })
  createdBy: RefDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ description: 'Send back on update; a stale version gets 409' })
  version: number;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_…',
    description: 'The signing secret, shown this once; the receiver verifies X-Xiaoban-Signature with it',
  })
  secret: string;
}

export class CreateWebhookDto {
  @ApiProperty({ example: '家校通平台', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'https://jxt.school.example/hooks/xiaoban', maxLength: 500, description: 'http or https' })
  @Transform(trim)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(500)
  url: string;

  @ApiProperty({ type: [String], enum: ALL_WEBHOOK_EVENT_TYPES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_WEBHOOK_EVENT_TYPES.length)
  @IsIn(ALL_WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {
  @ApiProperty({ description: 'The version read; a stale one gets 409 VERSION_CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;
}

export class QueryWebhooksDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  active?: boolean;
}

export class WebhookDeliveryAttemptDto {
  @ApiProperty({ description: '1, 2, …, counted across resends' })
  attempt: number;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ nullable: true, type: Number, description: 'The receiver’s HTTP status; null when no answer came' })
  statusCode: number | null;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;

  @ApiProperty()
  durationMs: number;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The idempotency key, sent on every attempt as X-Xiaoban-Delivery and Idempotency-Key' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  subscriptionId: string;

  @ApiProperty({ enum: ALL_WEBHOOK_EVENT_TYPES })
  eventType: string;

  @ApiProperty({ format: 'uuid', description: 'The body’s `id`: the same for every subscription receiving this event' })
  eventId: string;

  /** queued → succeeded, or failed when the retries are spent (then it may be resent). */
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES })
  status: WebhookDeliveryStatus;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ nullable: true, type: Number })
  lastStatusCode: number | null;

  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the event happened (the body’s `createdAt`)' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastAttemptAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When a queued delivery is tried next' })
  nextAttemptAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When it succeeded or failed for good' })
  completedAt: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s `data`' })
  payload: Record<string, unknown>;

  @ApiProperty({ type: [WebhookDeliveryAttemptDto], description: 'The delivery log: every attempt, oldest first' })
  attemptLog: WebhookDeliveryAttemptDto[];
}

export class QueryWebhookDeliveriesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;

  @ApiPropertyOptional({ enum: ALL_WEBHOOK_EVENT_TYPES })
  @IsOptional()
  @IsIn(ALL_WEBHOOK_EVENT_TYPES)
  eventType?: string;
}

export class TestWebhookDto {
  @ApiPropertyOptional({ maxLength: 200, example: '测试推送', description: 'Put into the test event’s data' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  message?: string;
}

export class ResendWebhookDeliveryDto {
  /** Why; kept in the audit log. */
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}
