import { operationsOf, type Document } from './walk';

/**
 * Every tag, in the order a newcomer reads the API: sign in first, then the catalog and the stock
 * it holds, the order flows that move it, then administration and operations. Swagger UI and
 * generated docs list the sections in this order.
 */
export const API_TAGS: readonly { name: string; description: string }[] = [
  {
    name: 'auth',
    description:
      'Sign in with e-mail and password (and a TOTP code when two-step verification is on), refresh the ' +
      'short-lived access token, sign out, reset a forgotten password. Start here: every other operation needs ' +
      'the access token (`Authorization: Bearer …`) or an API key (`X-API-Key: dpk_…`).',
  },
  { name: 'catalog', description: 'Products (SKU, barcode, prices, attributes, reorder point) and the category tree.' },
  {
    name: 'inventory',
    description:
      'Warehouses, stock levels per product and warehouse, and the append-only stock ledger: adjustments, ' +
      'transfers, stock as of a date, low stock and the ledger consistency check.',
  },
  {
    name: 'purchasing',
    description: 'Suppliers and purchase orders: draft → submitted → (partially) received, received into stock.',
  },
  {
    name: 'sales',
    description:
      'Customers, sales orders (confirm reserves stock, fulfil ships it), invoices, credit notes and payments.',
  },
  {
    name: 'settings',
    description:
      'The company that issues the documents: legal name, address, VAT id and tax number, bank account, logo, ' +
      'default currency, language and payment terms, and the prefixes documents are numbered with.',
  },
  { name: 'imports', description: 'CSV imports of products and opening stock: a dry run first, then all or nothing.' },
  {
    name: 'search',
    description:
      'Global search across products, orders, invoices, partners and users (what the command palette asks), and ' +
      'saved views: named filters of a list, private or shared.',
  },
  { name: 'dashboard', description: 'Key figures for the start page: stock value, low stock, open orders, sales.' },
  {
    name: 'notifications',
    description: 'Webhooks: signed event deliveries to your endpoints, with retries, a delivery log and replay.',
  },
  {
    name: 'identity',
    description:
      'Users, roles and permissions, your own profile and password, sessions, API keys, two-step verification.',
  },
  { name: 'audit', description: 'Who changed what and when (audit trail, CSV export) and the security log.' },
  { name: 'mail', description: 'Outgoing e-mail: delivery state, attempts and sending failed messages again.' },
  {
    name: 'operations',
    description:
      'Deployment status for administrators: replicas, database, Redis, outbox, failing webhooks, mail, backups.',
  },
  { name: 'health', description: 'Liveness and readiness probes for load balancers and orchestrators.' },
];

/**
 * Declares the tags the operations use, in API_TAGS order with their descriptions. A tag used but
 * missing from API_TAGS is appended without a description (the document test fails on it), so a
 * new controller cannot silently add an undocumented section; tags no operation uses are dropped.
 */
export function declareTags(document: Document): void {
  const used = new Set(operationsOf(document).flatMap(({ operation }) => operation.tags ?? []));
  const known = API_TAGS.filter((tag) => used.has(tag.name)).map((tag) => ({ ...tag }));
  const unknown = [...used].filter((name) => !API_TAGS.some((tag) => tag.name === name)).map((name) => ({ name }));
  document.tags = [...known, ...unknown];
}
