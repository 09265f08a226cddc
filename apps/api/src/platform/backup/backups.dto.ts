import { ApiProperty } from '@nestjs/swagger';

export class BackupDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: ['base-backup', 'pg_dump', 'files'],
    description: 'Embedded PostgreSQL: low-level base backup; external server: pg_dump; a scope: `files`',
  })
  method: string;

  @ApiProperty({ example: 'full', description: '`full` (database and files) or a scope backed up on its own, e.g. `archive` (ADM-9)' })
  scope: string;

  @ApiProperty({ description: "The backup's directory on the server" })
  location: string;

  @ApiProperty({ enum: ['running', 'completed', 'failed'] })
  status: string;

  @ApiProperty({ nullable: true, type: Number })
  sizeBytes: number | null;

  @ApiProperty({ nullable: true, type: Number })
  fileCount: number | null;

  @ApiProperty({ enum: ['passed', 'failed'], nullable: true, type: String, description: 'The result of reading the backup back' })
  verification: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  verifiedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;

  @ApiProperty({ enum: ['schedule', 'panel', 'cli'] })
  triggeredBy: string;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  finishedAt: string | null;
}

export class BackupQueuedDto {
  @ApiProperty({ enum: ['queued'], description: 'The backup runs on a job worker; watch the list for it' })
  status: 'queued';
}
