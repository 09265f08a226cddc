import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/pagination';
import { RefDto } from '../org/org.dto';
import { CHANNELS, type ChannelName } from './channels/channel';
import { DELIVERY_STATUSES, type DeliveryStatus } from './delivery.entity';

export class QueryDeliveriesDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: ChannelName;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  recipientId?: string;

  @ApiPropertyOptional({ example: 'approval.task' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'The outbox key, carried by every attempt' })
  id: string;

  @ApiProperty({ type: RefDto })
  recipient: RefDto;

  @ApiProperty({ enum: CHANNELS })
  channel: ChannelName;

  @ApiProperty({ description: 'Where it went (masked for phone numbers)' })
  address: string;

  @ApiProperty()
  kind: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  mandatory: boolean;

  /** queued → sent → delivered → read, or failed; delivered and read only from real signals. */
  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  resendOf: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  sentAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: string | null;
}

export class ResendDto {
  @ApiPropertyOptional({ enum: CHANNELS, description: 'Another channel to fall back on; the same one when omitted' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: ChannelName;
}

export class PreferencesDto {
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Channels I want; in-app is always on' })
  channels: ChannelName[];

  @ApiProperty({ nullable: true, type: String, description: 'My openid on the school’s WeChat official account' })
  wechatOpenid: string | null;

  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Channels the school has configured' })
  available: ChannelName[];
}

export class UpdatePreferencesDto {
  @ApiProperty({ enum: CHANNELS, isArray: true })
  @IsArray()
  @ArrayMaxSize(CHANNELS.length)
  @IsIn(CHANNELS, { each: true })
  channels: ChannelName[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsString()
  @MaxLength(100)
  wechatOpenid?: string | null;
}

export class ChannelSettingsDto {
  @ApiProperty({ enum: CHANNELS })
  channel: ChannelName;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({ description: 'Every setting the channel needs has a value' })
  configured: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true },
    description: 'Each setting; secrets show as "********" when set, never their value',
  })
  values: Record<string, string | null>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['panel', 'env'] },
    description: 'Where each set value comes from',
  })
  sources: Record<string, 'panel' | 'env'>;
}

export class UpdateChannelSettingsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Settings to store in the panel (override the environment); an empty string removes one',
  })
  @IsOptional()
  @IsObject()
  values?: Record<string, string>;
}

export class SmsReportAckDto {
  @ApiProperty({ example: 0 })
  code: number;

  @ApiProperty({ example: '成功' })
  msg: string;
}
