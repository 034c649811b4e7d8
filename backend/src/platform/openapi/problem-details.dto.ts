import { ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, type FieldError, type ProblemDetails } from '@depot/contracts';

/** One invalid field of a request. */
export class FieldErrorDto implements FieldError {
  /**
   * Path of the field in the body (`lines.0.quantity`), or the parameter or header name.
   * @example name
   */
  field!: string;
  /**
   * What is wrong with it.
   * @example name must be shorter than or equal to 200 characters
   */
  message!: string;
  /**
   * The rule it broke (`maxLength`, `isUuid`, …).
   * @example maxLength
   */
  code?: string;
}

/** RFC 9457 problem details (`application/problem+json`). */
export class ProblemDetailsDto implements ProblemDetails {
  /**
   * URI reference identifying the problem type.
   * @example https://depot.dev/problems/400
   */
  type!: string;
  /**
   * Short summary of the problem type (the HTTP reason phrase).
   * @example Bad Request
   */
  title!: string;
  /**
   * The HTTP status code, repeated.
   * @example 400
   */
  status!: number;
  /**
   * What went wrong in this occurrence, in plain language.
   * @example The request has invalid fields.
   */
  detail?: string;
  /**
   * The request path this problem occurred on.
   * @example /api/v1/products
   */
  instance?: string;
  /** Stable machine-readable error code: branch on this, not on `title` or `detail`. */
  @ApiPropertyOptional({ enum: Object.values(ErrorCode), example: ErrorCode.ValidationFailed })
  code?: string;
  /**
   * The request's `X-Request-Id`; quote it when reporting a problem.
   * @example 3f0c6c4e-8f1c-4a53-9d0e-3f3b8f1f0c11
   */
  requestId?: string;
  /**
   * The request's OpenTelemetry trace id (32 hex digits), present when the server exports
   * traces: look the request up in the tracing backend with it.
   * @example 4bf92f3577b34da6a3ce929d0e0e4736
   */
  traceId?: string;
  /** One entry per invalid field, for validation failures. */
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
