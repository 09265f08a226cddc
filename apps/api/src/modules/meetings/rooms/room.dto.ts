import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ROOM_EQUIPMENT, type RoomEquipment } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AttachmentDto } from '../../../platform/files/files.dto';
import { PageQueryDto } from '../../../platform/http/pagination';
import { trim } from '../../../platform/http/transforms';

/** `?equipment=projector,audio` or repeated `?equipment=`: a list either way. */
export const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : Array.isArray(value) ? value : value;

/** A meeting room's details (MTG-1). */
export class CreateRoomDto {
  @ApiProperty({ maxLength: 100, example: '第一会议室' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ maxLength: 100, example: '行政楼' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  building: string;

  @ApiProperty({ maxLength: 20, example: '3' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  floor: string;

  @ApiProperty({ minimum: 1, maximum: 5000, example: 20 })
  @IsInt()
  @Min(1)
  @Max(5000)
  capacity: number;

  @ApiPropertyOptional({ enum: ROOM_EQUIPMENT, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROOM_EQUIPMENT, { each: true })
  equipment?: RoomEquipment[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  bookable?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Bookings go through the room-booking approval' })
  @IsOptional()
  @IsBoolean()
  needsApproval?: boolean;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  /** Photos: draft files (POST /files) that the room takes over. */
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  photoIds?: string[];
}

export class UpdateRoomDto extends PartialType(CreateRoomDto) {
  @ApiProperty({ description: 'The version read; a stale one is 409' })
  @IsInt()
  version: number;
}

export class QueryRoomsDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  bookable?: boolean;

  @ApiPropertyOptional({ minimum: 1, description: 'Seats at least this many' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  minCapacity?: number;

  @ApiPropertyOptional({ enum: ROOM_EQUIPMENT, isArray: true, description: 'Has all of these' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @IsIn(ROOM_EQUIPMENT, { each: true })
  equipment?: RoomEquipment[];
}

export class RoomDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  building: string;

  @ApiProperty()
  floor: string;

  @ApiProperty()
  capacity: number;

  @ApiProperty({ enum: ROOM_EQUIPMENT, isArray: true })
  equipment: RoomEquipment[];

  @ApiProperty()
  bookable: boolean;

  @ApiProperty()
  needsApproval: boolean;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: [AttachmentDto] })
  photos: AttachmentDto[];

  @ApiProperty()
  version: number;
}
