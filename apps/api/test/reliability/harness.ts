import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, startChildServer, stopChildServer, type ChildServer } from '../setup/child-server';
import { startCluster, type Cluster, type ClusterKind } from './cluster';

export const ADMIN_PASSWORD = 'Reliability-admin-2026';

/** Whatever JSON a route answers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/**
 * Several API processes (dist/main.js, as `pnpm start` runs it) on one database of the harness's
 * own cluster, as behind a load balancer: one JWT secret, one file key, one DATA_DIR (the shared
 * volume of the multi-machine shape).
 */
export interface System {
  cluster: Cluster;
  dataDir: string;
  env: Record<string, string>;
  instances: ChildServer[];
  token: string;
  /** Request number n goes to instance n mod count: the load is split across all of them. */
  call(n: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  /** Starts one more instance (or a replacement) on the same database. */
  addInstance(): Promise<ChildServer>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startSystem(kind: ClusterKind, count: number, extraEnv: Record<string, string> = {}): Promise<System> {
  const started = Date.now();
  const cluster = await startCluster(kind);
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaoban-rel-data-'));
  const env: Record<string, string> = {
    DATABASE_URL: cluster.url,
    ADMIN_PASSWORD,
    JWT_SECRET: randomBytes(32).toString('hex'),
    FILE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // A busy 2-core machine: no login throttling of the harness's own logins.
    LOGIN_THROTTLE_PER_MINUTE: '10000',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const instances: ChildServer[] = [];
  const addInstance = async () => {
    // One after the other: the first start migrates and seeds, the next ones find it done.
    const server = await startChildServer(dataDir, env);
    instances.push(server);
    return server;
  };
  try {
    for (let i = 0; i < count; i++) await addInstance();
  } catch (error) {
    for (const s of instances) await stopInstance(s, 'SIGKILL');
    await cluster.destroy();
    throw error;
  }
  const login = await api(instances[0].baseUrl, 'POST', '/api/v1/auth/login', undefined, { username: 'admin', password: ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`admin login: ${login.status}`);
  const system: System = {
    cluster,
    dataDir,
    env,
    instances,
    token: login.body.accessToken,
    call: (n, method, path, body) => {
      const live = instances.filter((s) => s.process.exitCode === null && s.process.signalCode === null);
      return api(live[n % live.length].baseUrl, method, path, system.token, body);
    },
    addInstance,
    sql: (text, params) => cluster.sql(text, params),
    async close() {
      for (const s of instances) await stopInstance(s);
      await cluster.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  timing(`${kind}: cluster + ${count} API instances started`, started);
  return system;
}

/** Stops an instance unless it has already gone (a killed process has no exit code, only a signal). */
export async function stopInstance(server: ChildServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  await stopChildServer(server, signal);
}

/** Stage timings, printed as the run goes (the CI log shows where the minutes went). */
export function timing(what: string, since: number): void {
  process.stdout.write(`[reliability] ${what}: ${((Date.now() - since) / 1000).toFixed(1)} s\n`);
}

/** Calls `request` for 0..n-1, at most `parallel` at a time, and keeps every outcome (a network error is status 0). */
export async function load<T>(
  n: number,
  parallel: number,
  request: (i: number) => Promise<T>,
): Promise<({ ok: true; value: T } | { ok: false; error: unknown })[]> {
  const results: ({ ok: true; value: T } | { ok: false; error: unknown })[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      try {
        results[i] = { ok: true, value: await request(i) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

export async function eventually<T>(check: () => Promise<T | undefined | null | false>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface Received {
  headers: IncomingHttpHeaders;
  key: string;
  body: Json;
  /** When it arrived (ms since the epoch). */
  at: number;
}

/** A webhook receiver on node:http: records every request with its Idempotency-Key. */
export async function startReceiver() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      received.push({
        at: Date.now(),
        headers: req.headers,
        key: String(req.headers['idempotency-key'] ?? ''),
        body: raw ? JSON.parse(raw) : null,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/xiaoban`,
    received,
    distinctKeys: () => new Set(received.map((r) => r.key)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
