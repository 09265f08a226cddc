import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AttachmentDto } from '../../files/files.dto';
import { PageQueryDto } from '../../http/pagination';
import { RefDto } from '../../org/org.dto';
import { trim } from '../../http/transforms';

export class SendMessageDto {
  @ApiProperty({ example: '关于本周五下午召开行政会的通知', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject: string;

  @ApiProperty({ example: '请各部门负责人准时参加。', maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  body: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'People to send to' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  toUserIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Departments to send to: their members and sub-departments' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  toDepartmentIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Files uploaded with uploadFile, attached to the message (PLT-5)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class ReplyMessageDto {
  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  body: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Files uploaded with uploadFile, attached to the message (PLT-5)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class QueryMessagesDto extends PageQueryDto {
  /** `inbox` (received, default) or `sent`. */
  @ApiPropertyOptional({ enum: ['inbox', 'sent'], default: 'inbox' })
  @IsOptional()
  @IsIn(['inbox', 'sent'])
  box: 'inbox' | 'sent' = 'inbox';

  @ApiPropertyOptional({ description: 'Only unread messages (inbox)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false])
  unread?: boolean;
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto, nullable: true, description: 'Null for notifications from the system' })
  sender: RefDto | null;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty({ format: 'uuid' })
  threadId: string;

  @ApiProperty({ nullable: true, type: String, description: 'Path in the admin panel the message is about' })
  link: string | null;

  @ApiProperty({ type: [RefDto], description: 'People it was addressed to by name' })
  toUsers: RefDto[];

  @ApiProperty({ type: [RefDto], description: 'Departments it was addressed to' })
  toDepartments: RefDto[];

  @ApiProperty({ description: 'How many people received it' })
  recipientCount: number;

  @ApiProperty({ type: [AttachmentDto], description: 'Attached files; download each with downloadFile (PLT-5)' })
  attachments: AttachmentDto[];

  @ApiProperty({ description: 'How many of them have opened it' })
  readCount: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When I opened it (inbox); null if unread or sent by me' })
  readAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MessageReceiptDto {
  @ApiProperty({ type: RefDto })
  user: RefDto;

  @ApiProperty({ type: RefDto, nullable: true, description: 'The department through which they received it' })
  viaDepartment: RefDto | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: string | null;
}

export class UnreadCountDto {
  @ApiProperty()
  unread: number;
}
