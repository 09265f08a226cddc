import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The run contract of README and issue 2, from the outside: the built API started as `pnpm start`
 * starts it, on its own embedded PostgreSQL in DATA_DIR.
 */
const MAIN = join(__dirname, '../dist/main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Running {
  process: ChildProcess;
  output: () => string;
  baseUrl: string;
}

async function start(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), ADMIN_DIST: '', LOG_LEVEL: 'info', ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.ADMIN_PASSWORD;
  Object.assign(childEnv, env);
  const child = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
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

async function stop(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  running.process.kill(signal);
  return new Promise((resolve) => running.process.once('exit', (code) => resolve(code)));
}

async function loginStatus(baseUrl: string, password: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  return res.status;
}

describe('run contract (embedded PostgreSQL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaoban-run-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('NFR-6 first start creates admin with a generated password printed once; SIGTERM stops cleanly; a second start reuses the data', async () => {
    const first = await start(dataDir);
    const match = /generated password: (\S+)/.exec(first.output());
    expect(match).not.toBeNull();
    const password = match![1];
    expect(await loginStatus(first.baseUrl, password)).toBe(200);
    const docs = (await fetch(`${first.baseUrl}/api/docs-json`).then((r) => r.json())) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toContain('/api/v1/auth/login');
    expect(await stop(first, 'SIGTERM')).toBe(0);
    // A clean stop leaves no postmaster behind.
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await start(dataDir, { ADMIN_PASSWORD: 'ignored-on-second-start' });
    expect(second.output()).not.toMatch(/generated password/);
    expect(await loginStatus(second.baseUrl, password)).toBe(200);
    expect(await stop(second, 'SIGINT')).toBe(0);
  });

  it('NFR-6 a start after the process was killed (SIGKILL) recovers the embedded database', async () => {
    const killedDir = mkdtempSync(join(tmpdir(), 'xiaoban-kill-'));
    try {
      const first = await start(killedDir, { ADMIN_PASSWORD: 'Killed-admin-1' });
      first.process.kill('SIGKILL');
      await new Promise((r) => first.process.once('exit', r));
      const second = await start(killedDir);
      expect(await loginStatus(second.baseUrl, 'Killed-admin-1')).toBe(200);
      expect(await stop(second, 'SIGTERM')).toBe(0);
    } finally {
      rmSync(killedDir, { recursive: true, force: true });
    }
  });
});
