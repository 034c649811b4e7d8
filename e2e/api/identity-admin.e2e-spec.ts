import { mailQueueSettled } from './support/mail';
import { DEMO_PASSWORD, expectProblem, startTestApp, type TestApp } from './support/test-app';

describe('Identity administration', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@depot.local');
  });
  afterAll(() => app.close());

  const as = (token: string) => ({ token });

  it('lists users with search, role and status filters and keyset pagination', async () => {
    const all = await app.request('/api/v1/users?limit=2&includeTotal=true', as(admin));
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items).toHaveLength(2);
    const next = await app.request(`/api/v1/users?limit=2&cursor=${all.body.nextCursor}`, as(admin));
    expect([...all.body.items, ...next.body.items].map((user: { email: string }) => user.email)).toEqual([
      'admin@depot.local',
      'clerk@depot.local',
      'manager@depot.local',
      'viewer@depot.local',
    ]);
    const clerks = await app.request('/api/v1/users?role=clerk', as(admin));
    expect(clerks.body.items.map((user: { email: string }) => user.email)).toEqual(['clerk@depot.local']);
    const search = await app.request('/api/v1/users?q=VIEW', as(admin));
    expect(search.body.items.map((user: { roles: string[] }) => user.roles)).toEqual([['viewer']]);
  });

  it('creates a user with an initial password that must be changed, refusing weak passwords and duplicates', async () => {
    const weak = await app.request('/api/v1/users', {
      method: 'POST',
      ...as(admin),
      json: { email: 'weak@depot.local', displayName: 'Weak', roles: ['clerk'], initialPassword: 'password1234' },
    });
    expectProblem(weak, 400);
    expect(weak.body.errors[0].field).toBe('initialPassword');

    const created = await app.request('/api/v1/users', {
      method: 'POST',
      ...as(admin),
      json: {
        email: 'New.Clerk@depot.local',
        displayName: 'New Clerk',
        roles: ['clerk'],
        initialPassword: 'amber kettle 7 orbit',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ roles: ['clerk'], mustChangePassword: true, status: 'active', version: 1 });

    const duplicate = await app.request('/api/v1/users', {
      method: 'POST',
      ...as(admin),
      json: { email: 'new.clerk@DEPOT.local', displayName: 'Dup', roles: [], initialPassword: 'amber kettle 7 orbit' },
    });
    expectProblem(duplicate, 409, 'IDENTITY.EMAIL_TAKEN');
    const unknownRole = await app.request('/api/v1/users', {
      method: 'POST',
      ...as(admin),
      json: { email: 'x@depot.local', displayName: 'X', roles: ['wizard'], initialPassword: 'amber kettle 7 orbit' },
    });
    expectProblem(unknownRole, 400);
  });

  it('a user with a temporary password may only change it until they do', async () => {
    const created = await app.request('/api/v1/users', {
      method: 'POST',
      ...as(admin),
      json: {
        email: 'temp@depot.local',
        displayName: 'Temp',
        roles: ['clerk'],
        initialPassword: 'amber kettle 7 orbit',
      },
    });
    expect(created.status).toBe(201);
    const token = await app.login('temp@depot.local', 'amber kettle 7 orbit');
    const me = await app.request('/api/v1/auth/me', as(token));
    expect(me.body).toMatchObject({ mustChangePassword: true });
    expectProblem(await app.request('/api/v1/products', as(token)), 403, 'AUTH.PASSWORD_CHANGE_REQUIRED');

    const changed = await app.request('/api/v1/me/password', {
      method: 'POST',
      ...as(token),
      json: { currentPassword: 'amber kettle 7 orbit', newPassword: 'copper lantern 9 meadow' },
    });
    expect(changed.status).toBe(200);
    const fresh = changed.body.accessToken as string;
    expect((await app.request('/api/v1/auth/me', as(fresh))).body.mustChangePassword).toBe(false);
    expect((await app.request('/api/v1/products', as(fresh))).status).toBe(200);
  });

  it('invites a user by e-mail when no initial password is given; the link sets the password once', async () => {
    const created = await app.request('/api/v1/users', {
      method: 'POST',
      ...as(admin),
      json: { email: 'invited@depot.local', displayName: 'Ivy Invited', roles: ['viewer'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.mustChangePassword).toBe(false);
    await mailQueueSettled(app.db);
    const mail = await app.db.query(`SELECT subject, text FROM dev_mailbox WHERE "to" = 'invited@depot.local'`);
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0].text).toContain('Ada Admin');
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.rows[0].text)?.[1];
    expect(token).toBeDefined();
    const set = await app.request('/api/v1/auth/password/reset', {
      method: 'POST',
      json: { token, newPassword: 'copper meadow falcon 31' },
    });
    expect(set.status).toBe(204);
    expect(await app.login('invited@depot.local', 'copper meadow falcon 31')).toEqual(expect.any(String));
    expectProblem(
      await app.request('/api/v1/auth/password/reset', {
        method: 'POST',
        json: { token, newPassword: 'another fine phrase 9' },
      }),
      400,
    );
  });

  it('changes roles through their own operation, and permissions follow', async () => {
    const users = await app.request('/api/v1/users?q=viewer', as(admin));
    const viewer = users.body.items[0];
    const viewerToken = await app.login('viewer@depot.local');
    expectProblem(
      await app.request('/api/v1/products', {
        method: 'POST',
        token: viewerToken,
        json: { sku: 'ROLE-1', name: 'x', priceMinor: 1, currency: 'EUR' },
      }),
      403,
    );
    const changed = await app.request(`/api/v1/users/${viewer.id}/roles`, {
      method: 'PUT',
      ...as(admin),
      json: { version: viewer.version, roles: ['clerk'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.roles).toEqual(['clerk']);
    // A fresh session sees the new permissions at once.
    const fresh = await app.login('viewer@depot.local');
    const me = await app.request('/api/v1/auth/me', as(fresh));
    expect(me.body.permissions).toContain('catalog.products.write');
    const audit = await app.db.query(`SELECT changes FROM audit_events WHERE action = 'identity.user.roles_changed'`);
    expect(audit.rows[0].changes).toEqual({ roles: { before: ['viewer'], after: ['clerk'] } });
  });

  it('refuses privileged fields in ordinary updates (mass assignment)', async () => {
    const clerkToken = await app.login('clerk@depot.local');
    for (const json of [
      { displayName: 'Me', roles: ['admin'] },
      { displayName: 'Me', status: 'active' },
      { displayName: 'Me', id: 'x' },
    ]) {
      expectProblem(await app.request('/api/v1/me/profile', { method: 'PATCH', token: clerkToken, json }), 400);
    }
    const ok = await app.request('/api/v1/me/profile', {
      method: 'PATCH',
      token: clerkToken,
      json: { displayName: 'Chris C.' },
    });
    expect(ok.body).toMatchObject({ displayName: 'Chris C.', roles: ['clerk'] });
    const users = await app.request('/api/v1/users?q=manager', as(admin));
    const manager = users.body.items[0];
    expectProblem(
      await app.request(`/api/v1/users/${manager.id}`, {
        method: 'PATCH',
        ...as(admin),
        json: { version: manager.version, roles: ['admin'] },
      }),
      400,
    );
  });

  it('disabling a user ends their sessions and their API keys stop working', async () => {
    const managerToken = await app.login('manager@depot.local');
    const key = await app.request('/api/v1/api-keys', {
      method: 'POST',
      token: managerToken,
      json: { name: 'shop', scopes: ['catalog.products.read'] },
    });
    expect(key.status).toBe(201);
    expect(key.body.key).toMatch(/^dpk_[a-z0-9]{12}_/);
    expect((await app.request('/api/v1/products', { headers: { 'x-api-key': key.body.key } })).status).toBe(200);

    const manager = (await app.request('/api/v1/users?q=manager', as(admin))).body.items[0];
    const disabled = await app.request(`/api/v1/users/${manager.id}/disable`, { method: 'POST', ...as(admin) });
    expect(disabled.body.status).toBe('disabled');
    expectProblem(await app.request('/api/v1/auth/me', { token: managerToken }), 401);
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // the key cache bound
    expectProblem(await app.request('/api/v1/products', { headers: { 'x-api-key': key.body.key } }), 401);
    expectProblem(
      await app.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: 'manager@depot.local', password: DEMO_PASSWORD },
      }),
      401,
    );
    expectProblem(
      await app.request(`/api/v1/users/${(await app.request('/api/v1/auth/me', as(admin))).body.id}/disable`, {
        method: 'POST',
        ...as(admin),
      }),
      409,
    );
  });

  it('creates API keys only within the creator’s permissions, shows them once and stores only a hash', async () => {
    const clerkToken = await app.login('clerk@depot.local');
    // Clerks may not manage keys at all.
    expectProblem(
      await app.request('/api/v1/api-keys', {
        method: 'POST',
        token: clerkToken,
        json: { name: 'x', scopes: ['catalog.products.read'] },
      }),
      403,
    );
    await app.request('/api/v1/users', {
      method: 'POST',
      ...as(admin),
      json: {
        email: 'keys.manager@depot.local',
        displayName: 'Keys Manager',
        roles: ['manager'],
        initialPassword: 'amber kettle 7 orbit',
      },
    });
    // A temporary password must be replaced before anything else works.
    const temporaryToken = await app.login('keys.manager@depot.local', 'amber kettle 7 orbit');
    const changed = await app.request('/api/v1/me/password', {
      method: 'POST',
      token: temporaryToken,
      json: { currentPassword: 'amber kettle 7 orbit', newPassword: 'copper lantern 9 meadow' },
    });
    const managerToken = changed.body.accessToken as string;
    const tooMuch = await app.request('/api/v1/api-keys', {
      method: 'POST',
      token: managerToken,
      json: { name: 'x', scopes: ['identity.users.manage'] },
    });
    expectProblem(tooMuch, 403, 'IDENTITY.SCOPE_NOT_HELD');
    const created = await app.request('/api/v1/api-keys', {
      method: 'POST',
      ...as(admin),
      json: { name: 'writer', scopes: ['catalog.products.write'] },
    });
    const listed = await app.request('/api/v1/api-keys', as(admin));
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    const stored = await app.db.query('SELECT key_hash FROM api_keys WHERE id = $1', [created.body.id]);
    const [, , secret] = (created.body.key as string).split('_');
    expect(secret).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(stored.rows[0].key_hash).not.toContain(secret);
    // The key acts with its scope only: it can write products but not read them.
    const write = await app.request('/api/v1/products', {
      method: 'POST',
      headers: { authorization: `Bearer ${created.body.key}` },
      json: { sku: 'KEY-WRITE', name: 'By key', priceMinor: 1, currency: 'EUR' },
    });
    expect(write.status).toBe(201);
    const audit = await app.db.query(`SELECT actor_type, actor_id FROM audit_events WHERE entity_id = $1`, [
      write.body.id,
    ]);
    expect(audit.rows[0]).toEqual({ actor_type: 'api_key', actor_id: created.body.id });
    expectProblem(
      await app.request('/api/v1/products', { headers: { authorization: `Bearer ${created.body.key}` } }),
      403,
    );
    expectProblem(
      await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${created.body.key}` } }),
      403,
    );
    // Revoked keys stop at once (the key was just used, so it sits in the principal cache).
    expect((await app.request(`/api/v1/api-keys/${created.body.id}`, { method: 'DELETE', ...as(admin) })).status).toBe(
      204,
    );
    expectProblem(
      await app.request('/api/v1/products', {
        method: 'POST',
        headers: { authorization: `Bearer ${created.body.key}` },
        json: {},
      }),
      401,
    );
  });

  it('manages custom roles; built-in roles keep their grants', async () => {
    const roles = await app.request('/api/v1/roles', as(admin));
    const viewerRole = roles.body.items.find((role: { name: string }) => role.name === 'viewer');
    expectProblem(
      await app.request(`/api/v1/roles/${viewerRole.id}`, {
        method: 'PATCH',
        ...as(admin),
        json: { version: viewerRole.version, permissions: [] },
      }),
      409,
      'IDENTITY.ROLE_BUILT_IN',
    );
    const created = await app.request('/api/v1/roles', {
      method: 'POST',
      ...as(admin),
      json: { name: 'auditor', description: 'Reads the audit trail', permissions: ['audit.read'] },
    });
    expect(created.status).toBe(201);
    expectProblem(
      await app.request('/api/v1/roles', { method: 'POST', ...as(admin), json: { name: 'auditor', permissions: [] } }),
      409,
    );
    expectProblem(
      await app.request('/api/v1/roles', {
        method: 'POST',
        ...as(admin),
        json: { name: 'x', permissions: ['root.everything'] },
      }),
      400,
    );
    const updated = await app.request(`/api/v1/roles/${created.body.id}`, {
      method: 'PATCH',
      ...as(admin),
      json: { version: 1, permissions: ['audit.read', 'catalog.products.read'] },
    });
    expect(updated.body.permissions).toEqual(['audit.read', 'catalog.products.read']);
    expectProblem(
      await app.request(`/api/v1/roles/${created.body.id}`, {
        method: 'PATCH',
        ...as(admin),
        json: { version: 1, description: 'stale' },
      }),
      409,
      'REQUEST.VERSION_CONFLICT',
    );
    expect((await app.request(`/api/v1/roles/${created.body.id}`, { method: 'DELETE', ...as(admin) })).status).toBe(
      204,
    );
    const catalogue = await app.request('/api/v1/permissions', as(admin));
    expect(catalogue.body.items.map((group: { module: string }) => group.module)).toContain('Identity');
  });

  it('lists and ends sessions; changing the password ends the others', async () => {
    const first = await app.login('admin@depot.local');
    const second = await app.login('admin@depot.local');
    const sessions = await app.request('/api/v1/me/sessions', as(second));
    expect(sessions.body.items.filter((session: { current: boolean }) => session.current)).toHaveLength(1);
    const other = sessions.body.items.find((session: { current: boolean }) => !session.current);
    expect((await app.request(`/api/v1/me/sessions/${other.id}`, { method: 'DELETE', ...as(second) })).status).toBe(
      204,
    );

    const wrong = await app.request('/api/v1/me/password', {
      method: 'POST',
      ...as(second),
      json: { currentPassword: 'not-it-at-all', newPassword: 'quiet river lantern 88' },
    });
    expectProblem(wrong, 400, 'IDENTITY.WRONG_PASSWORD');
    const changed = await app.request('/api/v1/me/password', {
      method: 'POST',
      ...as(second),
      json: { currentPassword: DEMO_PASSWORD, newPassword: 'quiet river lantern 88' },
    });
    expect(changed.status).toBe(200);
    expectProblem(await app.request('/api/v1/auth/me', as(first)), 401);
    expectProblem(await app.request('/api/v1/auth/me', as(second)), 401);
    expect((await app.request('/api/v1/auth/me', as(changed.body.accessToken))).status).toBe(200);
    expect(await app.login('admin@depot.local', 'quiet river lantern 88')).toEqual(expect.any(String));
    const audit = await app.db.query(`SELECT changes FROM audit_events WHERE action = 'auth.password.changed'`);
    expect(JSON.stringify(audit.rows)).not.toContain('quiet river lantern');
    await mailQueueSettled(app.db);
    const notice = await app.db.query(
      `SELECT subject FROM dev_mailbox WHERE "to" = 'admin@depot.local' AND template = 'password-changed'`,
    );
    expect(notice.rows).toHaveLength(1);
    expect(changed.headers.get('cache-control')).toBe('no-store');
  });
});
