import { ExecutionContext, HttpException, HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { API_TOKEN_AUTHENTICATOR, apiTokenOf, type ApiTokenAuthenticator } from './api-token-authenticator';
import { IS_PUBLIC, REQUIRED_PERMISSION } from './decorators';
import type { Principal } from './principal';

/**
 * The global guard (NFR-1): every route needs a valid token unless marked `@Public()`, and the
 * permission its `@Authenticated({ permission })` names. Missing token: 401; missing permission: 403.
 * An API token of another school system (`Bearer xbt_…`, PLT-9) is checked before the JWT, and
 * may call only routes that name a permission within its scopes.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(API_TOKEN_AUTHENTICATOR) private readonly apiTokens?: ApiTokenAuthenticator,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const apiToken = apiTokenOf(request.headers.authorization);
    if (apiToken !== undefined) {
      const tokenPrincipal = await this.apiTokens?.authenticate(apiToken, { ip: request.ip ?? null, requestId: String(request.id) });
      if (!tokenPrincipal) throw unauthenticated();
      request.user = tokenPrincipal;
    } else {
      await super.canActivate(context);
    }
    const permission = this.reflector.getAllAndOverride<string | null>(REQUIRED_PERMISSION, targets);
    const principal = request.user!;
    // Routes open to every signed-in person act as that person (their inbox, their password): not a token's business.
    if (principal.apiToken && !permission) {
      throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'An API token may only call routes that require a permission');
    }
    if (permission && !principal.permissions.has(permission)) {
      throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, `Requires the permission ${permission}`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    // A failure to load the person (the database is down) is not a bad token: it must not sign anyone out (NFR-6).
    if (error && !(error instanceof HttpException)) throw error;
    if (error || !user) throw unauthenticated();
    return user;
  }
}

const unauthenticated = () => new ApiError(HttpStatus.UNAUTHORIZED, PLATFORM_ERRORS.UNAUTHENTICATED, 'A valid access token is required');
