#!/usr/bin/env node
// The raw baselines of `npm run bench`: bare Fastify + pg (+ argon2) running the statements Depot
// runs, with no framework, no auth, no validation, no logging. A child process of its own, so it
// never shares an event loop with the load generator (as Depot does not). Needs DATABASE_URL;
// prints {"port":N} on stdout once listening. Loopback only.
//
// What each route covers (and what it leaves out, so the ratio is read right):
//   GET  /live            the JSON of Depot's /api/health/live.
//   GET  /products        Depot's product list statement (first page, 25 + 1 rows, newest first).
//   GET  /products/:id    one product by id, the same columns.
//   POST /login           the login's user SELECT + argon2 verify of the stored hash (the hash
//                         carries its own m/t/p, so the parameters are Depot's); no session, no
//                         audit row, no token.
//   POST /adjust          a stock adjustment with an Idempotency-Key, statement for statement what
//                         Depot's interceptor and ledger run in one transaction: advisory lock, stale
//                         key cleanup, key lookup, product/warehouse check, level row lock, movement
//                         INSERT (the ledger trigger updates stock_levels), movement read-back, audit
//                         and outbox INSERTs, level read-back, key INSERT with the response.
//   POST /confirm/:id     a draft sales order confirmed with its stock reservation, in one
//                         transaction: order row lock + status/version check, lines, reserved
//                         quantities, status/version bump, status history row, level row locks in
//                         key order, availability check, reservation movements (trigger), audit and
//                         outbox rows; answers the order row. It does not re-read the whole order
//                         with its totals and party names as Depot's answer does.
//   GET  /search?q=       Depot's own search statement (searchSql from dist) over every result type
//                         (the admin may read all), rows returned ungrouped.
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import argon2 from 'argon2';
import Fastify from 'fastify';
import pg from 'pg';
import { root } from './support.mjs';

const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { PRODUCT_COLUMNS } = await dist('backend/modules/catalog/products/product.mapper.js');
const { LEVEL_SELECT, LEVEL_FROM, MOVEMENT_SELECT, MOVEMENT_FROM } = await dist(
  'backend/modules/inventory/stock/stock-rows.js',
);
const { searchSql, SEARCH_BRANCHES, queryWords, branchApplies } = await dist('backend/modules/search/search-sql.js');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.RAW_POOL_MAX ?? 5) });
pool.on('error', () => undefined);
const app = Fastify({ logger: false });

