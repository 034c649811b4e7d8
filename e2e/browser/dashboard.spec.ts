import { type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';

import {
  ARTIFACTS,
  adminToken,
  createUserViaApi,
  expect,
  navLink,
  seriousA11yViolations,
  signIn,
  signInAs,
  strongPassword,
  test,
  uniqueEmail,
  uniqueSku,
} from './support/fixtures';

/** The figure of one dashboard card ("Low stock", "Stock value", ...). */
function figure(page: Page, card: string): Locator {
  return page.locator(`[data-kpi="${card}"] .kpi-value`);
}

/** Reads a count such as "1,234" as a number. */
function count(text: string | null): number {
  return Number((text ?? '').replace(/[^0-9-]/g, ''));
}

/** Reads a euro amount such as "€12,345.50" as cents (whole numbers, so no rounding errors). */
function cents(text: string | null): number {
  const [whole, fraction = ''] = (text ?? '').replace(/[^0-9.-]/g, '').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

async function apiPost(
  request: APIRequestContext,
  token: string,
  path: string,
  data: object,
): Promise<Record<string, unknown>> {
  const response = await request.post(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` }, data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Record<string, unknown>;
}

test.describe('dashboard', () => {
  test("another user's stock adjustment changes the open dashboard without a reload", async ({
    page,
    browser,
    request,
  }) => {
    test.slow();
    // Set-up through the API in a context of its own (the page's cookies stay those of user A).
    const token = await adminToken(request);
    const sku = uniqueSku('E2E-DASH');
    // Costs €10 a piece; below 5 available it is low on stock.
    const product = await apiPost(request, token, '/products', {
      sku,
      name: 'Dashboard widget',
      priceMinor: 1500,
      costMinor: 1000,
      currency: 'EUR',
      reorderPoint: 5,
    });
    const warehouses = await request.get('/api/v1/warehouses?limit=1', {
      headers: { Authorization: `Bearer ${token}` },
    });
    const warehouse = ((await warehouses.json()) as { items: { id: string; code: string }[] }).items[0];
    await apiPost(request, token, '/stock/adjustments', {
      productId: product['id'],
      warehouseId: warehouse.id,
      quantity: 10,
      reasonCode: 'opening_balance',
    });

    // User B, a new viewer, signs in and lands on the dashboard.
    const email = uniqueEmail('e2e-dash');
    const password = strongPassword();
    await createUserViaApi(request, {
      email,
      displayName: 'Dana Board',
      roles: ['viewer'],
      initialPassword: password,
    });
    const viewerContext = await browser.newContext();
    const viewer = await viewerContext.newPage();
    await signInAs(viewer, email, password, '/login');
    await expect(viewer).toHaveURL(/\/dashboard$/);
    await expect(viewer.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    await expect(navLink(viewer, 'Dashboard')).toHaveAttribute('aria-current', 'page');
    await expect(figure(viewer, 'low-stock')).toBeVisible();
    const lowBefore = count(await figure(viewer, 'low-stock').textContent());
    const valueBefore = cents(await figure(viewer, 'stock-value').textContent());
    await expect(viewer.getByText(/No sales in the last 30 days|Net sales per day/).first()).toBeAttached();
    await viewer.evaluate(() => ((window as unknown as Record<string, unknown>)['dashboardNotReloaded'] = true));

    await test.step('user A takes 8 pieces out through the product page', async () => {
      await signIn(page, 'admin', `/products/${String(product['id'])}`);
      await page.getByRole('button', { name: 'Adjust stock' }).click();
      const dialog = page.getByRole('dialog', { name: 'Adjust stock' });
      const warehouseSelect = dialog.getByRole('combobox', { name: 'Warehouse' });
      await warehouseSelect.focus();
      await warehouseSelect.press('Enter');
      await page.getByRole('option', { name: new RegExp(`^${warehouse.code} `) }).click();
      await dialog.getByRole('radio', { name: /Remove stock/ }).check();
      await dialog.getByLabel('Quantity').fill('8');
      const reasonSelect = dialog.getByRole('combobox', { name: 'Reason' });
      await reasonSelect.focus();
      await reasonSelect.press('Enter');
      await page.getByRole('option', { name: 'Damaged' }).click();
      await dialog.getByRole('button', { name: 'Adjust stock' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step("user B's dashboard shows one more low-stock product and €80 less stock value", async () => {
      await expect(figure(viewer, 'low-stock')).toHaveText(String(lowBefore + 1));
      await expect.poll(async () => cents(await figure(viewer, 'stock-value').textContent())).toBe(valueBefore - 8000);
      expect(await viewer.evaluate(() => (window as unknown as Record<string, unknown>)['dashboardNotReloaded'])).toBe(
        true,
      );
      await viewer.screenshot({ path: join(ARTIFACTS, 'browser-dashboard-live.png'), fullPage: true });
    });

    await test.step('the low stock card leads to the list with the product in it', async () => {
      await viewer.locator('[data-kpi="low-stock"]').getByRole('link', { name: 'Low stock list' }).click();
      await expect(viewer).toHaveURL(/\/stock\/low$/);
      await expect(viewer.locator('tr.low-stock-row').filter({ hasText: sku })).toBeVisible();
    });
    await viewerContext.close();
  });

  test('the dashboard has no serious accessibility violations, in light and dark themes', async ({ page }) => {
    await signIn(page, 'admin', '/dashboard');
    await expect(page.getByRole('region', { name: 'Key figures' })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveClass(/theme-dark/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-dashboard-dark.png'), fullPage: true });
  });
});
