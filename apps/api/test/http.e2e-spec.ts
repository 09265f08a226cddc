import { loginAsAdmin } from './factories/org.factory';
import { startTestApp, type TestApp } from './setup/test-app';

/** Routes that are public on purpose; anything else under /api must answer 401 without a token. */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'GET /api/docs',
  'GET /api/docs-json',
  'GET /api/docs-yaml',
  // Called by the SMS gateway; guarded by the shared token in SMS_REPORT_TOKEN instead.
  'POST /api/v1/notifications/sms/reports',
  // A calendar app cannot sign in: the personal feed is guarded by its revocable secret in the path (MTG-3).
  'GET /api/v1/meetings/feeds/:token',
  // The website channel (INF-5): public notices only, for the school website to embed.
  'GET /api/v1/public/notices',
  'GET /api/v1/public/notices/feed.json',
  'GET /api/v1/public/notices/feed.rss',
  'GET /api/v1/public/notices/:id',
  // The suggestion box (ASM-4): anyone sends a suggestion and follows the reply by its query code.
  'POST /api/v1/public/suggestions',
  'GET /api/v1/public/suggestions/:code',
  // Questionnaires (ASM-3): anyone answers through the public link or QR code.
  'GET /api/v1/public/questionnaires/:code',
  'POST /api/v1/public/questionnaires/:code/responses',
]);

