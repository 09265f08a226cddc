import { ApiError } from '../../../platform/http/api-error';
import type { AppConfig } from '../../../config/config';
import { SignInCodes } from './sign-in-codes';

const meetingId = '0b7c5a8e-4f6d-4e7a-9c1b-2d3e4f5a6b7c';
const codes = (secret = 'a-test-secret-of-enough-length') => new SignInCodes({ jwtSecret: secret } as AppConfig);
const statusOf = (fn: () => unknown): number | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof ApiError ? error.getStatus() : -1;
  }
};

describe('sign-in codes', () => {
  it('MTG-6 a code changes every 30 s and checks out for 2 minutes after it left the screen', () => {
    const shown = new Date('2027-03-01T01:00:00.000Z'); // the start of a 30-second step
    const first = codes().issue(meetingId, shown);
    expect(codes().issue(meetingId, new Date(shown.getTime() + 29_999)).code).toBe(first.code);
    expect(codes().issue(meetingId, new Date(shown.getTime() + 30_000)).code).not.toBe(first.code);
    expect(first.rotatesAt.toISOString()).toBe('2027-03-01T01:00:30.000Z');
    expect(codes().verify(first.code, new Date(shown.getTime() + 150_000)).meetingId).toBe(meetingId);
    expect(statusOf(() => codes().verify(first.code, new Date(shown.getTime() + 150_001)))).toBe(422);
  });

  it('MTG-6 a code signed with another secret, or altered, or from the future is refused with 400', () => {
    const now = new Date('2027-03-01T01:00:00.000Z');
    const { code } = codes('another-secret-entirely').issue(meetingId, now);
    expect(statusOf(() => codes().verify(code, now))).toBe(400);
    const [, step, signature] = codes().issue(meetingId, now).code.split('.');
    expect(statusOf(() => codes().verify(`${meetingId.replace('0b', '1b')}.${step}.${signature}`, now))).toBe(400);
    const future = codes().issue(meetingId, new Date(now.getTime() + 120_000)).code;
    expect(statusOf(() => codes().verify(future, now))).toBe(400);
    expect(statusOf(() => codes().verify('', now))).toBe(400);
  });
});
