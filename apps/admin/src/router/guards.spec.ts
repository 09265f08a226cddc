import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { defineComponent } from 'vue';
import { PERMISSIONS } from '@xiaoban/shared';
import { installGuards, safeRedirect } from './index';
import { useSessionStore } from '../stores/session';
import type { Me } from '../api/types';

const Page = defineComponent({ template: '<div />' });

function appRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: Page, meta: { public: true } },
      { path: '/', name: 'home', component: Page },
      { path: '/system/users', name: 'users', component: Page, meta: { permission: PERMISSIONS.ORG_READ } },
      { path: '/system/audit', name: 'audit', component: Page, meta: { permission: PERMISSIONS.AUDIT_READ } },
      { path: '/forbidden', name: 'forbidden', component: Page },
    ],
  });
}

function signedInWith(permissions: string[]) {
  const session = useSessionStore();
  session.tokens = { accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: Date.now() + 60_000 };
  session.me = { id: 1, name: '李主任', permissions } as unknown as Me;
  return session;
}

describe('route guards', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it('PLT-1 sends a signed-out visitor to the sign-in page, remembering where they were going', async () => {
    const router = appRouter();
    installGuards(router, useSessionStore());
    await router.push('/system/users?q=wang');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/system/users?q=wang');
  });

  it('PLT-1 refuses a page the person lacks the permission for', async () => {
    const router = appRouter();
    installGuards(router, signedInWith([PERMISSIONS.ORG_READ]));
    await router.push('/system/users');
    expect(router.currentRoute.value.name).toBe('users');
    await router.push('/system/audit');
    expect(router.currentRoute.value.name).toBe('forbidden');
  });

  it('PLT-1 loads who is signed in before the first page, and signs out a session the API rejects', async () => {
    const router = appRouter();
    const session = useSessionStore();
    session.tokens = { accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: 0 };
    const loadMe = vi.spyOn(session, 'loadMe').mockResolvedValue(false);
    installGuards(router, session);
    await router.push('/');
    expect(loadMe).toHaveBeenCalledOnce();
    expect(router.currentRoute.value.name).toBe('login');
    expect(session.tokens).toBeNull();
  });

  it('PLT-1 forwards only to pages of the panel after signing in', () => {
    expect(safeRedirect('/system/roles')).toBe('/system/roles');
    expect(safeRedirect('//evil.example/phish')).toBe('/');
    expect(safeRedirect('https://evil.example/')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
