import { startTestApp, type TestApp, type TestResponse } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- walks an arbitrary OpenAPI document */

/**
 * QUALITY R7: for every operation in the OpenAPI document, malformed requests (bad ids, wrong
 * types, missing and unknown fields, huge strings, negative numbers, bodies that are not
 * objects, bad query values) get a 4xx problem+json answer: never a 5xx, never a stack trace.
 * New endpoints are covered automatically, because the list comes from the served document.
 */
describe('Bad input on every operation (QUALITY R7)', () => {
  let app: TestApp;
  let token: string;
  let document: any;

  beforeAll(async () => {
    app = await startTestApp({ AUTH_IP_MAX_REQUESTS: '100000' });
    token = await app.login('admin@depot.local');
    document = (await app.request('/api/openapi.json')).body;
  });

  afterAll(() => app?.close());

  const resolve = (schema: any): any => {
    if (schema?.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop()]);
    if (schema?.allOf) return Object.assign({}, ...schema.allOf.map(resolve));
    return schema ?? {};
  };

  /** A value of the wrong type for a schema. */
  const wrongType = (schema: any): unknown => {
    const resolved = resolve(schema);
    switch (resolved.type) {
      case 'string':
        return 12345;
      case 'integer':
      case 'number':
        return 'not-a-number';
      case 'boolean':
        return 'maybe';
      case 'array':
        return { not: 'an array' };
      default:
        return ['not', 'an', 'object'];
    }
  };

  const hugeOrNegative = (schema: any, kind: 'huge' | 'negative'): unknown => {
    const resolved = resolve(schema);
    if (resolved.type === 'string') return kind === 'huge' ? 'x'.repeat(100_000) : '-1';
    if (resolved.type === 'integer' || resolved.type === 'number') return kind === 'huge' ? 1e300 : -1e12;
    if (resolved.type === 'array') return kind === 'huge' ? Array(5000).fill('x') : [-1];
    return kind === 'huge' ? { deep: 'x'.repeat(100_000) } : -1;
  };

  const bodies = (schema: any): unknown[] => {
    const resolved = resolve(schema);
    const properties: Record<string, any> = resolved.properties ?? {};
    const each = (make: (property: any) => unknown) =>
      Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, make(property)]));
    return [
      {},
      each(wrongType),
      each((property) => hugeOrNegative(property, 'huge')),
      each((property) => hugeOrNegative(property, 'negative')),
      { ...each(wrongType), unexpectedField: true },
      [],
      'a string',
      null,
    ];
  };

  async function ensureSignedIn(): Promise<void> {
    if ((await app.request('/api/v1/auth/me', { token })).status === 401) {
      token = await app.login('admin@depot.local');
    }
  }

  const statuses = new Map<number, number>();

  function check(where: string, response: TestResponse): void {
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    expect([where, response.status < 500]).toEqual([where, true]);
    if (response.status >= 400 && response.status !== 404) {
      expect([where, response.headers.get('content-type')]).toEqual([
        where,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
    }
    expect([where, /at .*\.js:\d+|QueryFailedError|stack/.test(response.text)]).toEqual([where, false]);
  }

  it('answers every malformed request with 4xx problem+json', async () => {
    let requests = 0;
    for (const [path, item] of Object.entries<any>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        await ensureSignedIn();
        const pathParams = (operation.parameters ?? []).filter((parameter: any) => parameter.in === 'path');
        const queryParams = (operation.parameters ?? []).filter((parameter: any) => parameter.in === 'query');
        const withIds = (value: (name: string) => string) =>
          pathParams.reduce(
            (url: string, parameter: any) => url.replace(`{${parameter.name}}`, value(parameter.name)),
            path,
          );
        const send = async (url: string, json?: unknown) => {
          requests += 1;
          const init: any = { method: method.toUpperCase(), token };
          if (json !== undefined && method !== 'get' && method !== 'delete') {
            init.body = JSON.stringify(json);
            init.headers = { 'content-type': 'application/json' };
          }
          check(
            `${method.toUpperCase()} ${url.slice(0, 120)} ${String(init.body ?? '').slice(0, 60)}`,
            await app.request(url, init),
          );
        };

        // Ids that are not UUIDs, and UUIDs of nothing.
        if (pathParams.length > 0) {
          await send(withIds(() => 'not-a-uuid'));
          await send(withIds(() => "1' OR '1'='1"));
        }
        const target = withIds(() => '00000000-0000-4000-8000-000000000000');
        // Malformed bodies.
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (schema) for (const body of bodies(schema)) await send(target, body);
        // Malformed query values, one parameter at a time.
        for (const parameter of queryParams) {
          for (const value of ['not-a-number', '-1', 'x'.repeat(5000), '{"$ne":1}']) {
            await send(`${target}?${encodeURIComponent(parameter.name)}=${encodeURIComponent(value)}`);
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
    // The requests reached validation (not stopped at the door by authentication).
    expect(statuses.get(400) ?? 0).toBeGreaterThan(requests / 2);
    expect(statuses.get(401) ?? 0).toBeLessThan(10);
  }, 240_000);
});
