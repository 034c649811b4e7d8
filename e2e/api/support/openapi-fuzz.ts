import fc from 'fast-check';

/* eslint-disable @typescript-eslint/no-explicit-any -- walks an arbitrary OpenAPI document */

/**
 * Requests generated from the OpenAPI document itself, valid and hostile, so every operation
 * (including ones added later) is fuzzed without listing cases by hand.
 */

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: any[];
  requestBody?: any;
  secured: boolean;
}

export interface FuzzRequest {
  method: string;
  /** Path with parameters filled in, plus the query string. */
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** What the request is, for the failure report. */
  label: string;
  /** The request is certainly invalid: a 2xx answer is a bug (null where not nullable, unknown field, missing field). */
  mustFail?: string;
}

export type Auth = 'admin' | 'none' | 'garbage';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(document: any): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!METHODS.includes(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? `${method} ${path}`,
        parameters: [...(item.parameters ?? []), ...(operation.parameters ?? [])],
        requestBody: operation.requestBody,
        secured: !(Array.isArray(operation.security) && operation.security.length === 0),
      });
    }
  }
  return operations;
}

// ---------------------------------------------------------------------------------------------
// The catalogue of hostile values.

const MB = 1024 * 1024;
export const HOSTILE_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mred\u001b[0m',
  'line\r\nX-Injected: 1',
  '\ud800',
  'tail\udfff',
  '😀'.repeat(50),
  '\u202egnp.exe',
  'x'.repeat(10_000),
  "' OR '1'='1' --",
  '"; DROP TABLE products; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x/a}',
  '{{constructor.constructor("return 1")()}}',
  '../../../../etc/passwd',
  '%00',
  '%',
  '%E0%A4%A',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '-1',
  '2147483648',
  '9007199254740993',
  '0x10',
  '2020',
  '2020-06',
  '1547',
  '2020-13-45',
  '0000-01-01',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '275760-09-13T00:00:00Z',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c1',
  'not-a-uuid',
];

export const HOSTILE_JSON_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  -0,
  1.5,
  -1e12,
  1e308,
  -1e308,
  2 ** 53 + 1,
  2 ** 31,
  [],
  {},
  [null],
  ['x'],
  { __proto__x: 1 },
  Array.from({ length: 3000 }, (_, i) => i),
  Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
];

const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 300, maxLength: 2000 }) },
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_JSON_VALUES) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 40, max: 400 }).map(nestedArray) },
);

