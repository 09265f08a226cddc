import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../database/embedded';

/**
 * Backups without any database binary beyond what the embedded package ships (NFR-8).
 *
 * A backup is a directory:
 *   database/         the embedded cluster's files from a low-level base backup (with backup_label
 *                     and the WAL to make them consistent), or database.dump from pg_dump
 *   files/            the uploaded files (DATA_DIR/files), as stored (classified ones encrypted)
 *   manifest.json     every file's size and SHA-256: the verification reads them back
 *   RESTORE.md        how to restore, and which key file to bring
 * The file encryption key is never put in it: it is written beside it as `<backup>.key`, to be
 * kept apart (another disk, a safe) and handed to `pnpm restore --key`.
 */
const run = promisify(execFile);

export interface BackupSource {
  /** Connection string of the running database. */
  databaseUrl: string;
  /** DATA_DIR when the database is the embedded one (its cluster is DATA_DIR/postgres). */
  embeddedDataDir: string | null;
  /** DATA_DIR, where files/ and secrets/ live. */
  dataDir: string;
}

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  createdAt: string;
  /** `files`: a scoped backup (e.g. the archive's, ADM-9) of files only, checked by their hashes alone. */
  method: 'base-backup' | 'pg_dump' | 'files';
  files: ManifestEntry[];
  /** SHA-256 of the encryption key (to tell that the right key was brought), never the key. */
  encryptionKeySha256: string | null;
}

const KEY_FILE = join('secrets', 'file-encryption.key');

/**
 * As root, the embedded PostgreSQL runs as the `postgres` user and refuses a cluster it does not
 * own or that others can read: hand a copied cluster to it, mode 0700.
 */
async function handClusterToPostgres(clusterDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  await run('chown', ['-R', 'postgres:postgres', clusterDir]);
  await run('chmod', ['0700', clusterDir]);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : entry.isFile() ? [path] : [];
  });
}

/** Files the server rewrites or owns while running, and that a restored cluster must not carry. */
const SKIPPED_CLUSTER_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'backup_label.old']);

/**
 * PostgreSQL's non-exclusive low-level base backup: pg_backup_start in one session, copy the
 * cluster, pg_backup_stop in the same session, write the backup_label it returns, then copy the
 * WAL written meanwhile so that the copy recovers to a consistent state on its first start.
 */
async function baseBackup(source: BackupSource, target: string): Promise<void> {
  const clusterDir = join(source.embeddedDataDir!, 'postgres');
  const client = new Client({ connectionString: source.databaseUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_backup_start('xiaoban', true)`);
    cpSync(clusterDir, target, {
      recursive: true,
      filter: (path) => {
        const rel = relative(clusterDir, path);
        if (SKIPPED_CLUSTER_FILES.has(rel)) return false;
        return !(rel.startsWith('pg_wal') && rel !== 'pg_wal');
      },
    });
    const { rows } = await client.query(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`);
    writeFileSync(join(target, 'backup_label'), rows[0].labelfile);
    if (rows[0].spcmapfile) writeFileSync(join(target, 'tablespace_map'), rows[0].spcmapfile);
    // The WAL from the backup's start up to now: enough to make the copy consistent.
    cpSync(join(clusterDir, 'pg_wal'), join(target, 'pg_wal'), { recursive: true });
  } finally {
    await client.end();
  }
}

export async function createBackupArchive(source: BackupSource, location: string): Promise<Manifest> {
  mkdirSync(location, { recursive: true });
  const method = source.embeddedDataDir ? 'base-backup' : 'pg_dump';
  if (method === 'base-backup') {
    await baseBackup(source, join(location, 'database'));
  } else {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${join(location, 'database.dump')}`, source.databaseUrl], {
      maxBuffer: 1 << 26,
    });
  }
  const filesDir = join(source.dataDir, 'files');
  if (existsSync(filesDir)) cpSync(filesDir, join(location, 'files'), { recursive: true });

  const keyPath = join(source.dataDir, KEY_FILE);
  let encryptionKeySha256: string | null = null;
  if (existsSync(keyPath)) {
    writeFileSync(`${location.replace(/\/$/, '')}.key`, readFileSync(keyPath), { mode: 0o600 });
    encryptionKeySha256 = await sha256Of(keyPath);
  }
  writeFileSync(join(location, 'RESTORE.md'), restoreInstructions(location, method, encryptionKeySha256 !== null));
  return writeManifest(location, method, encryptionKeySha256);
}

/** Hashes every file of a backup directory into its manifest.json, which verification reads back. */
export async function writeManifest(location: string, method: Manifest['method'], encryptionKeySha256: string | null): Promise<Manifest> {
  const files: ManifestEntry[] = [];
  for (const path of walk(location)) {
    if (path.endsWith('manifest.json')) continue;
    files.push({ path: relative(location, path), size: statSync(path).size, sha256: await sha256Of(path) });
  }
  const manifest: Manifest = { createdAt: new Date().toISOString(), method, files, encryptionKeySha256 };
  writeFileSync(join(location, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

function restoreInstructions(location: string, method: string, hasKey: boolean): string {
  return [
    '# Restoring this xiaoban backup',
    '',
    method === 'base-backup'
      ? 'Database: a base backup of the embedded PostgreSQL. Restore into a new, empty DATA_DIR:'
      : 'Database: a pg_dump archive. Restore into an empty database named by DATABASE_URL:',
    '',
    '```sh',
    `pnpm restore ${location}${hasKey ? ` --key ${location.replace(/\/$/, '')}.key` : ''} --data-dir /path/to/new/data`,
    '```',
    '',
    hasKey
      ? `The file encryption key is NOT in this directory: it was written to \`${location.replace(/\/$/, '')}.key\`. Keep that file apart from the backup (another disk or a safe); without it the classified files cannot be decrypted.`
      : 'No file encryption key existed when this backup was made.',
    '',
  ].join('\n');
}

