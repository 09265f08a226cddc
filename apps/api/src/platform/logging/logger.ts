import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import pino, { type Level, type Logger } from 'pino';

/**
 * Logging: one pino logger, JSON lines on stdout, shared by Fastify (one line per answered
 * request, with its request id) and by Nest (the app's own messages, with their context).
 *
 * Why not nestjs-pino: it logs through a Nest middleware and keeps each request's logger in an
 * AsyncLocalStorage, which on Node 20 puts a hook on every promise. The two cost more than half of
 * the CPU of a cheap request (NFR-9 profile of /api/health and inbox counts). Fastify already gives
 * each request a child logger carrying its id (`request.log`), which is all that is needed here.
 */
export function createLogger(level: string): Logger {
  return pino({ level });
}

/**
 * Fastify's options for this logger: each request gets a child logger carrying its id
 * (`request.log`); Fastify's own two lines per request are off, `logRequests` writes one instead.
 */
export function fastifyLogging(logger: Logger): { loggerInstance: FastifyBaseLogger; logController: LogController } {
  return { loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) };
}

/** Load balancers poll health every few seconds: no log line for each. */
const UNLOGGED = new Set(['/api/health']);

/** One line per answered request: method, path, status and time; 5xx at error level. */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level: Level = status >= 500 ? 'error' : 'info';
    if (logger.isLevelEnabled(level) && !UNLOGGED.has(request.url)) {
      request.log[level](
        { req: { method: request.method, url: request.url }, res: { statusCode: status }, responseTime: reply.elapsedTime },
        'request completed',
      );
    }
    done();
  });
}

const LEVELS: Record<NestLogLevel, Level> = { log: 'info', error: 'error', warn: 'warn', debug: 'debug', verbose: 'trace', fatal: 'fatal' };

/**
 * Nest's messages into the same pino logger. Nest passes the logger's context last
 * (`new Logger('Files').warn(msg)` → `warn(msg, 'Files')`); an object first is merged into the
 * line, as in `logger.error({ err, requestId }, 'Unhandled error')`.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(nestLevel: NestLogLevel, message: unknown, params: unknown[]): void {
    const level = LEVELS[nestLevel];
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    let text: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else if (message !== null && typeof message === 'object') {
      Object.assign(fields, message);
      text = typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    } else {
      text = String(message);
    }
    // Nest's error(message, stack, context): the stack is kept as its own field.
    if (rest.length > 0)
      fields[nestLevel === 'error' && typeof rest[0] === 'string' ? 'stack' : 'details'] = rest.length === 1 ? rest[0] : rest;
    this.pino[level](fields, text);
  }
}
