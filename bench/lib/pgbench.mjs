import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgArray } from './copy.mjs';

/** A parameter as an SQL literal, so that pgbench (which has no bind parameters for text) runs the very statement. */
function literal(value) {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = Array.isArray(value) ? pgArray(value) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}

export function inline(query, parameters = []) {
  return query.replace(/\$(\d+)/g, (_, n) => literal(parameters[Number(n) - 1]));
}

/**
 * pgbench on one statement (-f, 16 clients, `duration` seconds): the database's own limit for
 * the scenario's main query, without any HTTP or Node in the way. Returns { tps, latencyMs } or
 * { error } when pgbench is missing or fails.
 */
export function pgbench(databaseUrl, statement, { clients = 16, duration }) {
  const dir = mkdtempSync(join(tmpdir(), 'xiaoban-pgbench-'));
  const file = join(dir, 'statement.sql');
  writeFileSync(file, inline(statement.query, statement.parameters).trim().replace(/;?$/, ';') + '\n');
  const u = new URL(databaseUrl);
  const args = ['-n', '-M', 'simple', '-f', file, '-c', String(clients), '-j', '2', '-T', String(duration)];
  args.push('-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), u.pathname.slice(1));
  return new Promise((resolve) => {
    execFile('pgbench', args, { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } }, (error, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (error) return resolve({ error: (stderr || error.message).trim().split('\n').pop() });
      const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
      const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
      resolve({ tps: tps ? Math.round(Number(tps)) : null, latencyMs: latency ? Number(latency) : null });
    });
  });
}