async function transaction(work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const actor = { type: 'user', id: null, label: 'admin@depot.local' };

app.get('/live', async () => ({ status: 'ok' }));

app.get('/products', async () => {
  const { rows } = await pool.query(
    `SELECT ${PRODUCT_COLUMNS} FROM products ORDER BY created_at DESC, id DESC LIMIT $1`,
    [26],
  );
  return { items: rows.slice(0, 25), nextCursor: null };
});

app.get('/products/:id', async (request, reply) => {
  const { rows } = await pool.query(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1`, [request.params.id]);
  if (rows.length === 0) return reply.code(404).send({ status: 404 });
  return rows[0];
});

app.post('/login', async (request, reply) => {
  const { email, password } = request.body;
  const { rows } = await pool.query(
    `SELECT id, email, password_hash, status, mfa_enabled_at FROM users WHERE lower(email) = lower($1)`,
    [email],
  );
  const valid = rows.length === 1 && (await argon2.verify(rows[0].password_hash, password));
  if (!valid) return reply.code(401).send({ status: 401 });
  return { tokenType: 'Bearer', userId: rows[0].id };
});

app.post('/adjust', async (request, reply) => {
  const key = request.headers['idempotency-key'];
  const body = request.body;
  const scope = `user:${actor.label}`;
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const result = await transaction(async (db) => {
    await db.query('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [
      `idempotency\n${scope}\n${key}`,
    ]);
    await db.query(
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at < now() - interval '24 hours'`,
      [scope, key],
    );
    const stored = await db.query('SELECT response_body FROM idempotency_keys WHERE scope = $1 AND key = $2', [
      scope,
      key,
    ]);
    if (stored.rows.length > 0) return stored.rows[0].response_body;
    await db.query('SELECT id, sku, status FROM products WHERE id = ANY($1::uuid[])', [[body.productId]]);
    await db.query('SELECT id, code, active FROM warehouses WHERE id = ANY($1::uuid[])', [[body.warehouseId]]);
    const level = await db.query(
      'SELECT on_hand, reserved FROM stock_levels WHERE product_id = $1 AND warehouse_id = $2 FOR UPDATE',
      [body.productId, body.warehouseId],
    );
    const before = Number(level.rows[0]?.on_hand ?? 0);
    const id = randomUUID();
    await db.query(
      `INSERT INTO stock_movements (id, type, product_id, warehouse_id, on_hand_change, reserved_change, reason_code,
         note, actor_type, actor_id, actor_name)
       VALUES ($1, 'adjustment', $2, $3, $4, 0, $5, NULL, 'system', NULL, $6)`,
      [id, body.productId, body.warehouseId, body.quantity, body.reasonCode, actor.label],
    );
    const movement = await db.query(`SELECT ${MOVEMENT_SELECT} FROM ${MOVEMENT_FROM} WHERE m.id = ANY($1::uuid[])`, [
      [id],
    ]);
    await db.query(
      `INSERT INTO audit_events (id, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes)
       VALUES ($1, 'system', NULL, $2, 'stock.adjusted', 'product', $3, $4)`,
      [
        randomUUID(),
        actor.label,
        body.productId,
        JSON.stringify({ onHand: { before, after: before + body.quantity } }),
      ],
    );
    await db.query(
      `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, actor)
       VALUES ($1, 'stock.changed', 'stock', $2, $3, $4)`,
      [
        randomUUID(),
        body.productId,
        JSON.stringify({ productId: body.productId, movementIds: [id] }),
        JSON.stringify(actor),
      ],
    );
    const after = await db.query(
      `SELECT ${LEVEL_SELECT} FROM ${LEVEL_FROM} WHERE l.product_id = $1 AND l.warehouse_id = $2`,
      [body.productId, body.warehouseId],
    );
    const response = { movement: movement.rows[0], level: after.rows[0] };
    await db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body) VALUES ($1, $2, $3, 201, $4)`,
      [scope, key, hash, JSON.stringify(response)],
    );
    return response;
  });
  return reply.code(201).send(result);
});

app.post('/confirm/:id', async (request, reply) => {
  const id = request.params.id;
  const version = request.body.version;
  const result = await transaction(async (db) => {
    const order = await db.query('SELECT * FROM sales_orders WHERE id = $1 FOR UPDATE', [id]);
    const row = order.rows[0];
    if (!row || row.version !== version || row.status !== 'draft') return null;
    const lines = await db.query(
      'SELECT product_id, quantity FROM sales_order_lines WHERE sales_order_id = $1 ORDER BY line_no',
      [id],
    );
    await db.query('UPDATE sales_order_lines SET reserved_quantity = quantity WHERE sales_order_id = $1', [id]);
    const updated = await db.query(
      `UPDATE sales_orders SET status = 'confirmed', confirmed_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING *`,
      [id, version],
    );
    await db.query(
      `INSERT INTO order_status_changes (id, order_type, order_id, from_status, to_status, actor_type, actor_id, actor_label)
       VALUES ($1, 'sales_order', $2, 'draft', 'confirmed', 'system', NULL, $3)`,
      [randomUUID(), id, actor.label],
    );
    const sorted = [...lines.rows].sort((a, b) => a.product_id.localeCompare(b.product_id));
    for (const line of sorted) {
      const level = await db.query(
        'SELECT on_hand, reserved FROM stock_levels WHERE product_id = $1 AND warehouse_id = $2 FOR UPDATE',
        [line.product_id, row.warehouse_id],
      );
      const { on_hand: onHand, reserved } = level.rows[0] ?? { on_hand: 0, reserved: 0 };
      if (Number(reserved) + Number(line.quantity) > Number(onHand)) throw new Error('short');
    }
    for (const line of lines.rows) {
      await db.query(
        `INSERT INTO stock_movements (id, type, product_id, warehouse_id, on_hand_change, reserved_change, note,
           source_type, source_id, actor_type, actor_id, actor_name)
         VALUES ($1, 'reservation', $2, $3, 0, $4, $5, 'sales_order', $6, 'system', NULL, $7)`,
        [randomUUID(), line.product_id, row.warehouse_id, line.quantity, `Reserved for ${row.number}`, id, actor.label],
      );
    }
    await db.query(
      `INSERT INTO audit_events (id, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes)
       VALUES ($1, 'system', NULL, $2, 'confirmed', 'sales_order', $3, $4)`,
      [randomUUID(), actor.label, id, JSON.stringify({ status: { before: 'draft', after: 'confirmed' } })],
    );
    await db.query(
      `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, actor)
       VALUES ($1, 'sales_order.status_changed', 'sales_order', $2, $3, $4)`,
      [
        randomUUID(),
        id,
        JSON.stringify({ orderId: id, number: row.number, from: 'draft', to: 'confirmed' }),
        JSON.stringify(actor),
      ],
    );
    return updated.rows[0];
  });
  if (!result) return reply.code(409).send({ status: 409 });
  return result;
});

const everyType = Object.values(SEARCH_BRANCHES);
app.get('/search', async (request) => {
  const query = String(request.query.q ?? '').trim();
  const lower = query.toLowerCase();
  // The statement the service runs for this query's shape (search.service.ts), without its
  // second, typo-forgiving try for empty answers.
  const shape = { fuzzy: query.length >= 3, phrase: /\s/.test(query) };
  const words = shape.fuzzy ? queryWords(query) : [];
  const branches = everyType.filter((branch) => branchApplies(branch, shape));
  const escape = (value) => value.replace(/[\\%_]/g, (match) => `\\${match}`);
  const { rows } = await pool.query(searchSql(branches, shape, words.length), [
    query,
    lower,
    `${escape(lower)}%`,
    5,
    `%${escape(query)}%`,
    ...words,
  ]);
  return { rows };
});

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ port: app.server.address().port })}\n`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => void app.close().then(() => pool.end().finally(() => process.exit(0))));
}