/** Writes that take no body: the path says everything. */
const BODILESS_WRITES = [
  /\/audit\/seal$/,
  /\/withdraw$/,
  /^POST \/api\/v1\/backups$/,
  /\/backups\/:id\/verify$/,
  /\/witness$/, // a witness confirms as themself
  /\/filing\/:kind\/:id\/ready$/,
  /^POST \/api\/v1\/documents\/inventories$/, // open this month's inventory now
  /^POST \/api\/v1\/meetings\/feed$/, // a new secret for one's own calendar feed
  /\/meetings\/:id\/(confirm-agenda|notify)$/,
  /\/information\/notices\/:id\/(submit|publish|confirm)$/, // the notice in the path is all they act on
  /^POST \/api\/v1\/administration\/archives\/backups(\/:id\/restore)?$/, // back up the archive now; restore from one (ADM-9)
  /^POST \/api\/v1\/meetings\/materials\/:materialId\/receipt$/, // MTG-5: the caller confirms their copy
  /\/meetings\/:id\/minutes(\/submit|\/publish)?$/, // the draft comes from the meeting; submit and publish take no input
  /^POST \/api\/v1\/logistics\/inspections\/templates\/:id\/rounds$/, // LOG-10: open the current period's round now
  /^POST \/api\/v1\/information\/links\/check$/, // INF-5: run the link checker now
  /\/information\/notices\/:id\/robot-posts\/:postId\/retry$/, // INF-3: the failed posting in the path is sent again
  /\/logistics\/demand-windows\/:id\/(close|merge)$/, // LOG-2: the window in the path is all they act on
  /\/logistics\/purchase-lists\/:id\/(submit|order)$/, // LOG-3: the list in the path is all they act on
  /\/logistics\/supplies\/issues\/:id\/sign$/, // LOG-5: the signed-in member of the department signs
  /\/logistics\/supplies\/stocktakes\/:id\/(submit|approve|return)$/, // LOG-7: the stocktake in the path is all they act on
  /\/information\/collection\/(requests\/:id\/close|submissions\/:id\/notice-draft)$/, // INF-1: the request or item in the path is all they act on
  /\/logistics\/events\/:id\/materials\/:materialId\/(confirm|issue)$/, // LOG-11: the line says what to reserve or issue
  /\/assessment\/questionnaire-answers\/:code\/token$/, // ASM-3: the signed-in person takes their one token
  /\/assessment\/evaluations\/results\/:id\/acknowledge$/, // ASM-2: the person acknowledges the report in the path
];

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe('closed by default, errors and limits', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('NFR-1 every registered API route that is not deliberately public answers 401 without a token', async () => {
    const apiRoutes = t.routes
      .flatMap((route) => (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({ method, url: route.url })))
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.startsWith('/api/docs/'));
    expect(apiRoutes.length).toBeGreaterThan(15);
    const unexpected: string[] = [];
    for (const route of apiRoutes) {
      const key = `${route.method} ${route.url}`;
      const path = route.url.replace(/:[A-Za-z]+/g, SAMPLE_ID);
      const res = await t.http[route.method.toLowerCase() as 'get'](path).send({});
      if (PUBLIC_ROUTES.has(key)) continue;
      if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED') unexpected.push(`${key} → ${res.status}`);
    }
    expect(unexpected).toEqual([]);
    // Every deliberately public route is really there (the list does not rot).
    const registered = new Set(apiRoutes.map((r) => `${r.method} ${r.url}`));
    for (const route of PUBLIC_ROUTES) expect(registered).toContain(route);
  });

  it('NFR-1 a forged or expired token is refused like a missing one', async () => {
    const forged = adminToken.slice(0, -4) + 'AAAA';
    await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${forged}`).expect(401);
    await t.http.get('/api/v1/auth/me').set('authorization', 'Basic YWRtaW46eA==').expect(401);
  });

  it('NFR-2 bad input gets 400 with messages keyed by field, and nothing is written', async () => {
    const [before] = await t.sql<{ users: number; audit: number }>(
      'SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM audit_log) AS audit',
    );
    const res = await t.http
      .post('/api/v1/org/users')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ username: 'Bad Name!', name: '', password: 'short', email: 'not-an-email', clearance: 'cosmic', roleIds: ['x'], unknown: 1 })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(res.body.errors).sort()).toEqual(['clearance', 'email', 'name', 'password', 'roleIds', 'unknown', 'username']);
    const [after] = await t.sql('SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM audit_log) AS audit');
    expect(after).toEqual(before);
  });

  it('NFR-2 a reference to a missing department is a field error, not a database error', async () => {
    const res = await t.http
      .post('/api/v1/org/users')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ username: 'ghost', name: '某人', password: 'Passw0rd-x', departmentId: SAMPLE_ID })
      .expect(400);
    expect(res.body.errors).toEqual({ departmentId: ['department does not exist'] });
    expect(await t.sql(`SELECT 1 FROM users WHERE username = 'ghost'`)).toHaveLength(0);
  });

  it('NFR-2 malformed JSON, a wrong id and an unknown route get the one error body', async () => {
    const malformed = await t.http.post('/api/v1/auth/login').set('content-type', 'application/json').send('{"username":').expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const badId = await t.http.get('/api/v1/org/users/not-a-uuid').set('authorization', `Bearer ${adminToken}`).expect(400);
    expect(badId.body.errors).toHaveProperty('id');
    const missing = await t.http.get(`/api/v1/org/users/${SAMPLE_ID}`).set('authorization', `Bearer ${adminToken}`).expect(404);
    expect(missing.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'user not found' });
    const unknownRoute = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(unknownRoute.body.code).toBe('NOT_FOUND');
  });

  it('NFR-2 a body over the limit gets 413', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ username: 'admin', password: 'x'.repeat(t.config.bodyLimitBytes + 10) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('NFR-2 every response carries a request id, and a caller’s own id is kept', async () => {
    const own = await t.http.get('/api/health').set('x-request-id', 'caller-abc-123').expect(200);
    expect(own.headers['x-request-id']).toBe('caller-abc-123');
    const generated = await t.http.get('/api/v1/auth/me').expect(401);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('NFR-6 health answers 200 with the database up', async () => {
    await t.http.get('/api/health').expect(200, { status: 'ok' });
  });

  it('NFR-1 the OpenAPI document describes every API route with its security and schemas', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    for (const [path, operations] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        expect(op.operationId).toEqual(expect.any(String));
        if (!PUBLIC_ROUTES.has(key)) expect({ key, security: op.security }).toEqual({ key, security: [{ bearer: [] }] });
        const responses = op.responses as Record<string, { content?: unknown }>;
        const success = Object.keys(responses).find((s) => s.startsWith('2'));
        expect({ key, success }).toEqual({ key, success: expect.any(String) });
        if (success !== '204') expect({ key, content: responses[success!].content }).toEqual({ key, content: expect.anything() });
        if (['post', 'patch', 'put'].includes(method) && !BODILESS_WRITES.some((re) => re.test(key))) {
          expect({ key, body: op.requestBody }).toEqual({ key, body: expect.anything() });
        }
      }
    }
  });
});
