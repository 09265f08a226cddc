import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';

/**
 * Who is asking, from where: handed explicitly from controllers to services, which put it into
 * the audit log and use it for row-level checks.
 */
export interface RequestContext {
  actor: Principal | null;
  ip: string | null;
  requestId: string;
}

export function requestContextOf(request: FastifyRequest): RequestContext {
  return {
    actor: (request as FastifyRequest & { user?: Principal }).user ?? null,
    ip: request.ip ?? null,
    requestId: String(request.id),
  };
}

/** `@Ctx() ctx: RequestContext` in a controller method. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext =>
  requestContextOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** The context of work the system does by itself (seeds, jobs). */
export const SYSTEM_CONTEXT: RequestContext = { actor: null, ip: null, requestId: 'system' };
