import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { percentOf, type FiguresPeriod, type OpenItemCount } from '../../../platform/figures/figures-sql';

export interface NoticeFigures {
  published: number;
  /** People the notices published in the period were sent to (one per notice and person). */
  recipients: number;
  /** Of those, the share who confirmed reading (the reach, INF-3); null when nobody was sent one. */
  reachRate: number | null;
}

/** The notices' figures for the monthly summary and the dashboard (ASM-1, ASM-8). */
@Injectable()
export class NoticeFiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures({ from, to }: FiguresPeriod): Promise<NoticeFigures> {
    const [row] = await this.dataSource.query<NoticeFigures[]>(
      `WITH published AS (SELECT id FROM notices WHERE published_at >= $1 AND published_at < $2)
       SELECT (SELECT count(*) FROM published)::int AS published,
              count(r.user_id)::int AS recipients,
              ${percentOf('count(r.confirmed_at)', 'count(r.user_id)')} AS "reachRate"
         FROM notice_recipients r JOIN published p ON p.id = r.notice_id`,
      [from, to],
    );
    return row;
  }

  /** Notices waiting for verification or publication. */
  async openItems(): Promise<OpenItemCount[]> {
    const [row] = await this.dataSource.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM notices WHERE status IN ('pending', 'verified')`,
    );
    return [{ key: 'notices', open: row.open, overdue: null }];
  }
}
