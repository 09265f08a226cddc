import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { SqlTraceLogger } from './sql-trace';

const names = new Map<string, string>();

/**
 * Runs a statement whose text never changes, only its values, as a named prepared statement
 * (NFR-9): PostgreSQL parses and plans it once per pooled connection instead of on every request.
 * Planning was most of what the database spent on the two reads by key that every list request
 * makes (bench data, 50,000 documents): the person behind the token, 0.22 ms planned and 0.16 ms
 * run, and a list's page of rows (PageRows), 0.7 ms planned and 0.45 ms run.
 *
 * Only for statements whose best plan does not depend on the values, such as reads by primary
 * key: after five runs PostgreSQL may keep one generic plan for every value. Errors are TypeORM's
 * QueryFailedError, as from `dataSource.query`, so the error filter treats them the same.
 */
export async function queryPrepared<T extends QueryResultRow>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  let name = names.get(text);
  if (!name) {
    // Named by its text: two statements never share a name, and a name never changes its text.
    name = `xiaoban_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  const logger = dataSource.logger;
  if (logger instanceof SqlTraceLogger) logger.logPrepared(text, values);
  else logger.logQuery(text, values);
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  try {
    return (await pool.query<T>({ name, text, values })).rows;
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}
