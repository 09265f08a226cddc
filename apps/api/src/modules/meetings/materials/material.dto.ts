import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MATERIAL_STATUSES,
  MATERIAL_STEPS,
  SECRECY_LEVELS,
  type MaterialStatus,
  type MaterialStep,
  type SecrecyLevel,
} from '@xiaoban/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AttachmentDto } from '../../../platform/files/files.dto';
import { RefDto } from '../../../platform/org/org.dto';

export class CreateMaterialDto {
  @ApiProperty({ maxLength: 200, example: '2027年春季学期工作要点（征求意见稿）' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Files uploaded as drafts (POST /files)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attachmentIds: string[];

  @ApiPropertyOptional({ description: '仅限指定参会人: only the attendees in recipientIds see it' })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'For a confidential material: the invitees who may see it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  recipientIds?: string[];

  @ApiPropertyOptional({ description: 'Copies to print (份数)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  copies?: number;
}

export class MaterialStepDto {
  @ApiProperty({ enum: MATERIAL_STEPS })
  @IsIn(MATERIAL_STEPS)
  step: MaterialStep;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class MaterialReceiptDto {
  @ApiProperty({ type: RefDto })
  user: RefDto;

  @ApiProperty({ format: 'date-time' })
  distributedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: not confirmed yet' })
  receivedAt: string | null;
}

export class MaterialDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  confidential: boolean;

  @ApiProperty({ enum: SECRECY_LEVELS })
  secrecy: SecrecyLevel;

  @ApiProperty({ enum: MATERIAL_STATUSES })
  status: MaterialStatus;

  @ApiProperty({ type: Number, nullable: true })
  copies: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  printedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  boundAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  distributedAt: string | null;

  @ApiProperty({ type: RefDto })
  uploadedBy: RefDto;

  @ApiProperty({ type: [AttachmentDto], description: 'Download through downloadMeetingMaterialFile (watermarked when confidential)' })
  attachments: AttachmentDto[];

  @ApiProperty({ enum: MATERIAL_STEPS, isArray: true, description: 'Steps the caller may take now' })
  allowedSteps: MaterialStep[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The caller’s copy: when they confirmed receipt' })
  myReceivedAt: string | null;

  @ApiProperty({ description: 'The caller got a copy (and may confirm receipt)' })
  myCopy: boolean;

  @ApiProperty({
    type: [MaterialReceiptDto],
    description: 'Every copy and its receipt; for the organiser and meetings.manage only (else empty)',
  })
  receipts: MaterialReceiptDto[];

  @ApiProperty({ type: [RefDto], description: 'A confidential material’s named attendees; for the organiser and meetings.manage only' })
  recipients: RefDto[];

  @ApiProperty()
  version: number;
}
