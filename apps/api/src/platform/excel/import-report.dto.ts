import { ApiProperty } from '@nestjs/swagger';

export class ImportProblemDto {
  @ApiProperty({ example: 3, description: 'The row number Excel shows (the header is row 1)' })
  row: number;

  @ApiProperty({ example: 'email', description: 'The field, as in the create endpoint' })
  field: string;

  @ApiProperty({ nullable: true, type: String, example: '邮箱', description: 'The column header in the sheet' })
  column: string | null;

  @ApiProperty({ example: 'email must be an email' })
  reason: string;
}

/** The outcome of an Excel import (PLT-7): all rows or none. */
export class ImportReportDto {
  @ApiProperty({ description: 'True: only checked, nothing written' })
  dryRun: boolean;

  @ApiProperty({ description: 'True when the rows were written (never with problems, never on a dry run)' })
  imported: boolean;

  @ApiProperty({ description: 'Data rows read from the sheet' })
  rows: number;

  @ApiProperty({ description: 'Records the import creates (or would create)' })
  created: number;

  @ApiProperty({ description: 'Existing records it changes (or would change)' })
  updated: number;

  @ApiProperty({ description: 'Existing records it leaves as they are' })
  unchanged: number;

  @ApiProperty({ type: [ImportProblemDto], description: 'Empty when the import can go ahead' })
  problems: ImportProblemDto[];

  @ApiProperty({ type: [String], description: 'Things to follow up, e.g. new accounts that need a password' })
  notes: string[];
}
