import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DATABASE_URL } from '../../database/database.constants';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../http/api-error';
import { paginate, type Page, type PageQueryDto } from '../http/pagination';
import type { RequestContext } from '../http/request-context';
import { JobsService } from '../jobs/jobs.service';
import { createBackupArchive, verifyBackupArchive, writeManifest } from './backup-archive';
import { Backup } from './backup.entity';
import type { BackupDto } from './backups.dto';

const BACKUP_QUEUE = 'backup-nightly';

/**
 * A part of the system backed up on its own schedule (e.g. the archive, ADM-9), registered by the
 * module that owns it. It writes its files into the backup's directory; the platform hashes them
 * into the manifest, verifies them by reading back and keeps the history. Restoring is the
 * owner's: it knows what its files mean.
 */
export interface BackupScope {
  name: string;
  cron: string;
  write(location: string): Promise<void>;
}

export function toBackupDto(b: Backup): BackupDto {
  return {
    id: b.id,
    method: b.method,
    scope: b.scope,
    location: b.location,
    status: b.status,
    sizeBytes: b.sizeBytes === null ? null : Number(b.sizeBytes),
    fileCount: b.fileCount,
    verification: b.verification,
    verifiedAt: b.verifiedAt?.toISOString() ?? null,
    error: b.error,
    triggeredBy: b.triggeredBy,
    startedAt: b.startedAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Backups of the database and the files (NFR-8, PLT-8): nightly on the job schedule, on demand
 * from the panel or `pnpm backup`; each one verified by reading it back, and kept in a history.
 */
@Injectable()
export class BackupsService implements OnModuleInit {
  private readonly logger = new Logger('Backups');
  private readonly scopes = new Map<string, BackupScope>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: BACKUP_QUEUE,
      cron: this.config.backupCron,
      retryLimit: 1,
      expireInSeconds: 3600,
      handler: async (data) => void (await this.backUp((data as { triggeredBy?: string } | null)?.triggeredBy ?? 'schedule')),
    });
  }

  /** Registers a scope and its schedule (at start-up, onModuleInit). */
  registerScope(scope: BackupScope): void {
    if (this.scopes.has(scope.name)) throw new Error(`Backup scope ${scope.name} is registered twice`);
    this.scopes.set(scope.name, scope);
    this.jobs.register({
      name: `backup-${scope.name}`,
      cron: scope.cron,
      retryLimit: 1,
      expireInSeconds: 3600,
      handler: async (data) => void (await this.backUp((data as { triggeredBy?: string } | null)?.triggeredBy ?? 'schedule', scope.name)),
    });
  }

  /** Makes a backup now (of everything, or of one registered scope) and verifies it. */
  async backUp(triggeredBy: string, scopeName = 'full'): Promise<BackupDto> {
    const scope = scopeName === 'full' ? undefined : this.scopes.get(scopeName);
    if (scopeName !== 'full' && !scope) throw new Error(`No backup scope named ${scopeName}`);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const location = join(this.config.backupDir, scope ? `xiaoban-${scope.name}-${stamp}` : `xiaoban-${stamp}`);
    const method = scope ? 'files' : this.config.databaseUrl ? 'pg_dump' : 'base-backup';
    const [row] = await this.dataSource.query(
      `INSERT INTO backups (method, scope, location, status, triggered_by) VALUES ($1, $2, $3, 'running', $4) RETURNING id`,
      [method, scopeName, location, triggeredBy],
    );
    try {
      const manifest = scope
        ? await scope.write(location).then(() => writeManifest(location, 'files', null))
        : await createBackupArchive(
            {
              databaseUrl: this.databaseUrl,
              embeddedDataDir: this.config.databaseUrl ? null : this.config.dataDir,
              dataDir: this.config.dataDir,
            },
            location,
          );
      const size = manifest.files.reduce((sum, f) => sum + f.size, 0);
      await this.dataSource.query(
        `UPDATE backups SET status = 'completed', finished_at = now(), size_bytes = $2, file_count = $3 WHERE id = $1`,
        [row.id, size, manifest.files.length],
      );
      await this.verify(row.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`backup failed: ${message}`);
      await this.dataSource.query(`UPDATE backups SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [
        row.id,
        message.slice(0, 2000),
      ]);
    }
    return this.get(row.id);
  }

  async verify(id: string): Promise<BackupDto> {
    const backup = await this.dataSource.manager.findOne(Backup, { where: { id } });
    if (!backup) throw notFound('backup');
    const result = await verifyBackupArchive(backup.location);
    await this.dataSource.query(`UPDATE backups SET verification = $2, verified_at = now(), error = $3 WHERE id = $1`, [
      id,
      result.passed ? 'passed' : 'failed',
      result.passed ? null : result.problems.join('; ').slice(0, 2000),
    ]);
    return this.get(id);
  }

  /** Queues a backup now (it runs on a job worker, not in the request). */
  async requestBackup(ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.jobs.sendWithin(manager, BACKUP_QUEUE, { triggeredBy: 'panel' });
      await this.audit.record(manager, ctx, { action: 'backup.request', objectType: 'backup' });
    });
  }

  async get(id: string): Promise<BackupDto> {
    const backup = await this.dataSource.manager.findOne(Backup, { where: { id } });
    if (!backup) throw notFound('backup');
    return toBackupDto(backup);
  }

  /** The history, newest first; of one scope when given. */
  async list(query: PageQueryDto, scope?: string): Promise<Page<BackupDto>> {
    const qb = this.dataSource.manager.createQueryBuilder(Backup, 'b').orderBy('b.started_at', 'DESC');
    if (scope) qb.where('b.scope = :scope', { scope });
    return paginate(qb, query, toBackupDto);
  }
}
