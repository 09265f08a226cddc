import { Injectable } from '@nestjs/common';
import { RETENTION_PERIODS, latestExpiredFormationYear, type DocumentSecrecy } from '@xiaoban/shared';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../http/request-context';

/** A record whose retention has run out, as its module describes it on a destruction list. */
export interface RetentionCandidate {
  id: string;
  /** e.g. 收〔2026〕0001, or an archive number; null where the record has none. */
  number: string | null;
  title: string;
  /** The retention period's label, e.g. 定期10年. */
  retention: string;
  /** YYYY-MM-DD: the day the retention ran out. */
  dueOn: string;
  /** Titles above a viewer's clearance are not shown on the list. */
  secrecy: DocumentSecrecy;
}

/**
 * The SQL condition for "the retention ran out by `asOf`" over a record's retention column and
 * the SQL of the day it was formed (retention counts from 1 January after that year; 永久 never
 * runs out). Null when no period has run out yet, so the caller finds nothing.
 */
export function retentionExpiredWhere(
  retentionColumn: string,
  formedOnSql: string,
  asOf: string,
): { sql: string; params: Record<string, unknown> } | null {
  const limits = RETENTION_PERIODS.map((p) => [p, latestExpiredFormationYear(p, asOf)] as const).filter(([, year]) => year !== null);
  if (limits.length === 0) return null;
  const clauses = limits.map(
    (_limit, i) => `(${retentionColumn} = :retentionPeriod${i} AND EXTRACT(YEAR FROM ${formedOnSql}) <= :retentionYear${i})`,
  );
  const params = Object.fromEntries(
    limits.flatMap(([period, year], i) => [
      [`retentionPeriod${i}`, period],
      [`retentionYear${i}`, year],
    ]),
  );
  return { sql: `(${clauses.join(' OR ')})`, params };
}

/**
 * A kind of record that can be destroyed (DOC-10): the documents module registers its incoming
 * and outgoing documents, the administration module its archive items. The platform knows nothing
 * else about them: it keeps the lists, the approval and the destruction record.
 */
export interface RetentionKind {
  /** The record type, e.g. `incoming-document` (as the access and files services name it). */
  kind: string;
  label: string;
  labelEn: string;
  /**
   * Records of this kind whose retention ran out on or before `asOf` (YYYY-MM-DD) and that may be
   * destroyed: not filed to the archive, not destroyed, never 永久.
   */
  findExpired(manager: EntityManager, asOf: string): Promise<RetentionCandidate[]>;
  /**
   * Marks the records destroyed by destruction list `destructionListId`, in the completing
   * transaction. Records keep their metadata; the module decides what happens to their files.
   */
  markDestroyed(manager: EntityManager, ids: string[], destructionListId: string, ctx: RequestContext): Promise<void>;
}

/** The destroyable kinds, registered by the modules while the app starts (onModuleInit). */
@Injectable()
export class RetentionKindRegistry {
  private readonly kinds = new Map<string, RetentionKind>();

  register(kind: RetentionKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`Retention kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  get(kind: string): RetentionKind | undefined {
    return this.kinds.get(kind);
  }

  all(): RetentionKind[] {
    return [...this.kinds.values()];
  }
}
