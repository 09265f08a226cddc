import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceTimeRow } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { hoursPercentile, percentOf, type FiguresPeriod, type OpenItemCount } from '../../../platform/figures/figures-sql';

export interface SuggestionFigures {
  received: number;
  hotlineCalls: number;
  answered: number;
  /** Of the suggestions answered in the period, the share answered within the response time (due_at). */
  onTimeRate: number | null;
}

/** Suggestions' and hotline calls' figures (ASM-4) for the monthly summary, the service times and the dashboard. */
@Injectable()
export class SuggestionFiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures({ from, to }: FiguresPeriod): Promise<SuggestionFigures> {
    const [row] = await this.dataSource.query<SuggestionFigures[]>(
      `SELECT
         count(*) FILTER (WHERE received_at >= $1 AND received_at < $2)::int AS received,
         count(*) FILTER (WHERE received_at >= $1 AND received_at < $2 AND source = 'hotline')::int AS "hotlineCalls",
         count(*) FILTER (WHERE answered_at >= $1 AND answered_at < $2)::int AS answered,
         ${percentOf(
           'count(*) FILTER (WHERE answered_at >= $1 AND answered_at < $2 AND answered_at <= due_at)',
           'count(*) FILTER (WHERE answered_at >= $1 AND answered_at < $2)',
         )} AS "onTimeRate"
         FROM suggestions`,
      [from, to],
    );
    return row;
  }

  /** REQ-4 for suggestions closed in the period: response = arrival → the answer; handling = arrival → closing. */
  async serviceTimes({ from, to }: FiguresPeriod): Promise<ServiceTimeRow> {
    const [row] = await this.dataSource.query<Omit<ServiceTimeRow, 'kind'>[]>(
      `SELECT count(*)::int AS completed,
              ${hoursPercentile(0.5, 'received_at', 'answered_at')} AS "responseMedianHours",
              ${hoursPercentile(0.9, 'received_at', 'answered_at')} AS "responseP90Hours",
              ${hoursPercentile(0.5, 'received_at', 'closed_at')} AS "handlingMedianHours",
              ${hoursPercentile(0.9, 'received_at', 'closed_at')} AS "handlingP90Hours"
         FROM suggestions WHERE closed_at >= $1 AND closed_at < $2`,
      [from, to],
    );
    return { kind: 'suggestions', ...row };
  }

  async openItems(): Promise<OpenItemCount[]> {
    const [row] = await this.dataSource.query<{ open: number; overdue: number }[]>(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE due_at < now())::int AS overdue
         FROM suggestions WHERE status IN ('received', 'assigned')`,
    );
    return [{ key: 'suggestions', open: row.open, overdue: row.overdue }];
  }
}
