/**
 * @depot/sdk: a client for the Depot REST API.
 *
 * - `DepotClient` (hand-written, src/client): sign-in and refresh or an API key, typed errors,
 *   list iterators, timeouts, retries with idempotency keys; `verifyWebhook` for deliveries.
 * - Every operation and type generated from libs/sdk/openapi.json (src/generated, by
 *   `npm run sdk:generate`): `listProducts`, `ProductResponseDto`, ... usable on their own or
 *   through `depotClient.call(fn, options)`.
 *
 *   import { DepotClient } from '@depot/sdk';
 *   const depot = new DepotClient({ baseUrl: 'http://localhost:3000' });
 *   await depot.signIn(email, password);
 *   for await (const product of depot.products.list({ q: 'chair' })) console.log(product.sku);
 */
export * from './generated';
export { client } from './generated/client.gen';
export { createClient, createConfig } from './generated/client';
export * from './client';
// Both the generated types and the client name these; the client's (a value map plus its type) win.
export { ErrorCode, type WebhookEventType } from './client';
