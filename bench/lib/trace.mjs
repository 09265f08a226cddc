import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './server.mjs';

/**
 * "The same SQL": one request per scenario path against the API started with SQL_TRACE_FILE,
 * one at a time, and the statements appended to the trace meanwhile are that request's SQL.
 */
export async function traceRequest(traceFile, url, { method = 'GET', path, token }) {
  const before = size(traceFile);
  const res = await fetch(`${url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`trace ${method} ${path}: ${res.status}`);
  // The logger appends synchronously before each statement is sent; the last one is in by now.
  await new Promise((r) => setTimeout(r, 50));
  const text = readFrom(traceFile, before);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .map(({ query, parameters, prepared }) => ({ query, parameters, ...(prepared ? { prepared } : {}) }));
}

const size = (file) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

function readFrom(file, offset) {
  const length = size(file) - offset;
  if (length <= 0) return '';
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The scenario's main query, for pgbench: its slowest statement (best of three timed runs after
 * one unmeasured), leaving out `exclude` (statements every authenticated request runs, such as
 * loading the principal) unless nothing else is left.
 */
export async function mainStatement(db, statements, exclude = new Set()) {
  const candidates = statements.filter((s) => !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET )/i.test(s.query));
  const own = candidates.filter((s) => !exclude.has(s.query));
  let slowest;
  for (const s of own.length ? own : candidates) {
    await db.query(s.query, s.parameters);
    let ms = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = process.hrtime.bigint();
      await db.query(s.query, s.parameters);
      ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6);
    }
    if (!slowest || ms > slowest.ms) slowest = { ...s, ms };
  }
  return slowest;
}

const BASELINE = fileURLToPath(new URL('../baseline/', import.meta.url));

/** Starts a baseline server (replay.mjs or health.mjs) in its own process; resolves once it listens. */
export async function startBaseline(script, args) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [`${BASELINE}${script}`, ...(script === 'health.mjs' ? [port] : [args[0], port, ...args.slice(1)])].map(String),
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`baseline ${script} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}
