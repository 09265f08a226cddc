import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RefDto } from '../../../platform/org/org.dto';

export class SetNoteTakerDto {
  @ApiProperty({ format: 'uuid', description: 'An invitee of the meeting' })
  @IsUUID()
  userId: string;
}

/** A key speech (重要发言, MTG-7). */
export class CreateNoteDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The speaker, when a person with an account' })
  @IsOptional()
  @IsUUID()
  speakerId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'The speaker’s name; needed when speakerId is not given (e.g. a guest)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  speakerName?: string;

  @ApiProperty({ maxLength: 300, description: 'The topic (议题) spoken to' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  topic: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  text: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was said; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  spokenAt?: string;
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto, nullable: true })
  speaker: RefDto | null;

  @ApiProperty()
  speakerName: string;

  @ApiProperty()
  topic: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ format: 'date-time' })
  spokenAt: string;

  @ApiProperty({ type: RefDto })
  recordedBy: RefDto;
}

export class MeetingNotesDto {
  @ApiProperty({ type: RefDto, nullable: true, description: 'The designated note taker (记录人); null: the organiser takes notes' })
  noteTaker: RefDto | null;

  @ApiProperty({ description: 'The caller may record speeches' })
  canWrite: boolean;

  @ApiProperty({ type: [NoteDto] })
  items: NoteDto[];
}
