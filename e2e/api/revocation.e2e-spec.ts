import {
  databaseUrlOf,
  expectProblem,
  startServer,
  startTestApp,
  type ServerProcess,
  type TestApp,
} from './support/test-app';

/**
 * QUALITY S12 / issue: revocations take effect on the very next request, on every instance.
 * Two servers share one database; each credential is used on both first, so both hold it in
 * their principal caches when it is revoked on one of them.
 */
describe('Revocation on two instances', () => {
  let a: TestApp;
  let b: ServerProcess;
  let admin: string;

  const onB = async (path: string, init: { token?: string; apiKey?: string; method?: string; json?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.apiKey) headers['x-api-key'] = init.apiKey;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${b.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined,
    };
  };

  beforeAll(async () => {
    a = await startTestApp();
    const { name } = (await a.db.query<{ name: string }>('SELECT current_database() AS name')).rows[0];
    b = await startServer({ DATABASE_URL: databaseUrlOf(name) });
    admin = await a.login('admin@depot.local');
  }, 90_000);

  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('refuses a revoked API key on the next request, on both instances', async () => {
    const created = await a.request('/api/v1/api-keys', {
      method: 'POST',
      token: admin,
      json: { name: 'two instances', scopes: ['catalog.products.read'] },
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    // Warm both caches.
    expect((await a.request('/api/v1/products?limit=1', { headers: { 'x-api-key': key } })).status).toBe(200);
    expect((await onB('/api/v1/products?limit=1', { apiKey: key })).status).toBe(200);

    expect((await a.request(`/api/v1/api-keys/${created.body.id}`, { method: 'DELETE', token: admin })).status).toBe(
      204,
    );
    expectProblem(await onB('/api/v1/products?limit=1', { apiKey: key }), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(await a.request('/api/v1/products?limit=1', { headers: { 'x-api-key': key } }), 401);
  });

  it("refuses a disabled user's access token and API keys on the next request, on both instances", async () => {
    const created = await a.request('/api/v1/users', {
      method: 'POST',
      token: admin,
      json: {
        email: 'two.instances@depot.local',
        displayName: 'Two Instances',
        roles: ['manager'],
        initialPassword: 'violet harbour 4 zephyr',
      },
    });
    expect(created.status).toBe(201);
    const temporary = await a.login('two.instances@depot.local', 'violet harbour 4 zephyr');
    const changed = await a.request('/api/v1/me/password', {
      method: 'POST',
      token: temporary,
      json: { currentPassword: 'violet harbour 4 zephyr', newPassword: 'saffron meadow 8 quartz' },
    });
    const token = changed.body.accessToken as string;
    const key = (
      await a.request('/api/v1/api-keys', {
        method: 'POST',
        token,
        json: { name: 'theirs', scopes: ['catalog.products.read'] },
      })
    ).body.key as string;
    expect((await onB('/api/v1/auth/me', { token })).status).toBe(200);
    expect((await onB('/api/v1/products?limit=1', { apiKey: key })).status).toBe(200);
    expect((await a.request('/api/v1/auth/me', { token })).status).toBe(200);

    const disabled = await a.request(`/api/v1/users/${created.body.id}/disable`, { method: 'POST', token: admin });
    expect(disabled.status).toBe(200);

    expectProblem(await onB('/api/v1/auth/me', { token }), 401);
    expectProblem(await onB('/api/v1/products?limit=1', { apiKey: key }), 401);
    expectProblem(await a.request('/api/v1/auth/me', { token }), 401);
  });

  it('applies a role change on the next request, on both instances', async () => {
    const user = await a.request('/api/v1/users', {
      method: 'POST',
      token: admin,
      json: {
        email: 'role.change@depot.local',
        displayName: 'Role Change',
        roles: ['manager'],
        initialPassword: 'granite willow 5 comet',
      },
    });
    const temporary = await a.login('role.change@depot.local', 'granite willow 5 comet');
    const token = (
      await a.request('/api/v1/me/password', {
        method: 'POST',
        token: temporary,
        json: { currentPassword: 'granite willow 5 comet', newPassword: 'lilac summit 3 falcon' },
      })
    ).body.accessToken as string;
    const write = (sku: string) => ({
      method: 'POST',
      token,
      json: { sku, name: 'Role change', priceMinor: 1, currency: 'EUR' },
    });
    expect((await onB('/api/v1/products', write('ROLE-1'))).status).toBe(201);

    const current = await a.request(`/api/v1/users/${user.body.id}`, { token: admin });
    const changed = await a.request(`/api/v1/users/${user.body.id}/roles`, {
      method: 'PUT',
      token: admin,
      json: { roles: ['viewer'], version: current.body.version },
    });
    expect(changed.status).toBe(200);
    expectProblem(await onB('/api/v1/products', write('ROLE-2')), 403, 'AUTH.FORBIDDEN');
  });
});
