import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one error body of the API (NFR-2). */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  /** A stable code clients may branch on, e.g. VALIDATION_FAILED, ACCOUNT_LOCKED. */
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ example: '请求参数有误' })
  message: string;

  /** Messages keyed by field, so that a form can show each beside its field. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { username: ['username must be shorter than or equal to 50 characters'] },
  })
  errors?: Record<string, string[]>;
}
