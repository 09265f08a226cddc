import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, startChildServer as start, stopChildServer as stop } from './setup/child-server';

/**
 * The run contract of README and issue 2, from the outside: the built API started as `pnpm start`
 * starts it, on its own embedded PostgreSQL in DATA_DIR.
 */
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

  it('PLT-1 PLT-2 ADM-2 the demo start loads the demo school: one account per seeded role, with sample approvals and messages', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'xiaoban-demo-'));
    try {
      const demo = await start(demoDir, { DEMO_PASSWORD: 'Demo-pass-2026', XIAOBAN_DEMO: '1' });
      const login = async (username: string) =>
        (await api(demo.baseUrl, 'POST', '/api/v1/auth/login', undefined, { username, password: 'Demo-pass-2026' })).body
          .accessToken as string;
      const roles: Record<string, string> = {
        director: 'office-director',
        clerk: 'office-clerk',
        principal: 'school-leader',
        head: 'department-head',
        teacher: 'staff',
        seal: 'seal-custodian',
        archivist: 'archivist',
        store: 'storekeeper',
        repair: 'maintenance-worker',
      };
      for (const [username, role] of Object.entries(roles)) {
        const me = (await api(demo.baseUrl, 'GET', '/api/v1/auth/me', await login(username))).body;
        expect({ username, roles: me.roles }).toEqual({ username, roles: [role] });
      }
      const director = await login('director');
      const staff = (await api(demo.baseUrl, 'GET', '/api/v1/org/users?pageSize=1', director)).body;
      expect(staff.total).toBeGreaterThanOrEqual(40);
      const headInbox = (await api(demo.baseUrl, 'GET', '/api/v1/inbox', await login('head'))).body;
      expect(headInbox.items.map((i: { title: string }) => i.title)).toContain('审批：关于组织高一年级研学旅行的请示（部门负责人审核）');
      const teacherRequests = (await api(demo.baseUrl, 'GET', '/api/v1/approvals/requests', await login('teacher'))).body;
      expect(teacherRequests.items.map((r: { status: string }) => r.status).sort()).toEqual(['approved', 'pending', 'returned']);
      expect(await stop(demo, 'SIGTERM')).toBe(0);
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  });
});
