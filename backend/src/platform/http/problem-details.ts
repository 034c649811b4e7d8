import { STATUS_CODES } from 'node:http';
import type { FieldError, ProblemDetails } from '@depot/contracts';
import { activeTraceIds } from '../observability/tracing-context';

/** Problem `type` URIs are relative references to the error catalogue in the docs. */
export function problemType(status: number): string {
  return `https://depot.dev/problems/${status}`;
}

export function buildProblem(input: {
  status: number;
  title?: string;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  traceId?: string;
  errors?: FieldError[];
}): ProblemDetails {
  const problem: ProblemDetails = {
    type: problemType(input.status),
    title: input.title ?? STATUS_CODES[input.status] ?? 'Error',
    status: input.status,
  };
  if (input.detail) problem.detail = input.detail;
  if (input.instance) problem.instance = input.instance;
  if (input.code) problem.code = input.code;
  if (input.requestId) problem.requestId = input.requestId;
  // Built while the request's span is active: its trace, to find it in the tracing backend.
  const traceId = input.traceId ?? activeTraceIds()?.traceId;
  if (traceId) problem.traceId = traceId;
  if (input.errors && input.errors.length > 0) problem.errors = input.errors;
  return problem;
}
