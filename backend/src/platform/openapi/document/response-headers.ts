import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER } from '@depot/contracts';
import { EXTENSIONS } from './extensions';
import { isReference, operationsOf, parametersOf, type Document, type ResponseObject } from './walk';

type HeaderObject = NonNullable<ResponseObject['headers']>[string];

/** Response headers documented once in `components.headers` and referred to by name. */
export const RESPONSE_HEADERS = {
  'X-Request-Id': {
    description:
      'Id of this request, also in the logs and in problem details (`requestId`). Send your own ' +
      '(letters, digits, `._:-`, up to 128) to correlate; otherwise the server makes one.',
    schema: { type: 'string', maxLength: 128, example: '3f0c6c4e-8f1c-4a53-9d0e-3f3b8f1f0c11' },
  },
  Location: {
    description: 'URL of the resource this request created.',
    schema: {
      type: 'string',
      format: 'uri-reference',
      example: '/api/v1/products/0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10',
    },
  },
  [IDEMPOTENT_REPLAY_HEADER]: {
    description:
      '`true` when this is the stored response to an earlier request with the same `Idempotency-Key` ' +
      '(nothing was done again); absent on the first response.',
    schema: { type: 'string', enum: ['true'], example: 'true' },
  },
  'Retry-After': {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'integer', minimum: 0, example: 5 },
  },
  ETag: {
    description: 'Version tag of the returned representation; send it back in `If-None-Match` or `If-Match`.',
    schema: { type: 'string', example: '"v3.Jq5m0Zc1bW9rT2xL"' },
  },
  Deprecation: {
    description:
      'This operation is deprecated (RFC 9745): the date it was deprecated, as `@` and Unix seconds. See the ' +
      'deprecation policy in docs/api-changelog.md.',
    schema: { type: 'string', example: '@1767225600' },
  },
  Sunset: {
    description: 'When this deprecated operation stops working (RFC 8594), as an HTTP date.',
    schema: { type: 'string', example: 'Wed, 30 Jun 2027 00:00:00 GMT' },
  },
} as const satisfies Record<string, HeaderObject>;

export type ResponseHeaderName = keyof typeof RESPONSE_HEADERS;

function ref(name: ResponseHeaderName): { $ref: string } {
  return { $ref: `#/components/headers/${name}` };
}

/** Adds a header to a response, replacing one declared under any spelling of its name. */
export function addResponseHeader(response: ResponseObject, name: ResponseHeaderName): void {
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {}).filter(([key]) => key.toLowerCase() !== name.toLowerCase()),
  );
  response.headers = { ...headers, [name]: ref(name) };
}

function declares(response: ResponseObject, name: string): boolean {
  return Object.keys(response.headers ?? {}).some((key) => key.toLowerCase() === name.toLowerCase());
}

function documentHeaders(response: ResponseObject, status: string, idempotent: boolean, etag: boolean): void {
  const code = Number(status);
  addResponseHeader(response, 'X-Request-Id');
  if (code === 201 || declares(response, 'Location')) addResponseHeader(response, 'Location');
  if (declares(response, 'ETag') || (etag && code === 200)) addResponseHeader(response, 'ETag');
  if (code === 429 || code === 503) addResponseHeader(response, 'Retry-After');
  if (idempotent && code >= 200 && code < 300) addResponseHeader(response, IDEMPOTENT_REPLAY_HEADER);
}

/**
 * Documents the response headers Depot sends, from what the document already says:
 * - `X-Request-Id` on every response;
 * - `Location` on every 201, and wherever a decorator declared a `Location` header;
 * - `ETag` wherever a decorator declared an `ETag` header (any spelling) on a response, and on the
 *   200 of operations marked by `@ETagged()` / `@IfMatch()`;
 * - `Retry-After` on every 429 and 503;
 * - `Idempotent-Replayed` on the 2xx responses of operations that take an `Idempotency-Key`.
 * Each becomes a `$ref` to `components.headers`, so descriptions are written once. Runs after the
 * steps that add responses or header references (problem codes, deprecations).
 */
export function documentResponseHeaders(document: Document): void {
  const components = (document.components ??= {});
  // Shared responses are keyed by name, not status: they get the header every response has.
  for (const response of Object.values(components.responses ?? {})) {
    if (!isReference(response)) addResponseHeader(response, 'X-Request-Id');
  }
  for (const { operation } of operationsOf(document)) {
    const idempotent = parametersOf(operation).some(
      (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === IDEMPOTENCY_KEY_HEADER.toLowerCase(),
    );
    const etag = operation[EXTENSIONS.etag] === true;
    delete operation[EXTENSIONS.etag];
    for (const [status, response] of Object.entries(operation.responses)) {
      if (response && !isReference(response)) documentHeaders(response, status, idempotent, etag);
    }
  }
  // Declare the headers something refers to (an unused component is a lint warning).
  const text = JSON.stringify(document);
  const used = Object.entries(RESPONSE_HEADERS).filter(([name]) => text.includes(`"#/components/headers/${name}"`));
  components.headers = { ...components.headers, ...structuredClone(Object.fromEntries(used)) };
}
