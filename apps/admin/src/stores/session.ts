import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { visibleMenu } from '@xiaoban/shared';
import { api } from '../api/client';
import { clearTokens, loadTokens, saveTokens, type SessionTokens } from '../api/tokenStorage';
import type { Me } from '../api/types';

export type LoginResult = { ok: true } | { ok: false; status: number; error: unknown };

/** The signed-in person: tokens (kept in localStorage), who they are, what they may do. */
export const useSessionStore = defineStore('session', () => {
  const tokens = ref<SessionTokens | null>(loadTokens());
  const me = ref<Me | null>(null);

  const isSignedIn = computed(() => tokens.value !== null);
  const granted = computed(() => new Set<string>(me.value?.permissions ?? []));
  const menu = computed(() => visibleMenu(me.value?.permissions ?? []));

  function can(permission: string): boolean {
    return granted.value.has(permission);
  }

  function clear(): void {
    tokens.value = null;
    me.value = null;
    clearTokens();
  }

  async function login(username: string, password: string): Promise<LoginResult> {
    const { data, error, response } = await api.POST('/api/v1/auth/login', { body: { username, password } });
    if (!data) return { ok: false, status: response.status, error };
    tokens.value = saveTokens(data);
    me.value = null;
    return { ok: true };
  }

  /**
   * Renews the tokens; false when there is no session to renew or the server refuses.
   *
   * Refresh tokens rotate, and presenting a used one revokes the whole session, so several open
   * tabs must not renew with the same token: each renews under a cross-tab lock where the browser
   * offers one (Web Locks need a secure context), and first adopts tokens another tab has already
   * renewed and stored.
   */
  async function refresh(): Promise<boolean> {
    const renew = async (): Promise<boolean> => {
      const stored = loadTokens();
      if (stored && stored.accessToken !== tokens.value?.accessToken) {
        tokens.value = stored;
        return true;
      }
      const refreshToken = tokens.value?.refreshToken;
      if (!refreshToken) return false;
      const { data } = await api.POST('/api/v1/auth/refresh', { body: { refreshToken } });
      if (!data) return false;
      tokens.value = saveTokens(data);
      return true;
    };
    if (typeof navigator !== 'undefined' && navigator.locks) {
      return navigator.locks.request('xiaoban.session.refresh', renew);
    }
    return renew();
  }

  /** Takes over what another tab stored: renewed tokens, or none after it signed out. */
  function adoptStoredTokens(): void {
    tokens.value = loadTokens();
    if (!tokens.value) me.value = null;
  }

  /** Loads who is signed in; false when the session turned out to be invalid. */
  async function loadMe(): Promise<boolean> {
    const { data } = await api.GET('/api/v1/auth/me');
    if (!data) return false;
    me.value = data;
    return true;
  }

  /** Revokes the refresh token on the server, then forgets the session whatever the answer. */
  async function logout(): Promise<void> {
    const refreshToken = tokens.value?.refreshToken;
    try {
      if (refreshToken) await api.POST('/api/v1/auth/logout', { body: { refreshToken } });
    } finally {
      clear();
    }
  }

  return { tokens, me, isSignedIn, menu, can, clear, login, refresh, adoptStoredTokens, loadMe, logout };
});
