import { loginAsAdmin, unique } from './factories/org.factory';
import { startTestApp, type TestApp } from './setup/test-app';

describe('Idempotency-Key (NFR-7)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  const createUser = (key: string, body: object) =>
    t.http.post('/api/v1/org/users').set('authorization', `Bearer ${adminToken}`).set('idempotency-key', key).send(body);

  it('NFR-7 the same key sent twice in parallel creates one user, and both answers are the same', async () => {
    const key = unique('key-');
    const body = { username: unique('idem').toLowerCase(), name: '李娜', password: 'Passw0rd-x' };
    const [a, b] = await Promise.all([createUser(key, body), createUser(key, body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    const rows = await t.sql('SELECT id FROM users WHERE username = $1', [body.username]);
    expect(rows).toHaveLength(1);
    const audit = await t.sql(`SELECT 1 FROM audit_log WHERE action = 'user.create' AND object_id = $1`, [rows[0].id]);
    expect(audit).toHaveLength(1);
  });

  it('NFR-7 a later retry is replayed with the stored answer', async () => {
    const key = unique('key-');
    const body = { username: unique('idem').toLowerCase(), name: '张伟', password: 'Passw0rd-x' };
    const first = await createUser(key, body).expect(201);
    const retry = await createUser(key, body).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('NFR-7 the same key with a different body gets 422 and creates nothing', async () => {
    const key = unique('key-');
    const body = { username: unique('idem').toLowerCase(), name: '王芳', password: 'Passw0rd-x' };
    await createUser(key, body).expect(201);
    const other = { ...body, username: unique('idem').toLowerCase() };
    const res = await createUser(key, other).expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await t.sql('SELECT 1 FROM users WHERE username = $1', [other.username])).toHaveLength(0);
  });

  it('NFR-7 a request that failed frees its key, so a corrected retry goes through', async () => {
    const key = unique('key-');
    const body = { username: unique('idem').toLowerCase(), name: '', password: 'Passw0rd-x' };
    await createUser(key, body).expect(400);
    expect(await t.sql('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).toHaveLength(0);
    const corrected = await createUser(key, { ...body, name: '赵敏' }).expect(201);
    expect(corrected.body.name).toBe('赵敏');
  });
});
