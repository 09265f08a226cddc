import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { sqlTraceOptions } from './sql-trace';

/** TypeORM options shared by the app, the CLI data source and the test set-up. */
export function typeOrmOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The schema changes only through migrations (ARCHITECTURE.md, "Data").
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // NFR-9: the benchmark's opt-in SQL trace (SQL_TRACE_FILE); nothing at all when unset.
    ...sqlTraceOptions(),
    extra: {
      max: 20,
      // How long a request waits for a pooled connection (or a new one) before a 503: long enough
      // for a burst of 100 parallel registrations queued on one counter row on a busy 2-core
      // machine, short enough that a dead database does not hang requests.
      connectionTimeoutMillis: 15000,
      keepAlive: true,
    },
  };
}
