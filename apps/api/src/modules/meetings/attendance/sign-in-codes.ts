import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MEETING_PREP_ERRORS, SIGN_IN_CODE_ROTATE_SECONDS, SIGN_IN_CODE_VALID_SECONDS } from '@xiaoban/shared';
import { HttpStatus } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { resolveAuthSecret } from '../../../platform/auth/auth.module';
import { ApiError } from '../../../platform/http/api-error';

const STEP_MS = SIGN_IN_CODE_ROTATE_SECONDS * 1000;
const VALID_MS = SIGN_IN_CODE_VALID_SECONDS * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface IssuedCode {
  code: string;
  /** When the room screen should show the next code. */
  rotatesAt: Date;
}

/**
 * The room's sign-in codes (签到码, MTG-6): `<meeting id>.<30-second step>.<HMAC>`, signed with a
 * key derived from the server's token secret. Nothing is stored per rotation: any instance can
 * check a code. A code signs in for 2 minutes after it was last on the screen, so a photo
 * sent to someone who is not in the room is soon useless (2 to 2½ minutes after it first appeared).
 *
 * Every method takes the time as an argument (default now), so tests can make an old code
 * without waiting.
 */
@Injectable()
export class SignInCodes {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A key of its own, so that a sign-in code can never pass for anything signed with the token secret.
    this.key = createHmac('sha256', resolveAuthSecret(config)).update('xiaoban meeting sign-in codes').digest();
  }

  issue(meetingId: string, at: Date = new Date()): IssuedCode {
    const step = Math.floor(at.getTime() / STEP_MS);
    return { code: `${meetingId}.${step}.${this.sign(meetingId, step)}`, rotatesAt: new Date((step + 1) * STEP_MS) };
  }

  /** The meeting a code is for; 400 when it is not one of ours, 422 when it is older than 2 minutes. */
  verify(code: string, now: Date = new Date()): { meetingId: string; shownAt: Date } {
    const [meetingId, stepText, signature, ...rest] = code.split('.');
    const step = Number(stepText);
    const invalid = () =>
      new ApiError(HttpStatus.BAD_REQUEST, MEETING_PREP_ERRORS.SIGN_IN_CODE_INVALID, 'Not a sign-in code of this school', {
        code: ['not a valid sign-in code; scan the code on the room screen again'],
      });
    if (rest.length || !UUID.test(meetingId ?? '') || !Number.isSafeInteger(step) || !signature) throw invalid();
    const expected = Buffer.from(this.sign(meetingId, step));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    const shownAt = new Date(step * STEP_MS);
    // A code from the future (beyond one step of clock skew between instances) was not shown by us.
    if (shownAt.getTime() > now.getTime() + STEP_MS) throw invalid();
    // Two minutes from the last moment the screen showed it: whoever scanned it has at least that long.
    const shownUntil = shownAt.getTime() + STEP_MS;
    if (now.getTime() - shownUntil > VALID_MS) {
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, MEETING_PREP_ERRORS.SIGN_IN_CODE_EXPIRED, 'The sign-in code has expired', {
        code: [`the code is older than ${SIGN_IN_CODE_VALID_SECONDS / 60} minutes; scan the code on the room screen again`],
      });
    }
    return { meetingId, shownAt };
  }

  private sign(meetingId: string, step: number): string {
    return createHmac('sha256', this.key).update(`${meetingId}.${step}`).digest('base64url').slice(0, 22);
  }
}
