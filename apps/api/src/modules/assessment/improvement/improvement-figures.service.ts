import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceTimeRow } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { hoursPercentile, percentOf, type FiguresPeriod, type OpenItemCount } from '../../../platform/figures/figures-sql';

export interface ImprovementFigures {
  /** 突发情况 that occurred in the period (REQ-5), and reviews written in it. */
  incidents: number;
  incidentsReviewed: number;
  /** 整改 problems raised and closed in the period (ASM-5). */
  problemsOpened: number;
  problemsClosed: number;
  /** Measures reported implemented in the period, and the share of them done by their date. */
  measuresImplemented: number;
  measuresOnTimeRate: number | null;
}

export interface RequestFigures {
  /** 问题上报 (REQ-1) received and answered in the period; the share of answers within the deadline. */
  escalationsReceived: number;
  escalationsAnswered: number;
  escalationsOnTimeRate: number | null;
  /** Support between departments (REQ-2): asked, completed, and the share responded to in time. */
  supportRequested: number;
  supportCompleted: number;
  supportOnTimeRate: number | null;
}

/**
 * The period figures of incidents, improvement, escalations and support requests for the monthly
 * summary (ASM-1), their service times (REQ-4) and the dashboard's open items (ASM-8), counted in
 * SQL like every other module's figures (platform/figures).
 */
@Injectable()
export class ImprovementFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async improvement({ from, to }: FiguresPeriod): Promise<ImprovementFigures> {
    const [row] = await this.dataSource.query<ImprovementFigures[]>(
      `SELECT
         (SELECT count(*) FROM incidents WHERE occurred_at >= $1 AND occurred_at < $2)::int AS incidents,
         (SELECT count(*) FROM incidents WHERE reviewed_at >= $1 AND reviewed_at < $2)::int AS "incidentsReviewed",
         (SELECT count(*) FROM improvement_problems WHERE created_at >= $1 AND created_at < $2)::int AS "problemsOpened",
         (SELECT count(*) FROM improvement_problems WHERE closed_at >= $1 AND closed_at < $2)::int AS "problemsClosed",
         m.implemented AS "measuresImplemented",
         ${percentOf('m.on_time', 'm.implemented')} AS "measuresOnTimeRate"
         FROM (SELECT count(*)::int AS implemented, count(*) FILTER (WHERE implemented_on <= due_on)::int AS on_time
                 FROM improvement_measures WHERE reported_at >= $1 AND reported_at < $2) m`,
      [from, to],
    );
    return row;
  }

  async requests({ from, to }: FiguresPeriod): Promise<RequestFigures> {
    const [row] = await this.dataSource.query<RequestFigures[]>(
      `SELECT e.received AS "escalationsReceived", e.answered AS "escalationsAnswered",
              ${percentOf('e.answered_on_time', 'e.answered')} AS "escalationsOnTimeRate",
              s.requested AS "supportRequested", s.completed AS "supportCompleted",
              ${percentOf('s.responded_on_time', 's.responded')} AS "supportOnTimeRate"
         FROM (SELECT count(*) FILTER (WHERE created_at >= $1 AND created_at < $2)::int AS received,
                      count(*) FILTER (WHERE answered_at >= $1 AND answered_at < $2)::int AS answered,
                      count(*) FILTER (WHERE answered_at >= $1 AND answered_at < $2 AND answered_at <= due_at)::int AS answered_on_time
                 FROM escalations) e,
              (SELECT count(*) FILTER (WHERE created_at >= $1 AND created_at < $2)::int AS requested,
                      count(*) FILTER (WHERE completed_at >= $1 AND completed_at < $2)::int AS completed,
                      count(*) FILTER (WHERE responded_at >= $1 AND responded_at < $2)::int AS responded,
                      count(*) FILTER (WHERE responded_at >= $1 AND responded_at < $2 AND responded_at <= response_due_at)::int AS responded_on_time
                 FROM support_requests) s`,
      [from, to],
    );
    return row;
  }

  /**
   * REQ-4 for work finished in the period. Improvement: response = raised → root cause recorded,
   * handling = raised → closed. Escalations: the answer is both. Support: raised → responded, → completed.
   */
  async serviceTimes({ from, to }: FiguresPeriod): Promise<ServiceTimeRow[]> {
    const times = (table: string, response: string, done: string) =>
      `SELECT count(*)::int AS completed,
              ${hoursPercentile(0.5, 'created_at', response)} AS "responseMedianHours",
              ${hoursPercentile(0.9, 'created_at', response)} AS "responseP90Hours",
              ${hoursPercentile(0.5, 'created_at', done)} AS "handlingMedianHours",
              ${hoursPercentile(0.9, 'created_at', done)} AS "handlingP90Hours"
         FROM ${table} WHERE ${done} >= $1 AND ${done} < $2`;
    const kinds: [string, string][] = [
      ['improvement', times('improvement_problems', 'analysed_at', 'closed_at')],
      ['escalations', times('escalations', 'answered_at', 'answered_at')],
      ['support-requests', times('support_requests', 'responded_at', 'completed_at')],
    ];
    const rows: ServiceTimeRow[] = [];
    for (const [kind, sql] of kinds) {
      const [row] = await this.dataSource.query<Omit<ServiceTimeRow, 'kind'>[]>(sql, [from, to]);
      rows.push({ kind, ...row });
    }
    return rows;
  }

  /** Open problems (overdue: one of this round's measures is past its date), unanswered escalations, open support requests. */
  async openItems(): Promise<OpenItemCount[]> {
    const [row] = await this.dataSource.query<Record<string, number>[]>(
      `SELECT
         (SELECT count(*) FROM improvement_problems WHERE status <> 'closed')::int AS problems,
         (SELECT count(*) FROM improvement_problems p WHERE p.status <> 'closed' AND EXISTS (
            SELECT 1 FROM improvement_measures m
             WHERE m.problem_id = p.id AND m.status = 'pending' AND m.due_on < $1))::int AS problems_overdue,
         (SELECT count(*) FROM escalations WHERE answered_at IS NULL)::int AS escalations,
         (SELECT count(*) FROM escalations WHERE answered_at IS NULL AND due_at < now())::int AS escalations_overdue,
         (SELECT count(*) FROM support_requests WHERE completed_at IS NULL)::int AS support,
         (SELECT count(*) FROM support_requests WHERE responded_at IS NULL AND response_due_at < now())::int AS support_overdue`,
      [this.calendar.today()],
    );
    return [
      { key: 'improvement', open: row.problems, overdue: row.problems_overdue },
      { key: 'escalations', open: row.escalations, overdue: row.escalations_overdue },
      { key: 'support-requests', open: row.support, overdue: row.support_overdue },
    ];
  }
}
