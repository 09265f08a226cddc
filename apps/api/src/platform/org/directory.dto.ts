import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../http/pagination';
import { RefDto } from './org.dto';

export class QueryDirectoryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only people of this department and its sub-departments' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

/** What every member of staff may know of a colleague: enough to address them. */
export class DirectoryPersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '王芳' })
  name: string;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: [String], example: ['教师'] })
  positions: string[];
}

export class DirectoryDepartmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '教务处' })
  name: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty()
  sortOrder: number;
}
