import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One backup and its verification (NFR-8): the history the admin page shows. */
@Entity('backups')
export class Backup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * `base-backup` (embedded PostgreSQL, low-level copy + WAL) or `pg_dump` (an external server);
   * `files` for a scoped backup, which holds files its scope wrote and no database.
   */
  @Column({ type: 'varchar', length: 20 })
  method: 'base-backup' | 'pg_dump' | 'files';

  /** `full` (database and files), or a registered scope such as `archive` (ADM-9). */
  @Column({ type: 'varchar', length: 20, default: 'full' })
  scope: string;

  /** The backup's directory. */
  @Column({ type: 'varchar', length: 500 })
  location: string;

  @Column({ type: 'varchar', length: 20 })
  status: 'running' | 'completed' | 'failed';

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true })
  sizeBytes: string | null;

  @Column({ name: 'file_count', type: 'integer', nullable: true })
  fileCount: number | null;

  /** `passed` or `failed`, from reading the backup back. */
  @Column({ name: 'verification', type: 'varchar', length: 20, nullable: true })
  verification: 'passed' | 'failed' | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** `schedule`, `panel` or `cli`. */
  @Column({ name: 'triggered_by', type: 'varchar', length: 20 })
  triggeredBy: string;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
