import { REALTIME_EVENT, REALTIME_SESSION_ENDED, type DomainEventEnvelope } from '@depot/contracts';
import { io, type Socket } from 'socket.io-client';
import { databaseUrlOf, expectProblem, startServer, startTestApp, type TestApp } from './support/test-app';

/** Waits for a condition without sleeping a fixed time. */
async function eventually<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function connect(
  baseUrl: string,
  token: string | undefined,
): Promise<{ socket: Socket; events: DomainEventEnvelope[] }> {
  const socket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: token ? { token } : {},
    reconnection: false,
  });
  const events: DomainEventEnvelope[] = [];
  socket.on(REALTIME_EVENT, (event: DomainEventEnvelope) => events.push(event));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, events }));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

describe('Outbox dispatch and live updates', () => {
  let app: TestApp;
  let admin: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp({ OUTBOX_POLL_INTERVAL_MS: '200' });
    admin = await app.login('admin@depot.local');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await app.close();
  });

  it('refuses a WebSocket without a valid access token', async () => {
    await expect(connect(app.baseUrl, undefined)).rejects.toThrow('unauthorized');
    await expect(connect(app.baseUrl, 'forged.token.value')).rejects.toThrow('unauthorized');
  });

  it('pushes a committed change to connected browsers once, with a stable event id', async () => {
    const viewer = await connect(app.baseUrl, await app.login('viewer@depot.local'));
    sockets.push(viewer.socket);
    const created = await app.request('/api/v1/products', {
      method: 'POST',
      token: admin,
      json: { sku: 'LIVE-1', name: 'Live product', priceMinor: 100, currency: 'EUR' },
    });
    expect(created.status).toBe(201);
    const event = await eventually(() => viewer.events.find((item) => item.aggregateId === created.body.id));
    expect(event).toMatchObject({
      type: 'product.created',
      aggregateType: 'product',
      payload: { product: { sku: 'LIVE-1' } },
    });
    const row = await app.db.query('SELECT id, dispatched_at FROM outbox_events WHERE aggregate_id = $1', [
      created.body.id,
    ]);
    expect(row.rows[0].id).toBe(event.id);
    expect(row.rows[0].dispatched_at).not.toBeNull();
    // Delivered once: no duplicate of the same event id arrives later.
    await app.request('/api/v1/products?limit=1', { token: admin });
    expect(viewer.events.filter((item) => item.id === event.id)).toHaveLength(1);
  });

  it('delivers events in commit order', async () => {
    const watcher = await connect(app.baseUrl, admin);
    sockets.push(watcher.socket);
    const product = (
      await app.request('/api/v1/products', {
        method: 'POST',
        token: admin,
        json: { sku: 'ORDER-1', name: 'Ordered', priceMinor: 1, currency: 'EUR' },
      })
    ).body;
    for (let version = 1; version <= 5; version++) {
      const response = await app.request(`/api/v1/products/${product.id}`, {
        method: 'PATCH',
        token: admin,
        json: { version, priceMinor: version * 100 },
      });
      expect(response.status).toBe(200);
    }
    const mine = await eventually(() => {
      const list = watcher.events.filter((item) => item.aggregateId === product.id);
      return list.length === 6 ? list : undefined;
    });
    expect(mine.map((item) => (item.payload as { product: { version: number } }).product.version)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });

  it('pushes nothing for a change that was refused', async () => {
    const watcher = await connect(app.baseUrl, admin);
    sockets.push(watcher.socket);
    expectProblem(
      await app.request('/api/v1/products', {
        method: 'POST',
        token: admin,
        json: { sku: 'LIVE-1', name: 'Duplicate', priceMinor: 1, currency: 'EUR' },
      }),
      409,
    );
    // A later, successful change arrives; nothing for the refused one came before it.
    const ok = await app.request('/api/v1/products', {
      method: 'POST',
      token: admin,
      json: { sku: 'AFTER-REFUSED', name: 'After', priceMinor: 1, currency: 'EUR' },
    });
    await eventually(() => watcher.events.some((item) => item.aggregateId === ok.body.id));
    expect(
      watcher.events.filter((item) => (item.payload as { product: { name: string } }).product.name === 'Duplicate'),
    ).toEqual([]);
  });

  it('disconnects the socket at once when its session ends', async () => {
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'clerk@depot.local', password: 'depot-demo-password' },
    });
    const { socket } = await connect(app.baseUrl, login.body.accessToken);
    sockets.push(socket);
    let ended = false;
    socket.on(REALTIME_SESSION_ENDED, () => (ended = true));
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    await app.request('/api/v1/auth/logout', { method: 'POST', json: { refreshToken: login.body.refreshToken } });
    await disconnected;
    expect(ended).toBe(true);
  });
});

describe('Two instances on one database', () => {
  let first: TestApp;

  afterAll(async () => {
    await first?.close();
  });

  it('never deliver the same event twice', async () => {
    first = await startTestApp({ OUTBOX_POLL_INTERVAL_MS: '100' });
    const { rows } = await first.db.query('SELECT current_database() AS name');
    const url = databaseUrlOf(rows[0].name);
    const second = await startServer({ DATABASE_URL: url, OUTBOX_POLL_INTERVAL_MS: '100' });
    try {
      const token = await first.login('admin@depot.local');
      const a = await connect(first.baseUrl, token);
      const b = await connect(second.baseUrl, token);
      const count = 30;
      await Promise.all(
        Array.from({ length: count }, (_, index) =>
          first.request('/api/v1/products', {
            method: 'POST',
            token,
            json: { sku: `TWIN-${index}`, name: `Twin ${index}`, priceMinor: 1, currency: 'EUR' },
          }),
        ),
      );
      // Without Redis each instance pushes only to its own sockets, so the two sockets together
      // receive every event exactly once when no event is dispatched twice.
      const ids = await eventually(() => {
        const all = [...a.events, ...b.events]
          .filter((event) => event.type === 'product.created')
          .map((event) => event.id);
        return all.length >= count ? all : undefined;
      });
      expect(ids).toHaveLength(count);
      expect(new Set(ids).size).toBe(count);
      a.socket.close();
      b.socket.close();
      const pending = await first.db.query('SELECT count(*)::int AS n FROM outbox_events WHERE dispatched_at IS NULL');
      expect(pending.rows[0].n).toBe(0);
    } finally {
      await second.stop();
    }
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

describe('Two instances with REDIS_URL (needs a reachable Redis)', () => {
  it('fan each event out to the sockets of both instances', async () => {
    if (!(await redisReachable())) {
      console.warn(`Redis not reachable at ${REDIS_URL}: the cross-instance fan-out test did not run.`);
      return;
    }
    const first = await startTestApp({ REDIS_URL, OUTBOX_POLL_INTERVAL_MS: '100' });
    const { rows } = await first.db.query('SELECT current_database() AS name');
    const url = databaseUrlOf(rows[0].name);
    const second = await startServer({ DATABASE_URL: url, REDIS_URL, OUTBOX_DISPATCH_ENABLED: 'false' });
    try {
      const token = await first.login('admin@depot.local');
      // Only the first instance dispatches; the socket on the second must still get the event.
      const onSecond = await connect(second.baseUrl, token);
      const created = await first.request('/api/v1/products', {
        method: 'POST',
        token,
        json: { sku: 'REDIS-FANOUT', name: 'Across instances', priceMinor: 1, currency: 'EUR' },
      });
      const event = await eventually(() => onSecond.events.find((item) => item.aggregateId === created.body.id));
      expect(event.type).toBe('product.created');
      onSecond.socket.close();
    } finally {
      await second.stop();
      await first.close();
    }
  });
});
