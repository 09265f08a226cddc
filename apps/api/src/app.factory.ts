import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import type { FastifyInstance, RouteOptions } from 'fastify';
import helmet from 'helmet';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { buildOpenApiDocument } from './openapi';
import { createLogger, fastifyLogging, logRequests, PinoNestLogger } from './platform/logging/logger';
import { createValidationPipe } from './platform/http/validation';

export interface CreateAppOptions {
  /** Build the module graph without connecting anywhere (for exporting the OpenAPI document). */
  preview?: boolean;
  /** Called for every route registered, e.g. by the NFR-1 route walk. */
  onRoute?: (route: RouteOptions) => void;
  /** Use Nest's plain console logger instead of pino (tests keep their output quiet). */
  quiet?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Builds the API exactly as it serves: Fastify, the global validation pipe, security headers,
 * the OpenAPI document, and the admin panel at `/`. main.ts listens on it; tests init it.
 */
export async function createApp(config: AppConfig, databaseUrl: string, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = options.quiet ? undefined : createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    // No Nest middleware anywhere (logging is a Fastify hook): middie would only add a step to every request.
    skipMiddie: true,
    ...(logger ? fastifyLogging(logger) : {}),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    // A caller's own X-Request-Id is kept when it is sane, so that its logs and ours line up.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
  });
  const fastify = adapter.getInstance() as unknown as FastifyInstance;
  if (options.onRoute) fastify.addHook('onRoute', options.onRoute);
  if (logger) logRequests(fastify, logger);

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    bufferLogs: !options.quiet,
    preview: options.preview,
    abortOnError: false,
    logger: options.quiet ? ['error'] : undefined,
  });
  if (logger) app.useLogger(new PinoNestLogger(logger));
  app.setGlobalPrefix('api/v1', { exclude: ['api/health'] });
  app.useGlobalPipes(createValidationPipe());
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
  if (options.preview) return app;

  // Security headers on every answer, API and panel alike. helmet's middleware is built once here:
  // @fastify/helmet rebuilt it (parsing the CSP again) on every request, an eighth of the CPU of a
  // cheap request (NFR-9 profile).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Schools often serve the panel over plain HTTP on their intranet.
        upgradeInsecureRequests: null,
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  // File uploads (PLT-5) are streamed; the files service sets the size limit per request.
  await app.register(multipart, { limits: { fileSize: config.fileMaxBytes, files: 1 } });
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
  });
  serveAdminPanel(fastify, config.adminDist);
  return app;
}

/**
 * The built admin panel at `/`. Paths the panel's router owns (e.g. /system/users) get its
 * index.html; unknown /api paths stay JSON 404s.
 */
function serveAdminPanel(fastify: FastifyInstance, adminDist: string | undefined): void {
  const hasPanel = adminDist !== undefined && existsSync(join(adminDist, 'index.html'));
  if (hasPanel) {
    void fastify.register(fastifyStatic, {
      root: adminDist,
      prefix: '/',
      wildcard: false,
      index: false,
      // Vite names the files in assets/ by their content hash: they never change, so browsers keep
      // them. Everything else (index.html above all) is checked on every load, so a release shows at once.
      cacheControl: false,
      setHeaders: (reply, path) => {
        void reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  fastify.get('/*', async (request, reply) => {
    // Unknown API routes and missing build files (e.g. after a rebuild) are 404s, not the panel.
    if (request.url.startsWith('/api') || request.url.startsWith('/assets/') || !hasPanel) {
      return reply.status(404).send({
        statusCode: 404,
        code: PLATFORM_ERRORS.NOT_FOUND,
        message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
      });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html', adminDist!);
  });
}
