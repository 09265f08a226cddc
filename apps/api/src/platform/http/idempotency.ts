import { createHash } from 'node:crypto';
import { applyDecorators, CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from './api-error';
import { ApiErrors } from './api-responses';

const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 30_000;
/** A key left `processing` this long belongs to a request that died; a retry may take it over. */
const ABANDONED_AFTER = '5 minutes';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * `Idempotency-Key` on writes a client may retry (NFR-7), as Stripe's API does: the first
 * response for a key is stored and replayed for a retry with the same body; the same key with a
 * different body is 422; a request racing another with the same key waits for the first one's
 * answer instead of doing the work twice. A request that fails frees its key for a retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return next.handle();
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || key.length > 255) {
      throw new ApiError(HttpStatus.BAD_REQUEST, PLATFORM_ERRORS.VALIDATION_FAILED, 'Invalid Idempotency-Key', {
        'Idempotency-Key': ['must be 1 to 255 characters'],
      });
    }
    const scope = request.user?.id ?? 'anonymous';
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.routeOptions.url ?? request.url}\n${canonical(request.body)}`)
      .digest('hex');
    const successStatus =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return from(this.run(scope, key, requestHash, successStatus, reply, () => lastValueFrom(next.handle())));
  }

  private async run(
    scope: string,
    key: string,
    requestHash: string,
    successStatus: number,
    reply: FastifyReply,
    handle: () => Promise<unknown>,
  ): Promise<unknown> {
    const started = Date.now();
    for (;;) {
      const claimed = await this.dataSource.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, state) VALUES ($1, $2, $3, 'processing')
         ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
           WHERE idempotency_keys.state = 'processing' AND idempotency_keys.created_at < now() - interval '${ABANDONED_AFTER}'
         RETURNING 1`,
        [scope, key, requestHash],
      );
      if (claimed.length) return this.execute(scope, key, successStatus, handle);

      const [stored] = await this.dataSource.query(
        'SELECT request_hash, state, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      if (!stored) continue; // the first request failed and freed the key: try to claim it
      if (stored.request_hash !== requestHash) {
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          PLATFORM_ERRORS.IDEMPOTENCY_KEY_REUSED,
          'This Idempotency-Key was used with a different request',
        );
      }
      if (stored.state === 'completed') {
        void reply.status(stored.response_status).header('idempotent-replayed', 'true');
        return stored.response_body;
      }
      if (Date.now() - started > WAIT_LIMIT_MS) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          PLATFORM_ERRORS.IDEMPOTENCY_KEY_IN_USE,
          'A request with this Idempotency-Key is still in progress',
        );
      }
      await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
    }
  }

  private async execute(scope: string, key: string, successStatus: number, handle: () => Promise<unknown>): Promise<unknown> {
    let body: unknown;
    try {
      body = await handle();
    } catch (error) {
      await this.dataSource.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
      throw error;
    }
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4::jsonb WHERE scope = $1 AND key = $2`,
      [scope, key, successStatus, JSON.stringify(body ?? null)],
    );
    return body;
  }
}

/** Puts a route under the Idempotency-Key mechanism and documents the header. */
export function Idempotent() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'NFR-7: a retry with the same key and body has one effect and gets the same answer; another body gets 422',
    }),
    ApiErrors(422),
  );
}
