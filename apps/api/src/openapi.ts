import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The OpenAPI document integrators read at /api/docs, and that `pnpm gen:api` exports to
 * libs/api-client. operationIds are the controller method names.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('xiaoban (校办) API')
    .setDescription(
      [
        'The API of xiaoban, a school general-office system. Every route needs a bearer token from',
        '`POST /api/v1/auth/login` unless it is marked public; descriptions name the requirement IDs',
        'they serve. Errors share one body: `{ statusCode, code, message, errors? }`, with `errors`',
        'keyed by field. Lists take `page`, `pageSize` (at most 100) and `q`.',
      ].join(' '),
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
}
