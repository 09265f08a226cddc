import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceTimeRow } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { hoursPercentile, percentOf, type FiguresPeriod, type OpenItemCount } from '../../../platform/figures/figures-sql';

export interface LogisticsFigures {
  repairsOpened: number;
  repairsClosed: number;
  /** Median hours from the report to the repair's completion, over the repairs completed in the period. */
  repairMedianHours: number | null;
  /** Of the repairs completed in the period, the share completed by their SLA deadline. */
  repairOnTimeRate: number | null;
  supplyIssues: number;
  supplyItemsIssued: number;
}

/**
 * Logistics' figures (repairs, LOG-9; supplies issued, LOG-5) for the monthly summary, the service
 * times and the dashboard (ASM-1, REQ-4, ASM-8). Lives beside the logistics parts it reads and is
 * exported by LogisticsModule.
 */
@Injectable()
export class LogisticsFiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures({ from, to }: FiguresPeriod): Promise<LogisticsFigures> {
    const [row] = await this.dataSource.query<LogisticsFigures[]>(
      `WITH closed AS (
         SELECT created_at, completed_at, due_at FROM maintenance_requests WHERE completed_at >= $1 AND completed_at < $2
       ), issues AS (
         SELECT id FROM supply_issues WHERE issued_at >= $1 AND issued_at < $2
       )
       SELECT
         (SELECT count(*) FROM maintenance_requests WHERE created_at >= $1 AND created_at < $2)::int AS "repairsOpened",
         (SELECT count(*) FROM closed)::int AS "repairsClosed",
         (SELECT ${hoursPercentile(0.5, 'created_at', 'completed_at')} FROM closed) AS "repairMedianHours",
         (SELECT ${percentOf('count(*) FILTER (WHERE completed_at <= due_at)', 'count(*)')} FROM closed) AS "repairOnTimeRate",
         (SELECT count(*) FROM issues)::int AS "supplyIssues",
         (SELECT coalesce(sum(l.quantity), 0) FROM supply_issue_lines l JOIN issues i ON i.id = l.issue_id)::int AS "supplyItemsIssued"`,
      [from, to],
    );
    return row;
  }

  /**
   * REQ-4 for repairs completed in the period: response = report → the first move after it
   * (triaged, sent for approval or assigned); handling = report → completion.
   */
  async serviceTimes({ from, to }: FiguresPeriod): Promise<ServiceTimeRow> {
    const [row] = await this.dataSource.query<Omit<ServiceTimeRow, 'kind'>[]>(
      `WITH done AS (
         SELECT m.created_at, m.completed_at,
                (SELECT min(e.created_at) FROM maintenance_request_events e
                  WHERE e.request_id = m.id AND e.to_status <> 'submitted') AS first_response_at
           FROM maintenance_requests m WHERE m.completed_at >= $1 AND m.completed_at < $2
       )
       SELECT count(*)::int AS completed,
              ${hoursPercentile(0.5, 'created_at', 'first_response_at')} AS "responseMedianHours",
              ${hoursPercentile(0.9, 'created_at', 'first_response_at')} AS "responseP90Hours",
              ${hoursPercentile(0.5, 'created_at', 'completed_at')} AS "handlingMedianHours",
              ${hoursPercentile(0.9, 'created_at', 'completed_at')} AS "handlingP90Hours"
         FROM done`,
      [from, to],
    );
    return { kind: 'repairs', ...row };
  }

  /** Repairs not yet completed (overdue past their SLA deadline) and supply requests waiting to be issued. */
  async openItems(): Promise<OpenItemCount[]> {
    const [row] = await this.dataSource.query<{ repairs: number; overdue: number; supplies: number }[]>(
      `SELECT
         (SELECT count(*) FROM maintenance_requests WHERE status NOT IN ('completed', 'confirmed', 'cancelled'))::int AS repairs,
         (SELECT count(*) FROM maintenance_requests
           WHERE status NOT IN ('completed', 'confirmed', 'cancelled') AND due_at < now())::int AS overdue,
         (SELECT count(*) FROM supply_requests WHERE status IN ('submitted', 'waiting'))::int AS supplies`,
    );
    return [
      { key: 'repairs', open: row.repairs, overdue: row.overdue },
      { key: 'supply-requests', open: row.supplies, overdue: null },
    ];
  }
}
