import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError, ProblemDetails } from '@depot/contracts';

export class FieldErrorDto implements FieldError {
  /** @example name */
  field!: string;
  /** @example name must be shorter than or equal to 200 characters */
  message!: string;
  /** @example maxLength */
  code?: string;
}

/** RFC 9457 problem details (`application/problem+json`). */
export class ProblemDetailsDto implements ProblemDetails {
  /** @example https://depot.dev/problems/400 */
  type!: string;
  /** @example Bad Request */
  title!: string;
  /** @example 400 */
  status!: number;
  /** @example The request has invalid fields. */
  detail?: string;
  /** @example /api/v1/products */
  instance?: string;
  /** @example REQUEST.VALIDATION_FAILED */
  code?: string;
  /** @example 3f0c6c4e-8f1c-4a53-9d0e-3f3b8f1f0c11 */
  requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

// Keep the decorator import used even when the CLI plugin infers every field.
void ApiProperty;
