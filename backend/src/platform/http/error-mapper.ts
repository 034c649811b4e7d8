import { HttpException } from '@nestjs/common';
import { ErrorCode, type FieldError, type ProblemDetails } from '@depot/contracts';
import { QueryFailedError } from 'typeorm';
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
};

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006']);

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
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
};

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
      unexpected: error.status >= 500,
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
        code: malformedBody
          ? ErrorCode.MalformedBody
          : (STATUS_CODES_BY_HTTP[status] ?? (status >= 500 ? ErrorCode.Internal : undefined)),
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

  if (error instanceof QueryFailedError) {
    const pgCode = codeOf(error.driverError) ?? codeOf(error);
    if (pgCode === '22P02' || pgCode === '22003' || pgCode === '22001') {
      return {
        problem: buildProblem({
          ...base,
          status: 400,
          detail: 'A value in the request has the wrong format or is out of range.',
          code: ErrorCode.ValidationFailed,
        }),
        unexpected: false,
      };
    }
    if (pgCode === '40001' || pgCode === '40P01') {
      return {
        problem: buildProblem({
          ...base,
          status: 409,
          detail: 'The request conflicted with a concurrent change; retry it.',
          code: ErrorCode.VersionConflict,
        }),
        unexpected: false,
      };
    }
  }

  if (code && CONNECTION_ERROR_CODES.has(code)) {
    return {
      problem: buildProblem({
        ...base,
        status: 503,
        detail: 'The service is temporarily unavailable; retry shortly.',
        code: ErrorCode.Unavailable,
      }),
      unexpected: true,
    };
  }

  // Other 4xx errors raised by Fastify or its plugins carry a safe status.
  const status = statusCodeOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    return {
      problem: buildProblem({ ...base, status, code: STATUS_CODES_BY_HTTP[status] }),
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
