// `pnpm start` / `pnpm demo`: build what is out of date, then serve the API and the admin panel
// on PORT (default 3000). With DATABASE_URL unset the API runs its own embedded PostgreSQL.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { API_NODE_OPTIONS } from './api-process.mjs';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale();
const args = [...API_NODE_OPTIONS, join(root, 'apps/api/dist/main.js'), ...process.argv.slice(2)];
const server = spawn(process.execPath, args, { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
