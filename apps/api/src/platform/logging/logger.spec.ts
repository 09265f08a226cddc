import { Logger } from '@nestjs/common';
import Fastify from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { fastifyLogging, logRequests, PinoNestLogger } from './logger';

/** A pino logger writing its JSON lines into an array. */
function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

describe('logging', () => {
  it('NFR-6: one line per answered request with its id, method, path and status; none for health; 5xx at error level', async () => {
    const { logger, lines } = capture();
    const app = Fastify({ ...fastifyLogging(logger), genReqId: () => 'req-1' });
    logRequests(app, logger);
    app.get('/api/v1/things', async () => ({ ok: true }));
    app.get('/api/health', async () => ({ status: 'ok' }));
    app.get('/api/v1/broken', async (_request, reply) => reply.status(500).send({}));
    await app.inject({ method: 'GET', url: '/api/v1/things' });
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/v1/broken' });
    await app.close();
    const requests = lines.filter((l) => l.msg === 'request completed');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      level: 30,
      reqId: 'req-1',
      req: { method: 'GET', url: '/api/v1/things' },
      res: { statusCode: 200 },
    });
    expect(typeof requests[0].responseTime).toBe('number');
    expect(requests[1]).toMatchObject({ level: 50, req: { url: '/api/v1/broken' }, res: { statusCode: 500 } });
  });

  it("NFR-6: Nest's messages keep their context, merge a leading object, and respect the level", () => {
    const { logger, lines } = capture('info');
    const nest = new PinoNestLogger(logger);
    nest.log('started', 'Files');
    nest.debug('not written', 'Files');
    nest.error({ requestId: 'r-9', err: new Error('boom') }, 'Unhandled error', 'ErrorFilter');
    nest.error('failed', 'Error: failed\n    at x', 'Jobs');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 30, context: 'Files', msg: 'started' });
    expect(lines[1]).toMatchObject({
      level: 50,
      context: 'ErrorFilter',
      requestId: 'r-9',
      msg: 'Unhandled error',
      err: { message: 'boom' },
    });
    expect(lines[2]).toMatchObject({ level: 50, context: 'Jobs', msg: 'failed', stack: 'Error: failed\n    at x' });
  });

  it("NFR-6: Nest's static Logger writes through it once the app uses it", () => {
    const { logger, lines } = capture('warn');
    Logger.overrideLogger(new PinoNestLogger(logger));
    try {
      new Logger('Backups').warn('disk nearly full');
    } finally {
      Logger.overrideLogger(['error']);
    }
    expect(lines).toEqual([expect.objectContaining({ level: 40, context: 'Backups', msg: 'disk nearly full' })]);
  });
});
