import { join } from 'node:path';

import { ARTIFACTS, createProductViaApi, expect, productRows, signIn, test, uniqueSku } from './support/fixtures';

test.describe('products', () => {
  test('an admin creates a product, finds it by search and edits it', async ({ page }) => {
    const sku = uniqueSku('E2E');
    await signIn(page, 'admin');
    await expect(page).toHaveURL(/\/products$/);
    await expect(page).toHaveTitle('Products · Depot');

    await test.step('create', async () => {
      await page.getByRole('link', { name: 'New product' }).click();
      await expect(page).toHaveURL(/\/products\/new$/);
      await page.getByLabel('SKU', { exact: true }).fill(sku);
      await page.getByLabel('Name').fill('Browser test widget');
      await page.getByLabel('Description').fill('Made by the browser tests.');
      await page.getByLabel('Price', { exact: true }).fill('12.50');
      await page.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByText(`Created ${sku}.`)).toBeVisible();
      // The user lands on the new product's page, then goes back to the list.
      await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${sku} · Browser test widget`);
      await page.getByRole('link', { name: 'Products', exact: true }).first().click();
      await expect(page).toHaveURL(/\/products$/);
    });

    await test.step('find by search', async () => {
      await page.getByLabel('Search products').fill(sku);
      await expect(page).toHaveURL(new RegExp(`[?&]q=${sku}`));
      await expect(productRows(page)).toHaveCount(1);
      await expect(productRows(page).first()).toContainText('Browser test widget');
      await expect(productRows(page).first()).toContainText('€12.50');
    });

    await test.step('the search survives a reload', async () => {
      await page.reload();
      await expect(page.getByLabel('Search products')).toHaveValue(sku);
      await expect(productRows(page)).toHaveCount(1);
    });

    await test.step('edit', async () => {
      await page.getByRole('link', { name: sku }).click();
      // The row opens the product page; its Edit button opens the form.
      await expect(page).toHaveURL(/\/products\/[^/]+$/);
      await page.getByRole('link', { name: 'Edit' }).click();
      await expect(page).toHaveURL(/\/products\/[^/]+\/edit$/);
      await expect(page.getByLabel('Price', { exact: true })).toHaveValue('12.50');
      await page.getByLabel('Name').fill('Browser test widget, edited');
      await page.getByLabel('Price', { exact: true }).fill('13');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText(`Saved ${sku}.`)).toBeVisible();
      await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
      await page.goto('/products');
      await page.getByLabel('Search products').fill(sku);
      await expect(productRows(page)).toHaveCount(1);
      await expect(productRows(page).first()).toContainText('Browser test widget, edited');
      await expect(productRows(page).first()).toContainText('€13.00');
    });
  });

  test('a stale edit shows the conflict message and can load the latest version', async ({
    page,
    context,
    request,
  }) => {
    const sku = uniqueSku('E2E-CONFLICT');
    const { id } = await createProductViaApi(request, { sku, name: 'Contested widget', priceMinor: 500 });
    await signIn(page, 'admin', `/products/${id}/edit`);
    await expect(page.getByLabel('Name')).toHaveValue('Contested widget');

    // A second tab of the same user (it restores the session from the refresh cookie).
    const otherTab = await context.newPage();
    await otherTab.goto(`/products/${id}/edit`);
    await expect(otherTab.getByLabel('Name')).toHaveValue('Contested widget');
    await otherTab.getByLabel('Name').fill('Changed in the other tab');
    await otherTab.getByRole('button', { name: 'Save' }).click();
    await expect(otherTab).toHaveURL(new RegExp(`/products/${id}$`));
    await otherTab.close();

    await page.getByLabel('Description').fill('My change, made on stale data');
    await page.getByRole('button', { name: 'Save' }).click();

    const banner = page
      .getByRole('alert')
      .filter({ hasText: 'This product was changed by someone else since you opened it.' });
    await expect(banner).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/products/${id}/edit$`));
    await page.screenshot({ path: join(ARTIFACTS, 'browser-products-conflict-banner.png') });

    await banner.getByRole('button', { name: 'Reload latest' }).click();
    await expect(banner).toBeHidden();
    await expect(page.getByLabel('Name')).toHaveValue('Changed in the other tab');
    await page.getByLabel('Description').fill('My change, on the latest version');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(`Saved ${sku}.`)).toBeVisible();
  });

  test('a duplicate SKU is reported on the SKU field', async ({ page, request }) => {
    const sku = uniqueSku('E2E-DUP');
    await createProductViaApi(request, { sku, name: 'Original', priceMinor: 100 });
    await signIn(page, 'admin', '/products/new');

    await page.getByLabel('SKU', { exact: true }).fill(sku);
    await page.getByLabel('Name').fill('Copy');
    await page.getByLabel('Price', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Create' }).click();

    const skuField = page.locator('mat-form-field').filter({ has: page.getByLabel('SKU', { exact: true }) });
    await expect(skuField.locator('mat-error')).toContainText(sku);
    await expect(page).toHaveURL(/\/products\/new$/);
  });

  test('pages through the list with Next and Previous, kept in the URL', async ({ page }) => {
    await signIn(page, 'admin', '/products?limit=10&sort=sku');
    await expect(productRows(page)).toHaveCount(10);
    const firstPage = await productRows(page).first().textContent();

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(page.locator('.page-range')).toHaveText(/^11–20 of /);
    await expect(productRows(page).first()).not.toHaveText(firstPage ?? '');

    await page.goBack();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect(productRows(page).first()).toHaveText(firstPage ?? '');

    await page.goForward();
    await expect(page.locator('.page-range')).toHaveText(/^11–20 of /);
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect(page).toHaveURL(/limit=10/);
    await expect(page).toHaveURL(/sort=sku/);
  });
});
