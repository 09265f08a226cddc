import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The built API (dist/main.js) as a separate process, the way `pnpm start` runs it. */
export const MAIN = join(__dirname, '../../dist/main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ChildServer {
  process: ChildProcess;
  output: () => string;
  baseUrl: string;
}

/** Starts the API on its own embedded PostgreSQL in `dataDir` and waits until it is healthy. */
export async function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), ADMIN_DIST: '', LOG_LEVEL: 'info' };
  delete childEnv.DATABASE_URL;
  delete childEnv.ADMIN_PASSWORD;
  Object.assign(childEnv, env);
  const child = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // A server that dies on its own (not by a test's signal) says why, for the failure that follows.
  child.once('exit', (code, signal) => {
    if (signal === null && code !== 0) process.stderr.write(`[child-server] exited with ${code}:\n${output.slice(-4000)}\n`);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`server not healthy in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { process: child, output: () => output, baseUrl };
}

export async function stopChildServer(server: ChildServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (server.process.exitCode !== null) return server.process.exitCode;
  server.process.kill(signal);
  return new Promise((resolve) => server.process.once('exit', (code) => resolve(code)));
}

/** Whatever JSON a route answers: tests read the fields they assert on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A small JSON client for a child server. */
export async function api(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
