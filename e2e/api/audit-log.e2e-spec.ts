import { expectProblem, startTestApp, type TestApp } from './support/test-app';

describe('Audit trail and security log', () => {
  let app: TestApp;
  let admin: string;
  let productId: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@depot.local');
    await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'admin@depot.local', password: 'nope-nope-nope' },
    });
    const created = await app.request('/api/v1/products', {
      method: 'POST',
      token: admin,
      json: { sku: 'AUDIT-LOG-1', name: 'Logged', priceMinor: 100, currency: 'EUR' },
    });
    productId = created.body.id;
    await app.request(`/api/v1/products/${productId}`, {
      method: 'PATCH',
      token: admin,
      json: { version: 1, name: 'Logged twice' },
    });
  });
  afterAll(() => app.close());

  it("shows a record's history with field-level changes, newest first", async () => {
    const page = await app.request(`/api/v1/audit-events?entityType=product&entityId=${productId}`, { token: admin });
    expect(page.status).toBe(200);
    expect(page.body.items.map((event: { action: string }) => event.action)).toEqual(['update', 'create']);
    expect(page.body.items[0]).toMatchObject({
      actorType: 'user',
      actorLabel: 'admin@depot.local',
      changes: { name: { before: 'Logged', after: 'Logged twice' } },
    });
  });

  it('exports the filtered trail as CSV with field-level changes and no secrets', async () => {
    const response = await app.request(`/api/v1/audit-events/export.csv?entityType=product&entityId=${productId}`, {
      token: admin,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = response.text.trim().split('\n');
    expect(lines[0]).toBe('occurred_at,actor_type,actor,actor_id,action,entity_type,entity_id,changes,request_id,ip');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',update,product,');
    expect(lines[1]).toContain('Logged twice');
    const everything = await app.request('/api/v1/audit-events/export.csv', { token: admin });
    expect(everything.text).toContain('auth.login');
    expect(everything.text).not.toMatch(/password_hash|depot-demo-password|nope-nope-nope/);
    const viewer = await app.login('viewer@depot.local');
    expectProblem(await app.request('/api/v1/audit-events/export.csv', { token: viewer }), 403);
    expectProblem(await app.request('/api/v1/audit-events/export.csv?from=yesterday', { token: admin }), 400);
  });

  it('pages through the trail without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/audit-events?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await app.request(url, { token: admin });
      seen.push(...page.body.items.map((event: { id: string }) => event.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const total = await app.db.query('SELECT count(*)::int AS n FROM audit_events');
    expect(seen).toHaveLength(total.rows[0].n);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters the security log to sign-in and identity events', async () => {
    const log = await app.request('/api/v1/security-events?limit=100', { token: admin });
    const actions: string[] = log.body.items.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login.succeeded', 'auth.login.failed']));
    expect(actions.every((action) => action.startsWith('auth.') || action.startsWith('identity.'))).toBe(true);
    const failed = await app.request('/api/v1/security-events?action=auth.login.failed', { token: admin });
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0].actorLabel).toBe('admin@depot.local');
  });

  it('is closed to roles without the permission and validates its filters', async () => {
    const clerk = await app.login('clerk@depot.local');
    expectProblem(await app.request('/api/v1/audit-events', { token: clerk }), 403);
    expectProblem(await app.request('/api/v1/security-events', { token: clerk }), 403);
    for (const query of [
      '?entityId=nope',
      '?from=yesterday',
      "?action=x'%20OR%201=1",
      '?limit=1000',
      '?actorType=god',
    ]) {
      expectProblem(await app.request(`/api/v1/audit-events${query}`, { token: admin }), 400);
    }
  });
});
