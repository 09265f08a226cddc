import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import copyStreams from 'pg-copy-streams';

/** One value in COPY's text format: NULL as \N, backslash and control characters escaped. */
export function copyValue(value) {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) value = pgArray(value);
  else if (value instanceof Date) value = value.toISOString();
  return String(value).replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]);
}

/** A text[] literal with every element quoted, so punctuation in a bigram is never syntax. */
export function pgArray(values) {
  return `{${values.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Bulk-loads rows with `COPY … FROM STDIN` (pg-copy-streams). `rows` is an iterable of arrays in
 * `columns` order; it is streamed in batches, never held in memory whole.
 */
export async function copyRows(client, table, columns, rows) {
  const stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  async function* lines() {
    let batch = [];
    for (const row of rows) {
      batch.push(row.map(copyValue).join('\t'));
      if (batch.length === 2000) {
        yield batch.join('\n') + '\n';
        batch = [];
      }
    }
    if (batch.length) yield batch.join('\n') + '\n';
  }
  await pipeline(Readable.from(lines()), stream);
}

/**
 * Drops a table's secondary indexes (keeping the primary key), runs `load`, then recreates
 * them from their own definitions: building an index once is far faster than keeping a GIN
 * index up to date row by row during a bulk load.
 */
export async function withoutIndexes(client, table, load) {
  const { rows } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = $1
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  for (const { indexname } of rows) await client.query(`DROP INDEX "${indexname}"`);
  try {
    await load();
  } finally {
    for (const { indexdef } of rows) await client.query(indexdef);
  }
}
