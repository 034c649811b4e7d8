import { DEMO_PASSWORD, expectProblem, startTestApp, type TestApp, type TestResponse } from './support/test-app';

const waitFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Brute-force protection', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({
      LOGIN_MAX_FAILURES: '3',
      // Windows long enough that a busy machine still fits each burst into one of them.
      LOGIN_FAILURE_WINDOW_SECONDS: '5',
      AUTH_IP_MAX_REQUESTS: '40',
      AUTH_IP_WINDOW_SECONDS: '20',
    });
  });
  afterAll(() => app.close());

  const login = (email: string, password: string) =>
    app.request('/api/v1/auth/login', { method: 'POST', json: { email, password } });

  it('locks an account after repeated failures with 429 and Retry-After, then lets it in after the window', async () => {
    const failures = await Promise.all(
      Array.from({ length: 3 }, () => login('clerk@depot.local', 'wrong-password-123')),
    );
    for (const failure of failures) expectProblem(failure, 401);
    // Even the right password is refused while the account is locked.
    const locked = await login('clerk@depot.local', DEMO_PASSWORD);
    expectProblem(locked, 429, 'REQUEST.TOO_MANY_REQUESTS');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);
    // Other accounts are not affected.
    expect((await login('viewer@depot.local', DEMO_PASSWORD)).status).toBe(200);

    await waitFor(retryAfter * 1000 + 200);
    expect((await login('clerk@depot.local', DEMO_PASSWORD)).status).toBe(200);
  });

  it('limits sign-in requests per client address', async () => {
    // One burst, so the count is not spread over several windows on a slow machine.
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, attempt) => login(`nobody${attempt}@depot.local`, 'wrong-password-123')),
    );
    const limited: TestResponse | undefined = responses.find((response) => response.status === 429);
    if (!limited) throw new Error('no 429 within 60 attempts');
    expectProblem(limited, 429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('ratelimit-policy')).toBe('"auth-ip";q=40;w=20');
    expect(limited.headers.get('ratelimit')).toBe(`"auth-ip";r=0;t=${limited.headers.get('retry-after')}`);
    // The refresh endpoint shares the per-address budget.
    expectProblem(await app.request('/api/v1/auth/refresh', { method: 'POST', json: {} }), 429);
  });

  it('records failed sign-ins in the audit trail', async () => {
    const failures = await app.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.login.failed'`,
    );
    expect(failures.rows[0].n).toBeGreaterThanOrEqual(3);
  });
});
