/** One invalid field in a request, as reported in `ProblemDetails.errors`. */
export interface FieldError {
  /** Dotted path of the field in the request, e.g. `name` or `lines.0.quantity`. */
  field: string;
  /** Human-readable message. */
  message: string;
  /** Machine-readable rule that failed, e.g. `maxLength`. */
  code?: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Stable, machine-readable error code such as `CATALOG.SKU_TAKEN`. */
  code?: string;
  /** Request id, also sent as the `X-Request-Id` header. */
  requestId?: string;
  /** OpenTelemetry trace id of the request (32 hex digits), when the server exports traces. */
  traceId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
