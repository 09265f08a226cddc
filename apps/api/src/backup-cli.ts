import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from './config/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { createBackupArchive, restoreBackupArchive, verifyBackupArchive } from './platform/backup/backup-archive';

/**
 * `pnpm backup`, `pnpm restore <dir> --key <file> [--data-dir <dir>]`, `pnpm backup:verify <dir>` (NFR-8).
 * Works whether or not the server runs: with the embedded database running, it backs up that
 * running cluster (found through its postmaster.pid); stopped, it starts it for the backup.
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const EMBEDDED_PASSWORD = 'xiaoban-embedded';

/** The URL of the embedded cluster the server is running now, or null when it is not running. */
function runningEmbeddedUrl(dataDir: string): string | null {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(lines[0]), 0);
  } catch {
    return null;
  }
  return `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${lines[3].trim()}/xiaoban`;
}

async function backUp(): Promise<number> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
  if (!url) {
    embedded = await startEmbeddedDatabase(config.dataDir);
    url = embedded.url;
  }
  try {
    const location = resolve(option('dir') ?? join(config.backupDir, `xiaoban-${new Date().toISOString().replace(/[:.]/g, '-')}`));
    const manifest = await createBackupArchive(
      { databaseUrl: url, embeddedDataDir: config.databaseUrl ? null : config.dataDir, dataDir: config.dataDir },
      location,
    );
    const verification = await verifyBackupArchive(location);
    // The history the panel shows includes backups made here.
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(
      `INSERT INTO backups (method, location, status, triggered_by, finished_at, size_bytes, file_count, verification, verified_at, error)
       VALUES ($1, $2, 'completed', 'cli', now(), $3, $4, $5, now(), $6)`,
      [
        manifest.method,
        location,
        manifest.files.reduce((s, f) => s + f.size, 0),
        manifest.files.length,
        verification.passed ? 'passed' : 'failed',
        verification.problems.join('; ') || null,
      ],
    );
    await client.end();
    console.log(
      `Backup written to ${location} (${manifest.files.length} files), verification ${verification.passed ? 'passed' : 'FAILED'}`,
    );
    if (manifest.encryptionKeySha256) console.log(`The file encryption key was written to ${location}.key: keep it apart from the backup.`);
    return verification.passed ? 0 : 1;
  } finally {
    await embedded?.stop();
  }
}

async function main(): Promise<number> {
  const [command, location] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  switch (command) {
    case 'backup':
      return backUp();
    case 'verify': {
      const result = await verifyBackupArchive(resolve(location));
      console.log(result.passed ? 'Verification passed' : `Verification FAILED:\n- ${result.problems.join('\n- ')}`);
      return result.passed ? 0 : 1;
    }
    case 'restore': {
      if (!location) throw new Error('usage: pnpm restore <backup-dir> [--key <key-file>] [--data-dir <new-data-dir>]');
      const config = loadConfig({ ...process.env, ...(option('data-dir') ? { DATA_DIR: option('data-dir') } : {}) });
      await restoreBackupArchive(resolve(location), { dataDir: config.dataDir, databaseUrl: config.databaseUrl, keyFile: option('key') });
      console.log(
        `Restored into ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}. Start the system with DATA_DIR=${config.dataDir} pnpm start.`,
      );
      return 0;
    }
    default:
      console.error('usage: backup-cli backup [--dir <dir>] | verify <dir> | restore <dir> [--key <file>] [--data-dir <dir>]');
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
