import { PERMISSIONS } from '@xiaoban/shared';
import { createDepartment, createRole, createUserWith, loginAsAdmin, unique } from './factories/org.factory';
import { startTestApp, type TestApp } from './setup/test-app';

describe('audit log (PLT-6)', () => {
  let t: TestApp;
  let adminToken: string;
  const auth = () => ({ authorization: `Bearer ${adminToken}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('PLT-6 every write through the API leaves an audit row with actor, object, diff, IP and request id', async () => {
    const dept = await createDepartment(t, adminToken);
    const role = await createRole(t, adminToken, [PERMISSIONS.ORG_READ]);
    const user = await createUserWith(t, adminToken, []);
    const writes = [
      t.http
        .post('/api/v1/org/departments')
        .set(auth())
        .send({ name: unique('部门'), code: unique('W').toUpperCase().slice(0, 20) }),
      t.http.patch(`/api/v1/org/departments/${dept.id}`).set(auth()).send({ name: '教务处（新）', version: dept.version }),
      t.http
        .post('/api/v1/org/roles')
        .set(auth())
        .send({ code: unique('r-'), name: '临时角色', permissions: [] }),
      t.http.patch(`/api/v1/org/roles/${role.id}`).set(auth()).send({ name: '改名角色', version: 1 }),
      t.http
        .post('/api/v1/org/users')
        .set(auth())
        .send({ username: unique('aud'), name: '审计测试', password: 'Passw0rd-x' }),
      t.http.patch(`/api/v1/org/users/${user.id}`).set(auth()).send({ phone: '13900000000', version: 1 }),
      t.http.post(`/api/v1/org/users/${user.id}/reset-password`).set(auth()).send({ newPassword: 'Another-pass-1' }),
      t.http
        .post('/api/v1/auth/password')
        .set({ authorization: `Bearer ${user.token}` })
        .send({ currentPassword: 'Another-pass-1', newPassword: 'Changed-pass-1' }),
    ];
    const responses = [];
    for (const write of writes) responses.push(await write);
    expect(responses.map((r) => (r.status < 300 ? 'ok' : r.text))).toEqual(responses.map(() => 'ok'));
    const deletable = responses[2].body.id as string;
    responses.push(await t.http.delete(`/api/v1/org/roles/${deletable}`).set(auth()).expect(204));

    for (const [index, res] of responses.entries()) {
      const rows = await t.sql<{ action: string; actor_id: string; ip: string }>(
        'SELECT action, actor_id, ip FROM audit_log WHERE request_id = $1',
        [res.headers['x-request-id']],
      );
      expect({ write: index, rows: rows.length }).toEqual({ write: index, rows: 1 });
      expect(rows[0].actor_id).toEqual(expect.any(String));
      expect(rows[0].ip).toBeTruthy();
    }
    const [update] = await t.sql<{ diff: Record<string, unknown> }>(
      `SELECT diff FROM audit_log WHERE action = 'department.update' AND object_id = $1`,
      [dept.id],
    );
    expect(update.diff).toEqual({ name: [dept.name, '教务处（新）'] });
  });

  it('PLT-6 keeps secrets out of the diff', async () => {
    const rows = await t.sql<{ diff: unknown }>(`SELECT diff FROM audit_log WHERE diff IS NOT NULL`);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/argon2|password_?hash|Passw0rd|refreshToken/i);
  });

  it('PLT-6 the database refuses UPDATE, DELETE and TRUNCATE on the audit log', async () => {
    await t.http.post('/api/v1/audit/seal').set(auth()).expect(200);
    await expect(t.sql(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`TRUNCATE audit_log CASCADE`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM audit_seals`)).rejects.toThrow(/append-only/);
  });

  it('PLT-6 verify reports the unsealed tail, then a whole chain after sealing', async () => {
    await createDepartment(t, adminToken);
    const before = (await t.http.get('/api/v1/audit/verify').set(auth()).expect(200)).body;
    expect(before.unsealed).toBeGreaterThan(0);
    const sealed = (await t.http.post('/api/v1/audit/seal').set(auth()).expect(200)).body;
    expect(sealed.sealed).toBeGreaterThanOrEqual(before.unsealed);
    const after = (await t.http.get('/api/v1/audit/verify').set(auth()).expect(200)).body;
    // The seal call itself is audited after the seal, so it may be the one unsealed row.
    expect(after).toMatchObject({ ok: true, firstBroken: null });
    expect(after.checked).toBeGreaterThanOrEqual(sealed.sealed);
    expect(after.unsealed).toBeLessThanOrEqual(1);
  });

  it('PLT-6 a row altered directly in SQL is found by verify at that row', async () => {
    await t.http.post('/api/v1/audit/seal').set(auth()).expect(200);
    const [victim] = await t.sql<{ id: string; position: string }>(
      `SELECT a.id::text, s.position::text FROM audit_log a JOIN audit_seals s ON s.audit_id = a.id WHERE a.action = 'user.create' ORDER BY s.position LIMIT 1 OFFSET 1`,
    );
    // Only a superuser can do this: switch the guard off, rewrite history, switch it on again.
    await t.sql('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await t.sql(`UPDATE audit_log SET actor_name = '冒名者' WHERE id = $1`, [victim.id]);
    await t.sql('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    const result = (await t.http.get('/api/v1/audit/verify').set(auth()).expect(200)).body;
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ auditId: victim.id, position: Number(victim.position) });
    expect(result.checked).toBe(Number(victim.position) - 1);
  });

  it('PLT-6 the log is searchable by actor, object, action and time', async () => {
    const user = await createUserWith(t, adminToken, []);
    const byObject = (await t.http.get('/api/v1/audit/logs').query({ objectType: 'user', objectId: user.id }).set(auth()).expect(200)).body;
    expect(byObject.items.map((e: { action: string }) => e.action)).toEqual(['auth.login', 'user.create']);
    expect(byObject.items[1].actor).toMatchObject({ name: '系统管理员' });
    const byAction = (await t.http.get('/api/v1/audit/logs').query({ action: 'user.create', pageSize: 100 }).set(auth()).expect(200)).body;
    expect(byAction.items.every((e: { action: string }) => e.action === 'user.create')).toBe(true);
    const future = (await t.http.get('/api/v1/audit/logs').query({ from: '2999-01-01T00:00:00Z' }).set(auth()).expect(200)).body;
    expect(future).toMatchObject({ items: [], total: 0, totalCapped: false });
  });
});
