/**
 * @depot/sdk: typed client for the Depot REST API, generated from libs/sdk/openapi.json.
 *
 *   import { client, login, listProducts } from '@depot/sdk';
 *   client.setConfig({ baseUrl: 'http://localhost:3000' });
 *   const { data } = await login({ body: { email, password } });
 *   client.setConfig({ baseUrl, auth: () => data.accessToken });
 *   const page = await listProducts({ query: { limit: 25, q: 'chair' } });
 */
export * from './generated';
export { client } from './generated/client.gen';
export { createClient, createConfig } from './generated/client';
