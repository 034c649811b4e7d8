import { STATUS_CODES } from 'node:http';
import { ErrorCode, PROBLEM_CONTENT_TYPE } from '@depot/contracts';
import type { DeclaredProblemCode } from '../api-problem-codes';
import { EXTENSIONS } from './extensions';
import { PROBLEM_RESPONSE_DESCRIPTIONS } from '../api-responses';
import { PROBLEM_CATALOGUE } from './problem-catalogue';
import { addResponseHeader } from './response-headers';
import {
  isReference,
  operationsOf,
  parametersOf,
  resolveSchema,
  type Document,
  type OperationEntry,
  type ResponseObject,
} from './walk';

/** Shared 503 response every operation refers to. */
export const SERVICE_UNAVAILABLE_RESPONSE = 'ServiceUnavailable';

const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemDetailsDto' };

function exampleName(status: number, code: ErrorCode): string {
  return `${code}.${status}`;
}

/** A problem+json body as Depot sends it for `code` with `status`. */
export function problemExample(status: number, code: ErrorCode): Record<string, unknown> {
  const example: Record<string, unknown> = {
    type: `https://depot.dev/problems/${status}`,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: PROBLEM_CATALOGUE[code].detail,
    code,
    requestId: '3f0c6c4e-8f1c-4a53-9d0e-3f3b8f1f0c11',
  };
  if (code === ErrorCode.ValidationFailed) {
    example.errors = [
      { field: 'name', message: 'name must be shorter than or equal to 200 characters', code: 'maxLength' },
    ];
  }
  return example;
}

/** The codes an operation can answer with because of what it is, by status. */
function derivedCodes({ operation, method }: OperationEntry, document: Document): [number, ErrorCode][] {
  const codes: [number, ErrorCode][] = [];
  if ((operation.security ?? []).length > 0) {
    codes.push([401, ErrorCode.Unauthenticated], [403, ErrorCode.Forbidden]);
    if (operation[EXTENSIONS.allowWithoutMfa] !== true) {
      codes.push([403, ErrorCode.MfaEnrollmentRequired], [403, ErrorCode.PasswordChangeRequired]);
    }
  }
  const parameters = parametersOf(operation);
  const body = operation.requestBody && !isReference(operation.requestBody) ? operation.requestBody : undefined;
  if (body || parameters.some((parameter) => parameter.in === 'path' || parameter.in === 'query')) {
    codes.push([400, ErrorCode.ValidationFailed]);
  }
  if (parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'cursor')) {
    codes.push([400, ErrorCode.InvalidCursor]);
  }
  if (parameters.some((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key')) {
    codes.push(
      [400, ErrorCode.ValidationFailed],
      [409, ErrorCode.IdempotencyKeyInProgress],
      [422, ErrorCode.IdempotencyKeyReused],
    );
  } else if (method !== 'get') {
    // A key sent to an operation that cannot honour it is refused, never ignored.
    codes.push([400, ErrorCode.IdempotencyNotSupported]);
  }
  if (parameters.some((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'if-match')) {
    codes.push([412, ErrorCode.PreconditionFailed]);
  }
  if (body) {
    if (body.content['application/json']) codes.push([400, ErrorCode.MalformedBody]);
    codes.push([413, ErrorCode.PayloadTooLarge], [415, ErrorCode.UnsupportedMediaType]);
    const schema = resolveSchema(document, body.content['application/json']?.schema);
    if (schema?.properties?.version) codes.push([409, ErrorCode.VersionConflict]);
  }
  if (operation.responses['429']) codes.push([429, ErrorCode.TooManyRequests]);
  codes.push([503, ErrorCode.Unavailable]);
  return codes;
}

function declaredCodes({ operation }: OperationEntry): [number, ErrorCode][] {
  const declared = (operation[EXTENSIONS.problemCodes] ?? []) as DeclaredProblemCode[];
  return declared.map((entry) =>
    typeof entry === 'string' ? [PROBLEM_CATALOGUE[entry].status, entry] : [entry.status, entry.code],
  );
}

function problemResponse(status: number, codes: ErrorCode[], description?: string): ResponseObject {
  return {
    description: description ?? PROBLEM_RESPONSE_DESCRIPTIONS[status] ?? STATUS_CODES[status] ?? 'Error.',
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: PROBLEM_SCHEMA,
        examples: Object.fromEntries(
          codes.map((code) => [code, { $ref: `#/components/examples/${exampleName(status, code)}` }]),
        ),
      },
    },
  };
}

/**
 * Tells integrators which `code` each error response can carry. For every operation it joins the
 * codes derived from what the operation is (signed in or public, parameters, body, cursor,
 * Idempotency-Key, `version`, 429) with the ones declared by `@ApiProblemCodes(...)`, adds any
 * error response that was missing, and gives each error response `x-problem-codes` (the list)
 * and one named example per code (Swagger UI shows them in a drop-down). Every operation refers
 * to the shared 503 response (database unreachable, shutting down). Example bodies live once in
 * `components.examples`.
 */
export function documentProblemCodes(document: Document): void {
  const components = (document.components ??= {});
  const examples = (components.examples ??= {});
  const use = (status: number, code: ErrorCode) => {
    examples[exampleName(status, code)] ??= { summary: code, value: problemExample(status, code) };
  };

  use(503, ErrorCode.Unavailable);
  const unavailable: ResponseObject = problemResponse(503, [ErrorCode.Unavailable]);
  addResponseHeader(unavailable, 'Retry-After');
  (components.responses ??= {})[SERVICE_UNAVAILABLE_RESPONSE] = {
    ...unavailable,
    [EXTENSIONS.problemCodes]: [ErrorCode.Unavailable],
  } as ResponseObject;

  for (const entry of operationsOf(document)) {
    const { operation } = entry;
    const byStatus = new Map<number, ErrorCode[]>();
    for (const [status, code] of [...derivedCodes(entry, document), ...declaredCodes(entry)]) {
      const list = byStatus.get(status) ?? [];
      if (!list.includes(code)) list.push(code);
      byStatus.set(status, list);
    }
    delete operation[EXTENSIONS.problemCodes];
    delete operation[EXTENSIONS.allowWithoutMfa];

    for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
      const key = String(status);
      const existing = operation.responses[key];
      if (status === 503 && !existing) {
        operation.responses[key] = { $ref: `#/components/responses/${SERVICE_UNAVAILABLE_RESPONSE}` };
        continue;
      }
      if (existing && isReference(existing)) continue;
      codes.forEach((code) => use(status, code));
      const response = problemResponse(status, codes, existing?.description);
      operation.responses[key] = {
        ...existing,
        ...response,
        content: { ...response.content },
        [EXTENSIONS.problemCodes]: codes,
      } as ResponseObject;
    }
    // Keep the responses in status order (Swagger UI lists them as they come).
    operation.responses = Object.fromEntries(
      Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
}
