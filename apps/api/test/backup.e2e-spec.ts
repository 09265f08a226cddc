import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { api, startChildServer, stopChildServer, type ChildServer } from './setup/child-server';
import { eventually } from './factories/school.factory';

const run = promisify(execFile);
const CLI = join(__dirname, '../dist/backup-cli.js');
const ADMIN_PASSWORD = 'Backup-admin-2026';

/** `pnpm backup` / `pnpm restore` as a person runs them, against the embedded default (NFR-8). */
describe('backup and restore (NFR-8)', () => {
  const root = mkdtempSync(join(tmpdir(), 'xiaoban-backup-'));
  const dataDir = join(root, 'data');
  let server: ChildServer;
  let token: string;

  beforeAll(async () => {
    server = await startChildServer(dataDir, { ADMIN_PASSWORD });
    token = (await api(server.baseUrl, 'POST', '/api/v1/auth/login', undefined, { username: 'admin', password: ADMIN_PASSWORD })).body
      .accessToken;
  });
  afterAll(async () => {
    if (server) await stopChildServer(server);
    rmSync(root, { recursive: true, force: true });
  });

  it('NFR-8 a backup of the running system, restored into a fresh DATA_DIR, serves the same records', async () => {
    const department = await api(server.baseUrl, 'POST', '/api/v1/org/departments', token, { name: '档案室', code: 'DAS' });
    expect(department.status).toBe(201);
    const user = await api(server.baseUrl, 'POST', '/api/v1/org/users', token, {
      username: 'archivist1',
      name: '周云',
      password: 'Passw0rd-x',
      departmentId: department.body.id,
    });
    expect(user.status).toBe(201);

    // A classified file: encrypted at rest with the key in DATA_DIR/secrets.
    const secretText = '关于某考试命题工作的保密通知（机密）';
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(secretText)], { type: 'text/plain' }), '保密通知.txt');
    const upload = await fetch(`${server.baseUrl}/api/v1/files?classified=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const file = (await upload.json()) as { id: string };

    // Backed up while the server runs and keeps writing.
    const backupDir = join(root, 'nightly');
    const backup = await run(process.execPath, [CLI, 'backup', '--dir', backupDir], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    expect(backup.stdout).toMatch(/verification passed/);
    await api(server.baseUrl, 'POST', '/api/v1/org/departments', token, { name: '备份之后', code: 'AFTER' });
    const history = await api(server.baseUrl, 'GET', '/api/v1/backups', token);
    expect(history.body.items[0]).toMatchObject({
      method: 'base-backup',
      status: 'completed',
      verification: 'passed',
      triggeredBy: 'cli',
      location: backupDir,
    });

    // The key is not in the backup but beside it, and restore asks for it.
    expect(readdirSync(backupDir)).not.toContain('secrets');
    expect(existsSync(`${backupDir}.key`)).toBe(true);
    const restoredDir = join(root, 'restored');
    await expect(
      run(process.execPath, [CLI, 'restore', backupDir, '--data-dir', restoredDir], { env: { ...process.env, DATABASE_URL: '' } }),
    ).rejects.toThrow(/--key/);
    await run(process.execPath, [CLI, 'restore', backupDir, '--key', `${backupDir}.key`, '--data-dir', restoredDir], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    const restored = await startChildServer(restoredDir);
    try {
      const login = await api(restored.baseUrl, 'POST', '/api/v1/auth/login', undefined, { username: 'admin', password: ADMIN_PASSWORD });
      expect(login.status).toBe(200);
      const departments = (await api(restored.baseUrl, 'GET', '/api/v1/org/departments', login.body.accessToken)).body.map(
        (d: { code: string }) => d.code,
      );
      expect(departments).toContain('DAS');
      expect(departments).not.toContain('AFTER'); // written after the backup
      const users = (await api(restored.baseUrl, 'GET', '/api/v1/org/users?q=archivist1', login.body.accessToken)).body;
      expect(users.items).toEqual([
        expect.objectContaining({ username: 'archivist1', name: '周云', department: { id: department.body.id, name: '档案室' } }),
      ]);
      // The classified file decrypts with the restored key.
      const download = await fetch(`${restored.baseUrl}/api/v1/files/${file.id}`, {
        headers: { authorization: `Bearer ${login.body.accessToken}` },
      });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).toString('utf8')).toBe(secretText);
    } finally {
      await stopChildServer(restored);
    }
    // Restoring over an existing database is refused.
    await expect(
      run(process.execPath, [CLI, 'restore', backupDir, '--key', `${backupDir}.key`, '--data-dir', restoredDir], {
        env: { ...process.env, DATABASE_URL: '' },
      }),
    ).rejects.toThrow(/already holds a database/);
  });

  it('NFR-8 a corrupted backup fails verification, and is not restored', async () => {
    const backupDir = join(root, 'to-corrupt');
    await run(process.execPath, [CLI, 'backup', '--dir', backupDir], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    const victim = manifest.files.find((f) => f.path.startsWith('database/base/'))!.path;
    const bytes = readFileSync(join(backupDir, victim));
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(join(backupDir, victim), bytes);
    const verify = run(process.execPath, [CLI, 'verify', backupDir]);
    await expect(verify).rejects.toMatchObject({ stdout: expect.stringContaining(`${victim}: checksum differs`) });
    const target = join(root, 'never');
    await expect(
      run(process.execPath, [CLI, 'restore', backupDir, '--data-dir', target], { env: { ...process.env, DATABASE_URL: '' } }),
    ).rejects.toThrow(/does not verify/);
    expect(existsSync(join(target, 'postgres'))).toBe(false);
  });

  it('NFR-8 PLT-8 a backup requested in the panel runs on the job workers and shows in the history, verified', async () => {
    const before = (await api(server.baseUrl, 'GET', '/api/v1/backups', token)).body.total;
    expect((await api(server.baseUrl, 'POST', '/api/v1/backups', token)).status).toBe(202);
    const done = await eventually(
      async () => {
        const page = (await api(server.baseUrl, 'GET', '/api/v1/backups', token)).body;
        return page.total > before && page.items[0].verification ? page.items[0] : null;
      },
      60_000,
      'the backup job',
    );
    expect(done).toMatchObject({ triggeredBy: 'panel', status: 'completed', verification: 'passed' });
    expect(readdirSync(done.location)).toEqual(expect.arrayContaining(['database', 'manifest.json', 'RESTORE.md']));
  });
});
