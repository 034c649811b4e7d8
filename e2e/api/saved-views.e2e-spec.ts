import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */

describe('Saved views', () => {
  let app: TestApp;
  let admin: string;
  let clerk: string;
  let viewer: string;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, clerk, viewer] = await Promise.all([
      app.login('admin@depot.local'),
      app.login('clerk@depot.local'),
      app.login('viewer@depot.local'),
    ]);
  });

  afterAll(() => app?.close());

  const create = (token: string, json: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.request('/api/v1/saved-views', { method: 'POST', token, json, headers });
  const list = async (token: string, listKey = 'products') => {
    const response = await app.request(`/api/v1/saved-views?listKey=${listKey}&limit=100`, { token });
    expect(response.status).toBe(200);
    return response.body.items as any[];
  };
  const patch = (token: string, id: string, json: Record<string, unknown>) =>
    app.request(`/api/v1/saved-views/${id}`, { method: 'PATCH', token, json });

  it('creates, reads, renames and deletes a view, dropping the paging cursor', async () => {
    const created = await create(clerk, {
      listKey: 'products',
      name: '  Red and active  ',
      state: { status: 'active', q: 'red', sort: '-createdAt', cursor: 'abc' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/saved-views/${created.body.id}`);
    expect(created.body).toMatchObject({
      listKey: 'products',
      name: 'Red and active',
      state: { status: 'active', q: 'red', sort: '-createdAt' },
      shared: false,
      isDefault: false,
      ownerName: 'Chris Clerk',
      version: 1,
    });
    expect(created.body.state).not.toHaveProperty('cursor');

    const read = await app.request(`/api/v1/saved-views/${created.body.id}`, { token: clerk });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBeTruthy();
    expect(read.body).toEqual(created.body);

    const renamed = await patch(clerk, created.body.id, { version: 1, name: 'Red', state: { q: 'red' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Red', state: { q: 'red' }, version: 2 });
    expectProblem(await patch(clerk, created.body.id, { version: 1, name: 'Stale' }), 409, 'REQUEST.VERSION_CONFLICT');

    const deleted = await app.request(`/api/v1/saved-views/${created.body.id}`, { method: 'DELETE', token: clerk });
    expect(deleted.status).toBe(204);
    expectProblem(
      await app.request(`/api/v1/saved-views/${created.body.id}`, { token: clerk }),
      404,
      'VIEWS.NOT_FOUND',
    );

    const { rows } = await app.db.query<{ action: string; changes: any }>(
      `SELECT action, changes FROM audit_events WHERE entity_type = 'saved_view' AND entity_id = $1 ORDER BY occurred_at`,
      [created.body.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
    expect(rows[1].changes).toEqual({
      name: { before: 'Red and active', after: 'Red' },
      state: { before: { status: 'active', q: 'red', sort: '-createdAt' }, after: { q: 'red' } },
    });
  });

  it('shows private views only to their owner and shared views to everyone', async () => {
    const mine = (await create(clerk, { listKey: 'sales-orders', name: 'Mine', state: { status: 'draft' } })).body;
    const ours = (
      await create(clerk, { listKey: 'sales-orders', name: 'Ours', state: { status: 'confirmed' }, shared: true })
    ).body;
    expect((await list(clerk, 'sales-orders')).map((view) => view.name)).toEqual(['Mine', 'Ours']);
    expect((await list(viewer, 'sales-orders')).map((view) => view.name)).toEqual(['Ours']);
    expect(await list(viewer, 'invoices')).toEqual([]);
    expectProblem(await app.request(`/api/v1/saved-views/${mine.id}`, { token: viewer }), 404, 'VIEWS.NOT_FOUND');
    expect((await app.request(`/api/v1/saved-views/${ours.id}`, { token: viewer })).status).toBe(200);
    // Not even an administrator sees someone's private view.
    expectProblem(await app.request(`/api/v1/saved-views/${mine.id}`, { token: admin }), 404);
  });

  it('lets only the owner or an administrator change or delete a shared view', async () => {
    const shared = (
      await create(clerk, { listKey: 'purchase-orders', name: 'Open', state: { status: 'submitted' }, shared: true })
    ).body;
    expectProblem(await patch(viewer, shared.id, { version: 1, name: 'Mine now' }), 403, 'VIEWS.NOT_OWNER');
    expectProblem(
      await app.request(`/api/v1/saved-views/${shared.id}`, { method: 'DELETE', token: viewer }),
      403,
      'VIEWS.NOT_OWNER',
    );
    expectProblem(await patch(viewer, '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10', { version: 1 }), 404);
    const byAdmin = await patch(admin, shared.id, { version: 1, name: 'Open (checked)' });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ name: 'Open (checked)', ownerName: 'Chris Clerk' });
    expect((await app.request(`/api/v1/saved-views/${shared.id}`, { method: 'DELETE', token: admin })).status).toBe(
      204,
    );
  });

  it('keeps one default per user and list', async () => {
    const first = (
      await create(viewer, { listKey: 'customers', name: 'A', state: { active: 'true' }, isDefault: true })
    ).body;
    const second = (
      await create(viewer, { listKey: 'customers', name: 'B', state: { active: 'false' }, isDefault: true })
    ).body;
    expect(second.isDefault).toBe(true);
    let views = await list(viewer, 'customers');
    expect(views.filter((view) => view.isDefault).map((view) => view.id)).toEqual([second.id]);
    const current = views.find((view) => view.id === first.id);
    const switched = await patch(viewer, first.id, { version: current.version, isDefault: true });
    expect(switched.status).toBe(200);
    views = await list(viewer, 'customers');
    expect(views.filter((view) => view.isDefault).map((view) => view.id)).toEqual([first.id]);
    // Another user's default of the same list is theirs alone.
    const clerks = (
      await create(clerk, { listKey: 'customers', name: 'Clerk default', state: {}, isDefault: true, shared: true })
    ).body;
    expect(clerks.isDefault).toBe(true);
    views = await list(viewer, 'customers');
    expect(
      views
        .filter((view) => view.isDefault)
        .map((view) => view.name)
        .sort(),
    ).toEqual(['A', 'Clerk default']);
  });

  it('replays a create with the same Idempotency-Key instead of saving twice', async () => {
    const headers = { 'idempotency-key': 'saved-view-replay-1' };
    const body = { listKey: 'invoices', name: 'Unpaid', state: { status: 'open' } };
    const first = await create(admin, body, headers);
    const again = await create(admin, body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await list(admin, 'invoices')).filter((view) => view.name === 'Unpaid')).toHaveLength(1);
  });

  it('refuses bad input with 4xx problems', async () => {
    const bad = async (json: Record<string, unknown>) => expectProblem(await create(clerk, json), 400);
    await bad({ listKey: 'products', name: '', state: {} });
    await bad({ listKey: 'Products!', name: 'x', state: {} });
    await bad({ listKey: 'products', name: 'x', state: [] });
    await bad({ listKey: 'products', name: 'x', state: { q: 5 } });
    await bad({ listKey: 'products', name: 'x', state: { 'bad key': 'x' } });
    await bad({ listKey: 'products', name: 'x', state: { q: 'x'.repeat(501) } });
    await bad({
      listKey: 'products',
      name: 'x',
      state: Object.fromEntries(Array.from({ length: 31 }, (_, index) => [`k${index}`, 'v'])),
    });
    await bad({ listKey: 'products', name: 'x', state: {}, ownerId: 'someone' });
    expectProblem(await app.request('/api/v1/saved-views', { token: clerk }), 400);
    expectProblem(await app.request('/api/v1/saved-views?listKey=products&sort=owner', { token: clerk }), 400);
    expectProblem(await app.request('/api/v1/saved-views/not-a-uuid', { token: clerk }), 400);
    expectProblem(await app.request('/api/v1/saved-views?listKey=products'), 401);
  });
});
