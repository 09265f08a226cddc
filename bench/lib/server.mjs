import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NODE_OPTIONS } from '../../scripts/api-process.mjs';

const MAIN = fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * The built API (apps/api/dist/main.js) on a free port against the bench database, as
 * production runs it: its own process, no jobs (nothing in the bench needs a worker), quiet logs.
 */
export async function startApi({ databaseUrl, adminPassword, env = {}, dataDir: keptDataDir }) {
  const port = await freePort();
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'xiaoban-bench-'));
  const started = Date.now();
  const inherited = { ...process.env };
  // Without a DATABASE_URL the API runs its embedded PostgreSQL in DATA_DIR (the restart test).
  if (!databaseUrl) delete inherited.DATABASE_URL;
  const child = spawn(process.execPath, [...API_NODE_OPTIONS, MAIN], {
    env: {
      ...inherited,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_DIST: '',
      ADMIN_PASSWORD: adminPassword,
      JWT_SECRET: 'bench-secret-not-for-production',
      ACCESS_TOKEN_TTL: String(4 * 3600),
      LOG_LEVEL: 'warn',
      JOBS_WORKERS: 'false',
      LOGIN_THROTTLE_PER_MINUTE: '1000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('The API did not become healthy in 120 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid,
    /** Milliseconds from spawning the process to the first healthy answer. */
    startupMs: Date.now() - started,
    /** Resident set size of the API process, in MB. */
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function api(url, path, { token, method = 'GET', body } = {}) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}
