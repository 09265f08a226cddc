import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import { ApiError } from './api-error';

/** Flattens class-validator's nested errors into `{ 'a.b[0].c': [messages] }`. */
export function fieldErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const error of errors) {
    const field = prefix ? (/^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`) : error.property;
    if (error.constraints) result[field] = Object.values(error.constraints);
    if (error.children?.length) Object.assign(result, fieldErrors(error.children, field));
  }
  return result;
}

/** The global pipe: unknown fields are refused, known ones converted to their declared types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new ApiError(HttpStatus.BAD_REQUEST, PLATFORM_ERRORS.VALIDATION_FAILED, 'Validation failed', fieldErrors(errors)),
  });
}
