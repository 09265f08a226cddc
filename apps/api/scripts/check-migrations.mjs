// CI's drift check: migrate a fresh database, then ask TypeORM to generate a migration from the
// entities. Any SQL at all means an entity changed without a migration.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const require = createRequire(import.meta.url);
const apiDir = fileURLToPath(new URL('..', import.meta.url));
execFileSync('pnpm', ['exec', 'tsc', '-b', 'tsconfig.build.json'], { cwd: apiDir, stdio: 'inherit' });
const { startEmbeddedDatabase } = require('../dist/database/embedded.js');
const { prepareDatabase } = require('../dist/database/prepare.js');

let embedded;
let dataDir;
let url;
let cleanup = async () => undefined;
if (process.env.DATABASE_URL) {
  const name = `xiaoban_drift_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const parsed = new URL(process.env.DATABASE_URL);
  parsed.pathname = `/${name}`;
  url = parsed.toString();
  cleanup = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
} else {
  dataDir = mkdtempSync(join(tmpdir(), 'xiaoban-drift-'));
  embedded = await startEmbeddedDatabase(dataDir);
  url = embedded.url;
  cleanup = async () => {
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

let status = 0;
try {
  await prepareDatabase(url, { adminPassword: 'drift-check-only', log: () => undefined });
  execFileSync(
    'pnpm',
    ['exec', 'typeorm', 'migration:generate', '--check', '-d', 'dist/database/data-source.js', 'src/database/migrations/Drift'],
    {
      cwd: apiDir,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url },
    },
  );
  console.log('No drift between the entities and the migrations.');
} catch {
  console.error(
    'Drift: the entities and the migrations disagree. Generate a migration with `pnpm --filter @xiaoban/api migration:generate src/database/migrations/<Name>`.',
  );
  status = 1;
} finally {
  await cleanup();
}
process.exit(status);
