/**
 * The panel's one way to the API: the generated, typed client of libs/api-client.
 * Paths are the API's own (`api.GET('/api/v1/org/users', …)`), served from the same origin.
 */
import { createApiClient } from '@xiaoban/api-client';
import { createSessionMiddleware, type SessionHooks } from './sessionMiddleware';

export const api = createApiClient({ baseUrl: '' });

let sessionConnected = false;

/** Wires the session (token, renewal, expiry) into every call; done once at start-up. */
export function connectSession(hooks: SessionHooks): void {
  if (sessionConnected) return;
  sessionConnected = true;
  api.use(createSessionMiddleware(hooks));
}
