import { join } from 'node:path';

import { ARTIFACTS, createProductViaApi, expect, productRows, signIn, test, uniqueSku } from './support/fixtures';

const SAVED_ELSEWHERE = 'Someone else saved this product. Reload to see their changes.';

test.describe('live updates', () => {
  test("another user's save shows on the open edit page and in the product list without a reload", async ({
    page,
    browser,
    request,
  }) => {
    const sku = uniqueSku('E2E-LIVE');
    const { id } = await createProductViaApi(request, { sku, name: 'Live widget', priceMinor: 1000 });

    // A manager has the product open in one tab and the filtered list in another.
    const managerContext = await browser.newContext();
    const managerEdit = await managerContext.newPage();
    await signIn(managerEdit, 'manager', `/products/${id}/edit`);
    await expect(managerEdit.getByLabel('Price', { exact: true })).toHaveValue('10.00');
    await managerEdit.getByLabel('Description').fill('An unsaved note of the manager');
    const managerList = await managerContext.newPage();
    await managerList.goto(`/products?q=${sku}`);
    await expect(productRows(managerList)).toHaveCount(1);
    await expect(productRows(managerList).first()).toContainText('€10.00');

    // The admin changes the price.
    await signIn(page, 'admin', `/products/${id}/edit`);
    await page.getByLabel('Price', { exact: true }).fill('12.34');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(`Saved ${sku}.`)).toBeVisible();

    await test.step('the open edit page says so and keeps the unsaved edit', async () => {
      const banner = managerEdit.getByRole('status').filter({ hasText: SAVED_ELSEWHERE });
      await expect(banner).toBeVisible();
      await expect(managerEdit.getByLabel('Description')).toHaveValue('An unsaved note of the manager');
      await expect(managerEdit.getByLabel('Price', { exact: true })).toHaveValue('10.00');
      await managerEdit.screenshot({ path: join(ARTIFACTS, 'browser-live-updates-saved-elsewhere-banner.png') });

      await banner.getByRole('button', { name: 'Reload' }).click();
      await expect(managerEdit.getByLabel('Price', { exact: true })).toHaveValue('12.34');
      await expect(banner).toBeHidden();
    });

    await test.step('the list in the other tab shows the new price by itself', async () => {
      await expect(productRows(managerList).first()).toContainText('€12.34');
      await managerList.screenshot({ path: join(ARTIFACTS, 'browser-live-updates-list.png') });
    });

    await test.step("the admin's own page shows no banner for the admin's own save", async () => {
      await page.goto(`/products/${id}/edit`);
      await expect(page.getByLabel('Price', { exact: true })).toHaveValue('12.34');
      await page.getByLabel('Name').fill('Live widget, renamed');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText(`Saved ${sku}.`)).toBeVisible();
      await expect(page.getByText(SAVED_ELSEWHERE)).toHaveCount(0);
    });
    await managerContext.close();
  });
});
