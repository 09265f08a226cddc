/**
 * Where the session's tokens live between page loads. localStorage rather than a cookie because
 * the API authenticates with a bearer header; the access token is short-lived and the refresh
 * token is revoked on logout.
 */
export const SESSION_STORAGE_KEY = 'xiaoban.session';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token stops being accepted. */
  accessTokenExpiresAt: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
}

export function loadTokens(): SessionTokens | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<SessionTokens>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string') return null;
    return {
      accessToken: parsed.accessToken,
      refreshToken: parsed.refreshToken,
      accessTokenExpiresAt: Number(parsed.accessTokenExpiresAt) || 0,
    };
  } catch {
    return null;
  }
}

export function saveTokens(issued: IssuedTokens, now = Date.now()): SessionTokens {
  const tokens: SessionTokens = {
    accessToken: issued.accessToken,
    refreshToken: issued.refreshToken,
    accessTokenExpiresAt: now + issued.expiresIn * 1000,
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(tokens));
  return tokens;
}

export function clearTokens(): void {
  localStorage.removeItem(SESSION_STORAGE_KEY);
}