function nestedArray(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Raw bodies no JSON.stringify would produce. */
const RAW_BODIES: Array<{ label: string; bytes: () => Uint8Array }> = [
  { label: 'deep nesting 10k', bytes: () => text(`{"note":${'['.repeat(10_000)}${']'.repeat(10_000)}}`) },
  { label: 'deep objects 5k', bytes: () => text(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`) },
  { label: 'unclosed nesting 200k', bytes: () => text(`{"x":${'['.repeat(200_000)}`) },
  { label: '__proto__', bytes: () => text('{"__proto__":{"isAdmin":true},"name":"x"}') },
  { label: 'constructor.prototype', bytes: () => text('{"constructor":{"prototype":{"isAdmin":true}}}') },
  { label: 'truncated', bytes: () => text('{"name":"x",') },
  { label: 'not json', bytes: () => text('name=x&sku=y') },
  { label: 'trailing garbage', bytes: () => text('{"name":"x"} trailing') },
  { label: 'invalid utf-8', bytes: () => new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { label: 'utf-8 bom', bytes: () => text('\ufeff{"name":"x"}') },
  { label: 'lone surrogate escape', bytes: () => text('{"name":"\\ud800x"}') },
  { label: 'nul escape', bytes: () => text('{"name":"a\\u0000b","sku":"\\u0000"}') },
  { label: 'empty', bytes: () => new Uint8Array() },
  { label: 'whitespace', bytes: () => text('   \n') },
  { label: 'json null', bytes: () => text('null') },
  { label: 'json string', bytes: () => text('"just a string"') },
  { label: 'json number', bytes: () => text('1e309') },
  { label: 'json array', bytes: () => text('[{"name":"x"}]') },
  { label: '1 MB string', bytes: () => text(JSON.stringify({ name: 'x'.repeat(MB) })) },
  {
    label: '20k keys',
    bytes: () => text(JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1])))),
  },
  { label: 'duplicate keys', bytes: () => text('{"name":"x","name":{"nested":1}}') },
];

/**
 * Percent-encodes a path segment; a lone surrogate (which encodeURIComponent refuses) becomes
 * its three raw bytes, which is not valid UTF-8: one more hostile spelling.
 */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((char) => {
        const code = char.charCodeAt(0);
        if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
          return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join('');
        }
        return encodeURIComponent(char);
      })
      .join('');
  }
}

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'text/csv',
  'application/json;;;',
  '*/*',
];

const HOSTILE_SEGMENTS = [
  'not-a-uuid',
  '%00',
  '%E0%A4%A',
  '%',
  '%2e%2e',
  '..',
  'x'.repeat(101),
  'x'.repeat(5000),
  "1'%20OR%20'1'='1",
  '%F0%9F%98%80',
  '00000000-0000-0000-0000-000000000000',
  '%C0%AE%C0%AE',
];

// ---------------------------------------------------------------------------------------------
// Valid-looking values from schemas.

export class SchemaArbitraries {
  constructor(
    private readonly document: any,
    /** Ids of records that exist, so some requests reach the business rules. */
    private readonly knownIds: string[],
  ) {}

  resolve(schema: any): any {
    if (!schema) return {};
    if (schema.$ref) return this.resolve(this.document.components.schemas[schema.$ref.split('/').pop()]);
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part: any) => this.resolve(part)));
    return schema;
  }

  uuid(): fc.Arbitrary<string> {
    return this.knownIds.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...this.knownIds) }, { weight: 1, arbitrary: fc.uuid() })
      : fc.uuid();
  }

  /** A value the schema accepts (mostly: patterns and cross-field rules are approximated). */
  valid(raw: any, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(raw);
    const base = this.validNonNull(schema, depth);
    return schema.nullable
      ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
      : base;
  }

  private validNonNull(schema: any, depth: number): fc.Arbitrary<unknown> {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.oneOf || schema.anyOf) {
      return fc.oneof(...(schema.oneOf ?? schema.anyOf).map((part: any) => this.valid(part, depth + 1)));
    }
    switch (schema.type) {
      case 'string':
        return this.string(schema);
      case 'integer':
        return fc.integer({
          min: Math.max(schema.minimum ?? -1000, Number.MIN_SAFE_INTEGER),
          max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
        });
      case 'number':
        return fc.double({
          noNaN: true,
          noDefaultInfinity: true,
          min: schema.minimum ?? -1e6,
          max: schema.maximum ?? 1e6,
        });
      case 'boolean':
        return fc.boolean();
      case 'array':
        if (depth > 4) return fc.constant([]);
        return fc.array(this.valid(schema.items, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
        });
      case 'object':
      case undefined:
        if (schema.properties && depth <= 4) return this.object(schema, depth);
        if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
          return fc.dictionary(
            fc.string({ minLength: 1, maxLength: 12 }),
            this.valid(schema.additionalProperties, depth + 1),
            {
              maxKeys: 3,
            },
          );
        }
        return fc.jsonValue({ maxDepth: 2 });
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private string(schema: any): fc.Arbitrary<string> {
    const maxLength = Math.min(schema.maxLength ?? 40, 60);
    const minLength = Math.min(schema.minLength ?? 0, maxLength);
    switch (schema.format) {
      case 'uuid':
        return this.uuid();
      case 'date-time':
        return fc
          .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
          .map((date) => date.toISOString());
      case 'date':
        return fc
          .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
          .map((date) => date.toISOString().slice(0, 10));
      case 'email':
        return fc.emailAddress();
      case 'uri':
      case 'url':
        return fc.webUrl();
      case 'binary':
        return fc.string({ maxLength: 200 });
    }
    if (schema.pattern) {
      return fc.stringMatching(new RegExp(schema.pattern)).map((value) => value.slice(0, Math.max(maxLength, 1)));
    }
    return fc.string({ minLength, maxLength });
  }

  private object(schema: any, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const properties: Record<string, any> = schema.properties;
    const required: string[] = schema.required ?? [];
    return fc.record(
      Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, this.valid(property, depth + 1)])),
      { requiredKeys: required.filter((name) => name in properties) },
    );
  }

  /** Names of the top-level properties that must not be null. */
  nonNullable(raw: any): string[] {
    const schema = this.resolve(raw);
    return Object.entries<any>(schema.properties ?? {})
      .filter(([, property]) => !this.resolve(property).nullable && !property.nullable)
      .map(([name]) => name);
  }

  required(raw: any): string[] {
    return this.resolve(raw).required ?? [];
  }
}

// ---------------------------------------------------------------------------------------------
// Whole requests.

interface BodyChoice {
  bytes?: Uint8Array;
  label: string;
  mustFail?: string;
}

export function requestsFor(
  operation: Operation,
  values: SchemaArbitraries,
): fc.Arbitrary<{ request: FuzzRequest; auth: Auth }> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');

  const pathValue = (parameter: any) =>
    fc.oneof(
      { weight: 6, arbitrary: values.valid(parameter.schema).map((value) => encodeSegment(String(value))) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
      { weight: 1, arbitrary: hostileString.map((value) => encodeSegment(value).slice(0, 3000)) },
    );
  const pathArb = fc
    .tuple(...pathParams.map(pathValue))
    .map((segments) =>
      pathParams.reduce(
        (path: string, parameter: any, i: number) => path.replace(`{${parameter.name}}`, segments[i]),
        operation.path,
      ),
    );

  const queryValue = (parameter: any) =>
    fc.oneof(
      { weight: 5, arbitrary: values.valid(parameter.schema).map((value) => [String(value)]) },
      { weight: 3, arbitrary: hostileString.map((value) => [value.slice(0, 3000)]) },
      { weight: 1, arbitrary: fc.constant(['a', 'b']) },
    );
  const queryArb = fc
    .tuple(
      fc.subarray(queryParams, { maxLength: Math.min(4, queryParams.length) }),
      fc.boolean(),
      fc.oneof(
        fc.constant('unknownParam'),
        fc.constant('__proto__[polluted]'),
        fc.constant('constructor[prototype][x]'),
      ),
    )
    .chain(([chosen, addUnknown, unknownName]) =>
      fc.tuple(...chosen.map(queryValue)).map((chosenValues) => {
        const search = new URLSearchParams();
        chosen.forEach((parameter: any, i: number) => chosenValues[i].forEach((v) => search.append(parameter.name, v)));
        if (addUnknown) search.append(unknownName, '1');
        const query = search.toString();
        return query ? `?${query}` : '';
      }),
    );

  const jsonSchema = operation.requestBody?.content?.['application/json']?.schema;
  const csvBody = operation.requestBody?.content?.['text/csv'];
  const bodyArb: fc.Arbitrary<BodyChoice> = jsonSchema
    ? jsonBodies(jsonSchema, values)
    : csvBody
      ? csvBodies()
      : fc.constant({ label: 'no body' });

  const contentTypeArb = jsonSchema
    ? fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      )
    : csvBody
      ? fc.oneof(
          { weight: 8, arbitrary: fc.constant('text/csv') },
          { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        )
      : fc.constant('application/json');

  const authArb = operation.secured
    ? fc.oneof(
        { weight: 17, arbitrary: fc.constant<Auth>('admin') },
        { weight: 2, arbitrary: fc.constant<Auth>('none') },
        { weight: 1, arbitrary: fc.constant<Auth>('garbage') },
      )
    : fc.constant<Auth>('none');

  const extraHeadersArb: fc.Arbitrary<Record<string, string>> = fc.oneof(
    { weight: 6, arbitrary: fc.constant<Record<string, string>>({}) },
    { weight: 2, arbitrary: fc.uuid().map((key) => ({ 'idempotency-key': key })) },
    { weight: 1, arbitrary: fc.constant({ 'idempotency-key': 'k'.repeat(5000) }) },
    { weight: 1, arbitrary: fc.constant({ 'content-encoding': 'gzip' }) },
    { weight: 1, arbitrary: fc.constant({ 'x-request-id': 'forged id with spaces' }) },
    { weight: 1, arbitrary: fc.constant({ accept: 'application/xml' }) },
  );

  return fc
    .record({
      path: pathArb,
      query: queryArb,
      body: bodyArb,
      contentType: contentTypeArb,
      auth: authArb,
      extra: extraHeadersArb,
    })
    .map(({ path, query, body, contentType, auth, extra }) => {
      const headers: Record<string, string> = { ...extra };
      const sendsBody = operation.method !== 'GET' && operation.method !== 'HEAD' && body.bytes !== undefined;
      if (sendsBody) headers['content-type'] = contentType;
      const mustFail =
        sendsBody && contentType.startsWith('application/json') && !extra['content-encoding']
          ? body.mustFail
          : undefined;
      return {
        auth,
        request: {
          method: operation.method,
          url: `${path}${query}`,
          headers,
          body: sendsBody ? body.bytes : undefined,
          label: `${body.label}; content-type ${sendsBody ? contentType : '-'}; auth ${auth}`,
          mustFail: auth === 'admin' ? mustFail : undefined,
        },
      };
    });
}

function jsonBodies(schema: any, values: SchemaArbitraries): fc.Arbitrary<BodyChoice> {
  const valid = values.valid(schema) as fc.Arbitrary<any>;
  const encode = (value: unknown) => text(JSON.stringify(value));
  const nonNullable = values.nonNullable(schema);
  const required = values.required(schema);
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

  const choices: Array<{ weight: number; arbitrary: fc.Arbitrary<BodyChoice> }> = [
    { weight: 3, arbitrary: valid.map((value) => ({ bytes: encode(value), label: 'valid body' })) },
    {
      weight: 4,
      arbitrary: fc.tuple(valid, fc.nat(), hostileValue).map(([value, pick, hostile]) => {
        if (!isObject(value) || Object.keys(value).length === 0)
          return { bytes: encode(hostile), label: 'hostile body' };
        const keys = Object.keys(value);
        const key = keys[pick % keys.length];
        return { bytes: encode({ ...value, [key]: hostile }), label: `hostile value in ${key}` };
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ bytes: raw.bytes(), label: `raw body: ${raw.label}` })),
    },
  ];
  if (nonNullable.length > 0) {
    choices.push({
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom(...nonNullable)).map(([value, key]) => ({
        bytes: encode({ ...(isObject(value) ? value : {}), [key]: null }),
        label: `null in non-nullable ${key}`,
        mustFail: `null in non-nullable ${key} was accepted`,
      })),
    });
  }
  choices.push({
    weight: 1,
    arbitrary: valid.map((value) => ({
      bytes: encode({ ...(isObject(value) ? value : {}), unknownField: true }),
      label: 'unknown field',
      mustFail: 'an unknown field was accepted',
    })),
  });
  if (required.length > 0) {
    choices.push({
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom(...required)).map(([value, key]) => {
        const copy: Record<string, unknown> = { ...(isObject(value) ? value : {}) };
        delete copy[key];
        return {
          bytes: encode(copy),
          label: `missing ${key}`,
          mustFail: `a body without required ${key} was accepted`,
        };
      }),
    });
  }
  return fc.oneof(...choices);
}

function csvBodies(): fc.Arbitrary<BodyChoice> {
  const cell = fc.oneof(
    fc.string({ maxLength: 20 }),
    hostileString.map((value) => value.slice(0, 500)),
  );
  const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 0, maxLength: 6 });
  return fc.oneof(
    rows.map((lines) => ({
      bytes: text(['sku,name,priceMinor,currency', ...lines.map((cells) => cells.map(quoteCsv).join(','))].join('\n')),
      label: 'csv with random rows',
    })),
    fc.constantFrom(...RAW_BODIES).map((raw) => ({ bytes: raw.bytes(), label: `raw body: ${raw.label}` })),
  );
}

function quoteCsv(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
