import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PERMISSIONS } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { WebhooksService } from '../src/platform/integration/webhooks.service';
import { createUserWith, loginAsAdmin } from './factories/org.factory';
import { eventually } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
  signatureValid: boolean;
  answered: number;
}

/**
 * A school system receiving our webhooks, on node:http at 127.0.0.1. It checks the signature with
 * its own code (the documented recipe, not ours), and can be told to fail the next n requests.
 */
async function startReceiver() {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  let secret = '';
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const header = String(req.headers['x-xiaoban-signature'] ?? '');
      const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
      const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1];
      const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
      const signatureValid =
        !!t &&
        !!v1 &&
        t === req.headers['x-xiaoban-timestamp'] &&
        Math.abs(Date.now() / 1000 - Number(t)) < 300 &&
        timingSafeEqual(Buffer.from(v1, 'hex'), expected);
      const answered = !signatureValid ? 401 : failures > 0 ? 500 : 200;
      if (answered === 500) failures--;
      received.push({ headers: req.headers, body: JSON.parse(raw), signatureValid, answered });
      res.writeHead(answered, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: answered === 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/xiaoban`,
    received,
    failNext: (n: number) => (failures = n),
    useSecret: (value: string) => (secret = value),
    /** Idempotency keys that arrived, each once however often it was tried. */
    distinctKeys: () => new Set(received.map((r) => String(r.headers['idempotency-key']))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('integration: API tokens and outgoing webhooks (PLT-9)', () => {
  let t: TestApp;
  let adminToken: string;
  const admin = () => ({ authorization: `Bearer ${adminToken}` });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp({
      JOBS_POLL_SECONDS: '1',
      WEBHOOK_RETRY_LIMIT: '2',
      WEBHOOK_RETRY_DELAY_SECONDS: '1',
      WEBHOOK_TIMEOUT_SECONDS: '5',
    });
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  const issueToken = async (permissions: string[], name = '智慧校园数据中心') =>
    (
      await t.http
        .post('/api/v1/integration/tokens')
        .set(admin())
        .send({ name, permissions, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() })
        .expect(201)
    ).body as { id: string; token: string; tokenPrefix: string; status: string };

  it('PLT-9 a scoped token is refused outside its scope, and works inside it', async () => {
    const issued = await issueToken([PERMISSIONS.ORG_READ]);
    expect(issued.token).toMatch(/^xbt_[A-Za-z0-9_-]{43}$/);
    expect(issued.token.startsWith(issued.tokenPrefix)).toBe(true);
    expect(issued.status).toBe('active');

    // Inside its scope: reading the organisation.
    await t.http.get('/api/v1/org/users').set(bearer(issued.token)).expect(200);
    // Outside: another permission (403), a write (403), and routes that act as a person (403).
    const audit = await t.http.get('/api/v1/audit/logs').set(bearer(issued.token)).expect(403);
    expect(audit.body.code).toBe('FORBIDDEN');
    await t.http.post('/api/v1/org/departments').set(bearer(issued.token)).send({ name: '教务处', code: 'JWC' }).expect(403);
    await t.http.get('/api/v1/auth/me').set(bearer(issued.token)).expect(403);
    await t.http.get('/api/v1/integration/tokens').set(bearer(issued.token)).expect(403);

    // Stored hashed, with the last use recorded.
    const [row] = await t.sql<{ token_hash: string; last_used_at: Date | null }>(
      'SELECT token_hash, last_used_at FROM api_tokens WHERE id = $1',
      [issued.id],
    );
    expect(row.token_hash).toBe(createHash('sha256').update(issued.token).digest('hex'));
    expect(row.last_used_at).not.toBeNull();
    const leaked = await t.sql(`SELECT 1 FROM audit_log WHERE diff::text LIKE $1`, [`%${issued.token.slice(4)}%`]);
    expect(leaked).toHaveLength(0);

    // Revoked: refused like no token at all, and the refusal is audited.
    await t.http.post(`/api/v1/integration/tokens/${issued.id}/revoke`).set(admin()).send({ reason: '对接结束' }).expect(200);
    const refused = await t.http.get('/api/v1/org/users').set(bearer(issued.token)).expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    const [refusal] = await t.sql<{ diff: { details: { reason: string } } }>(
      `SELECT diff FROM audit_log WHERE action = 'api-token.refused' AND object_id = $1`,
      [issued.id],
    );
    expect(refusal.diff.details.reason).toBe('revoked');

    // Expired: refused too.
    const other = await issueToken([PERMISSIONS.ORG_READ]);
    await t.sql(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [other.id]);
    await t.http.get('/api/v1/org/users').set(bearer(other.token)).expect(401);
    await t.http.get('/api/v1/org/users').set(bearer('xbt_made-up-token')).expect(401);

    const list = await t.http.get('/api/v1/integration/tokens?status=revoked').set(admin()).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(issued.id);
    expect(JSON.stringify(list.body)).not.toContain(issued.token);
  });

  it('PLT-9 scopes are a subset of the issuer’s permissions, and never include token management', async () => {
    const issuer = await createUserWith(t, adminToken, [PERMISSIONS.INTEGRATION_TOKENS_MANAGE, PERMISSIONS.ORG_READ]);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const beyond = await t.http
      .post('/api/v1/integration/tokens')
      .set(bearer(issuer.token))
      .send({ name: '一卡通系统', permissions: [PERMISSIONS.ORG_READ, PERMISSIONS.AUDIT_READ], expiresAt })
      .expect(400);
    expect(Object.keys(beyond.body.errors)).toEqual(['permissions']);
    const minting = await t.http
      .post('/api/v1/integration/tokens')
      .set(admin())
      .send({ name: '一卡通系统', permissions: [PERMISSIONS.INTEGRATION_TOKENS_MANAGE], expiresAt })
      .expect(400);
    expect(Object.keys(minting.body.errors)).toEqual(['permissions']);
    const past = await t.http
      .post('/api/v1/integration/tokens')
      .set(admin())
      .send({ name: '一卡通系统', permissions: [PERMISSIONS.ORG_READ], expiresAt: new Date(Date.now() - 1000).toISOString() })
      .expect(400);
    expect(Object.keys(past.body.errors)).toEqual(['expiresAt']);
    await t.http
      .post('/api/v1/integration/tokens')
      .set(bearer(issuer.token))
      .send({ name: '一卡通系统', permissions: [PERMISSIONS.ORG_READ], expiresAt })
      .expect(201);
  });

  it('PLT-9 a webhook signature verifies; the delivery carries its idempotency key; audit rows name the token', async () => {
    const receiver = await startReceiver();
    try {
      // Created by another system through its token: the audit row names the token.
      const integration = await issueToken([PERMISSIONS.INTEGRATION_WEBHOOKS_MANAGE], '家校通平台');
      const created = (
        await t.http
          .post('/api/v1/integration/webhooks')
          .set(bearer(integration.token))
          .send({ name: '家校通平台', url: receiver.url, eventTypes: ['webhook.test'] })
          .expect(201)
      ).body;
      expect(created.secret).toMatch(/^whsec_/);
      expect(created.secretHint).not.toContain(created.secret.slice(6, 12));
      receiver.useSecret(created.secret);
      const [audit] = await t.sql<{ actor_id: string; actor_name: string; diff: Record<string, unknown> }>(
        `SELECT actor_id, actor_name, diff FROM audit_log WHERE action = 'webhook.create' AND object_id = $1`,
        [created.id],
      );
      expect(audit).toMatchObject({ actor_id: integration.id, actor_name: '家校通平台' });
      expect(JSON.stringify(audit.diff)).not.toContain(created.secret);
      const read = (await t.http.get(`/api/v1/integration/webhooks/${created.id}`).set(admin()).expect(200)).body;
      expect(read.secret).toBeUndefined();
      expect(JSON.stringify(read)).not.toContain(created.secret);

      const sent = (
        await t.http
          .post(`/api/v1/integration/webhooks/${created.id}/test`)
          .set(admin())
          .send({ message: '期末考试安排已发布' })
          .expect(201)
      ).body;
      const delivery = await eventually(async () => {
        const page = (await t.http.get(`/api/v1/integration/webhooks/${created.id}/deliveries`).set(admin()).expect(200)).body;
        return page.items.find((d: { id: string; status: string }) => d.id === sent.id && d.status === 'succeeded');
      });
      expect(receiver.received).toHaveLength(1);
      const [got] = receiver.received;
      expect(got.signatureValid).toBe(true);
      expect(got.headers).toMatchObject({
        'x-xiaoban-event': 'webhook.test',
        'x-xiaoban-delivery': sent.id,
        'idempotency-key': sent.id,
        'content-type': 'application/json; charset=utf-8',
      });
      expect(got.body).toEqual({
        id: delivery.eventId,
        type: 'webhook.test',
        createdAt: delivery.createdAt,
        data: { message: '期末考试安排已发布', webhookId: created.id },
      });
      expect(delivery.attemptLog).toEqual([
        { attempt: 1, at: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number) },
      ]);
    } finally {
      await receiver.close();
    }
  });

  it('PLT-9 a failing receiver is retried with backoff until it succeeds; it sees one delivery id, and every attempt is logged', async () => {
    const receiver = await startReceiver();
    try {
      const created = (
        await t.http
          .post('/api/v1/integration/webhooks')
          .set(admin())
          .send({ name: '一卡通系统', url: receiver.url, eventTypes: ['webhook.test'] })
          .expect(201)
      ).body;
      receiver.useSecret(created.secret);
      receiver.failNext(2);
      const sent = (await t.http.post(`/api/v1/integration/webhooks/${created.id}/test`).set(admin()).send({}).expect(201)).body;
      const done = await eventually(
        async () => {
          const page = (await t.http.get(`/api/v1/integration/webhooks/${created.id}/deliveries`).set(admin()).expect(200)).body;
          return page.items.find((d: { status: string }) => d.status !== 'queued');
        },
        30_000,
        'the delivery to succeed',
      );
      expect(done).toMatchObject({ id: sent.id, status: 'succeeded', attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
      expect(done.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
      expect(done.attemptLog[0].error).toContain('HTTP 500');
      expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 200]);
      expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
      expect(receiver.distinctKeys()).toEqual(new Set([sent.id]));
      // Backoff: each retry waited at least the configured delay (1 s, then 2 s).
      const times = done.attemptLog.map((a: { at: string }) => Date.parse(a.at));
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(900);
      expect(times[2] - times[1]).toBeGreaterThanOrEqual(1900);
    } finally {
      await receiver.close();
    }
  });

  it('PLT-9 a receiver that keeps failing leaves a failed delivery; resend delivers it with the same key', async () => {
    const receiver = await startReceiver();
    try {
      const created = (
        await t.http
          .post('/api/v1/integration/webhooks')
          .set(admin())
          .send({ name: '图书馆系统', url: receiver.url, eventTypes: ['webhook.test'] })
          .expect(201)
      ).body;
      receiver.useSecret(created.secret);
      receiver.failNext(3); // the first try and both retries (WEBHOOK_RETRY_LIMIT=2)
      const sent = (await t.http.post(`/api/v1/integration/webhooks/${created.id}/test`).set(admin()).send({}).expect(201)).body;
      await t.http.post(`/api/v1/integration/webhook-deliveries/${sent.id}/resend`).set(admin()).send({}).expect(409);
      const failed = await eventually(
        async () => {
          const page = (await t.http.get(`/api/v1/integration/webhooks/${created.id}/deliveries?status=failed`).set(admin()).expect(200))
            .body;
          return page.items[0];
        },
        30_000,
        'the delivery to fail',
      );
      expect(failed).toMatchObject({ id: sent.id, attempts: 3, lastStatusCode: 500 });

      const resent = (
        await t.http
          .post(`/api/v1/integration/webhook-deliveries/${sent.id}/resend`)
          .set(admin())
          .send({ reason: '对方已修复' })
          .expect(200)
      ).body;
      expect(resent.status).toBe('queued');
      const done = await eventually(async () => {
        const page = (await t.http.get(`/api/v1/integration/webhooks/${created.id}/deliveries`).set(admin()).expect(200)).body;
        return page.items.find((d: { status: string }) => d.status === 'succeeded');
      });
      expect(done.attemptLog.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([
        [1, 500],
        [2, 500],
        [3, 500],
        [4, 200],
      ]);
      expect(receiver.distinctKeys()).toEqual(new Set([sent.id]));
    } finally {
      await receiver.close();
    }
  });

  it('PLT-9 publish writes deliveries in the caller’s transaction, to active subscribers of the event type only', async () => {
    const subscribe = async (name: string, active: boolean) =>
      (
        await t.http
          .post('/api/v1/integration/webhooks')
          .set(admin())
          .send({ name, url: 'http://127.0.0.1:9/unused', eventTypes: ['webhook.test'], active })
          .expect(201)
      ).body as { id: string; version: number };
    const on = await subscribe('德育处系统', true);
    const off = await subscribe('后勤系统', false);
    const webhooks = t.app.get(WebhooksService);
    const dataSource = t.app.get(DataSource);

    // Rolled back: no delivery, no job.
    await expect(
      dataSource.transaction(async (manager) => {
        await webhooks.publish(manager, 'webhook.test', { note: '回滚' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const ids = await dataSource.transaction((manager) => webhooks.publish(manager, 'webhook.test', { note: '提交' }));
    const rows = await t.sql<{ subscription_id: string; event_id: string }>(
      'SELECT subscription_id, event_id FROM webhook_deliveries WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const subscribers = rows.map((r) => r.subscription_id);
    expect(subscribers).toContain(on.id);
    expect(subscribers).not.toContain(off.id);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(1); // one event, one id, whatever the fan-out
    const rolledBack = await t.sql(`SELECT 1 FROM webhook_deliveries WHERE payload->>'note' = '回滚'`);
    expect(rolledBack).toHaveLength(0);

    // Changing, with optimistic locking, and deleting.
    await t.http
      .patch(`/api/v1/integration/webhooks/${off.id}`)
      .set(admin())
      .send({ active: true, version: off.version + 5 })
      .expect(409);
    const changed = (
      await t.http.patch(`/api/v1/integration/webhooks/${off.id}`).set(admin()).send({ active: true, version: off.version }).expect(200)
    ).body;
    expect(changed).toMatchObject({ active: true, version: off.version + 1 });
    await t.http.delete(`/api/v1/integration/webhooks/${on.id}`).set(admin()).expect(204);
    await t.http.get(`/api/v1/integration/webhooks/${on.id}`).set(admin()).expect(404);
    const bad = await t.http
      .post('/api/v1/integration/webhooks')
      .set(admin())
      .send({ name: '', url: 'ftp://example.org', eventTypes: ['notice.unknown'] })
      .expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['eventTypes', 'name', 'url']);
  });
});
