import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { PLATFORM_ERRORS, type ErrorBody } from '@xiaoban/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';

/** Fastify's own errors a client can cause (body too large, malformed JSON, wrong content type). */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: PLATFORM_ERRORS.PAYLOAD_TOO_LARGE },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: PLATFORM_ERRORS.VALIDATION_FAILED },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: PLATFORM_ERRORS.VALIDATION_FAILED },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: PLATFORM_ERRORS.VALIDATION_FAILED },
};

/** PostgreSQL errors that mean the request conflicts with data, not that the server failed. */
const PG_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: PLATFORM_ERRORS.CONFLICT, message: 'A record with the same unique value exists' },
  '23P01': { status: 409, code: PLATFORM_ERRORS.CONFLICT, message: 'The change overlaps an existing record' },
  '40P01': { status: 409, code: PLATFORM_ERRORS.CONFLICT, message: 'A concurrent change won; try again' },
  '40001': { status: 409, code: PLATFORM_ERRORS.CONFLICT, message: 'A concurrent change won; try again' },
  '23503': { status: 409, code: PLATFORM_ERRORS.CONFLICT, message: 'The record is referenced by, or refers to, another' },
  '22P02': { status: 400, code: PLATFORM_ERRORS.VALIDATION_FAILED, message: 'A value has the wrong format' },
  '22001': { status: 400, code: PLATFORM_ERRORS.VALIDATION_FAILED, message: 'A value is too long' },
  '22003': { status: 400, code: PLATFORM_ERRORS.VALIDATION_FAILED, message: 'A number is out of range' },
  '22007': { status: 400, code: PLATFORM_ERRORS.VALIDATION_FAILED, message: 'A date has the wrong format' },
  '22008': { status: 400, code: PLATFORM_ERRORS.VALIDATION_FAILED, message: 'A date is out of range' },
  '22021': { status: 400, code: PLATFORM_ERRORS.VALIDATION_FAILED, message: 'Text is not valid UTF-8' },
};

const STATUS_CODES: Record<number, string> = {
  400: PLATFORM_ERRORS.VALIDATION_FAILED,
  401: PLATFORM_ERRORS.UNAUTHENTICATED,
  403: PLATFORM_ERRORS.FORBIDDEN,
  404: PLATFORM_ERRORS.NOT_FOUND,
  409: PLATFORM_ERRORS.CONFLICT,
  413: PLATFORM_ERRORS.PAYLOAD_TOO_LARGE,
  429: PLATFORM_ERRORS.TOO_MANY_REQUESTS,
};

/**
 * node-postgres gives up waiting for a free pooled connection with this plain Error. It means load,
 * not a fault in the request: 503, so a client (or the load balancer) retries instead of reporting a bug.
 */
function isPoolExhausted(exception: unknown): boolean {
  return exception instanceof Error && /timeout exceeded when trying to connect/i.test(exception.message);
}

/**
 * The database is down or restarting (NFR-6): not a fault in the request either. 503, as the
 * health check answers meanwhile, so that clients retry rather than report a bug (or sign out).
 */
const DATABASE_GONE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET']);
function isDatabaseUnreachable(exception: unknown): boolean {
  const driver = exception instanceof QueryFailedError ? exception.driverError : exception;
  const code = (driver as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && DATABASE_GONE_CODES.has(code)) return true;
  // TypeORM's rollback of a transaction whose connection the server just cut fails with
  // QueryRunnerAlreadyReleasedError, hiding the 57P01 behind it.
  if (exception instanceof Error && exception.name === 'QueryRunnerAlreadyReleasedError') return true;
  return exception instanceof Error && /Connection terminated|not queryable|terminating connection/i.test(exception.message);
}

/** Renders every error as `{ statusCode, code, message, errors? }` (ARCHITECTURE.md, "Errors"). */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request?.id }, 'Unhandled error');
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) {
        const r = response as ErrorBody;
        return { statusCode: status, code: r.code, message: r.message, ...(r.errors ? { errors: r.errors } : {}) };
      }
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: STATUS_CODES[status] ?? `HTTP_${status}`, message };
    }
    const fastifyCode = (exception as { code?: unknown })?.code;
    if (typeof fastifyCode === 'string' && FASTIFY_CLIENT_ERRORS[fastifyCode]) {
      const { status, code } = FASTIFY_CLIENT_ERRORS[fastifyCode];
      return { statusCode: status, code, message: (exception as Error).message };
    }
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return { statusCode, code: STATUS_CODES[statusCode] ?? `HTTP_${statusCode}`, message: (exception as Error).message };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      const known = pgCode ? PG_CLIENT_ERRORS[pgCode] : undefined;
      if (known) return { statusCode: known.status, code: known.code, message: known.message };
    }
    if (isPoolExhausted(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: PLATFORM_ERRORS.SERVICE_BUSY,
        message: 'The server is busy; try again shortly',
      };
    }
    if (isDatabaseUnreachable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: PLATFORM_ERRORS.SERVICE_BUSY,
        message: 'The database is unavailable; try again shortly',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: PLATFORM_ERRORS.INTERNAL_ERROR, message: 'Internal server error' };
  }
}
