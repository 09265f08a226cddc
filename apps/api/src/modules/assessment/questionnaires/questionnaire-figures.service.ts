import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { FiguresPeriod, OpenItemCount } from '../../../platform/figures/figures-sql';

export interface QuestionnaireFigures {
  opened: number;
  closed: number;
  /** Answers received; an anonymous answer keeps only its date, so the period is counted in school dates. */
  responses: number;
}

/** Questionnaires' figures (ASM-3) for the monthly summary (ASM-1) and the director's dashboard (ASM-8). */
@Injectable()
export class QuestionnaireFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async figures({ from, to }: FiguresPeriod): Promise<QuestionnaireFigures> {
    const [row] = await this.dataSource.query<QuestionnaireFigures[]>(
      `SELECT
         (SELECT count(*) FROM questionnaires WHERE opened_at >= $1 AND opened_at < $2)::int AS opened,
         (SELECT count(*) FROM questionnaires WHERE closed_at >= $1 AND closed_at < $2)::int AS closed,
         (SELECT count(*) FROM questionnaire_responses
           WHERE submitted_on >= ($1::timestamptz AT TIME ZONE $3)::date AND submitted_on < ($2::timestamptz AT TIME ZONE $3)::date)::int AS responses`,
      [from, to, this.config.schoolTimeZone],
    );
    return row;
  }

  /** Open questionnaires; overdue: past their closing date and not yet closed by the office. */
  async openItems(): Promise<OpenItemCount[]> {
    const [row] = await this.dataSource.query<{ open: number; overdue: number }[]>(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE closes_at < now())::int AS overdue FROM questionnaires WHERE status = 'open'`,
    );
    return [{ key: 'questionnaires', open: row.open, overdue: row.overdue }];
  }

  /** The questionnaires answered in the period, most answered first (at most `limit`), with their answer counts. */
  async responsesByQuestionnaire({ from, to }: FiguresPeriod, limit = 10): Promise<{ title: string; responses: number }[]> {
    return this.dataSource.query(
      `SELECT q.title, count(*)::int AS responses
         FROM questionnaire_responses r JOIN questionnaires q ON q.id = r.questionnaire_id
        WHERE r.submitted_on >= ($1::timestamptz AT TIME ZONE $3)::date AND r.submitted_on < ($2::timestamptz AT TIME ZONE $3)::date
        GROUP BY q.id, q.title ORDER BY responses DESC, q.title LIMIT $4`,
      [from, to, this.config.schoolTimeZone, limit],
    );
  }
}
