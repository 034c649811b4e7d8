import { type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';

import {
  ARTIFACTS,
  adminToken,
  expect,
  navLink,
  seriousA11yViolations,
  signIn,
  test,
  uniqueSku,
} from './support/fixtures';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const WAREHOUSE_CODE = 'BER-1';
const CUSTOMER_CODE = 'NORDIC';
const STOCKED_SKU = 'CHAIR-OAK-02';

/** An EAN-13 no other run has used (12 random digits and their check digit). */
function uniqueBarcode(): string {
  const digits = Array.from({ length: 12 }, () => Math.floor(Math.random() * 10));
  const sum = digits.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 3), 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}

/** The admin API, for setting up records (with its own cookies: the page stays signed out). */
async function api(request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<T> => {
    const response = await request.fetch(`/api/v1${path}`, { method, headers, ...(data ? { data } : {}) });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return call;
}

/** A product with a history: created in one category, moved to another, repriced, and stock adjusted. */
async function productWithHistory(request: APIRequestContext): Promise<{ id: string; sku: string }> {
  const call = await api(request);
  const suffix = Date.now().toString(36);
  const from = await call<{ id: string }>('POST', '/categories', { name: `Garden ${suffix}` });
  const to = await call<{ id: string }>('POST', '/categories', { name: `Workshop ${suffix}` });
  const sku = uniqueSku('E2E-HISTORY');
  const product = await call<{ id: string; version: number }>('POST', '/products', {
    sku,
    name: 'History hammer',
    priceMinor: 1250,
    currency: 'EUR',
    categoryId: from.id,
  });
  await call('PATCH', `/products/${product.id}`, { version: product.version, priceMinor: 1499, categoryId: to.id });
  const warehouses = await call<{ items: { id: string; code: string }[] }>('GET', '/warehouses?limit=100');
  const warehouseId = warehouses.items.find((warehouse) => warehouse.code === WAREHOUSE_CODE)?.id;
  await call('POST', '/stock/adjustments', { productId: product.id, warehouseId, quantity: 12, reasonCode: 'found' });
  return { id: product.id, sku };
}

/**
 * Words the layout broke inside (e.g. "stat us"): a word is broken when it is wider than the
 * element that holds it (the browser only breaks a word that does not fit).
 */
async function brokenWords(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((nodes) => {
    const broken: string[] = [];
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    document.body.appendChild(probe);
    for (const node of nodes) {
      const style = getComputedStyle(node);
      probe.style.font = style.font;
      probe.style.letterSpacing = style.letterSpacing;
      const width = node.getBoundingClientRect().width;
      for (const word of (node.textContent ?? '').trim().split(/\s+/)) {
        probe.textContent = word;
        if (word && probe.getBoundingClientRect().width > width + 0.5) broken.push(word);
      }
    }
    probe.remove();
    return broken;
  });
}

async function openHistory(page: Page, productId: string): Promise<Locator> {
  await page.goto(`/products/${productId}`);
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'Changes of this product, newest first' });
  await expect(history.locator('.history-entry')).toHaveCount(3);
  return history;
}

