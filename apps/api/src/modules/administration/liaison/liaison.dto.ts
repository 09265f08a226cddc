import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '../../../platform/http/pagination';

/** A person of the directory with their contacts (from their account). */
export class LiaisonContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

/** One department of the liaison directory (部门联络人名录, ADM-1). */
export class LiaisonEntryDto {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() departmentName: string;
  @ApiProperty() departmentCode: string;
  /** 部门负责人 */
  @ApiProperty({ type: LiaisonContactDto, nullable: true }) head: LiaisonContactDto | null;
  /** 联络人 */
  @ApiProperty({ type: LiaisonContactDto, nullable: true }) liaison: LiaisonContactDto | null;
}

/** `q` finds a department, head or liaison by name, phone or email. */
export class QueryLiaisonDto extends PageQueryDto {}
