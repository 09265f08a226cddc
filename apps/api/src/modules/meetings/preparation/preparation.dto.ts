import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EQUIPMENT_TEST_ITEMS, EQUIPMENT_TEST_RESULTS, type EquipmentTestItem, type EquipmentTestResult } from '@xiaoban/shared';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { RefDto } from '../../../platform/org/org.dto';

/** One environment check: ok or not (null: not looked at yet), with a remark. */
export class EnvironmentCheckDto {
  @ApiProperty({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  ok: boolean | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  remark?: string | null;
}

/** The checklist as saved by whoever prepares the room (MTG-4); omitted parts stay as they are. */
export class SaveChecklistDto {
  @ApiPropertyOptional({ type: EnvironmentCheckDto, description: '整洁' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnvironmentCheckDto)
  clean?: EnvironmentCheckDto;

  @ApiPropertyOptional({ type: EnvironmentCheckDto, description: '安静' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnvironmentCheckDto)
  quiet?: EnvironmentCheckDto;

  @ApiPropertyOptional({ type: EnvironmentCheckDto, description: '光线' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnvironmentCheckDto)
  light?: EnvironmentCheckDto;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: '横幅 (会标) text' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  bannerText?: string | null;

  @ApiPropertyOptional({ description: '桌签 printed' })
  @IsOptional()
  @IsBoolean()
  nameCardsPrinted?: boolean;

  @ApiPropertyOptional({ description: '备用设备 ready' })
  @IsOptional()
  @IsBoolean()
  backupEquipmentReady?: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '设备值班人员' })
  @IsOptional()
  @IsUUID()
  dutyPersonId?: string | null;

  @ApiProperty({ description: 'The version read (0 before the first save); a stale one is 409' })
  @IsInt()
  @Min(0)
  version: number;
}

export class RecordEquipmentTestDto {
  @ApiProperty({ enum: EQUIPMENT_TEST_ITEMS })
  @IsIn(EQUIPMENT_TEST_ITEMS)
  item: EquipmentTestItem;

  @ApiProperty({ enum: EQUIPMENT_TEST_RESULTS })
  @IsIn(EQUIPMENT_TEST_RESULTS)
  result: EquipmentTestResult;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  remark?: string;
}

export class EquipmentTestDto {
  @ApiProperty({ enum: EQUIPMENT_TEST_ITEMS })
  item: EquipmentTestItem;

  @ApiProperty({ enum: EQUIPMENT_TEST_RESULTS })
  result: EquipmentTestResult;

  @ApiProperty({ type: String, nullable: true })
  remark: string | null;

  @ApiProperty({ description: '需要维修: the test failed; logistics raises the repair request' })
  needsMaintenance: boolean;

  @ApiProperty({ type: RefDto })
  testedBy: RefDto;

  @ApiProperty({ format: 'date-time' })
  testedAt: string;
}

export class EnvironmentResultDto {
  @ApiProperty({ type: Boolean, nullable: true })
  ok: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  remark: string | null;
}

export class NameCardDto {
  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  department: string | null;
}

export class ChecklistDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ type: EnvironmentResultDto })
  clean: EnvironmentResultDto;

  @ApiProperty({ type: EnvironmentResultDto })
  quiet: EnvironmentResultDto;

  @ApiProperty({ type: EnvironmentResultDto })
  light: EnvironmentResultDto;

  @ApiProperty({ type: String, nullable: true })
  bannerText: string | null;

  @ApiProperty()
  nameCardsPrinted: boolean;

  @ApiProperty()
  backupEquipmentReady: boolean;

  @ApiProperty({ type: RefDto, nullable: true })
  dutyPerson: RefDto | null;

  @ApiProperty({ enum: EQUIPMENT_TEST_ITEMS, isArray: true, description: 'What to test: video conference only where the room has it' })
  itemsToTest: EquipmentTestItem[];

  @ApiProperty({ type: [EquipmentTestDto] })
  equipmentTests: EquipmentTestDto[];

  @ApiProperty({ description: 'Some equipment test failed (需要维修)' })
  needsMaintenance: boolean;

  @ApiProperty({ type: [NameCardDto], description: 'One name card (桌签) per attendee, for the A4 print' })
  nameCards: NameCardDto[];

  @ApiProperty({ description: 'The organiser or meetings.manage: may fill in the checklist' })
  canEdit: boolean;

  @ApiProperty({ description: '0 before the first save' })
  version: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}

/** Moving a meeting (改期/换会议室): new times and/or another room; the booking is made anew. */
export class RescheduleMeetingDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Another room; omitted: the meeting’s room, if it has one' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'Told to the attendees with the change' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;

  @ApiProperty({ description: 'The meeting’s version' })
  @IsInt()
  @Min(1)
  version: number;
}
