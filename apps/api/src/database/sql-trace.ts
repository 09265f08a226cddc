import { appendFileSync } from 'node:fs';
import type { DataSourceOptions, Logger, QueryRunner } from 'typeorm';

/**
 * An opt-in trace of every SQL statement the app sends (NFR-9): with SQL_TRACE_FILE set, each
 * query and its parameters is appended to that file as one JSON line, in the order sent. The
 * benchmark reads it to make its bare Fastify + pg baseline run exactly the statements the API
 * runs per request. Off by default, and then no logger is installed at all: zero cost.
 */
export class SqlTraceLogger implements Logger {
  constructor(private readonly file: string) {}

  logQuery(query: string, parameters?: unknown[] | object, queryRunner?: QueryRunner): void {
    // Synchronous so that the lines are in the order the statements were sent.
    appendFileSync(
      this.file,
      JSON.stringify({ t: Date.now(), tx: queryRunner?.isTransactionActive ?? false, query, parameters: parameters ?? [] }) + '\n',
    );
  }

  /** A statement run as a named prepared statement (queryPrepared): the baseline prepares it too. */
  logPrepared(query: string, parameters: unknown[]): void {
    appendFileSync(this.file, JSON.stringify({ t: Date.now(), tx: false, prepared: true, query, parameters }) + '\n');
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** The TypeORM options that install the trace when SQL_TRACE_FILE is set; none otherwise. */
export function sqlTraceOptions(env: NodeJS.ProcessEnv = process.env): Pick<DataSourceOptions, 'logger'> {
  const file = env.SQL_TRACE_FILE;
  return file ? { logger: new SqlTraceLogger(file) } : {};
}
