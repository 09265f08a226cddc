import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/pagination';

export class QueryInboxDto extends PageQueryDto {
  /** `todo` (待办, default) or `done` (已办). */
  @ApiPropertyOptional({ enum: ['todo', 'done'], default: 'todo' })
  @IsOptional()
  @IsIn(['todo', 'done'])
  box: 'todo' | 'done' = 'todo';

  @ApiPropertyOptional({ example: 'approval-task' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  sourceType?: string;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'approval-task', description: 'What kind of work this is' })
  sourceType: string;

  @ApiProperty()
  sourceId: string;

  @ApiProperty({ example: '审批：关于举办校园开放日的请示' })
  title: string;

  @ApiProperty({ example: '/approvals/3f1c…', description: 'Where in the admin panel the work is done' })
  link: string;

  @ApiProperty({ description: '0 normal, 1 urgent (加急), 2 very urgent (特急)' })
  urgency: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  dueAt: string | null;

  @ApiProperty({ description: 'Open and past its due date' })
  overdue: boolean;

  @ApiProperty({ enum: ['open', 'done', 'cancelled'] })
  status: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;
}

export class InboxCountsDto {
  @ApiProperty({ description: 'Open items (the badge in the header)' })
  todo: number;

  @ApiProperty({ description: 'Open items past their due date' })
  overdue: number;
}
