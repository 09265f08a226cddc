import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { api, startChildServer } from '../setup/child-server';
import { ADMIN_PASSWORD, startSystem, stopInstance, timing, type System } from './harness';

const run = promisify(execFile);
const CLI = join(__dirname, '../../dist/backup-cli.js');

/** Every file below `dir`, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * NFR-8 with an external server (ARCHITECTURE.md: pg_dump/pg_restore). Always on a PostgreSQL 15
 * cluster of the harness: Debian 12's pg_dump is 15 and cannot dump the embedded 18, whose own
 * method (a base backup) test/backup.e2e-spec.ts proves. The classified files' key lives in
 * DATA_DIR/secrets here, so the backup writes it beside itself and the restore asks for it.
 */
describe('reliability: backup and restore with an external PostgreSQL server (NFR-8)', () => {
  let system: System;
  const root = mkdtempSync(join(tmpdir(), 'xiaoban-rel-backup-'));

  beforeAll(async () => {
    // No FILE_ENCRYPTION_KEY: the key file is made in DATA_DIR on first use.
    system = await startSystem('pg15', 1, { FILE_ENCRYPTION_KEY: '' });
  }, 180_000);
  afterAll(async () => {
    await system?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('NFR-8 pg_dump backup of the running system with its key, restored into a new database and a fresh DATA_DIR: same records, classified files decrypt', async () => {
    const started = Date.now();
    const department = await system.call(0, 'POST', '/api/v1/org/departments', { name: '档案室', code: 'DAS' });
    expect(department.status).toBe(201);
    const user = await system.call(0, 'POST', '/api/v1/org/users', {
      username: 'archivist1',
      name: '周云',
      password: 'Passw0rd-x',
      departmentId: department.body.id,
    });
    expect(user.status).toBe(201);
    const secretText = '关于某考试命题工作的保密通知（机密）';
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(secretText)], { type: 'text/plain' }), '保密通知.txt');
    const upload = await fetch(`${system.instances[0].baseUrl}/api/v1/files?classified=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${system.token}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string };

    const backupDir = join(root, 'nightly');
    const cliEnv = { ...process.env, DATA_DIR: system.dataDir, DATABASE_URL: system.cluster.url, FILE_ENCRYPTION_KEY: '' };
    const backup = await run(process.execPath, [CLI, 'backup', '--dir', backupDir], { env: cliEnv });
    expect(backup.stdout).toMatch(/verification passed/);
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as { method: string; encryptionKeySha256: string };
    expect(manifest.method).toBe('pg_dump');
    expect(manifest.encryptionKeySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(backupDir)).toEqual(expect.arrayContaining(['database.dump', 'files', 'manifest.json', 'RESTORE.md']));
    // The classified file is in the backup encrypted, and the key is beside the backup, not in it.
    for (const path of walk(join(backupDir, 'files'))) expect(readFileSync(path).includes(Buffer.from(secretText))).toBe(false);
    expect(walk(backupDir).some((p) => p.includes('secrets'))).toBe(false);
    expect(existsSync(`${backupDir}.key`)).toBe(true);
    const history = await system.call(0, 'GET', '/api/v1/backups');
    expect(history.body.items[0]).toMatchObject({ method: 'pg_dump', status: 'completed', verification: 'passed', triggeredBy: 'cli' });
    expect((await system.call(0, 'POST', '/api/v1/org/departments', { name: '备份之后', code: 'AFTER' })).status).toBe(201);

    // Restore: a new, empty database on the server and a fresh DATA_DIR.
    const restoredUrl = await system.cluster.createDatabase('xiaoban_restored');
    const restoredDir = join(root, 'restored');
    const restoreEnv = { ...process.env, DATABASE_URL: restoredUrl, FILE_ENCRYPTION_KEY: '' };
    await expect(run(process.execPath, [CLI, 'restore', backupDir, '--data-dir', restoredDir], { env: restoreEnv })).rejects.toThrow(
      /--key/,
    );
    await run(process.execPath, [CLI, 'restore', backupDir, '--key', `${backupDir}.key`, '--data-dir', restoredDir], { env: restoreEnv });
    const restored = await startChildServer(restoredDir, {
      DATABASE_URL: restoredUrl,
      FILE_ENCRYPTION_KEY: '',
      JWT_SECRET: system.env.JWT_SECRET,
      LOG_LEVEL: 'warn',
    });
    try {
      const login = await api(restored.baseUrl, 'POST', '/api/v1/auth/login', undefined, { username: 'admin', password: ADMIN_PASSWORD });
      expect(login.status).toBe(200);
      const token = login.body.accessToken as string;
      const codes = (await api(restored.baseUrl, 'GET', '/api/v1/org/departments', token)).body.map((d: { code: string }) => d.code);
      expect(codes).toContain('DAS');
      expect(codes).not.toContain('AFTER'); // written after the backup
      const users = (await api(restored.baseUrl, 'GET', '/api/v1/org/users?q=archivist1', token)).body;
      expect(users.items).toEqual([
        expect.objectContaining({ username: 'archivist1', name: '周云', department: { id: department.body.id, name: '档案室' } }),
      ]);
      const download = await fetch(`${restored.baseUrl}/api/v1/files/${file.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).toString('utf8')).toBe(secretText);
    } finally {
      await stopInstance(restored);
    }
    timing('pg15: NFR-8 pg_dump backup and restore', started);
  });
});
