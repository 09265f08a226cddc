import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../http/request-context';
import { AuditEntry } from './audit-entry.entity';

/** Field names whose values never enter the audit log (ARCHITECTURE.md, "Data"). */
const SECRET_FIELDS = /password|secret|token|hash|idNumber|idCard/i;

/** Who acted, from where: a request's context, or one naming the actor explicitly (e.g. at login). */
export type AuditContext = Omit<RequestContext, 'actor'> & { actor: { id: string; name: string } | null };

export interface AuditEvent {
  action: string;
  objectType: string;
  objectId?: string | null;
  /** The object before and after the change; the log keeps only the fields that changed. */
  before?: object | null;
  after?: object | null;
  /** Extra facts to record as they are (e.g. a refused permission). */
  details?: Record<string, unknown>;
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(comparable);
  return value ?? null;
}

/** `{ field: [before, after] }` for the fields that changed, secrets left out. */
export function auditDiff(before: object | null | undefined, after: object | null | undefined): Record<string, unknown> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const diff: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SECRET_FIELDS.test(field)) continue;
    const was = comparable(b[field]);
    const now = comparable(a[field]);
    if (typeof was === 'object' || typeof now === 'object') {
      if (JSON.stringify(was) === JSON.stringify(now)) continue;
    } else if (was === now) continue;
    diff[field] = [was, now];
  }
  return diff;
}

/**
 * Writes the audit log (PLT-6). Changes are recorded with the transaction's own EntityManager, so
 * the audit row commits or rolls back with the change. Security events (failed logins, refusals)
 * are recorded on their own, because the request they belong to is rejected.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, ctx: AuditContext, event: AuditEvent): Promise<void> {
    const diff = event.before !== undefined || event.after !== undefined ? auditDiff(event.before, event.after) : {};
    if (event.details) Object.assign(diff, { details: event.details });
    await manager.insert(AuditEntry, {
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.name ?? null,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId ?? null,
      diff: (Object.keys(diff).length ? diff : null) as never,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
  }

  async recordSecurityEvent(ctx: AuditContext, event: AuditEvent): Promise<void> {
    await this.record(this.dataSource.manager, ctx, event);
  }
}
