import { PERMISSIONS } from '@xiaoban/shared';
import { createUserWith, login, loginAsAdmin, unique } from './factories/org.factory';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './setup/test-app';

describe('auth (PLT-1)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp({ LOCKOUT_THRESHOLD: '3', LOGIN_THROTTLE_PER_MINUTE: '1000' });
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('PLT-1 logs in and answers who the person is', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'admin', roles: ['admin'], clearance: 'none', department: null });
    expect(me.body.permissions).toEqual(expect.arrayContaining([PERMISSIONS.USERS_MANAGE, PERMISSIONS.AUDIT_READ]));
  });

  it('PLT-1 refuses a wrong password with 401 and the same answer as an unknown user', async () => {
    const wrong = await t.http.post('/api/v1/auth/login').send({ username: 'admin', password: 'nope-nope' }).expect(401);
    const unknown = await t.http.post('/api/v1/auth/login').send({ username: 'nobody-here', password: 'nope-nope' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('PLT-1 rotates refresh tokens, and reusing an old one revokes the whole family', async () => {
    const user = await createUserWith(t, adminToken, []);
    const first = (await t.http.post('/api/v1/auth/login').send({ username: user.username, password: user.password }).expect(200)).body;
    const second = (await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${second.accessToken}`).expect(200);

    // The first token is replayed (stolen copy): refused, and the newer token of its family dies too.
    const replay = await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(replay.body.code).toBe('INVALID_REFRESH_TOKEN');
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);

    // Another login (another family) is unaffected.
    const other = (await t.http.post('/api/v1/auth/login').send({ username: user.username, password: user.password }).expect(200)).body;
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
    const [reuse] = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.refresh-reuse' AND object_id = $1`, [
      user.id,
    ]);
    expect(reuse.n).toBe(2); // both revoked tokens presented are recorded
  });

  it('PLT-1 two parallel refreshes with one token: one succeeds, and the family is revoked', async () => {
    const user = await createUserWith(t, adminToken, []);
    const pair = (await t.http.post('/api/v1/auth/login').send({ username: user.username, password: user.password }).expect(200)).body;
    const results = await Promise.all([1, 2].map(() => t.http.post('/api/v1/auth/refresh').send({ refreshToken: pair.refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('PLT-1 locks an account with 423 after repeated failures, and an admin reset unlocks it', async () => {
    const user = await createUserWith(t, adminToken, []);
    for (let i = 0; i < 3; i++) {
      await t.http.post('/api/v1/auth/login').send({ username: user.username, password: 'wrong-password' }).expect(401);
    }
    const locked = await t.http.post('/api/v1/auth/login').send({ username: user.username, password: user.password }).expect(423);
    expect(locked.body).toMatchObject({ statusCode: 423, code: 'ACCOUNT_LOCKED' });
    const listed = await t.http.get(`/api/v1/org/users/${user.id}`).set('authorization', `Bearer ${adminToken}`).expect(200);
    expect(listed.body.lockedUntil).not.toBeNull();

    await t.http
      .post(`/api/v1/org/users/${user.id}/reset-password`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ newPassword: 'Reset-pass-1' })
      .expect(204);
    await login(t, user.username, 'Reset-pass-1');
    const failed = await t.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login-failed' AND object_id = $1`, [user.id]);
    expect(failed[0].n).toBe(3);
  });

  it('PLT-1 changes one’s own password: the old one stops working, a wrong current password is a field error', async () => {
    const user = await createUserWith(t, adminToken, []);
    const refused = await t.http
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${user.token}`)
      .send({ currentPassword: 'not-the-password', newPassword: 'New-password-1' })
      .expect(400);
    expect(refused.body.errors).toHaveProperty('currentPassword');
    await t.http
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${user.token}`)
      .send({ currentPassword: user.password, newPassword: 'New-password-1' })
      .expect(204);
    await t.http.post('/api/v1/auth/login').send({ username: user.username, password: user.password }).expect(401);
    await login(t, user.username, 'New-password-1');
  });

  it('PLT-1 logout revokes the session’s refresh token', async () => {
    const user = await createUserWith(t, adminToken, []);
    const pair = (await t.http.post('/api/v1/auth/login').send({ username: user.username, password: user.password }).expect(200)).body;
    await t.http
      .post('/api/v1/auth/logout')
      .set('authorization', `Bearer ${pair.accessToken}`)
      .send({ refreshToken: pair.refreshToken })
      .expect(204);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(401);
  });

  it('PLT-1 a person without a permission gets 403; with it, 200', async () => {
    const reader = await createUserWith(t, adminToken, [PERMISSIONS.ORG_READ]);
    await t.http.get('/api/v1/org/users').set('authorization', `Bearer ${reader.token}`).expect(200);
    const refused = await t.http
      .post('/api/v1/org/users')
      .set('authorization', `Bearer ${reader.token}`)
      .send({ username: unique('x'), name: '某人', password: 'Passw0rd-x' })
      .expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    const nobody = await createUserWith(t, adminToken, []);
    await t.http.get('/api/v1/audit/logs').set('authorization', `Bearer ${nobody.token}`).expect(403);
  });

  it('PLT-1 a deactivated account loses access at once, although its token has not expired', async () => {
    const user = await createUserWith(t, adminToken, [PERMISSIONS.ORG_READ]);
    const current = (await t.http.get(`/api/v1/org/users/${user.id}`).set('authorization', `Bearer ${adminToken}`)).body;
    await t.http
      .patch(`/api/v1/org/users/${user.id}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ active: false, version: current.version })
      .expect(200);
    await t.http.get('/api/v1/org/users').set('authorization', `Bearer ${user.token}`).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: user.username, password: user.password }).expect(401);
  });
});

describe('login throttling (PLT-1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_THROTTLE_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('PLT-1 throttles a client that keeps trying to log in with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await t.http.post('/api/v1/auth/login').send({ username: `guess${i}`, password: 'guess-guess' })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const res = await t.http.post('/api/v1/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(429);
    expect(res.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
  });
});
