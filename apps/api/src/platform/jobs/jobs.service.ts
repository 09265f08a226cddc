import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgBoss, type SendOptions } from 'pg-boss';
import { DATABASE_URL } from '../../database/database.constants';

export interface JobDefinition {
  /** Queue name, e.g. `audit-seal`. */
  name: string;
  handler: (data: unknown) => Promise<void>;
  /** Cron expression (school time zone) for a schedule that runs once per tick across all instances. */
  cron?: string;
  retryLimit?: number;
}

/**
 * The one pg-boss of the system (PLT-8): queues, schedules and retries on the same PostgreSQL,
 * so no second server is needed and several API instances share the work. Modules register
 * their jobs while the app starts; this starts them after every module is ready, and stops
 * them gracefully with the app.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
  private boss: PgBoss | undefined;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject('SCHOOL_TIME_ZONE') private readonly timeZone: string,
  ) {}

  register(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is registered twice`);
    this.definitions.set(definition.name, definition);
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({ connectionString: this.databaseUrl, max: 4 });
    boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss error'));
    await boss.start();
    this.boss = boss;
    for (const job of this.definitions.values()) {
      await boss.createQueue(job.name, { retryLimit: job.retryLimit ?? 3, retryBackoff: true });
      await boss.work(job.name, async (jobs) => {
        for (const item of jobs) await job.handler(item.data);
      });
      if (job.cron) await boss.schedule(job.name, job.cron, null, { tz: this.timeZone });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, timeout: 10_000 });
  }

  /** Queues a job; throws when the jobs are not running (during start-up or shut-down). */
  async send(name: string, data: object | null = null, options: SendOptions = {}): Promise<string | null> {
    if (!this.boss) throw new Error('Jobs are not running');
    return this.boss.send(name, data, options);
  }
}
