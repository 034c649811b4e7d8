import type { APIRequestContext } from '@playwright/test';
import { join } from 'node:path';

import {
  ARTIFACTS,
  adminToken,
  createProductViaApi,
  expect,
  productRows,
  seriousA11yViolations,
  signIn,
  test,
  uniqueSku,
} from './support/fixtures';

async function productStatus(request: APIRequestContext, token: string, id: string): Promise<string> {
  const response = await request.get(`/api/v1/products/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await response.json()) as { status: string }).status;
}

async function threeProducts(request: APIRequestContext, prefix: string, prices = [1000, 2000, 3000]) {
  const ids: string[] = [];
  for (const [index, priceMinor] of prices.entries()) {
    ids.push(
      (await createProductViaApi(request, { sku: `${prefix}-${index + 1}`, name: `Bulk ${index + 1}`, priceMinor })).id,
    );
  }
  return ids;
}

test.describe('bulk actions on products', () => {
  test('select 3 products, archive them, and all three are archived with a progress indication', async ({
    page,
    request,
  }) => {
    const prefix = uniqueSku('BULKA');
    const ids = await threeProducts(request, prefix);
    await signIn(page, 'admin', `/products?q=${prefix}`);
    await expect(productRows(page)).toHaveCount(3);

    for (let index = 1; index <= 3; index += 1) {
      await page.getByRole('checkbox', { name: `Select ${prefix}-${index}` }).check();
    }
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bar.getByText('3 selected')).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, 'bulk-actions-products.png'), fullPage: true });

    await bar.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Archive' }).click();

    const progress = bar.getByRole('progressbar', { name: /Progress/ });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuenow', '100');
    await expect(bar.getByText('3 of 3')).toBeVisible();
    await expect(bar.getByRole('status')).toContainText('3 done');

    const token = await adminToken(request);
    for (const id of ids) expect(await productStatus(request, token, id)).toBe('archived');
    // The list reloaded: with the default "active" filter the archived products are gone.
    await expect(productRows(page)).toHaveCount(0);
  });

  test('a price change shows old and new prices before anything changes', async ({ page, request }) => {
    const prefix = uniqueSku('BULKP');
    await threeProducts(request, prefix, [1000, 2000, 1005]);
    await signIn(page, 'admin', `/products?q=${prefix}`);
    await expect(productRows(page)).toHaveCount(3);
    await page.getByRole('checkbox', { name: 'Select all rows on this page' }).check();

    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByRole('button', { name: 'Change prices' }).click();
    const dialog = page.getByRole('dialog', { name: /Change prices of 3 products/ });
    await dialog.getByLabel(/Percent/).fill('-10');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByRole('table', { name: 'Price preview' });
    await expect(preview.getByRole('row')).toHaveCount(4);
    await expect(preview.getByRole('row', { name: new RegExp(`${prefix}-3`) })).toContainText('€10.05');
    await expect(preview.getByRole('row', { name: new RegExp(`${prefix}-3`) })).toContainText('€9.05');
    await page.screenshot({ path: join(ARTIFACTS, 'bulk-price-preview.png'), fullPage: true });
    expect(await seriousA11yViolations(page, '.cdk-overlay-container')).toEqual([]);

    // Nothing has changed yet.
    await expect(productRows(page).filter({ hasText: `${prefix}-1` })).toContainText('€10.00');

    await dialog.getByRole('button', { name: 'Apply to 3' }).click();
    await expect(bar.getByRole('status')).toContainText('3 done');
    await expect(productRows(page).filter({ hasText: `${prefix}-1` })).toContainText('€9.00');
    await expect(productRows(page).filter({ hasText: `${prefix}-2` })).toContainText('€18.00');
  });

  for (const theme of ['light', 'dark'] as const) {
    test.describe(`in the ${theme} theme`, () => {
      test.use({ colorScheme: theme });

      test('the products page with a selection has no serious accessibility violations', async ({ page, request }) => {
        const prefix = uniqueSku(`BULKX${theme[0]}`);
        await threeProducts(request, prefix);
        await signIn(page, 'admin', `/products?q=${prefix}`);
        await expect(productRows(page)).toHaveCount(3);
        await page.getByRole('checkbox', { name: `Select ${prefix}-1` }).check();
        await expect(page.getByRole('region', { name: 'Bulk actions' })).toBeVisible();
        await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
        expect(await seriousA11yViolations(page)).toEqual([]);
      });
    });
  }
});
