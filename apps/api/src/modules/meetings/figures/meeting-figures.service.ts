import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { percentOf, type FiguresPeriod } from '../../../platform/figures/figures-sql';

export interface MeetingFigures {
  /** Meetings held in the period whose notice went out (a cancelled or unsent one was not served). */
  served: number;
  /** Of the attendees whose attendance was taken, the share present or late; null when none was taken. */
  attendanceRate: number | null;
  /** Of everyone invited as an attendee, the share who replied (accepted or asked for leave). */
  responseRate: number | null;
}

/** The meetings' figures for the monthly summary and the dashboard (ASM-1, ASM-8). */
@Injectable()
export class MeetingFiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures({ from, to }: FiguresPeriod): Promise<MeetingFigures> {
    const [row] = await this.dataSource.query<MeetingFigures[]>(
      `WITH served AS (
         SELECT id FROM meetings WHERE status = 'notified' AND starts_at >= $1 AND starts_at < $2
       ), invited AS (
         SELECT a.response, a.attendance FROM meeting_attendees a JOIN served s ON s.id = a.meeting_id WHERE a.role = 'attendee'
       )
       SELECT (SELECT count(*) FROM served)::int AS served,
              (SELECT ${percentOf(`count(*) FILTER (WHERE attendance IN ('present', 'late'))`, 'count(*) FILTER (WHERE attendance IS NOT NULL)')}
                 FROM invited) AS "attendanceRate",
              (SELECT ${percentOf(`count(*) FILTER (WHERE response <> 'pending')`, 'count(*)')} FROM invited) AS "responseRate"`,
      [from, to],
    );
    return row;
  }
}
