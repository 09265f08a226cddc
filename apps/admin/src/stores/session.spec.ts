import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { api } from '../api/client';
import { loadTokens, saveTokens } from '../api/tokenStorage';
import { useSessionStore } from './session';
import type { Me } from '../api/types';

type PostResult = Awaited<ReturnType<typeof api.POST>>;

describe('session store', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
    vi.restoreAllMocks();
  });

  it('PLT-1 grants exactly the permissions GET /auth/me lists', () => {
    const session = useSessionStore();
    expect(session.can('org.read')).toBe(false);
    session.me = { permissions: ['org.read', 'audit.read'] } as unknown as Me;
    expect(session.can('org.read')).toBe(true);
    expect(session.can('org.users.manage')).toBe(false);
    expect(session.menu.flatMap((module) => module.items.map((item) => item.path))).toEqual([
      '/inbox',
      '/approvals',
      '/messages',
      // Everyone may escalate a problem and ask another department for support (REQ-1, REQ-2).
      '/assessment/escalations',
      '/assessment/support',
      '/documents/incoming',
      '/documents/outgoing',
      '/administration/liaison',
      // Everyone fills their evaluation forms, reads their report and submits innovation suggestions (ASM-2, ASM-7).
      '/assessment/evaluations/forms',
      '/assessment/evaluations/reports',
      '/assessment/evaluations/results',
      '/assessment/innovation',
      '/system/users',
      '/system/departments',
      '/system/roles',
      '/system/audit',
    ]);
  });

  it('PLT-1 keeps the tokens across page loads and forgets them on clear', () => {
    saveTokens({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    const session = useSessionStore();
    expect(session.isSignedIn).toBe(true);
    expect(session.tokens?.accessToken).toBe('a1');
    session.clear();
    expect(session.isSignedIn).toBe(false);
    expect(loadTokens()).toBeNull();
  });

  it('PLT-1 renews with its refresh token and stores the new pair', async () => {
    saveTokens({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    const session = useSessionStore();
    const post = vi.spyOn(api, 'POST').mockResolvedValue({
      data: { accessToken: 'a2', refreshToken: 'r2', expiresIn: 900 },
      response: new Response(null, { status: 200 }),
    } as PostResult);

    expect(await session.refresh()).toBe(true);

    expect(post).toHaveBeenCalledWith('/api/v1/auth/refresh', { body: { refreshToken: 'r1' } });
    expect(loadTokens()).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' });
  });

  it('PLT-1 takes over tokens another tab already renewed instead of reusing a spent refresh token', async () => {
    saveTokens({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    const session = useSessionStore();
    // Meanwhile another tab renewed: r1 is spent, a2/r2 are in storage.
    saveTokens({ accessToken: 'a2', refreshToken: 'r2', expiresIn: 900 });
    const post = vi.spyOn(api, 'POST');

    expect(await session.refresh()).toBe(true);

    expect(post).not.toHaveBeenCalled();
    expect(session.tokens).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' });
  });

  it('PLT-1 reports a refused renewal so that the session ends', async () => {
    saveTokens({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    const session = useSessionStore();
    vi.spyOn(api, 'POST').mockResolvedValue({
      error: { statusCode: 401, code: 'INVALID_REFRESH_TOKEN', message: 'revoked' },
      response: new Response(null, { status: 401 }),
    } as PostResult);

    expect(await session.refresh()).toBe(false);
  });
});