export interface Verification {
  passed: boolean;
  problems: string[];
}

/**
 * Reads a backup back: every file against the manifest, then the database itself (the cluster
 * started on a scratch copy, or the dump's table of contents listed).
 */
export async function verifyBackupArchive(location: string): Promise<Verification> {
  const problems: string[] = [];
  const manifestPath = join(location, 'manifest.json');
  if (!existsSync(manifestPath)) return { passed: false, problems: ['manifest.json is missing'] };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  for (const entry of manifest.files) {
    const path = join(location, entry.path);
    if (!existsSync(path)) problems.push(`${entry.path}: missing`);
    else if ((await sha256Of(path)) !== entry.sha256) problems.push(`${entry.path}: checksum differs`);
  }
  if (problems.length) return { passed: false, problems };
  try {
    if (manifest.method === 'base-backup') {
      const scratch = join(tmpdir(), `xiaoban-verify-${process.pid}-${Date.now()}`);
      cpSync(join(location, 'database'), join(scratch, 'postgres'), { recursive: true });
      await handClusterToPostgres(join(scratch, 'postgres'));
      const db = await startEmbeddedDatabase(scratch);
      try {
        const client = new Client({ connectionString: db.url });
        await client.connect();
        await client.query('SELECT count(*) FROM users');
        await client.end();
      } finally {
        await db.stop();
        rmSync(scratch, { recursive: true, force: true });
      }
    } else if (manifest.method === 'pg_dump') {
      await run('pg_restore', ['--list', join(location, 'database.dump')]);
    }
  } catch (error) {
    problems.push(`database: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { passed: problems.length === 0, problems };
}

/**
 * Restores a backup. Embedded: into a new DATA_DIR (refused if it already has a cluster).
 * External: pg_restore into DATABASE_URL. Files and the key go into DATA_DIR.
 */
export async function restoreBackupArchive(
  location: string,
  target: { dataDir: string; databaseUrl?: string; keyFile?: string },
): Promise<void> {
  const verification = await verifyBackupArchive(location);
  if (!verification.passed) throw new Error(`The backup does not verify: ${verification.problems.join('; ')}`);
  const manifest = JSON.parse(readFileSync(join(location, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.encryptionKeySha256) {
    if (!target.keyFile) throw new Error('This backup has encrypted files: pass the key file with --key');
    if ((await sha256Of(target.keyFile)) !== manifest.encryptionKeySha256)
      throw new Error('The key file is not the one this backup was made with');
  }
  if (manifest.method === 'base-backup') {
    const clusterDir = join(target.dataDir, 'postgres');
    if (existsSync(join(clusterDir, 'PG_VERSION')))
      throw new Error(`${target.dataDir} already holds a database; restore into a new DATA_DIR`);
    cpSync(join(location, 'database'), clusterDir, { recursive: true });
    await handClusterToPostgres(clusterDir);
  } else {
    if (!target.databaseUrl) throw new Error('Restoring a pg_dump backup needs DATABASE_URL');
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${target.databaseUrl}`, join(location, 'database.dump')]);
  }
  if (existsSync(join(location, 'files'))) cpSync(join(location, 'files'), join(target.dataDir, 'files'), { recursive: true });
  if (target.keyFile) {
    mkdirSync(dirname(join(target.dataDir, KEY_FILE)), { recursive: true, mode: 0o700 });
    writeFileSync(join(target.dataDir, KEY_FILE), readFileSync(target.keyFile), { mode: 0o600 });
  }
}
