import { ApiProperty } from '@nestjs/swagger';
import { RefDto } from '../../../platform/org/org.dto';

/** A department involved in a coordination meeting (协调会, ADM-1), and whom it sends. */
export class CoordinationDepartmentDto {
  @ApiProperty({ type: RefDto })
  department: RefDto;

  /** Its liaison (联络人), or its head when it has none; null when it has neither. */
  @ApiProperty({ type: RefDto, nullable: true })
  invited: RefDto | null;

  /** The recurring series the meeting belongs to, if any. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  seriesId: string | null;
}