test.describe('record pages', () => {
  test('creating a product lands on its page, with focus on the heading and every field shown', async ({ page }) => {
    const sku = uniqueSku('E2E-RECORD');
    await signIn(page, 'admin', '/products/new');
    await page.getByLabel('SKU', { exact: true }).fill(sku);
    await page.getByLabel('Name').fill('Record page widget');
    await page.getByLabel('Description').fill('Shown without opening Edit.');
    await page.getByLabel('Price', { exact: true }).fill('12.50');
    await page.getByLabel('Cost').fill('7.25');
    const barcode = uniqueBarcode();
    await page.getByLabel('Barcode').fill(barcode);
    await page.getByRole('button', { name: 'Create' }).click();

    await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(`${sku} · Record page widget`);
    await expect(heading).toBeFocused();
    await expect(page.locator('#route-announcer')).toHaveText(/Product · Depot/);

    const details = page.getByRole('region', { name: 'Details' });
    for (const text of ['Shown without opening Edit.', '€12.50', '€7.25', barcode, 'pcs']) {
      await expect(details).toContainText(text);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'product-detail-all-fields.png'), fullPage: true });

    // Navigating on moves focus to the next page's heading too.
    await navLink(page, 'Warehouses').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Warehouses' })).toBeFocused();
  });

  for (const viewport of [
    { name: 'phone', width: 390, height: 844 },
    { name: 'desktop', width: 1440, height: 900 },
  ]) {
    test(`the history shows labels and names, not ids, without breaking words on a ${viewport.name}`, async ({
      page,
      request,
    }) => {
      const product = await productWithHistory(request);
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await signIn(page, 'admin', `/products/${product.id}`);
      const history = await openHistory(page, product.id);

      const text = (await history.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Price');
      expect(text).toContain('€12.50');
      expect(text).toContain('€14.99');
      expect(text).toMatch(/Category.*Garden .*Workshop /);
      expect(text).toContain(`On hand · ${WAREHOUSE_CODE}`);
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/priceMinor|categoryId|onHand\./);
      await expect(history.getByRole('link', { name: /^Workshop / })).toHaveAttribute('href', '/categories');

      expect(await brokenWords(history.locator('.change dt, .change .value, .meta'))).toEqual([]);
      const box = await history.boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(viewport.width);
      await history.screenshot({ path: join(ARTIFACTS, `history-${viewport.name}.png`) });
    });
  }

  test('the sales order header holds the status and all actions, right-aligned beside the title', async ({
    page,
    request,
  }) => {
    const call = await api(request);
    const customers = await call<{ items: { id: string; code: string }[] }>('GET', `/customers?q=${CUSTOMER_CODE}`);
    const warehouses = await call<{ items: { id: string; code: string }[] }>('GET', '/warehouses?limit=100');
    const products = await call<{ items: { id: string; sku: string }[] }>('GET', `/products?q=${STOCKED_SKU}`);
    const order = await call<{ id: string; number: string; version: number }>('POST', '/sales-orders', {
      customerId: customers.items.find((customer) => customer.code === CUSTOMER_CODE)?.id,
      warehouseId: warehouses.items.find((warehouse) => warehouse.code === WAREHOUSE_CODE)?.id,
      lines: [{ productId: products.items.find((product) => product.sku === STOCKED_SKU)?.id, quantity: 1 }],
    });
    await call('POST', `/sales-orders/${order.id}/confirm`, { version: order.version });
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'admin', `/sales-orders/${order.id}`);

    const header = page.locator('app-page-header');
    await expect(header.getByRole('heading', { level: 1, name: order.number })).toBeVisible();
    await expect(header.locator('.status-chip')).toHaveText('Confirmed');
    const actions = header.locator('.actions');
    await expect(actions.getByRole('button', { name: 'Fulfil' })).toBeVisible();
    // The actions end at the header's right edge, on the title's line.
    const headerBox = await header.boundingBox();
    const actionsBox = await actions.boundingBox();
    const titleBox = await header.getByRole('heading', { level: 1 }).boundingBox();
    expect(
      Math.abs((actionsBox?.x ?? 0) + (actionsBox?.width ?? 0) - ((headerBox?.x ?? 0) + (headerBox?.width ?? 0))),
    ).toBeLessThan(2);
    expect(actionsBox?.y ?? 0).toBeLessThan((titleBox?.y ?? 0) + (titleBox?.height ?? 0));
    await expect(page.getByRole('heading', { level: 2, name: 'Status history' })).toBeVisible();
    await header.screenshot({ path: join(ARTIFACTS, 'sales-order-header.png') });
  });

  test('a walk through every page as admin logs no console error (no CSP violation, no 401)', async ({
    page,
    request,
  }) => {
    test.slow();
    const call = await api(request);
    const suppliers = await call<{ items: { id: string }[] }>('GET', '/suppliers?limit=1');
    const supplierId =
      suppliers.items[0]?.id ??
      (await call<{ id: string }>('POST', '/suppliers', { code: `WALK${Date.now() % 100000}`, name: 'Walk supplier' }))
        .id;
    const warehouses = await call<{ items: { id: string; code: string }[] }>('GET', '/warehouses?limit=100');
    const products = await call<{ items: { id: string }[] }>('GET', `/products?q=${STOCKED_SKU}`);
    const purchaseOrder = await call<{ id: string; number: string }>('POST', '/purchase-orders', {
      supplierId,
      warehouseId: warehouses.items.find((warehouse) => warehouse.code === WAREHOUSE_CODE)?.id,
      lines: [{ productId: products.items[0]?.id, quantity: 2 }],
    });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));

    // Signed out: the login page loads without a refresh attempt (no 401) and without CSP errors.
    const login = await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in to Depot' })).toBeVisible();
    // The policy stays strict: scripts from the app only, no inline handlers.
    const policy = login?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The stylesheet is a plain link, without the critical-CSS `onload` handler.
    await expect(page.locator('link[rel="stylesheet"][onload]')).toHaveCount(0);
    await signIn(page, 'admin', '/dashboard');
    // A full page load while signed in (the stylesheet, the session restore).
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

    const pages = [
      'Products',
      'Categories',
      'Warehouses',
      'Stock ledger',
      'Low stock',
      'Suppliers',
      'Customers',
      'Purchase orders',
      'Sales orders',
      'Invoices',
      'Users',
      'Roles',
      'API keys',
      'Security log',
      'Audit log',
      'Webhooks',
      'Outgoing mail',
      'Dashboard',
    ];
    for (const label of pages) {
      await navLink(page, label).click();
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeFocused();
    }
    // Record pages, opened from their lists.
    await navLink(page, 'Sales orders').click();
    await page.locator('a[href^="/sales-orders/"]').filter({ hasText: /^SO-/ }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^SO-/ })).toBeFocused();
    await navLink(page, 'Purchase orders').click();
    await page.getByRole('link', { name: purchaseOrder.number }).click();
    await expect(page.getByRole('heading', { level: 1, name: purchaseOrder.number })).toBeFocused();
    await navLink(page, 'Products').click();
    await page.locator('tr.product-row a[href^="/products/"]').first().click();
    await expect(page.getByRole('region', { name: 'Details' })).toBeVisible();

    expect(errors).toEqual([]);
  });

  test('a viewer gets the 403 page for pages the role may not use, and sees no way to them', async ({ page }) => {
    await signIn(page, 'viewer', '/products');
    await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Import/ })).toHaveCount(0);
    for (const path of ['/products/import', '/products/new', '/admin/users', '/admin/webhooks']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Forbidden' })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test.describe(`in the ${theme} theme`, () => {
      test.use({ colorScheme: theme });

      test('the product page with its history and the sales order page have no serious accessibility violations', async ({
        page,
        request,
      }) => {
        const product = await productWithHistory(request);
        await signIn(page, 'admin', `/products/${product.id}`);
        await openHistory(page, product.id);
        await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
        expect(await seriousA11yViolations(page)).toEqual([]);

        await navLink(page, 'Sales orders').click();
        await page.locator('a[href^="/sales-orders/"]').filter({ hasText: /^SO-/ }).first().click();
        await expect(page.getByRole('heading', { level: 1, name: /^SO-/ })).toBeVisible();
        expect(await seriousA11yViolations(page)).toEqual([]);
      });
    });
  }
});
