import { HttpException } from '@nestjs/common';
import { ErrorCode, type FieldError, type ProblemDetails } from '@depot/contracts';
import { isDatabaseUnavailable, sqlStateOf } from '../database/pg-errors';
import { AppError } from './app-error';
import { buildProblem } from './problem-details';

interface RequestInfo {
  id: string;
  url: string;
  method: string;
}

/** What the filter needs to know: the problem to send, and whether it is our fault. */
export interface MappedError {
  problem: ProblemDetails;
  /** True for 5xx: log it with the stack, say nothing about internals to the client. */
  unexpected: boolean;
  /** Expected, but worth a warning in the log (an outage, a validation gap caught by the database). */
  logAs?: 'warn';
}

// Fastify's own request errors (raised before a route handler runs).
const FASTIFY_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: ErrorCode.UnsupportedMediaType,
    detail: 'Unsupported Content-Type; send application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: ErrorCode.PayloadTooLarge,
    detail: 'The request body is larger than the server accepts.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: ErrorCode.MalformedBody,
    detail: 'The body is empty but Content-Type is application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: ErrorCode.MalformedBody, detail: 'The body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: ErrorCode.MalformedBody,
    detail: 'Content-Length does not match the body.',
  },
  FST_ERR_CTP_INVALID_CONTENT_TYPE: {
    status: 415,
    code: ErrorCode.UnsupportedMediaType,
    detail: 'The Content-Type header is malformed; send application/json.',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: ErrorCode.MalformedUrl,
    detail: 'The path is not a valid URL (bad percent-encoding).',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: ErrorCode.UriTooLong,
    detail: 'A path segment is longer than the server accepts.',
  },
};

function statusCodeOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const value = error.statusCode;
    return typeof value === 'number' ? value : undefined;
  }
  return undefined;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const value = error.code;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function httpExceptionDetail(exception: HttpException): string | undefined {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.filter((m) => typeof m === 'string').join('; ');
  return undefined;
}

const STATUS_CODES_BY_HTTP: Partial<Record<number, string>> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  414: ErrorCode.UriTooLong,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.Unavailable,
};

/** Every problem carries a stable code: the specific one, else one for its status class. */
function codeForStatus(status: number): string {
  return STATUS_CODES_BY_HTTP[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.BadRequest);
}

/**
 * A database error the services did not translate. Data exceptions (class 22: invalid text,
 * out-of-range values, bad dates) and integrity violations come from the request's values, so
 * they are the client's 4xx; `logAs: 'warn'` because each one marks a validation gap to close.
 */
function databaseProblem(sqlState: string): { status: number; code: string; detail: string } | undefined {
  if (sqlState.startsWith('22') || sqlState === '23502') {
    return {
      status: 400,
      code: ErrorCode.ValidationFailed,
      detail: 'A value in the request has the wrong format or is out of range.',
    };
  }
  if (sqlState === '40001' || sqlState === '40P01') {
    return {
      status: 409,
      code: ErrorCode.VersionConflict,
      detail: 'The request conflicted with a concurrent change; retry it.',
    };
  }
  if (sqlState.startsWith('23')) {
    return {
      status: 409,
      code: ErrorCode.Conflict,
      detail: 'The request conflicts with the current state of the data.',
    };
  }
  return undefined;
}

/** Maps anything thrown while handling a request to RFC 9457 problem details. */
export function mapError(error: unknown, request: RequestInfo): MappedError {
  const base = { instance: request.url, requestId: request.id };

  if (error instanceof AppError) {
    return {
      problem: {
        ...error.extensions,
        ...buildProblem({
          ...base,
          status: error.status,
          title: error.title,
          detail: error.detail,
          code: error.code,
          errors: error.errors,
        }),
      },
      // A deliberate 503 (shutting down, database down) is an answer, not a fault.
      unexpected: error.status >= 500 && error.status !== 503,
    };
  }

  if (error instanceof HttpException) {
    const status = error.getStatus();
    let detail = httpExceptionDetail(error);
    if (status === 404 && detail?.startsWith('Cannot ')) {
      detail = `No resource at ${request.method} ${request.url.split('?')[0]}.`;
    }
    const response = error.getResponse();
    const errors = typeof response === 'object' ? (response as { errors?: FieldError[] }).errors : undefined;
    // Nest re-raises Fastify's body-parsing failures as a 400 HttpException with a plain message.
    const malformedBody = status === 400 && typeof response === 'string';
    return {
      problem: buildProblem({
        ...base,
        status,
        detail: status >= 500 ? undefined : detail,
        code: malformedBody ? ErrorCode.MalformedBody : codeForStatus(status),
        errors,
      }),
      unexpected: status >= 500,
    };
  }

  const code = codeOf(error);
  if (code && FASTIFY_ERRORS[code]) {
    const known = FASTIFY_ERRORS[code];
    return {
      problem: buildProblem({ ...base, status: known.status, detail: known.detail, code: known.code }),
      unexpected: false,
    };
  }
  if (error instanceof SyntaxError && statusCodeOf(error) === 400) {
    return {
      problem: buildProblem({
        ...base,
        status: 400,
        detail: 'The body is not valid JSON.',
        code: ErrorCode.MalformedBody,
      }),
      unexpected: false,
    };
  }

  if (isDatabaseUnavailable(error)) {
    return {
      problem: buildProblem({
        ...base,
        status: 503,
        detail: 'The service is temporarily unavailable; retry shortly.',
        code: ErrorCode.Unavailable,
      }),
      // Logged once by whatever noticed the outage (pool, listener, supervisor), not per request.
      unexpected: false,
    };
  }

  const sqlState = sqlStateOf(error);
  const known = sqlState ? databaseProblem(sqlState) : undefined;
  if (known) {
    return { problem: buildProblem({ ...base, ...known }), unexpected: false, logAs: 'warn' };
  }

  // Other 4xx errors raised by Fastify or its plugins carry a safe status.
  const status = statusCodeOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    return {
      problem: buildProblem({ ...base, status, code: codeForStatus(status) }),
      unexpected: false,
    };
  }

  return {
    problem: buildProblem({
      ...base,
      status: 500,
      detail: 'An unexpected error occurred. Quote the request id when reporting it.',
      code: ErrorCode.Internal,
    }),
    unexpected: true,
  };
}
