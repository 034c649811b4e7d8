import { expectProblem, startTestApp, type TestApp } from './support/test-app';

describe('HTTP platform', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp({ BODY_LIMIT_BYTES: '65536' });
    token = await app.login('admin@depot.local');
  });
  afterAll(() => app.close());

  it('answers liveness and readiness when the database is up', async () => {
    expect((await app.request('/api/health/live')).body).toEqual({ status: 'ok' });
    const ready = await app.request('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok' });
  });

  it('echoes a well-formed X-Request-Id and replaces a forged one', async () => {
    const kept = await app.request('/api/health/live', { headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    const replaced = await app.request('/api/health/live', { headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the request id into problem responses', async () => {
    const response = await app.request('/api/v1/nothing-here', { headers: { 'x-request-id': 'trace-42' } });
    expectProblem(response, 404, 'REQUEST.NOT_FOUND');
    expect(response.body.requestId).toBe('trace-42');
    expect(response.body.instance).toBe('/api/v1/nothing-here');
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await app.request('/api/v1/products', {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json' },
      body: '{"sku": ',
    });
    expectProblem(response, 400, 'REQUEST.MALFORMED_BODY');
  });

  it('refuses a body that is not JSON with 415', async () => {
    for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const response = await app.request('/api/v1/products', {
        method: 'POST',
        token,
        headers: { 'content-type': contentType },
        body: 'sku=X',
      });
      expectProblem(response, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await app.request('/api/v1/products', {
      method: 'POST',
      token,
      json: { sku: 'BIG', name: 'x'.repeat(70_000), priceMinor: 1, currency: 'EUR' },
    });
    expectProblem(response, 413, 'REQUEST.PAYLOAD_TOO_LARGE');
  });

  it('lists every invalid and unknown field with its path', async () => {
    const response = await app.request('/api/v1/products', {
      method: 'POST',
      token,
      json: { sku: '', name: 42, priceMinor: -1, currency: 'XXX', isAdmin: true },
    });
    expectProblem(response, 400, 'REQUEST.VALIDATION_FAILED');
    const fields = new Set((response.body.errors as { field: string }[]).map((error) => error.field));
    expect([...fields].sort()).toEqual(['currency', 'isAdmin', 'name', 'priceMinor', 'sku']);
  });

  it('requires authentication by default with 401 and WWW-Authenticate', async () => {
    const response = await app.request('/api/v1/products');
    expectProblem(response, 401, 'AUTH.UNAUTHENTICATED');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('sends security headers on every response', async () => {
    const response = await app.request('/api/health/live');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('does not grant CORS to origins that are not configured', async () => {
    const response = await app.request('/api/health/live', { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const document = await app.request('/api/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.paths['/api/v1/products'].get.operationId).toBe('listProducts');
    const ui = await app.request('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
