import { randomBytes } from 'node:crypto';
import {
  databaseUrlOf,
  expectProblem,
  startServer,
  startTestApp,
  type TestApp,
  type TestResponse,
} from './support/test-app';

const waitFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `"default";r=3;t=4` → { policy: 'default', r: 3, t: 4 } (one item). */
function stateOf(response: TestResponse): { policy: string; r: number; t: number } {
  const header = response.headers.get('ratelimit') ?? '';
  const match = /^"([a-z-]+)";r=(\d+);t=(\d+)$/.exec(header);
  if (!match) throw new Error(`unexpected RateLimit header: ${JSON.stringify(header)}`);
  return { policy: match[1], r: Number(match[2]), t: Number(match[3]) };
}

describe('Rate limits per user and API key', () => {
  const WINDOW = 4;
  let app: TestApp;
  let clerk: string;
  let viewer: string;
  let manager: string;
  let apiKey: string;

  beforeAll(async () => {
    app = await startTestApp({
      API_RATE_LIMIT_MAX_REQUESTS: '5',
      API_RATE_LIMIT_BULK_MAX_REQUESTS: '2',
      // Short, so the test can see a window reset; long enough for a burst on a busy machine.
      API_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW),
    });
    [clerk, viewer, manager] = await Promise.all([
      app.login('clerk@depot.local'),
      app.login('viewer@depot.local'),
      app.login('manager@depot.local'),
    ]);
    const key = await app.request('/api/v1/api-keys', {
      method: 'POST',
      token: await app.login('admin@depot.local'),
      json: { name: 'rate limits', scopes: ['catalog.products.read'] },
    });
    expect(key.status).toBe(201);
    apiKey = key.body.key;
  });
  afterAll(() => app.close());

  const products = (token: string) => app.request('/api/v1/products?limit=1', { token });

  it('counts down in RateLimit, refuses the request over the budget with 429, and resets after the window', async () => {
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await products(clerk);
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-policy')).toBe(`"default";q=5;w=${WINDOW}`);
      const state = stateOf(response);
      expect(state.policy).toBe('default');
      expect(state.t).toBeGreaterThanOrEqual(1);
      expect(state.t).toBeLessThanOrEqual(WINDOW);
      remaining.push(state.r);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);

    const refused = await products(clerk);
    expectProblem(refused, 429, 'REQUEST.TOO_MANY_REQUESTS');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW);
    expect(stateOf(refused)).toEqual({ policy: 'default', r: 0, t: retryAfter });
    expect(refused.headers.get('ratelimit-policy')).toBe(`"default";q=5;w=${WINDOW}`);

    // Other users and API keys have their own budgets.
    const other = await products(viewer);
    expect(other.status).toBe(200);
    expect(stateOf(other).r).toBe(4);
    const byKey = await app.request('/api/v1/products?limit=1', { headers: { 'x-api-key': apiKey } });
    expect(byKey.status).toBe(200);
    expect(stateOf(byKey).r).toBe(4);

    // Anonymous routes are not counted per user: health is never limited, and signing in again
    // only counts against the per-address sign-in budget.
    const health = await app.request('/api/health/live');
    expect(health.status).toBe(200);
    expect(health.headers.get('ratelimit')).toBeNull();
    const signIn = await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'clerk@depot.local', password: 'depot-demo-password' },
    });
    expect(signIn.status).toBe(200);
    expect(stateOf(signIn).policy).toBe('auth-ip');

    // After Retry-After the budget is whole again.
    await waitFor(retryAfter * 1000);
    let again = await products(clerk);
    for (let attempt = 0; again.status === 429 && attempt < 20; attempt++) {
      await waitFor(100);
      again = await products(clerk);
    }
    expect(again.status).toBe(200);
    expect(stateOf(again).r).toBe(4);
  });

  it('counts CSV exports against the lower bulk budget instead of the default one', async () => {
    const exportCsv = () => app.request('/api/v1/products/export.csv', { token: manager });
    const first = await exportCsv();
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe(`"bulk";q=2;w=${WINDOW}`);
    expect(stateOf(first)).toMatchObject({ policy: 'bulk', r: 1 });
    expect((await exportCsv()).status).toBe(200);
    expectProblem(await exportCsv(), 429, 'REQUEST.TOO_MANY_REQUESTS');

    const list = await products(manager);
    expect(list.status).toBe(200);
    expect(stateOf(list)).toMatchObject({ policy: 'default', r: 4 });
  });
});

/** Redis is optional for Depot; this test runs where one is reachable (CI has one). */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisReachable(): Promise<boolean> {
  const { Socket } = await import('node:net');
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 6379), hostname);
  });
}

describe('Rate limits across instances with REDIS_URL (needs a reachable Redis)', () => {
  it("shares a user's budget between two instances on one database", async () => {
    if (!(await redisReachable())) {
      console.warn(`Redis not reachable at ${REDIS_URL}: the shared rate-limit test did not run.`);
      return;
    }
    // Both instances use one key prefix of their own, so no other test server shares the counters.
    const env = {
      REDIS_URL,
      RATE_LIMIT_KEY_PREFIX: `depot-test:${randomBytes(6).toString('hex')}`,
      API_RATE_LIMIT_MAX_REQUESTS: '6',
      API_RATE_LIMIT_WINDOW_SECONDS: '60',
    };
    const first = await startTestApp(env);
    const { rows } = await first.db.query('SELECT current_database() AS name');
    const second = await startServer({ DATABASE_URL: databaseUrlOf(rows[0].name), ...env });
    try {
      const token = await first.login('clerk@depot.local');
      const on = async (baseUrl: string, bearer = token) => {
        const response = await fetch(`${baseUrl}/api/v1/products?limit=1`, {
          headers: { authorization: `Bearer ${bearer}` },
        });
        const text = await response.text();
        return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : undefined };
      };
      const remaining: number[] = [];
      for (const baseUrl of [first.baseUrl, second.baseUrl, first.baseUrl, second.baseUrl, first.baseUrl]) {
        const response = await on(baseUrl);
        expect(response.status).toBe(200);
        remaining.push(stateOf(response).r);
      }
      expect(remaining).toEqual([5, 4, 3, 2, 1]);
      expect(stateOf(await on(second.baseUrl)).r).toBe(0);

      // The budget is spent on both instances.
      for (const baseUrl of [first.baseUrl, second.baseUrl]) {
        const refused = await on(baseUrl);
        expectProblem(refused, 429, 'REQUEST.TOO_MANY_REQUESTS');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
      // Another user is not affected.
      const viewer = await first.login('viewer@depot.local');
      const other = await on(second.baseUrl, viewer);
      expect(other.status).toBe(200);
      expect(stateOf(other).r).toBe(5);
    } finally {
      await second.stop();
      await first.close();
    }
  });
});
