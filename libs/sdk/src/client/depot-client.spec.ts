import { getDashboard, listProducts } from '../generated/sdk.gen';
import { DepotClient } from './depot-client';
import { DepotApiError, DepotNetworkError, DepotTimeoutError, ErrorCode } from './errors';
import { sleep } from './retry';
import { BASE_URL, fakeClient, json, problem, tokens } from './testing/fake-server';

const PRODUCT = { sku: 'BOLT-1', name: 'Bolt', priceMinor: 10, currency: 'EUR' as const };
const ADJUSTMENT = { productId: 'p1', warehouseId: 'w1', quantity: 5, reasonCode: 'found' as const };

describe('DepotClient', () => {
  describe('authentication', () => {
    it('sends an API key once, as Authorization: Bearer, never as X-API-Key', async () => {
      const { depot, seen } = fakeClient(() => json(200, { items: [], nextCursor: null }), {
        apiKey: 'dpk_abc_secret',
      });
      await depot.products.list().toArray();
      expect(seen[0].headers.get('authorization')).toBe('Bearer dpk_abc_secret');
      expect(seen[0].headers.has('x-api-key')).toBe(false);
    });

    it('refuses a key that is not a Depot API key, and an API key together with a session', () => {
      expect(() => new DepotClient({ baseUrl: BASE_URL, apiKey: 'secret' })).toThrow(/dpk_/);
      expect(
        () =>
          new DepotClient({ baseUrl: BASE_URL, apiKey: 'dpk_a_b', session: { accessToken: 'a', refreshToken: 'r' } }),
      ).toThrow(/either/);
    });

    it('signs in with e-mail, password and MFA code, then sends the access token; never uses cookies', async () => {
      const changes: unknown[] = [];
      const { depot, seen } = fakeClient(
        (request) => (request.path === '/api/v1/auth/login' ? json(200, tokens(1)) : json(200, { ok: true })),
        { onSessionChange: (session) => changes.push(session) },
      );
      const session = await depot.signIn('a@depot.local', 'pw', { mfaCode: '123456' });
      await depot.call(getDashboard);

      expect(session).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
      expect(seen[0]).toMatchObject({
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { email: 'a@depot.local', password: 'pw', mfaCode: '123456' },
      });
      expect(seen[0].headers.has('authorization')).toBe(false);
      expect(seen[0].headers.has('idempotency-key')).toBe(false);
      expect(seen[1].headers.get('authorization')).toBe('Bearer access-1');
      expect(seen.map((request) => request.credentials)).toEqual(['omit', 'omit']);
      expect(changes).toEqual([session]);
    });

    it('refreshes once on 401 with the refresh token in the body, then sends the request again', async () => {
      const { depot, seen } = fakeClient(
        (request) => {
          if (request.path === '/api/v1/auth/refresh') return json(200, tokens(2));
          return request.headers.get('authorization') === 'Bearer access-2'
            ? json(200, { ok: true })
            : problem(401, ErrorCode.Unauthenticated);
        },
        { session: { accessToken: 'access-1', refreshToken: 'refresh-1' } },
      );

      await expect(depot.call(getDashboard)).resolves.toEqual({ ok: true });
      expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual([
        'GET /api/v1/dashboard',
        'POST /api/v1/auth/refresh',
        'GET /api/v1/dashboard',
      ]);
      expect(seen[1].body).toEqual({ refreshToken: 'refresh-1' });
      expect(seen[1].headers.has('idempotency-key')).toBe(false);
      expect(depot.session).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    });

    it('shares one refresh between concurrent requests that all got 401', async () => {
      let releaseRefresh!: () => void;
      const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve));
      let refreshArrived!: () => void;
      const refreshStarted = new Promise<void>((resolve) => (refreshArrived = resolve));
      const { depot, seen } = fakeClient(
        async (request) => {
          if (request.path === '/api/v1/auth/refresh') {
            refreshArrived();
            await refreshGate;
            return json(200, tokens(2));
          }
          return request.headers.get('authorization') === 'Bearer access-2'
            ? json(200, { path: request.path })
            : problem(401, ErrorCode.Unauthenticated);
        },
        { session: { accessToken: 'access-1', refreshToken: 'refresh-1' } },
      );

      const calls = [depot.call(getDashboard), depot.products.get('p1'), depot.warehouses.get('w1')];
      await refreshStarted;
      releaseRefresh();
      await expect(Promise.all(calls)).resolves.toHaveLength(3);
      expect(seen.filter((request) => request.path === '/api/v1/auth/refresh')).toHaveLength(1);
      expect(seen).toHaveLength(7); // 3 x 401, 1 refresh, 3 resent
    });

    it('resends without refreshing when another call already refreshed after this one was sent', async () => {
      const { depot, seen } = fakeClient(
        (request, index) => {
          if (request.path === '/api/v1/auth/refresh') return json(200, tokens(2));
          if (index === 0) return problem(401, ErrorCode.Unauthenticated);
          return request.headers.get('authorization') === 'Bearer access-2'
            ? json(200, {})
            : problem(401, ErrorCode.Unauthenticated);
        },
        { session: { accessToken: 'access-1', refreshToken: 'refresh-1' } },
      );
      await depot.call(getDashboard);
      await depot.call(getDashboard);
      expect(seen.filter((request) => request.path === '/api/v1/auth/refresh')).toHaveLength(1);
    });

    it('refreshes only once per call: a second 401 is thrown', async () => {
      const { depot, seen } = fakeClient(
        (request) =>
          request.path === '/api/v1/auth/refresh' ? json(200, tokens(2)) : problem(401, ErrorCode.Unauthenticated),
        { session: { accessToken: 'access-1', refreshToken: 'refresh-1' } },
      );
      await expect(depot.call(getDashboard)).rejects.toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
      expect(seen).toHaveLength(3);
    });

    it('forgets the session when the refresh token is refused, and says so', async () => {
      const changes: unknown[] = [];
      const { depot } = fakeClient(
        (request) =>
          problem(
            401,
            request.path === '/api/v1/auth/refresh' ? ErrorCode.InvalidRefreshToken : ErrorCode.Unauthenticated,
          ),
        { session: { accessToken: 'access-1', refreshToken: 'refresh-1' }, onSessionChange: (s) => changes.push(s) },
      );
      await expect(depot.call(getDashboard)).rejects.toMatchObject({ code: 'AUTH.INVALID_REFRESH_TOKEN' });
      expect(depot.session).toBeNull();
      expect(changes).toEqual([null]);
    });

    it('does not try to refresh an API key', async () => {
      const { depot, seen } = fakeClient(() => problem(401, ErrorCode.Unauthenticated), { apiKey: 'dpk_a_b' });
      await expect(depot.call(getDashboard)).rejects.toBeInstanceOf(DepotApiError);
      expect(seen).toHaveLength(1);
    });

    it('signs out with the refresh token in the body and stops sending the access token', async () => {
      const { depot, seen } = fakeClient(
        (request) => (request.path === '/api/v1/auth/logout' ? json(204, null) : json(200, {})),
        {
          session: { accessToken: 'access-1', refreshToken: 'refresh-1' },
        },
      );
      await depot.signOut();
      await depot.call(getDashboard);
      expect(seen[0]).toMatchObject({
        method: 'POST',
        path: '/api/v1/auth/logout',
        body: { refreshToken: 'refresh-1' },
      });
      expect(seen[0].headers.has('idempotency-key')).toBe(false);
      expect(seen[1].headers.has('authorization')).toBe(false);
      expect(depot.session).toBeNull();
    });
  });

  describe('errors', () => {
    it('throws DepotApiError with status, typed code, request id, problem and message', async () => {
      const body = {
        type: 'https://depot.dev/problems/sku-taken',
        title: 'Conflict',
        status: 409,
        detail: 'SKU BOLT-1 is taken',
        code: 'CATALOG.SKU_TAKEN',
        requestId: 'req-42',
      };
      const { depot } = fakeClient(() => json(409, body, { 'content-type': 'application/problem+json' }));
      const error = (await depot.products.create(PRODUCT).catch((e: unknown) => e)) as DepotApiError;

      expect(error).toBeInstanceOf(DepotApiError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('DepotApiError');
      expect(error.message).toBe('409 CATALOG.SKU_TAKEN: SKU BOLT-1 is taken');
      expect({ ...error, problem: error.problem }).toMatchObject({
        status: 409,
        code: ErrorCode.SkuTaken,
        requestId: 'req-42',
        method: 'POST',
        problem: body,
      });
      expect(error.retryAfter).toBeUndefined();
    });

    it('describes an answer that is not problem+json (a proxy error page) with a synthetic problem', async () => {
      const { depot } = fakeClient(
        () =>
          new Response('<html>Bad gateway</html>', {
            status: 502,
            statusText: 'Bad Gateway',
            headers: { 'x-request-id': 'r-9' },
          }),
        { retry: { maxAttempts: 1 } },
      );
      const error = (await depot.call(getDashboard).catch((e: unknown) => e)) as DepotApiError;
      expect(error.problem).toEqual({
        type: 'about:blank',
        title: 'Bad Gateway',
        status: 502,
        detail: '<html>Bad gateway</html>',
      });
      expect(error.code).toBeUndefined();
      expect(error.requestId).toBe('r-9');
    });
  });

  describe('retries', () => {
    it('retries GET on 503 after Retry-After seconds', async () => {
      const { depot, seen, sleeps } = fakeClient((_, index) =>
        index === 0 ? problem(503, ErrorCode.Unavailable, { 'retry-after': '2' }) : json(200, { ok: true }),
      );
      await expect(depot.call(getDashboard)).resolves.toEqual({ ok: true });
      expect(seen).toHaveLength(2);
      expect(sleeps).toEqual([2000]);
    });

    it('backs off exponentially with jitter on 429, 502 and 504, up to maxAttempts, then throws', async () => {
      const statuses = [429, 502, 504, 503];
      const { depot, seen, sleeps } = fakeClient((_, index) => problem(statuses[index], 'X'), {
        retry: { maxAttempts: 4, baseDelayMs: 100 },
        random: () => 0.5,
      });
      await expect(depot.call(getDashboard)).rejects.toMatchObject({ status: 503 });
      expect(seen).toHaveLength(4);
      // attempt n waits between half and all of 100 x 2^(n-1); random 0.5 -> three quarters.
      expect(sleeps).toEqual([75, 150, 300]);
    });

    it('stops at 3 attempts by default', async () => {
      const { depot, seen, sleeps } = fakeClient(() => problem(503, ErrorCode.Unavailable));
      await expect(depot.call(getDashboard)).rejects.toMatchObject({ status: 503, code: 'SERVER.UNAVAILABLE' });
      expect(seen).toHaveLength(3);
      expect(sleeps).toEqual([500, 1000]);
    });

    it('does not wait for a Retry-After longer than maxRetryAfterMs: the error carries it', async () => {
      const { depot, seen } = fakeClient(() => problem(429, ErrorCode.TooManyRequests, { 'retry-after': '3600' }));
      await expect(depot.call(getDashboard)).rejects.toMatchObject({ status: 429, retryAfter: 3600 });
      expect(seen).toHaveLength(1);
    });

    it('does not retry other errors', async () => {
      const { depot, seen } = fakeClient(() => problem(500, ErrorCode.Internal));
      await expect(depot.call(getDashboard)).rejects.toMatchObject({ status: 500 });
      expect(seen).toHaveLength(1);
    });

    it('retries network errors of a GET and throws DepotNetworkError when they persist', async () => {
      const { depot, seen } = fakeClient(() => Promise.reject(new TypeError('fetch failed')));
      const error = await depot.call(getDashboard).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DepotNetworkError);
      expect(error).toMatchObject({ method: 'GET', url: `${BASE_URL}/api/v1/dashboard` });
      expect(seen).toHaveLength(3);
    });

    it('gives every POST an Idempotency-Key, the same on each retry of one call and new for the next call', async () => {
      const { depot, seen } = fakeClient((_, index) =>
        index === 0
          ? Promise.reject(new TypeError('socket hang up'))
          : index === 1
            ? problem(503, ErrorCode.Unavailable)
            : json(201, { movement: {}, level: {} }),
      );
      await depot.stock.adjust(ADJUSTMENT);
      await depot.stock.adjust(ADJUSTMENT);

      const keys = seen.map((request) => request.headers.get('idempotency-key'));
      expect(keys).toHaveLength(4);
      expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(keys.slice(0, 3)).toEqual([keys[0], keys[0], keys[0]]);
      expect(keys[3]).not.toBe(keys[0]);
    });

    it('keeps an Idempotency-Key given by the caller', async () => {
      const { depot, seen } = fakeClient(() => json(201, {}));
      await depot.stock.adjust(ADJUSTMENT, { idempotencyKey: 'my-key' });
      expect(seen[0].headers.get('idempotency-key')).toBe('my-key');
    });

    it('waits out 409 IDEMPOTENCY_KEY_IN_PROGRESS (an earlier attempt still running) on a keyed POST', async () => {
      const { depot, seen } = fakeClient((_, index) =>
        index === 0 ? problem(409, ErrorCode.IdempotencyKeyInProgress) : json(201, {}),
      );
      await depot.stock.adjust(ADJUSTMENT);
      expect(seen).toHaveLength(2);
    });

    it('neither keys nor retries POSTs on the exclusion list (sign-in, refresh, sign-out, password)', async () => {
      const { depot, seen } = fakeClient(() => problem(503, ErrorCode.Unavailable));
      await expect(depot.signIn('a@depot.local', 'pw')).rejects.toMatchObject({ status: 503 });
      expect(seen).toHaveLength(1);
      expect(seen[0].headers.has('idempotency-key')).toBe(false);
    });

    it('lets the exclusion list be replaced, and applies it under a base path', async () => {
      const { depot, seen } = fakeClient(() => json(201, {}), {
        baseUrl: `${BASE_URL}/depot/`,
        idempotencyExclusions: ['/api/v1/stock/adjustments'],
      });
      await depot.stock.adjust(ADJUSTMENT);
      await depot.products.create(PRODUCT);
      expect(seen.map((request) => [request.path, request.headers.has('idempotency-key')])).toEqual([
        ['/depot/api/v1/stock/adjustments', false],
        ['/depot/api/v1/products', true],
      ]);
    });

    it('does not retry a PATCH without a key, but does with one', async () => {
      const failing = fakeClient(() => problem(503, ErrorCode.Unavailable));
      await expect(failing.depot.products.update('p1', { version: 1, name: 'x' })).rejects.toMatchObject({
        status: 503,
      });
      expect(failing.seen).toHaveLength(1);
      expect(failing.seen[0].headers.has('idempotency-key')).toBe(false);

      const keyed = fakeClient((_, index) => (index === 0 ? problem(503, ErrorCode.Unavailable) : json(200, {})));
      await keyed.depot.products.update('p1', { version: 1, name: 'x' }, { idempotencyKey: 'k1' });
      expect(keyed.seen.map((request) => request.headers.get('idempotency-key'))).toEqual(['k1', 'k1']);
    });

    it('honours maxAttempts per call', async () => {
      const { depot, seen } = fakeClient(() => problem(503, ErrorCode.Unavailable));
      await expect(depot.call(getDashboard, { maxAttempts: 1 })).rejects.toMatchObject({ status: 503 });
      expect(seen).toHaveLength(1);
    });
  });

  describe('timeouts and cancellation', () => {
    /** A fetch that never answers, and rejects like fetch does when its signal aborts. */
    const hang = ({ signal }: { signal: AbortSignal }) =>
      new Promise<Response>((_, reject) => {
        if (signal.aborted) reject(signal.reason as Error);
        signal.addEventListener('abort', () => reject(signal.reason as Error));
      });

    it('gives up an attempt after timeoutMs with DepotTimeoutError', async () => {
      const depot = new DepotClient({
        baseUrl: BASE_URL,
        timeoutMs: 20,
        retry: { maxAttempts: 1 },
        fetch: (input) => hang(input as Request),
      });
      const error = await depot.call(getDashboard).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DepotTimeoutError);
      expect(error).toMatchObject({ timeoutMs: 20 });
    });

    it('retries a timed-out GET', async () => {
      let calls = 0;
      const depot = new DepotClient({
        baseUrl: BASE_URL,
        timeoutMs: 20,
        sleep: () => Promise.resolve(),
        fetch: (input) => (++calls === 1 ? hang(input as Request) : Promise.resolve(json(200, { ok: true }))),
      });
      await expect(depot.call(getDashboard)).resolves.toEqual({ ok: true });
      expect(calls).toBe(2);
    });

    it("stops at once, without retrying, when the caller's signal aborts", async () => {
      let calls = 0;
      const controller = new AbortController();
      const depot = new DepotClient({
        baseUrl: BASE_URL,
        fetch: (input) => {
          calls++;
          return hang(input as Request);
        },
      });
      const pending = depot.call(listProducts, { signal: controller.signal });
      controller.abort(new Error('user went away'));
      await expect(pending).rejects.toThrow('user went away');
      expect(calls).toBe(1);
    });

    it('stops waiting between retries when the signal aborts', async () => {
      const controller = new AbortController();
      const depot = new DepotClient({
        baseUrl: BASE_URL,
        retry: { baseDelayMs: 60_000 },
        fetch: () => Promise.resolve(problem(503, ErrorCode.Unavailable)),
        // The real sleep, with the caller giving up as soon as the wait starts.
        sleep: (ms, signal) => {
          const waiting = sleep(ms, signal);
          controller.abort(new Error('cancelled'));
          return waiting;
        },
      });
      await expect(depot.call(getDashboard, { signal: controller.signal })).rejects.toThrow('cancelled');
    });
  });
});
