import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` holds messages keyed by field',
  401: 'Wrong username or password, or an invalid token',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state (stale version, duplicate, illegal transition)',
  413: 'Body too large',
  422: 'Idempotency-Key reused with a different body',
  423: 'Account locked after repeated failed logins',
  429: 'Too many requests',
};

/** Documents the error responses a route can give, all with the one error body. */
export function ApiErrors(...statuses: (keyof typeof DESCRIPTIONS)[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, type: ErrorBodyDto, description: DESCRIPTIONS[status] })));
}
