/** Injection token of the secret that signs access tokens. */
export const AUTH_SECRET = Symbol('AUTH_SECRET');
