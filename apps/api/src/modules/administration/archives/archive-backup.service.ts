import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ARCHIVE_ITEM, RETENTION_PERIOD_LABELS, SECRECY_LABELS, catalogueDate } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../../platform/audit/audit.service';
import { verifyBackupArchive } from '../../../platform/backup/backup-archive';
import { Backup } from '../../../platform/backup/backup.entity';
import { BackupsService } from '../../../platform/backup/backups.service';
import type { BackupDto } from '../../../platform/backup/backups.dto';
import { FILE_STORAGE, type FileStorage } from '../../../platform/files/storage/file-storage';
import { notFound } from '../../../platform/http/api-error';
import type { Page, PageQueryDto } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { backupUnusable } from './archive-errors';
import type { ArchiveBackupRestoredDto } from './archives.dto';

/** The archive's backup scope (ADM-9). */
export const ARCHIVE_BACKUP_SCOPE = 'archive';
const CATALOGUE_JSON = 'catalogue.json';
const CATALOGUE_CSV = 'catalogue.csv';

/** The tables of the catalogue, in the order a restore puts them back (parents first). */
const TABLES = ['archive_categories', 'archive_org_codes', 'archive_boxes', 'archive_items'] as const;

interface Catalogue {
  createdAt: string;
  tables: Record<(typeof TABLES)[number], Record<string, unknown>[]>;
  /** The rows of the digitised files; their bytes are under files/<storage key>, as stored (encrypted ones encrypted). */
  files: Record<string, unknown>[];
}

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The archive's digital backup (ADM-9), a scope of the platform's backups: the digitised files of
 * every archive item and the catalogue (JSON to restore from, CSV for a person), on its own
 * schedule (ARCHIVE_BACKUP_CRON, weekly by default) to BACKUP_DIR. The platform hashes the files
 * into the manifest, verifies by reading back and keeps the history; restore is here.
 *
 * Classified files stay encrypted in the backup; the key travels with the full backup (`<backup>.key`),
 * and a restore into the same installation needs nothing more.
 */
