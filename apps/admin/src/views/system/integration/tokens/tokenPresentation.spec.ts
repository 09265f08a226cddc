import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@xiaoban/shared';
import {
  defaultExpiry,
  expiresSoon,
  expiryInstant,
  grantableScopes,
  isRefusedExpiry,
  latestExpiry,
  tokenStatusTag,
} from './tokenPresentation';

const DAY = 86_400_000;

describe('API tokens', () => {
  it('PLT-9 shows active tokens green, expired grey and revoked red', () => {
    expect(tokenStatusTag('active')).toBe('success');
    expect(tokenStatusTag('expired')).toBe('info');
    expect(tokenStatusTag('revoked')).toBe('danger');
  });

  it('PLT-9 offers as scopes only the creator’s own permissions, never managing tokens', () => {
    expect(
      grantableScopes([PERMISSIONS.AUDIT_READ, PERMISSIONS.ORG_READ, PERMISSIONS.INTEGRATION_TOKENS_MANAGE, 'not.a.permission']),
    ).toEqual([PERMISSIONS.ORG_READ, PERMISSIONS.AUDIT_READ]);
    expect(grantableScopes([])).toEqual([]);
  });

  it('PLT-9 flags an active token that expires within two weeks', () => {
    const now = Date.parse('2026-10-08T00:00:00Z');
    expect(expiresSoon({ status: 'active', expiresAt: new Date(now + 3 * DAY).toISOString() }, now)).toBe(true);
    expect(expiresSoon({ status: 'active', expiresAt: new Date(now + 30 * DAY).toISOString() }, now)).toBe(false);
    expect(expiresSoon({ status: 'revoked', expiresAt: new Date(now + 3 * DAY).toISOString() }, now)).toBe(false);
    expect(expiresSoon({ status: 'expired', expiresAt: new Date(now - DAY).toISOString() }, now)).toBe(false);
  });

  it('PLT-9 expires at the end of the chosen day in the school’s zone, within three years', () => {
    expect(expiryInstant('2027-10-08')).toBe('2027-10-08T15:59:59.000Z');
    expect(defaultExpiry('2026-10-08')).toBe('2027-10-08');
    expect(latestExpiry('2026-10-08')).toBe('2029-10-07');
    expect(isRefusedExpiry('2026-10-08', '2026-10-08')).toBe(true);
    expect(isRefusedExpiry('2026-10-09', '2026-10-08')).toBe(false);
    expect(isRefusedExpiry('2029-10-08', '2026-10-08')).toBe(true);
  });
});
