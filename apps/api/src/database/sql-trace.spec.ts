import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlTraceLogger, sqlTraceOptions } from './sql-trace';

describe('SQL trace for the benchmark (unit)', () => {
  it('NFR-9: installs no logger at all unless SQL_TRACE_FILE is set', () => {
    expect(sqlTraceOptions({})).toEqual({});
    expect(sqlTraceOptions({ SQL_TRACE_FILE: '' })).toEqual({});
    expect(sqlTraceOptions({ SQL_TRACE_FILE: '/tmp/x.jsonl' }).logger).toBeInstanceOf(SqlTraceLogger);
  });

  it('NFR-9: appends each statement with its parameters as one JSON line, in the order sent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sql-trace-'));
    try {
      const file = join(dir, 'trace.jsonl');
      const logger = new SqlTraceLogger(file);
      logger.logQuery('SELECT 1');
      logger.logQuery('SELECT * FROM users WHERE id = $1 AND name LIKE $2', ['u-1', '%王%']);
      logger.logPrepared('SELECT * FROM users WHERE id = $1', ['u-2']);
      const lines = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { query: string; parameters: unknown[]; prepared?: boolean });
      // A statement the API prepares is marked, so that the baseline prepares it too.
      expect(lines.map((l) => [l.query, l.parameters, l.prepared ?? false])).toEqual([
        ['SELECT 1', [], false],
        ['SELECT * FROM users WHERE id = $1 AND name LIKE $2', ['u-1', '%王%'], false],
        ['SELECT * FROM users WHERE id = $1', ['u-2'], true],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
