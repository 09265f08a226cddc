import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '@xiaoban/api-client';
import { createSessionMiddleware } from './sessionMiddleware';

/**
 * A stand-in API: access tokens `t1`, `t2`, … are valid only while current; refresh rotates them.
 * It records every request it sees.
 */
function fakeApi(options: { refreshSucceeds?: boolean; refreshDelayMs?: number } = {}) {
  const state = { validToken: 't2', refreshCalls: 0, seen: [] as { path: string; auth: string | null; body: string }[] };
  const fetch = vi.fn(async function (this: unknown, request: Request) {
    // Like window.fetch, refuse to run as a method of some other object.
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    const path = new URL(request.url).pathname;
    const body = await request.text();
    state.seen.push({ path, auth: request.headers.get('Authorization'), body });
    const json = (status: number, value: unknown) =>
      new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

    if (path === '/api/v1/auth/refresh') {
      state.refreshCalls++;
      await new Promise((resolve) => setTimeout(resolve, options.refreshDelayMs ?? 5));
      if (options.refreshSucceeds === false) {
        return json(401, { statusCode: 401, code: 'INVALID_REFRESH_TOKEN', message: 'expired' });
      }
      return json(200, { accessToken: state.validToken, refreshToken: `r${state.refreshCalls + 1}`, expiresIn: 900 });
    }
    if (path === '/api/v1/auth/login') {
      return json(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'wrong' });
    }
    if (request.headers.get('Authorization') !== `Bearer ${state.validToken}`) {
      return json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'expired token' });
    }
    return json(200, { path, echoed: body });
  });
  return { state, fetch };
}

/** A client wired like the panel's, with a session whose access token `t1` has just expired. */
function clientWithExpiredSession(server: ReturnType<typeof fakeApi>) {
  const session = { accessToken: 't1' as string | null, refreshToken: 'r1' as string | null };
  const expired = vi.fn(() => {
    session.accessToken = null;
    session.refreshToken = null;
  });
  const client = createApiClient({ baseUrl: 'http://school.test', fetch: server.fetch });
  client.use(
    createSessionMiddleware({
      accessToken: () => session.accessToken,
      refresh: async () => {
        if (!session.refreshToken) return false;
        const { data } = await client.POST('/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } });
        if (!data) return false;
        session.accessToken = data.accessToken;
        session.refreshToken = data.refreshToken;
        return true;
      },
      expired,
    }),
  );
  return { client, session, expired };
}

describe('session middleware', () => {
  it('PLT-1 sends the bearer token with every call', async () => {
    const server = fakeApi();
    server.state.validToken = 't1';
    const { client } = clientWithExpiredSession(server);

    const { data } = await client.GET('/api/v1/auth/me');

    expect(data).toBeDefined();
    expect(server.state.seen).toEqual([{ path: '/api/v1/auth/me', auth: 'Bearer t1', body: '' }]);
  });

  it('PLT-1 renews an expired session once for concurrent 401s and replays every call', async () => {
    const server = fakeApi({ refreshDelayMs: 20 });
    const { client, session, expired } = clientWithExpiredSession(server);

    const results = await Promise.all([
      client.GET('/api/v1/auth/me'),
      client.GET('/api/v1/org/roles'),
      client.GET('/api/v1/org/departments'),
    ]);

    expect(server.state.refreshCalls).toBe(1);
    expect(results.map((result) => result.response.status)).toEqual([200, 200, 200]);
    expect(session).toEqual({ accessToken: 't2', refreshToken: 'r2' });
    expect(expired).not.toHaveBeenCalled();
    const replays = server.state.seen.filter((request) => request.auth === 'Bearer t2');
    expect(replays.map((request) => request.path).sort()).toEqual(['/api/v1/auth/me', '/api/v1/org/departments', '/api/v1/org/roles']);
  });

  it('PLT-1 replays a request body intact after renewing', async () => {
    const server = fakeApi();
    const { client } = clientWithExpiredSession(server);

    const { data, response } = await client.POST('/api/v1/auth/password', {
      body: { currentPassword: 'old-secret-1', newPassword: 'new-secret-22' },
    });

    expect(response.status).toBe(200);
    expect(JSON.parse((data as unknown as { echoed: string }).echoed)).toEqual({
      currentPassword: 'old-secret-1',
      newPassword: 'new-secret-22',
    });
  });

  it('PLT-1 does not renew again for a call that left with the token another call already replaced', async () => {
    const server = fakeApi();
    const { client, session } = clientWithExpiredSession(server);
    await client.GET('/api/v1/auth/me');
    expect(server.state.refreshCalls).toBe(1);

    // A late answer for a call sent with t1 arrives after the renewal.
    session.accessToken = 't1';
    const stale = client.GET('/api/v1/org/roles');
    session.accessToken = 't2';
    const { response } = await stale;

    expect(response.status).toBe(200);
    expect(server.state.refreshCalls).toBe(1);
  });

  it('PLT-1 ends the session once when renewal fails, and leaves the calls failed', async () => {
    const server = fakeApi({ refreshSucceeds: false });
    const { client, expired } = clientWithExpiredSession(server);

    const results = await Promise.all([client.GET('/api/v1/auth/me'), client.GET('/api/v1/org/roles')]);

    expect(server.state.refreshCalls).toBe(1);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(results.map((result) => result.response.status)).toEqual([401, 401]);
  });

  it('PLT-1 leaves a failed sign-in alone: wrong credentials are not an expired session', async () => {
    const server = fakeApi();
    const { client, expired } = clientWithExpiredSession(server);

    const { error, response } = await client.POST('/api/v1/auth/login', { body: { username: 'admin', password: 'nope' } });

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(server.state.refreshCalls).toBe(0);
    expect(expired).not.toHaveBeenCalled();
  });
});
