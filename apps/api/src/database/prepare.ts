import { DataSource } from 'typeorm';
import { typeOrmOptions } from './typeorm-options';
import { seedBase, type SeedLog } from './seeds/base.seed';
import { seedDemo } from './seeds/demo.seed';

const MIGRATION_LOCK = 7_110_000; // advisory lock id: one instance migrates at a time

export interface PrepareOptions {
  adminPassword?: string;
  /** Load the demo school as well (`pnpm demo`). */
  demo?: boolean;
  demoPassword?: string;
  log: SeedLog;
}

/**
 * Brings a database up to date before the app serves: runs pending migrations (under an advisory
 * lock, so several instances starting together migrate once), then the base seed (roles, the
 * first admin) and, on request, the demo school.
 */
export async function prepareDatabase(url: string, options: PrepareOptions): Promise<void> {
  const dataSource = new DataSource({ ...typeOrmOptions(url), extra: { max: 2 } });
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) options.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
      await seedBase(dataSource, options.adminPassword, options.log);
      if (options.demo) await seedDemo(dataSource, options.demoPassword, options.log);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}
