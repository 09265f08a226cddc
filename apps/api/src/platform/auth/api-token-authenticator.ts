import type { Principal } from './principal';

/** API tokens (PLT-9) start with this, which tells them apart from access tokens (JWTs). */
export const API_TOKEN_PREFIX = 'xbt_';

/**
 * Turns an API token into the principal it acts as, or null when it is unknown, expired or
 * revoked. Provided by the integration module, which owns the tokens; the guard only asks.
 */
export interface ApiTokenAuthenticator {
  authenticate(secret: string, from: { ip: string | null; requestId: string }): Promise<Principal | null>;
}

export const API_TOKEN_AUTHENTICATOR = Symbol('API_TOKEN_AUTHENTICATOR');

/** The API token in an `Authorization: Bearer xbt_…` header, if that is what it holds. */
export function apiTokenOf(authorization: string | string[] | undefined): string | undefined {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match && match[1].startsWith(API_TOKEN_PREFIX) ? match[1] : undefined;
}
