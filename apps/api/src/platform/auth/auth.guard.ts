import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import { ApiError } from '../http/api-error';
import { IS_PUBLIC, REQUIRED_PERMISSION } from './decorators';
import type { Principal } from './principal';

/**
 * The global guard (NFR-1): every route needs a valid token unless marked `@Public()`, and the
 * permission its `@Authenticated({ permission })` names. Missing token: 401; missing permission: 403.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const permission = this.reflector.getAllAndOverride<string | null>(REQUIRED_PERMISSION, targets);
    const principal = context.switchToHttp().getRequest<{ user: Principal }>().user;
    if (permission && !principal.permissions.has(permission)) {
      throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, `Requires the permission ${permission}`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, PLATFORM_ERRORS.UNAUTHENTICATED, 'A valid access token is required');
    }
    return user;
  }
}
