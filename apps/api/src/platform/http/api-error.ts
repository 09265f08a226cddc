import { HttpException, HttpStatus } from '@nestjs/common';
import { PLATFORM_ERRORS } from '@xiaoban/shared';

/**
 * An error a client is meant to see: an HTTP status, a stable code and a message, with
 * optional field errors. Services throw these; the error filter renders them.
 */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super({ statusCode: status, code, message, errors: fieldErrors }, status);
  }
}

export const notFound = (what = 'object') => new ApiError(HttpStatus.NOT_FOUND, PLATFORM_ERRORS.NOT_FOUND, `${what} not found`);

export const versionConflict = () =>
  new ApiError(HttpStatus.CONFLICT, PLATFORM_ERRORS.VERSION_CONFLICT, 'The record was changed by someone else; reload it and try again');

export const conflict = (code: string, message: string, fieldErrors?: Record<string, string[]>) =>
  new ApiError(HttpStatus.CONFLICT, code, message, fieldErrors);

export const badRequest = (message: string, fieldErrors?: Record<string, string[]>) =>
  new ApiError(HttpStatus.BAD_REQUEST, PLATFORM_ERRORS.VALIDATION_FAILED, message, fieldErrors);
