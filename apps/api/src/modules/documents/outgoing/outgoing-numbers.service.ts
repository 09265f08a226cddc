import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { schoolDateOf } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { numberNotReserved, prefixExists, prefixInactive } from '../documents.errors';
import { formatOutgoingNumber } from '../document-number';
import type {
  CreateOutgoingPrefixDto,
  OutgoingNumberEntryDto,
  OutgoingNumberReportDto,
  OutgoingPrefixDto,
  TakeOutgoingNumberDto,
} from './dto/outgoing-prefix.dto';
import { OutgoingNumberLog, OutgoingNumberPrefix } from './outgoing.entity';
import { toOutgoingPrefixDto } from './outgoing.mapper';

/** The audit's object type of a 代字 and its numbers. */
export const OUTGOING_NUMBER_PREFIX = 'outgoing-number-prefix';

/**
 * 发文字号 (DOC-7, GB/T 9704 7.2.4): the school's 机关代字, and numbers 代字〔YYYY〕N号 gap-free
 * per 代字 and year. Every number a counter gives is logged with its fate (used, reserved,
 * voided) in the same transaction, so the gap report can show that none was silently lost.
 */
@Injectable()
export class OutgoingNumbersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  private thisYear(): number {
    return Number(schoolDateOf(new Date(), this.config.schoolTimeZone).slice(0, 4));
  }

  // ---------- 机关代字 ----------

  async listPrefixes(): Promise<OutgoingPrefixDto[]> {
    const rows = await this.dataSource.manager.find(OutgoingNumberPrefix, { order: { active: 'DESC', code: 'ASC' } });
    return rows.map(toOutgoingPrefixDto);
  }

  async createPrefix(dto: CreateOutgoingPrefixDto, ctx: RequestContext): Promise<OutgoingPrefixDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO outgoing_number_prefixes (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING id`,
          [dto.code, dto.name],
        ),
      );
      if (!row) throw prefixExists(dto.code);
      await this.audit.record(manager, ctx, {
        action: 'document.outgoing.prefix.create',
        objectType: OUTGOING_NUMBER_PREFIX,
        objectId: row.id,
        details: { code: dto.code, name: dto.name },
      });
      return toOutgoingPrefixDto(await manager.findOneByOrFail(OutgoingNumberPrefix, { id: row.id }));
    });
  }

  /** A deactivated 代字 gives no more numbers; its numbers and counters stay. */
  async deactivatePrefix(id: string, note: string | undefined, ctx: RequestContext): Promise<OutgoingPrefixDto> {
    return this.dataSource.transaction(async (manager) => {
      const prefix = await manager.findOneBy(OutgoingNumberPrefix, { id });
      if (!prefix) throw notFound(OUTGOING_NUMBER_PREFIX);
      if (prefix.active) {
        await manager.query('UPDATE outgoing_number_prefixes SET active = false, version = version + 1 WHERE id = $1', [id]);
        await this.audit.record(manager, ctx, {
          action: 'document.outgoing.prefix.deactivate',
          objectType: OUTGOING_NUMBER_PREFIX,
          objectId: id,
          details: { code: prefix.code, note: note ?? null },
        });
      }
      return toOutgoingPrefixDto(await manager.findOneByOrFail(OutgoingNumberPrefix, { id }));
    });
  }

  // ---------- numbers ----------

  /**
   * The next number of a 代字 and year from its counter row, in the caller's transaction: a
   * rollback takes the number back with it (never a sequence), so the numbers stay gap-free.
   */
  private async next(
    manager: EntityManager,
    prefixId: string,
    year: number,
  ): Promise<{ prefix: OutgoingNumberPrefix; seq: number; number: string }> {
    const prefix = await manager.findOneBy(OutgoingNumberPrefix, { id: prefixId });
    if (!prefix) throw badRequest('No such 代字', { prefixId: ['no 代字 has this id'] });
    if (!prefix.active) throw prefixInactive(prefix.code);
    const [counter] = returnedRows<{ last_seq: number }>(
      await manager.query(
        `INSERT INTO outgoing_number_counters (prefix_id, year, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (prefix_id, year) DO UPDATE SET last_seq = outgoing_number_counters.last_seq + 1
         RETURNING last_seq`,
        [prefixId, year],
      ),
    );
    const seq = Number(counter.last_seq);
    return { prefix, seq, number: formatOutgoingNumber(prefix.code, year, seq) };
  }

  /** 登记's number: the next of the 代字 and year, logged as used by the document. */
  async use(
    manager: EntityManager,
    prefixId: string,
    year: number,
    documentId: string,
    ctx: RequestContext,
  ): Promise<{ year: number; seq: number; number: string }> {
    const { seq, number } = await this.next(manager, prefixId, year);
    await manager.insert(OutgoingNumberLog, { prefixId, year, seq, number, fate: 'used', documentId, createdBy: ctx.actor?.id ?? null });
    return { year, seq, number };
  }

  /** 登记 with a number reserved earlier (预留): it becomes used by the document, its reason kept. */
  async useReserved(
    manager: EntityManager,
    logId: string,
    prefixId: string,
    documentId: string,
  ): Promise<{ year: number; seq: number; number: string }> {
    const row = await manager
      .createQueryBuilder(OutgoingNumberLog, 'n')
      .setLock('pessimistic_write')
      .where('n.id = :logId AND n.prefix_id = :prefixId', { logId, prefixId })
      .getOne();
    if (!row) throw badRequest('No such reserved number', { reservedNumberId: ['no number of this 代字 has this id'] });
    if (row.fate !== 'reserved') throw numberNotReserved(row.number);
    await manager.update(OutgoingNumberLog, { id: logId }, { fate: 'used', documentId });
    return { year: row.year, seq: row.seq, number: row.number };
  }

  /** 预留 or 作废 of the next number, with the reason. */
  async take(prefixId: string, dto: TakeOutgoingNumberDto, ctx: RequestContext): Promise<OutgoingNumberEntryDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(OutgoingNumberPrefix, { id: prefixId }))) throw notFound(OUTGOING_NUMBER_PREFIX);
      const year = dto.year ?? this.thisYear();
      const { seq, number } = await this.next(manager, prefixId, year);
      const id = (
        await manager.insert(OutgoingNumberLog, {
          prefixId,
          year,
          seq,
          number,
          fate: dto.fate,
          reason: dto.reason,
          createdBy: ctx.actor?.id ?? null,
        })
      ).identifiers[0].id as string;
      await this.audit.record(manager, ctx, {
        action: `document.outgoing.number.${dto.fate === 'reserved' ? 'reserve' : 'void'}`,
        objectType: OUTGOING_NUMBER_PREFIX,
        objectId: prefixId,
        details: { number, reason: dto.reason },
      });
      return this.entry(manager, id);
    });
  }

  /** 作废 of a reserved number that will not be used. */
  async voidReserved(logId: string, reason: string, ctx: RequestContext): Promise<OutgoingNumberEntryDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager
        .createQueryBuilder(OutgoingNumberLog, 'n')
        .setLock('pessimistic_write')
        .where('n.id = :logId', { logId })
        .getOne();
      if (!row) throw notFound('outgoing number');
      if (row.fate !== 'reserved') throw numberNotReserved(row.number);
      await manager.update(OutgoingNumberLog, { id: logId }, { fate: 'voided', reason: `${row.reason}；作废：${reason}` });
      await this.audit.record(manager, ctx, {
        action: 'document.outgoing.number.void',
        objectType: OUTGOING_NUMBER_PREFIX,
        objectId: row.prefixId,
        details: { number: row.number, reason },
      });
      return this.entry(manager, logId);
    });
  }

  /** The gap report: every number 1..max of a 代字 and year with its fate; a number without one is flagged. */
  async report(prefixId: string, year: number | undefined): Promise<OutgoingNumberReportDto> {
    const manager = this.dataSource.manager;
    const prefix = await manager.findOneBy(OutgoingNumberPrefix, { id: prefixId });
    if (!prefix) throw notFound(OUTGOING_NUMBER_PREFIX);
    const y = year ?? this.thisYear();
    const [counter] = await manager.query('SELECT last_seq FROM outgoing_number_counters WHERE prefix_id = $1 AND year = $2', [
      prefixId,
      y,
    ]);
    const max = Number(counter?.last_seq ?? 0);
    // The title of a classified document stays out of the report: its id says which one took the number.
    const rows: {
      id: string | null;
      seq: number;
      number: string | null;
      fate: OutgoingNumberLog['fate'] | null;
      document_id: string | null;
      title: string | null;
      reason: string | null;
      by_id: string | null;
      by_name: string | null;
      at: Date | null;
    }[] = await manager.query(
      `SELECT n.id, s.seq, n.number, n.fate, n.document_id, CASE WHEN d.secrecy = 'none' THEN d.title END AS title, n.reason, u.id AS by_id, u.name AS by_name, n.updated_at AS at
         FROM generate_series(1, $3::integer) AS s(seq)
         LEFT JOIN outgoing_number_log n ON n.prefix_id = $1 AND n.year = $2 AND n.seq = s.seq
         LEFT JOIN outgoing_documents d ON d.id = n.document_id
         LEFT JOIN users u ON u.id = n.created_by
        ORDER BY s.seq`,
      [prefixId, y, max],
    );
    const entries: OutgoingNumberEntryDto[] = rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      number: r.number ?? formatOutgoingNumber(prefix.code, y, r.seq),
      fate: r.fate,
      documentId: r.document_id,
      documentTitle: r.title,
      reason: r.reason,
      by: r.by_id ? { id: r.by_id, name: r.by_name ?? '' } : null,
      at: r.at ? new Date(r.at).toISOString() : null,
      missing: r.fate === null,
    }));
    const count = (fate: string | null) => entries.filter((e) => e.fate === fate).length;
    return {
      prefix: toOutgoingPrefixDto(prefix),
      year: y,
      max,
      used: count('used'),
      reserved: count('reserved'),
      voided: count('voided'),
      missing: count(null),
      entries,
    };
  }

  private async entry(manager: EntityManager, id: string): Promise<OutgoingNumberEntryDto> {
    const row = await manager.findOneOrFail(OutgoingNumberLog, { where: { id }, relations: { creator: true } });
    return {
      id: row.id,
      seq: row.seq,
      number: row.number,
      fate: row.fate,
      documentId: row.documentId,
      documentTitle: null,
      reason: row.reason,
      by: row.creator ? { id: row.creator.id, name: row.creator.name } : null,
      at: row.updatedAt.toISOString(),
      missing: false,
    };
  }
}
