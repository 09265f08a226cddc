import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@xiaoban/shared';
import { ErrorBodyDto } from '../http/error-body.dto';

export const IS_PUBLIC = 'xiaoban:public';
export const REQUIRED_PERMISSION = 'xiaoban:permission';

/** Opts a route out of the global token check. Use deliberately: every public route is listed in the NFR-1 test. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface AuthenticatedOptions {
  /** The permission the caller needs; omit for routes every signed-in person may use (e.g. /auth/me). */
  permission?: Permission;
}

/**
 * Declares what a route needs: a valid token, and a permission where given. Sets the guard's
 * metadata and the OpenAPI security (with `x-permission`) together, so the document always says what the guard does.
 */
export function Authenticated(options: AuthenticatedOptions = {}) {
  const decorators = [
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'No valid token' }),
    SetMetadata(REQUIRED_PERMISSION, options.permission ?? null),
    // The same declaration, machine-readable, for integrators and for the permission matrix (NFR-4).
    ApiExtension('x-permission', options.permission ?? null),
  ];
  if (options.permission) {
    decorators.push(ApiForbiddenResponse({ type: ErrorBodyDto, description: `Requires the permission \`${options.permission}\`` }));
  }
  return applyDecorators(...decorators);
}
