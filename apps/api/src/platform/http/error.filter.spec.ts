import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { ErrorFilter } from './error.filter';

const pgError = (code: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('pg'), { code }));

describe('error filter (unit)', () => {
  const filter = new ErrorFilter();

  it('NFR-2 maps database conflicts to 409 and bad values to 400, never 500', () => {
    expect(filter.toBody(pgError('23505'))).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect(filter.toBody(pgError('23P01'))).toMatchObject({ statusCode: 409 });
    expect(filter.toBody(pgError('40P01'))).toMatchObject({ statusCode: 409 });
    expect(filter.toBody(pgError('22P02'))).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('NFR-2 renders Nest and Fastify errors in the one body', () => {
    expect(filter.toBody(new NotFoundException('Cannot GET /x'))).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /x' });
    expect(filter.toBody(new BadRequestException())).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(filter.toBody(tooLarge)).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' });
  });

  it('NFR-2 a request that waited too long for a database connection is 503, to be retried, not a 500', () => {
    expect(filter.toBody(new Error('timeout exceeded when trying to connect'))).toEqual({
      statusCode: 503,
      code: 'SERVICE_BUSY',
      message: 'The server is busy; try again shortly',
    });
  });

  it('NFR-2 hides the details of an unexpected error', () => {
    expect(filter.toBody(new Error('connection string postgres://secret'))).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Internal server error',
    });
  });

  it('NFR-6 the database down or restarting is 503, to be retried, not a 500', () => {
    expect(filter.toBody(pgError('57P01'))).toMatchObject({ statusCode: 503, code: 'SERVICE_BUSY' });
    expect(filter.toBody(pgError('57P03'))).toMatchObject({ statusCode: 503 });
    expect(filter.toBody(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({
      statusCode: 503,
    });
    expect(filter.toBody(new Error('Connection terminated unexpectedly'))).toMatchObject({ statusCode: 503 });
    expect(filter.toBody(new QueryRunnerAlreadyReleasedError())).toMatchObject({ statusCode: 503 });
    expect(filter.toBody(new Error('something else'))).toMatchObject({ statusCode: 500 });
  });
});
