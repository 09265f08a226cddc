import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { quarterOf, quarterRange, schoolDateOf, schoolTimeToInstant, addDays } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';

/**
 * What other modules may ask of the training records (ASM-6). Exported by AssessmentModule;
 * classified lending (ADM-10) asks it before it lends anything.
 */
@Injectable()
export class TrainingRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * True when the person attended a session of a confidentiality (保密) plan held in the quarter
   * of `at` (in the school's time zone), no later than `at` — and passed it, if a result is
   * recorded. A session they missed, or failed, does not count.
   */
  async hadConfidentialityTrainingThisQuarter(
    userId: string,
    at: Date = new Date(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const tz = this.config.schoolTimeZone;
    const { year, quarter } = quarterOf(schoolDateOf(at, tz));
    const { from, to } = quarterRange(year, quarter);
    const start = schoolTimeToInstant(from, '00:00:00', tz);
    const end = schoolTimeToInstant(addDays(to, 1), '00:00:00', tz);
    const [row] = await manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM training_attendances a
           JOIN training_sessions s ON s.id = a.session_id
           JOIN training_plans p ON p.id = s.plan_id
          WHERE a.user_id = $1 AND a.attended AND a.passed IS NOT FALSE
            AND p.kind = 'confidentiality'
            AND s.held_at >= $2 AND s.held_at < $3 AND s.held_at <= $4
       ) AS trained`,
      [userId, start, end, at],
    );
    return Boolean(row?.trained);
  }

  /** Training sessions the person attended in [from, to) (evidence beside an evaluation, ASM-2). */
  async sessionsAttended(userId: string, from: Date, to: Date, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM training_attendances a JOIN training_sessions s ON s.id = a.session_id
        WHERE a.user_id = $1 AND a.attended AND s.held_at >= $2 AND s.held_at < $3`,
      [userId, from, to],
    );
    return row.n as number;
  }
}
