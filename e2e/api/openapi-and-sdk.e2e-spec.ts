import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { client, createProduct, listProducts, login } from '../../libs/sdk/src';
import { startTestApp, DEMO_PASSWORD, type TestApp } from './support/test-app';

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
  let document: { paths: Record<string, Record<string, Record<string, unknown>>> };

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
    for (const [path, item] of Object.entries(document.paths)) {
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
        for (const [status, response] of Object.entries(op.responses)) {
          expect([where, status, response.description.length > 0]).toEqual([where, status, true]);
          if (Number(status) >= 400 && response.content) {
            expect([where, status, Object.keys(response.content)]).toEqual([
              where,
              status,
              ['application/problem+json'],
            ]);
          }
        }
        if (op.security) expect([where, Object.keys(op.responses)]).toEqual([where, expect.arrayContaining(['401'])]);
      }
    }
  });

  it('documents the 429 problem and the RateLimit headers on every authenticated operation', () => {
    let secured = 0;
    for (const [path, item] of Object.entries(document.paths)) {
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
        expect([where, Object.keys(tooMany.headers ?? {}).sort()]).toEqual([
          where,
          ['RateLimit', 'RateLimit-Policy', 'Retry-After'],
        ]);
        const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
        expect([where, Object.keys(success?.[1].headers ?? {})]).toEqual([where, ['RateLimit', 'RateLimit-Policy']]);
      }
    }
    expect(secured).toBeGreaterThan(50);
    const components = (document as unknown as { components: { headers: Record<string, unknown> } }).components;
    expect(Object.keys(components.headers)).toEqual(['RateLimit', 'RateLimit-Policy', 'Retry-After']);
    const exportCsv = document.paths['/api/v1/products/export.csv'].get;
    expect(exportCsv['x-rate-limit-policy']).toBe('bulk');
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
