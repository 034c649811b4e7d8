import type { APIRequestContext } from '@playwright/test';
import { join } from 'node:path';

import { ARTIFACTS, adminToken, expect, seriousA11yViolations, signIn, test, uniqueSku } from './support/fixtures';

/** A supplier and a product of theirs that is below its reorder point in the first warehouse. */
async function shortfall(request: APIRequestContext, prefix: string): Promise<{ supplier: string; sku: string }> {
  const token = await adminToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  const post = async (path: string, data: object) => {
    const response = await request.post(path, { headers, data });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string };
  };
  const supplierName = `Supplier ${prefix}`;
  // Supplier codes are upper-case and at most 16 characters.
  const code = `R${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
  const supplier = await post('/api/v1/suppliers', { code, name: supplierName });
  const warehouses = (await (await request.get('/api/v1/warehouses', { headers })).json()) as {
    items: { id: string; active: boolean }[];
  };
  const warehouseId = warehouses.items.find((warehouse) => warehouse.active)!.id;
  const sku = `${prefix}-1`;
  const product = await post('/api/v1/products', {
    sku,
    name: `Reorder ${prefix}`,
    priceMinor: 2500,
    currency: 'EUR',
    reorderPoint: 10,
    reorderQuantity: 30,
    preferredSupplierId: supplier.id,
    supplierSku: `S-${prefix}`,
    purchasePriceMinor: 1200,
  });
  await post('/api/v1/stock/adjustments', { productId: product.id, warehouseId, quantity: 2, reasonCode: 'found' });
  return { supplier: supplierName, sku };
}

test.describe('reorder page', () => {
  test('the reorder page creates purchase orders, one per supplier, and links to them', async ({ page, request }) => {
    const prefix = uniqueSku('RO');
    const { supplier, sku } = await shortfall(request, prefix);
    await signIn(page, 'admin', '/stock/low');
    await page.getByRole('link', { name: 'Reorder' }).first().click();
    await expect(page).toHaveURL(/\/purchasing\/reorder/);
    await expect(page.getByRole('heading', { level: 1, name: 'Reorder' })).toBeVisible();

    const group = page.getByRole('region', { name: new RegExp(supplier) });
    await expect(group.getByLabel(`Quantity of ${sku}`)).toHaveValue('30');
    await group.getByLabel(`Quantity of ${sku}`).fill('35');
    await page.screenshot({ path: join(ARTIFACTS, 'reorder-page.png'), fullPage: true });

    await page.getByRole('button', { name: 'Create purchase orders' }).click();
    const banner = page.getByRole('status').filter({ hasText: 'Created' });
    await expect(banner).toContainText(supplier);
    await banner.getByRole('link', { name: /^PO-/ }).filter({ hasText: /PO-/ }).first().click();
    await expect(page).toHaveURL(/\/purchase-orders\/[0-9a-f-]{36}$/);
    await expect(page.getByText(sku).first()).toBeVisible();
    await expect(page.getByText('Draft').first()).toBeVisible();
  });

  test('a viewer finds no reorder page in the navigation', async ({ page }) => {
    await signIn(page, 'viewer');
    await expect(
      page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reorder', exact: true }),
    ).toHaveCount(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    test.describe(`in the ${theme} theme`, () => {
      test.use({ colorScheme: theme });

      test('the reorder page has no serious accessibility violations', async ({ page, request }) => {
        const { sku } = await shortfall(request, uniqueSku(`RA${theme[0]}`));
        await signIn(page, 'admin', '/purchasing/reorder');
        await expect(page.getByLabel(`Quantity of ${sku}`)).toBeVisible();
        await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
        expect(await seriousA11yViolations(page)).toEqual([]);
      });
    });
  }
});