@Injectable()
export class ArchiveBackupService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly backups: BackupsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.backups.registerScope({
      name: ARCHIVE_BACKUP_SCOPE,
      cron: this.config.archiveBackupCron,
      write: (location) => this.write(location),
    });
  }

  /**
   * Writes the catalogue and the files into a backup directory. Rows are taken as PostgreSQL's own
   * JSON (row_to_json), so dates, timestamps and bytes come back exactly through
   * jsonb_populate_record on restore.
   */
  private async write(location: string): Promise<void> {
    mkdirSync(location, { recursive: true });
    const tables = {} as Catalogue['tables'];
    for (const table of TABLES) {
      const rows: { row: Record<string, unknown> }[] = await this.dataSource.query(
        `SELECT row_to_json(t) AS row FROM ${table} t ORDER BY t.${table === 'archive_categories' || table === 'archive_org_codes' ? 'code' : 'id'}`,
      );
      tables[table] = rows.map((r) => r.row);
    }
    const fileRows: { row: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT row_to_json(f) AS row FROM files f WHERE owner_type = $1 ORDER BY created_at, id`,
      [ARCHIVE_ITEM],
    );
    const files = fileRows.map((r) => r.row);
    for (const file of files) {
      const target = join(location, 'files', String(file.storage_key));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, await collect(await this.storage.get(String(file.storage_key))));
    }
    const catalogue: Catalogue = { createdAt: new Date().toISOString(), tables, files };
    writeFileSync(join(location, CATALOGUE_JSON), JSON.stringify(catalogue, null, 1));
    const boxNumbers = new Map(tables.archive_boxes.map((b) => [b.id, b.box_number]));
    writeFileSync(join(location, CATALOGUE_CSV), toCsv(tables.archive_items, boxNumbers));
  }

  /** Queues an archive backup now (it runs on a job worker). */
  async request(ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.jobs.sendWithin(manager, `backup-${ARCHIVE_BACKUP_SCOPE}`, { triggeredBy: 'panel' });
      await this.audit.record(manager, ctx, { action: 'backup.request', objectType: 'backup', details: { scope: ARCHIVE_BACKUP_SCOPE } });
    });
  }

  /** Runs an archive backup in this process and verifies it (the scheduled job and tests). */
  backUpNow(triggeredBy = 'schedule'): Promise<BackupDto> {
    return this.backups.backUp(triggeredBy, ARCHIVE_BACKUP_SCOPE);
  }

  history(query: PageQueryDto): Promise<Page<BackupDto>> {
    return this.backups.list(query, ARCHIVE_BACKUP_SCOPE);
  }

  /**
   * Rebuilds what is missing from an archive backup: catalogue rows that are gone come back,
   * files whose row or bytes are gone come back as they were stored. Rows that exist are left
   * as they are (the live catalogue is newer). Refused unless the backup verifies.
   */
  async restore(id: string, ctx: RequestContext): Promise<ArchiveBackupRestoredDto> {
    const backup = await this.dataSource.manager.findOneBy(Backup, { id });
    if (!backup || backup.scope !== ARCHIVE_BACKUP_SCOPE) throw notFound('archive backup');
    const verification = await verifyBackupArchive(backup.location);
    if (!verification.passed) throw backupUnusable(`The backup does not verify: ${verification.problems.join('; ')}`);
    const catalogue = JSON.parse(readFileSync(join(backup.location, CATALOGUE_JSON), 'utf8')) as Catalogue;

    return this.dataSource.transaction(async (manager) => {
      let items = 0;
      for (const table of TABLES) {
        for (const row of catalogue.tables[table]) {
          const inserted = returnedCount(
            await manager.query(
              `INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1::jsonb) ON CONFLICT DO NOTHING RETURNING 1`,
              [JSON.stringify(row)],
            ),
          );
          if (table === 'archive_items') items += inserted;
        }
      }
      // The counters never fall behind a restored 件号, so the next number follows on without a gap or a clash.
      await manager.query(
        `INSERT INTO archive_item_counters (fonds_code, category_code, year, retention, org_code, last_seq)
         SELECT fonds_code, category_code, year, retention, org_code, max(seq) FROM archive_items GROUP BY 1, 2, 3, 4, 5
         ON CONFLICT (fonds_code, category_code, year, retention, org_code)
         DO UPDATE SET last_seq = GREATEST(archive_item_counters.last_seq, EXCLUDED.last_seq)`,
      );
      let files = 0;
      for (const file of catalogue.files) {
        const key = String(file.storage_key);
        const [row] = await manager.query('SELECT storage_key FROM files WHERE id = $1', [file.id]);
        if (row && (await this.storage.exists(row.storage_key))) continue;
        const bytes = readFileSync(join(backup.location, 'files', key));
        await this.storage.put(key, Readable.from(bytes), bytes.length);
        if (!row) {
          await manager.query(`INSERT INTO files SELECT * FROM jsonb_populate_record(NULL::files, $1::jsonb)`, [JSON.stringify(file)]);
        } else if (row.storage_key !== key) {
          await manager.query('UPDATE files SET storage_key = $2 WHERE id = $1', [file.id, key]);
        }
        files++;
      }
      await this.audit.record(manager, ctx, { action: 'backup.restore', objectType: 'backup', objectId: id, details: { items, files } });
      return { items, files };
    });
  }
}

function returnedCount(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0].length;
  return Array.isArray(result) ? result.length : 0;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** 归档文件目录 as CSV: the catalogue a person can open without the system. */
function toCsv(items: Record<string, unknown>[], boxNumbers: Map<unknown, unknown>): string {
  const header = ['档号', '文号', '责任者', '题名', '日期', '密级', '页数', '保管期限', '盒号', '备注'];
  const lines = items.map((i) =>
    [
      i.archive_number,
      i.document_number,
      i.responsible,
      i.title,
      catalogueDate(String(i.document_date)),
      SECRECY_LABELS[i.secrecy as keyof typeof SECRECY_LABELS]?.['zh-CN'],
      i.pages,
      RETENTION_PERIOD_LABELS[i.retention as keyof typeof RETENTION_PERIOD_LABELS]?.['zh-CN'],
      i.box_id ? boxNumbers.get(i.box_id) : '',
      i.remarks,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\n')}\n`;
}
