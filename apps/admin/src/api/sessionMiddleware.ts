import type { Middleware } from '@xiaoban/api-client';

/** What the middleware needs from the session; the Pinia session store provides it. */
export interface SessionHooks {
  /** The current access token, or null when signed out. */
  accessToken(): string | null;
  /** Exchanges the refresh token for new tokens; resolves false when the session cannot be renewed. */
  refresh(): Promise<boolean>;
  /** The session is gone for good: clear it and send the person to the sign-in page. */
  expired(): void;
}

/**
 * Calls whose 401 means "wrong credentials", not "token expired": refreshing would be pointless,
 * and for /auth/refresh itself it would loop.
 */
const CREDENTIAL_PATHS: readonly string[] = ['/api/v1/auth/login', '/api/v1/auth/refresh'];

function bearerOf(request: Request): string | null {
  const header = request.headers.get('Authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

/**
 * Adds the bearer token to every call and, when a call comes back 401, renews the session once
 * and replays the call with the new token.
 *
 * Renewal is single-flight: when several calls fail together (a page loading its list and its
 * filters at once), they all wait for one POST /auth/refresh. Refresh tokens rotate, so a second
 * concurrent refresh would present an already-used token and end the session.
 */
export function createSessionMiddleware(hooks: SessionHooks): Middleware {
  // A pristine copy of each request in flight, kept because fetch consumes the body of the one it
  // sends and a replay needs it again. Keyed by openapi-fetch's per-call id.
  const replayable = new Map<string, Request>();
  let renewal: Promise<boolean> | null = null;

  function renewOnce(): Promise<boolean> {
    renewal ??= (async () => {
      let renewed = false;
      try {
        renewed = await hooks.refresh();
      } catch {
        renewed = false;
      }
      if (!renewed) hooks.expired();
      return renewed;
    })().finally(() => {
      renewal = null;
    });
    return renewal;
  }

  return {
    onRequest({ request, schemaPath, id }) {
      const token = hooks.accessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (!CREDENTIAL_PATHS.includes(schemaPath)) replayable.set(id, request.clone());
      return request;
    },

    async onResponse({ request, response, id, options }) {
      const pristine = replayable.get(id);
      replayable.delete(id);
      if (response.status !== 401 || !pristine) return undefined;

      const sentWith = bearerOf(request);
      const current = hooks.accessToken();
      // The call left with an older token while another call renewed the session: the new token
      // is already here, so only the replay is needed.
      const renewed = current !== null && current !== sentWith ? true : await renewOnce();
      if (!renewed) return response;

      const replay = pristine;
      replay.headers.set('Authorization', `Bearer ${hooks.accessToken() ?? ''}`);
      // Sent straight through fetch, not the client: a replay that fails again is final. Called
      // unbound, as window.fetch refuses to run with `options` as its `this` (Illegal invocation).
      const { fetch } = options;
      return fetch(replay);
    },

    onError({ id }) {
      replayable.delete(id);
      return undefined;
    },
  };
}
