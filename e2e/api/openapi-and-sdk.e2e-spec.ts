import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ErrorCode } from '@depot/contracts';
import { client, createProduct, listProducts, login } from '../../libs/sdk/src';
import { startTestApp, DEMO_PASSWORD, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- walks an arbitrary OpenAPI document */

const root = join(__dirname, '..', '..');
const sdkDir = join(root, 'libs', 'sdk');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('OpenAPI document and SDK', () => {
  let app: TestApp;
  let document: any;

  beforeAll(async () => {
    app = await startTestApp();
    document = (await app.request('/api/openapi.json')).body;
  });
  afterAll(() => app.close());

  it('serves exactly the committed document (run `npm run sdk:generate` after API changes)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(sdkDir, 'openapi.json'), 'utf8'));
    expect(document).toEqual(committed);
  });

  it('serves exactly the committed AsyncAPI document and links to it from the OpenAPI one', async () => {
    const served = await app.request('/api/asyncapi.json');
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('application/json');
    const committed: unknown = JSON.parse(readFileSync(join(sdkDir, 'asyncapi.json'), 'utf8'));
    expect(served.body).toEqual(committed);
    const openApi = document as unknown as { info: { description: string }; externalDocs?: { url: string } };
    expect(openApi.externalDocs?.url).toBe('/api/asyncapi.json');
    expect(openApi.info.description).toContain('/api/asyncapi.json');
  });

  it('documents every operation with an operationId, tag, summary, responses and problem errors', () => {
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries<Record<string, unknown>>(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const op = operation as {
          operationId?: string;
          tags?: string[];
          summary?: string;
          responses: Record<string, { description: string; content?: Record<string, unknown> }>;
          security?: unknown[];
        };
        const where = `${method.toUpperCase()} ${path}`;
        expect([where, op.operationId]).toEqual([where, expect.any(String)]);
        expect(operationIds.has(op.operationId!)).toBe(false);
        operationIds.add(op.operationId!);
        expect([where, op.tags?.length]).toEqual([where, 1]);
        expect([where, op.summary]).toEqual([where, expect.any(String)]);
        for (const [status, entry] of Object.entries(op.responses)) {
          const response = resolve(entry) as { description: string; content?: Record<string, unknown> };
          expect([where, status, response.description.length > 0]).toEqual([where, status, true]);
          if (Number(status) >= 400 && response.content) {
            expect([where, status, Object.keys(response.content)]).toEqual([
              where,
              status,
              ['application/problem+json'],
            ]);
          }
        }
        if (op.security?.length) {
          expect([where, Object.keys(op.responses)]).toEqual([where, expect.arrayContaining(['401'])]);
        }
      }
    }
  });

  it('documents the 429 problem and the RateLimit headers on every authenticated operation', () => {
    let secured = 0;
    for (const [path, item] of Object.entries<Record<string, unknown>>(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const op = operation as {
          security?: unknown[];
          responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
        };
        if (!op.security?.length) continue;
        secured++;
        const where = `${method.toUpperCase()} ${path}`;
        const tooMany = op.responses['429'];
        expect([where, Object.keys(tooMany?.content ?? {})]).toEqual([where, ['application/problem+json']]);
        expect([where, Object.keys(tooMany.headers ?? {})]).toEqual([
          where,
          expect.arrayContaining(['RateLimit', 'RateLimit-Policy', 'Retry-After']),
        ]);
        const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
        expect([where, Object.keys(success?.[1].headers ?? {})]).toEqual([
          where,
          expect.arrayContaining(['RateLimit', 'RateLimit-Policy']),
        ]);
      }
    }
    expect(secured).toBeGreaterThan(50);
    const components = (document as unknown as { components: { headers: Record<string, unknown> } }).components;
    expect(Object.keys(components.headers)).toEqual(
      expect.arrayContaining(['RateLimit', 'RateLimit-Policy', 'Retry-After']),
    );
    const exportCsv = document.paths['/api/v1/products/export.csv'].get;
    expect(exportCsv['x-rate-limit-policy']).toBe('bulk');
  });

  /** Every operation of the document, with where it is. */
  function operations(): { where: string; path: string; op: any }[] {
    return Object.entries<any>(document.paths).flatMap(([path, item]) =>
      Object.entries<any>(item).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, path, op })),
    );
  }

  /** A `$ref` (`#/components/<kind>/<name>`) to what it points at. */
  function resolve(value: any): any {
    if (!value?.$ref) return value;
    const [, , kind, name] = (value.$ref as string).split('/');
    return resolve(document.components[kind][name]);
  }

  it('is complete: servers, tags in reading order, a description, examples and described parameters everywhere', () => {
    expect(document.info.version).toMatch(/^1\.\d+\.\d+$/);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.tags[0].name).toBe('auth');
    const declared = new Set(document.tags.map((tag: { name: string }) => tag.name));
    for (const tag of document.tags) expect([tag.name, tag.description?.length > 0]).toEqual([tag.name, true]);
    const missing: string[] = [];
    for (const { where, op } of operations()) {
      if (!op.description) missing.push(`${where}: description`);
      for (const tag of op.tags) if (!declared.has(tag)) missing.push(`${where}: undeclared tag ${tag}`);
      for (const parameter of op.parameters ?? []) {
        if (!parameter.description) missing.push(`${where}: parameter ${parameter.name}`);
      }
      const bodies = [
        ...Object.entries<any>(op.requestBody?.content ?? {}).map(([type, media]) => [`request ${type}`, media]),
        ...Object.entries<any>(op.responses)
          .filter(([status]) => status.startsWith('2'))
          .flatMap(([status, response]) =>
            Object.entries<any>(resolve(response).content ?? {}).map(([type, media]) => [`${status} ${type}`, media]),
          ),
      ];
      for (const [body, media] of bodies) {
        const example = media.example ?? media.examples ?? resolve(media.schema)?.example;
        if (example === undefined && resolve(media.schema)?.format !== 'binary')
          missing.push(`${where}: ${body} example`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is strict: integers, uuid ids, date-time timestamps, named shared enums', () => {
    const loose: string[] = [];
    const visit = (schema: any, where: string, name?: string): void => {
      if (!schema || schema.$ref) return;
      // Fractional only where declared so (`format: double`, e.g. round-trip times in ms).
      if (schema.type === 'number' && !['float', 'double'].includes(schema.format)) loose.push(`${where}: number`);
      if (schema.type === 'string' && name && !schema.enum) {
        if (
          (name === 'id' || /[a-z]Id$/.test(name)) &&
          !['taxId', 'vatId', 'requestId', 'traceId'].includes(name) &&
          schema.format !== 'uuid'
        ) {
          loose.push(`${where}: ${schema.format ?? 'no'} format`);
        }
        if (/At$/.test(name) && schema.format !== 'date-time') loose.push(`${where}: not date-time`);
      }
      for (const [key, property] of Object.entries<any>(schema.properties ?? {}))
        visit(property, `${where}.${key}`, key);
      if (schema.items) visit(schema.items, `${where}[]`, name && /Ids$/.test(name) ? 'id' : undefined);
      for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
        visit(part, where, name);
    };
    for (const [name, schema] of Object.entries<any>(document.components.schemas)) visit(schema, name);
    for (const { where, op } of operations()) {
      for (const parameter of op.parameters ?? [])
        visit(parameter.schema, `${where} ${parameter.name}`, parameter.name);
    }
    expect(loose).toEqual([]);
    const currency = JSON.stringify(document.components.schemas.Currency.enum);
    expect(JSON.stringify(document).split(currency).length - 1).toBe(1);
  });

  it('lists, for every error response, the codes it can carry: all of them ErrorCodes, each with an example', () => {
    const all = Object.values(ErrorCode).sort();
    expect([...document.components.schemas.ErrorCode.enum].sort()).toEqual(all);
    const codeProperty = document.components.schemas.ProblemDetailsDto.properties.code;
    expect(resolve(codeProperty.allOf?.[0] ?? codeProperty)).toBe(document.components.schemas.ErrorCode);
    const problems: string[] = [];
    for (const { where, op } of operations()) {
      for (const [status, entry] of Object.entries<any>(op.responses)) {
        if (Number(status) < 400) continue;
        const response = resolve(entry);
        const codes: string[] = response['x-problem-codes'] ?? [];
        if (codes.length === 0) problems.push(`${where} ${status}: no codes`);
        const examples = response.content?.['application/problem+json']?.examples ?? {};
        for (const code of codes) {
          if (!all.includes(code as ErrorCode)) problems.push(`${where} ${status}: unknown code ${code}`);
          if (resolve(examples[code])?.value?.code !== code) problems.push(`${where} ${status}: no example of ${code}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents X-Request-Id on every response, Location on every 201 and Retry-After on 429 and 503', () => {
    const problems: string[] = [];
    for (const { where, op } of operations()) {
      for (const [status, entry] of Object.entries<any>(op.responses)) {
        const headers = Object.keys(resolve(entry).headers ?? {});
        const expected = [
          'X-Request-Id',
          ...(status === '201' ? ['Location'] : []),
          ...(['429', '503'].includes(status) ? ['Retry-After'] : []),
        ];
        for (const header of expected) if (!headers.includes(header)) problems.push(`${where} ${status}: ${header}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has only examples that their own schemas accept', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // OpenAPI 3.0 schemas to JSON Schema: `nullable` becomes a null alternative, refs point at definitions.
    const toJsonSchema = (schema: any): any => {
      if (Array.isArray(schema)) return schema.map(toJsonSchema);
      if (!schema || typeof schema !== 'object') return schema;
      const converted: any = {};
      for (const [key, value] of Object.entries<any>(schema)) {
        if (key === '$ref') converted.$ref = value.replace('#/components/schemas/', '#/definitions/');
        else if (key === 'properties') {
          converted.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
        } else if (!['nullable', 'example', 'examples'].includes(key)) converted[key] = toJsonSchema(value);
      }
      return schema.nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
    };
    const definitions = Object.fromEntries(
      Object.entries(document.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema)]),
    );
    const invalid: string[] = [];
    const check = (schema: any, example: unknown, where: string) => {
      const validate = ajv.compile({ definitions, ...toJsonSchema(schema) });
      if (!validate(example)) invalid.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    };
    const visit = (schema: any, where: string): void => {
      if (!schema || schema.$ref) return;
      if (schema.example !== undefined) check(schema, schema.example, where);
      for (const [key, property] of Object.entries<any>(schema.properties ?? {})) visit(property, `${where}.${key}`);
      if (schema.items) visit(schema.items, `${where}[]`);
    };
    for (const [name, schema] of Object.entries<any>(document.components.schemas)) visit(schema, name);
    for (const [name, example] of Object.entries<any>(document.components.examples)) {
      check({ $ref: '#/components/schemas/ProblemDetailsDto' }, example.value, `examples.${name}`);
    }
    for (const { where, op } of operations()) {
      for (const parameter of op.parameters ?? []) {
        visit(parameter.schema, `${where} ${parameter.name}`);
        if (parameter.example !== undefined) check(parameter.schema, parameter.example, `${where} ${parameter.name}`);
      }
      const media = [
        ...Object.values<any>(op.requestBody?.content ?? {}),
        ...Object.values<any>(op.responses).flatMap((response) => Object.values<any>(resolve(response).content ?? {})),
      ];
      for (const { schema, example } of media) if (example !== undefined) check(schema, example, where);
    }
    expect(invalid).toEqual([]);
  });

  it('asks no credentials of exactly the public operations, which anonymous callers reach', async () => {
    const open = operations().filter(({ op }) => Array.isArray(op.security) && op.security.length === 0);
    expect(operations().filter(({ op }) => !Array.isArray(op.security))).toEqual([]);
    expect(open.map(({ op }) => op.operationId).sort()).toEqual(
      [
        'forgotPassword',
        'getCompanyLogo',
        'getLiveness',
        'getReadiness',
        'login',
        'logout',
        'refreshTokens',
        'resetPassword',
      ].sort(),
    );
    for (const { where, path, op } of open) {
      const method = where.split(' ')[0];
      const response = await app.request(path, { method, ...(op.requestBody ? { json: {} } : {}) });
      expect([where, response.status, response.body?.code]).not.toEqual([where, 401, ErrorCode.Unauthenticated]);
      expect([where, response.status < 500]).toEqual([where, true]);
    }
  });

  it('leaves development helpers out of the published document', () => {
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/api/v1/dev/'))).toEqual([]);
    expect(document.tags.map((tag: { name: string }) => tag.name)).not.toContain('development');
  });

  it('generates exactly the committed SDK from the committed document', () => {
    const out = mkdtempSync(join(tmpdir(), 'depot-sdk-'));
    try {
      execFileSync(join(root, 'node_modules', '.bin', 'openapi-ts'), ['-f', join(sdkDir, 'openapi-ts.config.mjs')], {
        env: { ...process.env, DEPOT_SDK_OUT: out },
        stdio: 'pipe',
      });
      const committedDir = join(sdkDir, 'src', 'generated');
      const generated = filesUnder(out)
        .map((file) => relative(out, file))
        .sort();
      expect(generated).toEqual(
        filesUnder(committedDir)
          .map((file) => relative(committedDir, file))
          .sort(),
      );
      for (const file of generated) {
        expect([file, readFileSync(join(out, file), 'utf8')]).toEqual([
          file,
          readFileSync(join(committedDir, file), 'utf8'),
        ]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('lets an integrator sign in and manage products with the SDK', async () => {
    client.setConfig({ baseUrl: app.baseUrl });
    const signedIn = await login({ body: { email: 'manager@depot.local', password: DEMO_PASSWORD } });
    expect(signedIn.response.status).toBe(200);
    const token = signedIn.data!.accessToken;
    client.setConfig({ baseUrl: app.baseUrl, auth: (auth) => (auth.scheme === 'bearer' ? token : undefined) });

    const created = await createProduct({
      body: { sku: 'SDK-1', name: 'From the SDK', priceMinor: 995, currency: 'EUR' },
    });
    expect(created.response.status).toBe(201);
    const page = await listProducts({ query: { q: 'SDK-1' } });
    expect(page.data?.items.map((item) => item.sku)).toEqual(['SDK-1']);

    const invalid = await createProduct({ body: { sku: '', name: '', priceMinor: -1, currency: 'EUR' } });
    expect(invalid.response.status).toBe(400);
    expect(invalid.error).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION_FAILED' });
  });
});
