// Starts the built system on a throwaway embedded database and runs the Playwright browser tests
// against it in Debian's Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './build-if-stale.mjs';

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'xiaoban-browser-'));
const adminPassword = 'Browser-admin-2026';
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  ADMIN_PASSWORD: adminPassword,
  LOGIN_THROTTLE_PER_MINUTE: '1000',
  LOG_LEVEL: 'warn',
};
delete env.DATABASE_URL; // the browser run always uses its own embedded database
const server = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'inherit', 'inherit'] });

let code = 1;
try {
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error('the server exited before it was healthy');
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the server was not healthy within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  // Extra arguments pick specs, e.g. `pnpm test:browser meetings` runs only the meetings specs.
  const specFilters = process.argv.slice(2);
  execFileSync('pnpm', ['--filter', '@xiaoban/admin', 'exec', 'playwright', 'test', ...specFilters], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BASE_URL: baseUrl, ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: adminPassword },
  });
  code = 0;
} catch (error) {
  console.error(`browser tests failed: ${error.message}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
