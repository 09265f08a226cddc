import { ParseUUIDPipe } from '@nestjs/common';
import { badRequest } from './api-error';

/** Parses an `:id` path parameter; anything but a UUID is 400 keyed by `id`, never a database error. */
export const UUID_PARAM = new ParseUUIDPipe({
  exceptionFactory: () => badRequest('Invalid id', { id: ['id must be a UUID'] }),
});
