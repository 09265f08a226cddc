import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgBoss, type Schedule, type SendOptions } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DATABASE_URL } from '../../database/database.constants';

/** The PostgreSQL schema of pg-boss's tables (its default), read by the jobs admin page (PLT-8). */
export const PG_BOSS_SCHEMA = 'pgboss';

/** What a handler learns about the job it runs, beyond its data. */
export interface JobInfo {
  id: string;
  /** 0 on the first try, then 1, 2, … */
  retryCount: number;
  retryLimit: number;
}

export interface JobDefinition {
  /** Queue name, e.g. `audit-seal`. */
  name: string;
  handler: (data: unknown, job: JobInfo) => Promise<void>;
  /** Cron expression (school time zone) for a schedule that runs once per tick across all instances. */
  cron?: string;
  retryLimit?: number;
  /** Seconds before the first retry; doubled for each later one. */
  retryDelay?: number;
  /** A job still running after this many seconds is presumed dead (its worker crashed) and retried. */
  expireInSeconds?: number;
}

/**
 * The one pg-boss of the system (PLT-8): queues, schedules and retries on the same PostgreSQL,
 * so no second server is needed and several API instances share the work. Modules register
 * their jobs while the app starts; this starts them after every module is ready, and stops
 * them gracefully with the app. With JOBS_WORKERS=false an instance queues jobs but runs none.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
  private boss: PgBoss | undefined;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is registered twice`);
    this.definitions.set(definition.name, definition);
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      max: 4,
      schedule: this.config.jobWorkers,
      supervise: this.config.jobWorkers,
      // Every instance checks the schedules this often; the claim on pg-boss's cron row and the
      // singleton slot of each occurrence keep a tick from running twice (PLT-8).
      cronMonitorIntervalSeconds: this.config.jobCronMonitorSeconds,
      cronWorkerIntervalSeconds: this.config.jobCronWorkerSeconds,
    });
    // The message only: the error object carries the whole pg client.
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    this.boss = boss;
    for (const job of this.definitions.values()) await this.start(boss, job);
  }

  /**
   * Registers a job after start-up and starts it at once (a job defined by a setting, or a
   * test's own); before start-up it is the same as register().
   */
  async add(definition: JobDefinition): Promise<void> {
    this.register(definition);
    if (this.boss) await this.start(this.boss, definition);
  }

  private async start(boss: PgBoss, job: JobDefinition): Promise<void> {
    await boss.createQueue(job.name, {
      retryLimit: job.retryLimit ?? 3,
      retryDelay: job.retryDelay ?? 2,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds ?? 15 * 60,
    });
    if (!this.config.jobWorkers) return;
    await boss.work(job.name, { includeMetadata: true, pollingIntervalSeconds: this.config.jobPollSeconds }, async (jobs) => {
      for (const item of jobs) {
        await job.handler(item.data, { id: item.id, retryCount: item.retryCount, retryLimit: item.retryLimit });
      }
    });
    if (job.cron) await boss.schedule(job.name, job.cron, null, { tz: this.config.schoolTimeZone });
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, timeout: 10_000 });
  }

  /** Queues a job; throws when the jobs are not running (during start-up or shut-down). */
  async send(name: string, data: object | null = null, options: SendOptions = {}): Promise<string | null> {
    return this.running().send(name, data, options);
  }

  /**
   * Queues a job inside the caller's transaction: it exists if and only if the transaction
   * commits, so a crash between the change and the job loses nothing (the outbox pattern).
   */
  async sendWithin(manager: EntityManager, name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    return this.running().send(name, data, { ...options, db: this.transactionOf(manager, `sendWithin(${name})`) });
  }

  /** True when this instance has a handler for the queue (a schedule left by older code has none). */
  isRegistered(name: string): boolean {
    return this.definitions.has(name);
  }

  /** Every schedule in the database, in queue order, as pg-boss keeps them (PLT-8). */
  async schedules(): Promise<Schedule[]> {
    return this.running().getSchedules();
  }

  /** When a cron expression next fires, computed in process; null when it never will again. */
  nextOccurrence(cron: string, timeZone: string): Date | null {
    try {
      return this.running().previewSchedule(cron, { tz: timeZone, count: 1 })[0] ?? null;
    } catch {
      return null; // an expression pg-boss can no longer read: its own warning names the row
    }
  }

  /**
   * Runs a scheduled job now (PLT-8): one job with the schedule's own data, queued inside the
   * caller's transaction. Null when the queue has no schedule.
   */
  async runScheduleNow(manager: EntityManager, name: string): Promise<string | null> {
    const boss = this.running();
    const [schedule] = await boss.getSchedules(name);
    if (!schedule) return null;
    return boss.send(name, schedule.data ?? null, { db: this.transactionOf(manager, `runScheduleNow(${name})`) });
  }

  /** pg-boss's statements on the caller's transaction: they commit or roll back with it. */
  private transactionOf(manager: EntityManager, what: string): NonNullable<SendOptions['db']> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error(`${what} needs a transaction`);
    return { executeSql: async (text, values) => ({ rows: (await runner.query(text, values as unknown[], true)).records }) };
  }

  private running(): PgBoss {
    if (!this.boss) throw new Error('Jobs are not running');
    return this.boss;
  }
}
