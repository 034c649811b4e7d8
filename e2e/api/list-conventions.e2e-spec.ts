import { PAGINATION } from '@depot/contracts';
import { operationsOf, type Operation } from './support/openapi-fuzz';
import { startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- walks an arbitrary OpenAPI document and its answers */

/**
 * The list conventions, checked for every list operation of the served OpenAPI document (a GET
 * answering a `...PageDto`), so a list added later is checked without being named here:
 * - it documents `sort` (an enum of the allowed fields with their `-` variants), `limit`,
 *   `cursor` and `includeTotal`, and answers `nextCursor`, `total` and `totalCapped`;
 * - for each allowed sort value, a cursor walk through all pages visits each item once, in the
 *   order of that field (strings compared by the database's own collation), and as many items
 *   as `includeTotal=true` announced;
 * - `limit` is respected; `limit=0`, `limit=101` and an unknown sort field are 400 problem+json.
 *
 * Only what cannot be read from the document is given here: values for required parameters.
 */
/** Page-shaped answers that are reports, not lists of records: no paging or sorting, by design. */
const GROUPED_REPORTS = new Map([
  ['listReplenishment', 'reorder suggestions grouped by supplier, at most 1000 items, in one complete page'],
]);

describe('List conventions of every list operation in the OpenAPI document', () => {
  let app: TestApp;
  let token: string;
  let lists: Operation[];
  /** Values for path and required query parameters, per operation id. */
  const fixtures = new Map<string, { path?: Record<string, string>; query?: Record<string, string> }>();

  const deref = (document: any, node: any): any =>
    node?.$ref
      ? node.$ref
          .split('/')
          .slice(1)
          .reduce((object: any, key: string) => object[key], document)
      : node;

  beforeAll(async () => {
    app = await startTestApp({
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '60000',
      AUTH_IP_MAX_REQUESTS: '100000',
      API_RATE_LIMIT_MAX_REQUESTS: '1000000',
    });
    token = await app.login('admin@depot.local');
    // More than one session, so the session lists have something to sort and page.
    await app.login('admin@depot.local');
    await app.login('admin@depot.local');
    const document = (await app.request('/api/openapi.json')).body;
    lists = operationsOf(document)
      .filter((operation) => operation.method === 'GET')
      .filter((operation) => {
        const schema = document.paths[operation.path].get.responses?.['200']?.content?.['application/json']?.schema;
        return typeof schema?.$ref === 'string' && schema.$ref.endsWith('PageDto');
      })
      .filter((operation) => !GROUPED_REPORTS.has(operation.operationId))
      .map((operation) => ({ ...operation, parameters: operation.parameters.map((p) => deref(document, p)) }));
    for (const operationId of GROUPED_REPORTS.keys()) {
      expect([operationId, operationsOf(document).some((operation) => operation.operationId === operationId)]).toEqual([
        operationId,
        true,
      ]);
    }

    // Records the lists with required parameters are about.
    const me = await app.request('/api/v1/auth/me', { token });
    const adminId = me.body?.id ?? me.body?.user?.id;
    const webhook = await app.request('/api/v1/webhooks', {
      method: 'POST',
      token,
      json: {
        url: 'http://127.0.0.1:9/list-conventions',
        description: 'List conventions',
        eventTypes: ['product.created'],
      },
    });
    expect(webhook.status).toBe(201);
    for (let i = 0; i < 3; i++) {
      const queued = await app.request(`/api/v1/webhooks/${webhook.body.id}/test`, { method: 'POST', token });
      expect(queued.status).toBeLessThan(300);
    }
    const warehouses = (await app.request('/api/v1/warehouses?limit=100', { token })).body.items;
    const products = (await app.request('/api/v1/products?limit=6', { token })).body.items;
    const suppliers = (await app.request('/api/v1/suppliers?limit=1', { token })).body.items;
    const post = async (path: string, json: unknown) => {
      const response = await app.request(path, { method: 'POST', token, json });
      expect([200, 201]).toContain(response.status);
      return response.body;
    };
    // Rows for the lists the demo data leaves empty or short: purchase orders with and without an
    // expected date (nulls sort last), incoming stock in several warehouses, API keys, a second
    // webhook, an invoice and a queued mail.
    const incomingProduct = products[0].id;
    for (const [index, expectedDate] of ['2026-12-24', null, '2026-12-01', null].entries()) {
      const order = await post('/api/v1/purchase-orders', {
        supplierId: suppliers[0].id,
        warehouseId: warehouses[index % warehouses.length].id,
        expectedDate,
        lines: [{ productId: incomingProduct, quantity: 3 + index, unitCostMinor: 100 * (4 - index) }],
      });
      if (index < 3) await post(`/api/v1/purchase-orders/${order.id}/submit`, { version: order.version });
    }
    for (const name of ['Shop import', 'accounting export', 'Zebra sync']) {
      await post('/api/v1/api-keys', { name, scopes: ['catalog.products.read'] });
    }
    await post('/api/v1/webhooks', {
      url: 'http://127.0.0.1:9/another',
      description: 'Another',
      eventTypes: ['product.created'],
    });
    const fulfilled = (await app.request('/api/v1/sales-orders?status=fulfilled&limit=2', { token })).body.items;
    for (const order of fulfilled) await post(`/api/v1/sales-orders/${order.id}/invoice`, { version: order.version });
    await app.request('/api/v1/auth/password/forgot', { method: 'POST', json: { email: 'admin@depot.local' } });
    for (const name of ['Low prices', 'Archived']) {
      await post('/api/v1/saved-views', {
        listKey: 'products',
        name,
        state: { q: name },
        shared: false,
        isDefault: false,
      });
    }
    fixtures.set('listSavedViews', { query: { listKey: 'products' } });
    fixtures.set('listUserSessions', { path: { id: adminId } });
    fixtures.set('listWebhookDeliveries', { path: { id: webhook.body.id } });
    fixtures.set('getIncomingStock', { path: { id: incomingProduct } });
    fixtures.set('getStockAvailability', {
      query: { warehouseId: warehouses[0].id, productIds: products.map((p: { id: string }) => p.id).join(',') },
    });
  }, 120_000);

  afterAll(() => app?.close());

  const sortValuesOf = (operation: Operation): string[] =>
    operation.parameters.find((parameter) => parameter.in === 'query' && parameter.name === 'sort')?.schema?.enum ?? [];

  /** The operation's URL with its path parameters and required query parameters filled in. */
  function urlOf(operation: Operation, query: Record<string, string | number | boolean | undefined>): string {
    const fixture = fixtures.get(operation.operationId) ?? {};
    const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const value = fixture.path?.[name];
      if (!value) throw new Error(`${operation.operationId}: no value for path parameter ${name}; add a fixture`);
      return value;
    });
    const params = new URLSearchParams(fixture.query ?? {});
    for (const parameter of operation.parameters) {
      if (parameter.in === 'query' && parameter.required && !params.has(parameter.name)) {
        throw new Error(`${operation.operationId}: no value for required parameter ${parameter.name}; add a fixture`);
      }
    }
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  }

  const keyOf = (item: any): string =>
    item.id ?? [item.productId, item.warehouseId, item.module].filter((part) => part !== undefined).join(':');

  /** Whether `values` are in order (nulls last ascending, first descending, like PostgreSQL). */
  async function inOrder(values: unknown[], descending: boolean): Promise<boolean> {
    const firstValue = values.findIndex((value) => value !== null && value !== undefined);
    const lastValue = values.findLastIndex((value) => value !== null && value !== undefined);
    if (firstValue === -1) return true;
    const present = values.slice(firstValue, lastValue + 1);
    if (present.some((value) => value === null || value === undefined)) return false;
    if (descending ? lastValue !== values.length - 1 : firstValue !== 0) return false;
    const ordered = descending ? [...present].reverse() : present;
    if (ordered.every((value) => typeof value === 'number')) {
      return ordered.every((value, index) => index === 0 || ordered[index - 1] <= value);
    }
    // Text in the order the database sorts it (its collation), not JavaScript's.
    const result = await app.db.query<{ ok: boolean | null }>(
      `SELECT bool_and(a <= b) AS ok FROM (
         SELECT v AS a, lead(v) OVER (ORDER BY n) AS b FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n)
       ) pairs WHERE b IS NOT NULL`,
      [ordered.map(String)],
    );
    return result.rows[0].ok !== false;
  }

  it('finds the list operations in the document, each documenting sort, limit, cursor and includeTotal', () => {
    expect(lists.length).toBeGreaterThanOrEqual(20);
    const problems: string[] = [];
    for (const operation of lists) {
      const names = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name as string);
      for (const name of ['sort', 'limit', 'cursor', 'includeTotal']) {
        if (!names.includes(name)) problems.push(`${operation.operationId}: no ${name} parameter`);
      }
      const sorts = sortValuesOf(operation);
      if (sorts.length === 0) problems.push(`${operation.operationId}: sort has no enum of allowed values`);
      for (const value of sorts.filter((sort) => !sort.startsWith('-'))) {
        if (!sorts.includes(`-${value}`)) problems.push(`${operation.operationId}: sort ${value} has no -${value}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('orders every list by each allowed sort value, asc and desc, over a cursor walk that visits each item once and matches includeTotal', async () => {
    const problems: string[] = [];
    for (const operation of lists) {
      for (const sort of sortValuesOf(operation)) {
        const label = `${operation.operationId}?sort=${sort}`;
        const first = await app.request(urlOf(operation, { sort, includeTotal: true, limit: 1 }), { token });
        if (first.status !== 200) {
          problems.push(`${label}: ${first.status} ${first.text.slice(0, 200)}`);
          continue;
        }
        const total = first.body.total as number;
        if (process.env.LIST_SIZES) console.log(label, total);
        if (typeof total !== 'number') {
          problems.push(`${label}: includeTotal=true gave no total`);
          continue;
        }
        if (first.body.totalCapped !== undefined && total < PAGINATION.maxExactTotal) {
          problems.push(`${label}: totalCapped set on a small list`);
        }
        // About five pages per walk, so the cursor is exercised whatever the list's size.
        const limit = Math.min(PAGINATION.maxLimit, Math.max(1, Math.ceil(total / 5)));
        const items: any[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await app.request(urlOf(operation, { sort, limit, cursor }), { token });
          if (page.status !== 200) {
            problems.push(`${label}: page ${pages + 1} answered ${page.status}`);
            break;
          }
          if (page.body.items.length > limit)
            problems.push(`${label}: ${page.body.items.length} items for limit ${limit}`);
          items.push(...page.body.items);
          cursor = page.body.nextCursor ?? undefined;
          pages += 1;
        } while (cursor && pages < 50);
        const keys = items.map(keyOf);
        if (new Set(keys).size !== keys.length) problems.push(`${label}: the walk visited an item twice`);
        if (items.length !== total) problems.push(`${label}: walked ${items.length} items, total said ${total}`);
        const field = sort.replace(/^-/, '');
        if (items.length > 0 && !(field in items[0])) {
          problems.push(`${label}: the items have no ${field}`);
          continue;
        }
        if (
          !(await inOrder(
            items.map((item) => item[field]),
            sort.startsWith('-'),
          ))
        ) {
          problems.push(`${label}: items not ordered by ${field}: ${JSON.stringify(items.map((item) => item[field]))}`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('respects limit on every list', async () => {
    const problems: string[] = [];
    for (const operation of lists) {
      const all = await app.request(urlOf(operation, { includeTotal: true }), { token });
      const one = await app.request(urlOf(operation, { limit: 1 }), { token });
      if (one.status !== 200) {
        problems.push(`${operation.operationId}: limit=1 answered ${one.status}`);
        continue;
      }
      if (one.body.items.length !== Math.min(1, all.body.total)) {
        problems.push(`${operation.operationId}: limit=1 gave ${one.body.items.length} items of ${all.body.total}`);
      }
      if (all.body.total > 1 !== (typeof one.body.nextCursor === 'string')) {
        problems.push(`${operation.operationId}: nextCursor ${one.body.nextCursor} with ${all.body.total} items`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses an unknown sort field, limit=0 and limit=101 on every list with 400 problem+json and a code', async () => {
    const problems: string[] = [];
    for (const operation of lists) {
      for (const query of [
        { sort: 'noSuchField' },
        { sort: '-password' },
        { limit: 0 },
        { limit: PAGINATION.maxLimit + 1 },
      ]) {
        const response = await app.request(urlOf(operation, query), { token });
        const label = `${operation.operationId}?${Object.entries(query)
          .map(([name, value]) => `${name}=${String(value)}`)
          .join('&')}`;
        if (response.status !== 400) problems.push(`${label}: ${response.status}`);
        else if (!(response.headers.get('content-type') ?? '').startsWith('application/problem+json'))
          problems.push(`${label}: not problem+json`);
        else if (!/^[A-Z]+\.[A-Z_]+$/.test(response.body.code ?? '')) problems.push(`${label}: no code`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses a cursor of another shape on every list with 400', async () => {
    const problems: string[] = [];
    for (const operation of lists) {
      const response = await app.request(urlOf(operation, { cursor: 'bm90LWEtY3Vyc29y' }), { token });
      if (response.status !== 400) problems.push(`${operation.operationId}: ${response.status}`);
    }
    expect(problems).toEqual([]);
  });
});
