import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';

/** The hash before the first link of the chain. */
export const GENESIS_HASH = '0'.repeat(64);
const SEAL_LOCK = 7_110_001; // advisory lock id: one sealer at a time across instances
const BATCH = 2000;

interface AuditRowText {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  diff: string | null;
  ip: string | null;
  request_id: string | null;
}

/**
 * Every column of the row as PostgreSQL renders it: the time to the microsecond in UTC and the
 * diff as jsonb's canonical text, so that any change of a stored value changes the hash.
 */
const ROW_AS_TEXT = `a.id::text AS id,
  to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
  a.actor_id::text AS actor_id, a.actor_name, a.action, a.object_type, a.object_id,
  a.diff::text AS diff, a.ip, a.request_id`;

export function linkHash(prevHash: string, row: AuditRowText): string {
  const fields = [
    row.id,
    row.occurred_at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.object_type,
    row.object_id,
    row.diff,
    row.ip,
    row.request_id,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { auditId: string; position: number } | null;
  unsealed: number;
}

/**
 * The audit log's hash chain. Writers only insert rows; this job links committed rows into the
 * chain shortly after, in its own order, so no write waits on a chain-wide lock.
 */
@Injectable()
export class AuditChainService implements OnModuleInit {
  private readonly logger = new Logger('AuditChain');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'audit-seal', cron: '* * * * *', handler: async () => void (await this.seal()) });
  }

  /** Links every committed, unsealed audit row into the chain; returns how many it linked. */
  async seal(): Promise<number> {
    let total = 0;
    for (;;) {
      const linked = await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK]);
        // Ordered by the bigint column, not by its text rendering ('9' > '10').
        const [last] = await manager.query(
          'SELECT s.position::text AS last_position, s.hash FROM audit_seals s ORDER BY s.position DESC LIMIT 1',
        );
        let prevHash: string = last?.hash ?? GENESIS_HASH;
        let position = Number(last?.last_position ?? 0);
        const rows: AuditRowText[] = await manager.query(
          `SELECT ${ROW_AS_TEXT} FROM audit_log a
            WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.audit_id = a.id)
            ORDER BY a.id LIMIT ${BATCH}`,
        );
        if (rows.length === 0) return 0;
        const auditIds: string[] = [];
        const positions: number[] = [];
        const prevHashes: string[] = [];
        const hashes: string[] = [];
        for (const row of rows) {
          const hash = linkHash(prevHash, row);
          position += 1;
          auditIds.push(row.id);
          positions.push(position);
          prevHashes.push(prevHash);
          hashes.push(hash);
          prevHash = hash;
        }
        await manager.query(
          `INSERT INTO audit_seals (audit_id, position, prev_hash, hash)
           SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::char(64)[], $4::char(64)[])`,
          [auditIds, positions, prevHashes, hashes],
        );
        return rows.length;
      });
      total += linked;
      if (linked < BATCH) break;
    }
    if (total) this.logger.debug(`sealed ${total} audit rows`);
    return total;
  }

  /** Recomputes the chain from the start; reports the first row whose link does not hold. */
  async verify(): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let afterPosition = 0;
    for (;;) {
      const rows: (AuditRowText & { position: string; prev_hash: string; hash: string })[] = await this.dataSource.query(
        `SELECT ${ROW_AS_TEXT}, s.position::text AS position, s.prev_hash, s.hash
           FROM audit_seals s JOIN audit_log a ON a.id = s.audit_id
          WHERE s.position > $1 ORDER BY s.position LIMIT ${BATCH}`,
        [afterPosition],
      );
      for (const row of rows) {
        const position = Number(row.position);
        const expected = linkHash(prevHash, row);
        if (position !== afterPosition + 1 || row.prev_hash !== prevHash || row.hash !== expected) {
          return { ok: false, checked, firstBroken: { auditId: row.id, position }, unsealed: await this.unsealedCount() };
        }
        prevHash = row.hash;
        afterPosition = position;
        checked += 1;
      }
      if (rows.length < BATCH) break;
    }
    return { ok: true, checked, firstBroken: null, unsealed: await this.unsealedCount() };
  }

  private async unsealedCount(): Promise<number> {
    const [row] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.audit_id = a.id)',
    );
    return row.n;
  }
}
