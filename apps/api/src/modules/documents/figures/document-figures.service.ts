import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceTimeRow } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { hoursPercentile, percentOf, type FiguresPeriod, type OpenItemCount } from '../../../platform/figures/figures-sql';

export interface DocumentFigures {
  incomingRegistered: number;
  incomingRouted: number;
  incomingHandled: number;
  /** Of the documents handled in the period with a handling deadline, the share handled by it; null when none had one. */
  incomingOnTimeRate: number | null;
  outgoingDrafted: number;
  outgoingIssued: number;
}

/**
 * The documents' figures for the monthly summary, the service times and the dashboard
 * (ASM-1, REQ-4, ASM-8), read by the assessment module through this exported service.
 * Counts cover the whole school: they are aggregates for the office, not lists of documents.
 */
@Injectable()
export class DocumentFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Registered: registered in the period (a document only signed for has no number yet). Routed:
   * documents routed to someone in the period. Handled: completed in the period, on time when
   * completed on or before its handling deadline, a date in the school's time zone.
   */
  async figures({ from, to }: FiguresPeriod): Promise<DocumentFigures> {
    const [row] = await this.dataSource.query<Record<keyof DocumentFigures, number | null>[]>(
      `WITH handled AS (
         SELECT handling_due_on, (completed_at AT TIME ZONE $3)::date AS completed_on
           FROM incoming_documents WHERE completed_at >= $1 AND completed_at < $2
       )
       SELECT
         (SELECT count(*) FROM incoming_documents
           WHERE registered_at >= $1 AND registered_at < $2 AND number IS NOT NULL)::int AS "incomingRegistered",
         (SELECT count(DISTINCT document_id) FROM incoming_document_routes WHERE routed_at >= $1 AND routed_at < $2)::int AS "incomingRouted",
         (SELECT count(*) FROM handled)::int AS "incomingHandled",
         (SELECT ${percentOf('count(*) FILTER (WHERE completed_on <= handling_due_on)', 'count(*) FILTER (WHERE handling_due_on IS NOT NULL)')}
            FROM handled) AS "incomingOnTimeRate",
         (SELECT count(*) FROM outgoing_documents WHERE created_at >= $1 AND created_at < $2)::int AS "outgoingDrafted",
         (SELECT count(*) FROM (
            SELECT min(distributed_at) AS first_at FROM outgoing_document_distributions
             WHERE distributed_at IS NOT NULL GROUP BY document_id
          ) issued WHERE first_at >= $1 AND first_at < $2)::int AS "outgoingIssued"`,
      [from, to, this.config.schoolTimeZone],
    );
    return row as unknown as DocumentFigures;
  }

  /**
   * REQ-4 for incoming documents completed in the period: response = registration → first routing
   * to a handler; handling = registration → completion.
   */
  async serviceTimes({ from, to }: FiguresPeriod): Promise<ServiceTimeRow> {
    const [row] = await this.dataSource.query<Omit<ServiceTimeRow, 'kind'>[]>(
      `WITH done AS (
         SELECT d.registered_at, d.completed_at,
                (SELECT min(r.routed_at) FROM incoming_document_routes r WHERE r.document_id = d.id) AS first_routed_at
           FROM incoming_documents d WHERE d.completed_at >= $1 AND d.completed_at < $2
       )
       SELECT count(*)::int AS completed,
              ${hoursPercentile(0.5, 'registered_at', 'first_routed_at')} AS "responseMedianHours",
              ${hoursPercentile(0.9, 'registered_at', 'first_routed_at')} AS "responseP90Hours",
              ${hoursPercentile(0.5, 'registered_at', 'completed_at')} AS "handlingMedianHours",
              ${hoursPercentile(0.9, 'registered_at', 'completed_at')} AS "handlingP90Hours"
         FROM done`,
      [from, to],
    );
    return { kind: 'incoming-documents', ...row };
  }

  /** Open incoming documents (not completed, filed or returned), overdue past their handling deadline; outgoing drafts not yet distributed. */
  async openItems(): Promise<OpenItemCount[]> {
    const [row] = await this.dataSource.query<{ incoming: number; overdue: number; outgoing: number }[]>(
      `SELECT
         (SELECT count(*) FROM incoming_documents WHERE status NOT IN ('completed', 'filed', 'returned'))::int AS incoming,
         (SELECT count(*) FROM incoming_documents WHERE status NOT IN ('completed', 'filed', 'returned')
             AND handling_due_on < (now() AT TIME ZONE $1)::date)::int AS overdue,
         (SELECT count(*) FROM outgoing_documents WHERE status NOT IN ('distributed', 'ready-to-file'))::int AS outgoing`,
      [this.config.schoolTimeZone],
    );
    return [
      { key: 'incoming-documents', open: row.incoming, overdue: row.overdue },
      { key: 'outgoing-documents', open: row.outgoing, overdue: null },
    ];
  }
}
