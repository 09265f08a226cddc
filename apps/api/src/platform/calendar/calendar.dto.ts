import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CALENDAR_DAY_KINDS, isIsoDate, type CalendarDayKind } from '@xiaoban/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

/** A calendar date written `YYYY-MM-DD` (a real one: 2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions) {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isIsoDate, defaultMessage: () => '$property must be a date written YYYY-MM-DD' } },
    options,
  );
}

const trimOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** At most this many days are changed or listed at once: a school year and some. */
export const CALENDAR_BATCH_MAX = 400;

// ---------- semesters ----------

export class SemesterDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-2027学年第一学期' })
  name: string;

  @ApiProperty({ format: 'date', example: '2026-08-31' })
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2027-01-24' })
  endsOn: string;

  @ApiProperty({ format: 'date', example: '2026-08-31', description: 'Monday of teaching week 1 (第1周)' })
  firstTeachingMonday: string;

  @ApiProperty({ example: 21, description: 'Teaching weeks from the first teaching Monday to the end of the semester' })
  weeks: number;

  @ApiProperty()
  version: number;
}

export class CreateSemesterDto {
  @ApiProperty({ example: '2026-2027学年第一学期', maxLength: 100 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'date', example: '2026-08-31' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2027-01-24' })
  @IsCalendarDate()
  endsOn: string;

  /** A Monday within the semester: teaching week 1 starts there. */
  @ApiProperty({ format: 'date', example: '2026-08-31' })
  @IsCalendarDate()
  firstTeachingMonday: string;
}

export class UpdateSemesterDto extends PartialType(CreateSemesterDto) {
  @ApiProperty({ description: 'The version read; a stale one gets 409 VERSION_CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;
}

// ---------- marked days ----------

export class CalendarDayDto {
  @ApiProperty({ format: 'date', example: '2026-10-01' })
  date: string;

  /** holiday: 放假; workday: a weekend day worked in exchange (调休上班); no-teaching: 停课 (exam week). */
  @ApiProperty({ enum: CALENDAR_DAY_KINDS })
  kind: CalendarDayKind;

  @ApiProperty({ nullable: true, type: String, example: '国庆节' })
  name: string | null;
}

export class CalendarDayInputDto {
  @ApiProperty({ format: 'date', example: '2026-10-01' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: CALENDAR_DAY_KINDS, description: '`workday` only on a Saturday or Sunday' })
  @IsIn(CALENDAR_DAY_KINDS)
  kind: CalendarDayKind;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 50, example: '国庆节' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(50)
  name?: string | null;
}

export class UpdateCalendarDaysDto {
  /** Days to mark, or re-mark: a date already marked takes the new kind and name. */
  @ApiProperty({ type: [CalendarDayInputDto], maxItems: CALENDAR_BATCH_MAX })
  @IsArray()
  @ArrayMaxSize(CALENDAR_BATCH_MAX)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayInputDto)
  days: CalendarDayInputDto[];

  /** Dates to return to the plain week (unmark). */
  @ApiPropertyOptional({ type: [String], format: 'date', maxItems: CALENDAR_BATCH_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CALENDAR_BATCH_MAX)
  @IsCalendarDate({ each: true })
  removeDates?: string[];
}

export class QueryCalendarDaysDto {
  @ApiProperty({ format: 'date', example: '2026-09-01', description: 'First date (inclusive)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2027-08-31', description: 'Last date (inclusive); at most 400 days after `from`' })
  @IsCalendarDate()
  to: string;
}

// ---------- computing with the calendar ----------

export class WorkingDaysQueryDto {
  @ApiProperty({ format: 'date', example: '2026-09-30', description: 'The start day (it does not count)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ minimum: 0, maximum: 365, example: 3 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  days: number;
}

export class DayOffDto {
  @ApiProperty({ format: 'date' })
  date: string;

  @ApiProperty({ nullable: true, type: String, description: 'The holiday, e.g. 国庆节; null for a plain weekend day' })
  name: string | null;
}

export class DeadlineDto {
  @ApiProperty({ format: 'date' })
  from: string;

  @ApiProperty()
  days: number;

  @ApiProperty({ format: 'date', example: '2026-10-10', description: 'The last working day of the period' })
  deadline: string;

  @ApiProperty({ type: () => [DayOffDto], description: 'Days off skipped on the way' })
  daysOff: DayOffDto[];
}

export class TeachingWeekQueryDto {
  @ApiPropertyOptional({ format: 'date', description: "Today in the school's time zone when omitted" })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class SemesterRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class TeachingWeekDto {
  @ApiProperty({ format: 'date' })
  date: string;

  @ApiProperty({ type: SemesterRefDto, nullable: true, description: 'The semester the date falls in' })
  semester: SemesterRefDto | null;

  @ApiProperty({ nullable: true, type: Number, description: '第n周; null outside the teaching span (vacation)' })
  week: number | null;

  @ApiProperty({ description: 'The week has lessons (not a vacation, not an exam week)' })
  teachingWeek: boolean;

  @ApiProperty({ type: CalendarDayDto, nullable: true, description: 'How the date itself is marked' })
  marked: CalendarDayDto | null;
}

export class OccurrencesQueryDto {
  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', description: 'Last date (inclusive); at most two years after `from`' })
  @IsCalendarDate()
  until: string;

  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiPropertyOptional({ default: false, description: 'Skip vacations, exam weeks and days without lessons' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  skipNoTeachingWeeks?: boolean;
}

export class OccurrencesDto {
  @ApiProperty({ type: [String], format: 'date' })
  dates: string[];
}
