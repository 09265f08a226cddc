import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { paginate, type Page } from '../http/pagination';
import { InboxItem } from './inbox-item.entity';
import type { InboxCountsDto, InboxItemDto, QueryInboxDto } from './inbox.dto';

export interface OpenInboxItem {
  assigneeId: string;
  sourceType: string;
  sourceId: string;
  title: string;
  link: string;
  urgency?: number;
  dueAt?: Date | null;
}

export function toInboxItemDto(item: InboxItem, now = new Date()): InboxItemDto {
  return {
    id: item.id,
    sourceType: item.sourceType,
    sourceId: item.sourceId,
    title: item.title,
    link: item.link,
    urgency: item.urgency,
    dueAt: item.dueAt?.toISOString() ?? null,
    overdue: item.status === 'open' && item.dueAt !== null && item.dueAt < now,
    status: item.status,
    createdAt: item.createdAt.toISOString(),
    closedAt: item.closedAt?.toISOString() ?? null,
  };
}

/**
 * The inbox (待办/已办, PLT-3). Modules open an item in the same transaction as the change that
 * makes the work, and close it in the transaction that finishes it.
 */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Opens (or re-opens) the item of this source for this person. */
  async open(manager: EntityManager, item: OpenInboxItem): Promise<void> {
    await manager.query(
      `INSERT INTO inbox_items (assignee_id, source_type, source_id, title, link, urgency, due_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open')
       ON CONFLICT (source_type, source_id, assignee_id)
       DO UPDATE SET title = EXCLUDED.title, link = EXCLUDED.link, urgency = EXCLUDED.urgency,
                     due_at = EXCLUDED.due_at, status = 'open', closed_at = NULL, created_at = now()`,
      [item.assigneeId, item.sourceType, item.sourceId, item.title, item.link, item.urgency ?? 0, item.dueAt ?? null],
    );
  }

  /**
   * Closes the open items of a source: `done` for whoever did the work (it moves to their 已办),
   * `cancelled` for the others (the work went away or to someone else).
   */
  async close(
    manager: EntityManager,
    source: { sourceType: string; sourceId: string; assigneeId?: string },
    outcome: 'done' | 'cancelled' = 'done',
  ): Promise<void> {
    await manager.query(
      `UPDATE inbox_items SET status = $4, closed_at = now()
        WHERE source_type = $1 AND source_id = $2 AND status = 'open' AND ($3::uuid IS NULL OR assignee_id = $3)`,
      [source.sourceType, source.sourceId, source.assigneeId ?? null, outcome],
    );
  }

  async list(assigneeId: string, query: QueryInboxDto): Promise<Page<InboxItemDto>> {
    const qb = this.dataSource.manager.createQueryBuilder(InboxItem, 'i').where('i.assignee_id = :assigneeId', { assigneeId });
    if (query.box === 'done') {
      qb.andWhere(`i.status = 'done'`).orderBy('i.closed_at', 'DESC');
    } else {
      // Most urgent first, then the nearest deadline; items without a deadline last.
      qb.andWhere(`i.status = 'open'`)
        .orderBy('i.urgency', 'DESC')
        .addOrderBy('i.due_at', 'ASC', 'NULLS LAST')
        .addOrderBy('i.created_at', 'ASC');
    }
    if (query.sourceType) qb.andWhere('i.source_type = :sourceType', { sourceType: query.sourceType });
    const now = new Date();
    return paginate(qb, query, (item) => toInboxItemDto(item, now));
  }

  async counts(assigneeId: string): Promise<InboxCountsDto> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS todo, count(*) FILTER (WHERE due_at < now())::int AS overdue
         FROM inbox_items WHERE assignee_id = $1 AND status = 'open'`,
      [assigneeId],
    );
    return { todo: row.todo, overdue: row.overdue };
  }

  /**
   * A person's own work figures over [from, to): the items they closed as done, how many of those
   * had a deadline and how many were closed by it, and how many are open past their deadline now.
   * Computed from the inbox rows themselves; evaluations (ASM-2) show them as evidence.
   */
  async figures(assigneeId: string, from: Date, to: Date, manager: EntityManager = this.dataSource.manager): Promise<InboxFigures> {
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'done' AND closed_at >= $2 AND closed_at < $3)::int AS closed,
              count(*) FILTER (WHERE status = 'done' AND closed_at >= $2 AND closed_at < $3 AND due_at IS NOT NULL)::int AS "withDeadline",
              count(*) FILTER (WHERE status = 'done' AND closed_at >= $2 AND closed_at < $3 AND closed_at <= due_at)::int AS "onTime",
              count(*) FILTER (WHERE status = 'open' AND due_at < now())::int AS "overdueOpen"
         FROM inbox_items WHERE assignee_id = $1`,
      [assigneeId, from, to],
    );
    return row as InboxFigures;
  }
}

export interface InboxFigures {
  closed: number;
  withDeadline: number;
  onTime: number;
  overdueOpen: number;
}
