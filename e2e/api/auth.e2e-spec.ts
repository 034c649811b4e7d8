import { BUILT_IN_ROLE_PERMISSIONS } from '@depot/contracts';
import { createHmac } from 'node:crypto';
import { expectProblem, startTestApp, DEMO_PASSWORD, type TestApp } from './support/test-app';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function forge(claims: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

describe('Authentication', () => {
  let app: TestApp;
  const secret = 'e2e-secret-'.padEnd(48, 'x');

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  async function login(email = 'admin@depot.local') {
    const response = await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email, password: DEMO_PASSWORD },
    });
    expect(response.status).toBe(200);
    return response;
  }

  it('signs in with the demo password and returns both tokens and an httpOnly cookie', async () => {
    const response = await login();
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.any(String) });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^depot_refresh=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/v1/auth');
  });

  it('accepts a cookie-only refresh from Depot itself, and refuses one from a foreign origin', async () => {
    const cookieOf = (response: { headers: Headers }) => (response.headers.get('set-cookie') ?? '').split(';')[0];
    let cookie = cookieOf(await login());
    const foreign = await app.request('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expectProblem(foreign, 403, 'AUTH.FORBIDDEN');
    const crossSite = await app.request('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: '{}',
    });
    expectProblem(crossSite, 403, 'AUTH.FORBIDDEN');
    // The refused attempts spent nothing: the same cookie still works from Depot's own origin.
    const own = await app.request('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { cookie, origin: app.baseUrl, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('no-store');
    cookie = cookieOf(own);
    const logout = await app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expectProblem(logout, 403, 'AUTH.FORBIDDEN');
  });

  it('answers the same 401 for a wrong password and an unknown e-mail', async () => {
    const wrong = await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'admin@depot.local', password: 'not-the-password' },
    });
    const unknown = await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'nobody@depot.local', password: 'not-the-password' },
    });
    expectProblem(wrong, 401, 'AUTH.INVALID_CREDENTIALS');
    expectProblem(unknown, 401, 'AUTH.INVALID_CREDENTIALS');
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('matches e-mails case-insensitively', async () => {
    const response = await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'ADMIN@Depot.Local', password: DEMO_PASSWORD },
    });
    expect(response.status).toBe(200);
  });

  it('returns the signed-in user with roles and permissions', async () => {
    const token = (await login('viewer@depot.local')).body.accessToken;
    const me = await app.request('/api/v1/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'viewer@depot.local',
      roles: ['viewer'],
      // Sorted; exactly what the built-in viewer role grants (BUILT_IN_ROLE_PERMISSIONS.viewer).
      permissions: [...BUILT_IN_ROLE_PERMISSIONS.viewer].sort(),
    });
    expect(me.body.permissions).toContain('sales.orders.read');
    expect(me.body.permissions).not.toContain('sales.orders.write');
  });

  it('rotates refresh tokens and revokes the whole session when a used one comes back', async () => {
    const first = (await login()).body;
    const second = await app.request('/api/v1/auth/refresh', {
      method: 'POST',
      json: { refreshToken: first.refreshToken },
    });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);

    const replay = await app.request('/api/v1/auth/refresh', {
      method: 'POST',
      json: { refreshToken: first.refreshToken },
    });
    expectProblem(replay, 401, 'AUTH.INVALID_REFRESH_TOKEN');
    // The thief's replay also ended the legitimate holder's session.
    const afterReuse = await app.request('/api/v1/auth/refresh', {
      method: 'POST',
      json: { refreshToken: second.body.refreshToken },
    });
    expectProblem(afterReuse, 401);
    const me = await app.request('/api/v1/auth/me', { token: second.body.accessToken });
    expectProblem(me, 401);
    const audit = await app.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.refresh.reuse_detected'`,
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('accepts the refresh token from the cookie', async () => {
    const first = await login();
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
    const refreshed = await app.request('/api/v1/auth/refresh', { method: 'POST', headers: { cookie } });
    expect(refreshed.status).toBe(200);
  });

  it('ends the session on logout: the access token and refresh token stop working', async () => {
    const tokens = (await login()).body;
    expect((await app.request('/api/v1/auth/me', { token: tokens.accessToken })).status).toBe(200);
    const logout = await app.request('/api/v1/auth/logout', {
      method: 'POST',
      json: { refreshToken: tokens.refreshToken },
    });
    expect(logout.status).toBe(204);
    expectProblem(await app.request('/api/v1/auth/me', { token: tokens.accessToken }), 401);
    expectProblem(
      await app.request('/api/v1/auth/refresh', { method: 'POST', json: { refreshToken: tokens.refreshToken } }),
      401,
    );
  });

  describe('refuses forged and misused tokens', () => {
    let claims: { sub: string; sid: string };

    beforeAll(async () => {
      const token = (await login()).body.accessToken as string;
      claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    });

    const now = () => Math.floor(Date.now() / 1000);
    const valid = () => ({ ...claims, typ: 'access', iss: 'depot', aud: 'depot-api', iat: now(), exp: now() + 600 });

    it('accepts a correctly signed token (control)', async () => {
      expect((await app.request('/api/v1/auth/me', { token: forge(valid(), secret) })).status).toBe(200);
    });

    it.each([
      ['alg none', () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(valid())}.`],
      ['a tampered signature', () => forge(valid(), 'another-secret-another-secret-another')],
      ['an expired token', () => forge({ ...valid(), iat: now() - 3600, exp: now() - 1800 }, secret)],
      ['a wrong issuer', () => forge({ ...valid(), iss: 'someone-else' }, secret)],
      ['a wrong audience', () => forge({ ...valid(), aud: 'other-api' }, secret)],
      ['a refresh-typed token', () => forge({ ...valid(), typ: 'refresh' }, secret)],
      [
        'HS512 instead of HS256',
        () => {
          const unsigned = `${base64url({ alg: 'HS512', typ: 'JWT' })}.${base64url(valid())}`;
          return `${unsigned}.${createHmac('sha512', secret).update(unsigned).digest('base64url')}`;
        },
      ],
      ['garbage', () => 'not-a-jwt'],
      ...(['exp', 'iat', 'sub', 'sid', 'iss', 'aud', 'typ'] as const).map(
        (claim) =>
          [
            `a correctly signed token without "${claim}"`,
            () => {
              const { [claim]: _dropped, ...rest } = valid();
              return forge(rest, secret);
            },
          ] as [string, () => string],
      ),
      ['an expiry before the issue time', () => forge({ ...valid(), iat: now() + 900, exp: now() + 600 }, secret)],
      ['a token issued longer ago than access tokens live', () => forge({ ...valid(), iat: now() - 7200 }, secret)],
    ])('refuses %s with 401', async (_name, make) => {
      expectProblem(await app.request('/api/v1/auth/me', { token: make() }), 401, 'AUTH.UNAUTHENTICATED');
    });

    it('refuses an opaque refresh token used as an access token', async () => {
      const refreshToken = (await login()).body.refreshToken as string;
      expectProblem(await app.request('/api/v1/auth/me', { token: refreshToken }), 401);
    });
  });

  it('records successful and failed sign-ins in the audit trail without secrets', async () => {
    await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'clerk@depot.local', password: 'wrong-password-123' },
    });
    const rows = await app.db.query(
      `SELECT action, actor_label, changes FROM audit_events WHERE action LIKE 'auth.login.%'`,
    );
    expect(rows.rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['auth.login.succeeded', 'auth.login.failed']),
    );
    expect(JSON.stringify(rows.rows)).not.toContain('wrong-password-123');
    expect(JSON.stringify(rows.rows)).not.toContain(DEMO_PASSWORD);
  });
});
