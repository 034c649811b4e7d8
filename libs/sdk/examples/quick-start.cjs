// Quick start with @depot/sdk from CommonJS: `DEPOT_URL=http://localhost:3000 node quick-start.cjs`
// (DEPOT_EMAIL / DEPOT_PASSWORD default to the demo administrator; or set DEPOT_API_KEY).
const { createHmac, randomBytes } = require('node:crypto');
const { DepotApiError, DepotClient, ErrorCode, verifyWebhook } = require('@depot/sdk');

async function main() {
  const baseUrl = process.env.DEPOT_URL ?? 'http://localhost:3000';
  const apiKey = process.env.DEPOT_API_KEY;
  const depot = new DepotClient(apiKey ? { baseUrl, apiKey } : { baseUrl });

  if (!apiKey) {
    const email = process.env.DEPOT_EMAIL ?? 'admin@depot.local';
    await depot.signIn(email, process.env.DEPOT_PASSWORD ?? 'depot-demo-password');
    console.log(`signed in as ${email}`);
  }

  // A product, then stock for it in the first warehouse (the POST carries an automatic Idempotency-Key).
  const sku = `QS-${randomBytes(4).toString('hex').toUpperCase()}`;
  const product = await depot.products.create({ sku, name: 'Quick-start bolt', priceMinor: 125, currency: 'EUR' });
  console.log(`created product ${product.sku} (${product.id})`);

  const warehouse = await depot.warehouses.list().first();
  if (!warehouse) throw new Error('No warehouse: create one first');
  const { level } = await depot.stock.adjust({
    productId: product.id,
    warehouseId: warehouse.id,
    quantity: 10,
    reasonCode: 'opening_balance',
  });
  console.log(`adjusted stock in ${warehouse.code}: ${level.onHand} on hand`);

  // Errors are DepotApiError with a typed code.
  try {
    await depot.products.create({ sku, name: 'Same SKU again', priceMinor: 1, currency: 'EUR' });
  } catch (error) {
    if (!(error instanceof DepotApiError) || error.code !== ErrorCode.SkuTaken) throw error;
    console.log(`creating ${sku} twice fails: ${error.status} ${error.code} (request ${error.requestId})`);
  }

  // A sales order for the first customer (or a new one), confirmed: that reserves the stock.
  const customer =
    (await depot.customers.list().first()) ??
    (await depot.customers.create({ code: `QS-${randomBytes(3).toString('hex')}`, name: 'Quick-start customer' }));
  const order = await depot.salesOrders.create({
    customerId: customer.id,
    warehouseId: warehouse.id,
    lines: [{ productId: product.id, quantity: 2 }],
  });
  const confirmed = await depot.salesOrders.confirm(order.id, { version: order.version });
  console.log(`created sales order ${confirmed.number} for ${customer.name}: ${confirmed.status}`);

  // Every list is an async iterator that follows nextCursor; pages() gives the pages themselves.
  let products = 0;
  let pages = 0;
  for await (const page of depot.products.list({ limit: 10, sort: 'sku' }).pages()) {
    pages++;
    products += page.items.length;
  }
  console.log(`paged through ${products} products in ${pages} pages`);

  // Webhooks: sign a sample delivery the way Depot does, then verify it as a receiver would.
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const id = `msg_${randomBytes(8).toString('hex')}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    id,
    type: 'stock.changed',
    timestamp: new Date().toISOString(),
    data: { aggregateType: 'product', aggregateId: product.id, productId: product.id },
  });
  const signature = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(`${id}.${timestamp}.${body}`)
    .digest('base64');
  const headers = { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
  const event = await verifyWebhook(body, headers, secret);
  console.log(`verified webhook ${event.type} for ${event.data.aggregateId}`);
  await verifyWebhook(body.replace(product.id, 'someone-else'), headers, secret).then(
    () => {
      throw new Error('a tampered webhook was accepted');
    },
    (error) => console.log(`rejected a tampered webhook: ${error.reason}`),
  );

  await depot.signOut();
  console.log('done');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
