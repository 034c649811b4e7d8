import { type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';

import { ARTIFACTS, adminToken, expect, productRows, signIn, test } from './support/fixtures';

/** A warehouse code no other run has used (the code pattern allows upper-case letters, digits and "-"). */
function uniqueCode(prefix: string): string {
  return `${prefix}${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 36)
    .toString(36)
    .toUpperCase()}`;
}

/** The id of the first product of the demo catalog, through the list a user sees. */
async function firstProductId(page: Page): Promise<string> {
  await page.goto('/products');
  const link = productRows(page).first().getByRole('link').first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href')) ?? '';
  const id = /\/products\/([^/?#]+)/.exec(href)?.[1];
  expect(id, `a product link, got "${href}"`).toBeTruthy();
  return id ?? '';
}

async function createWarehouseViaApi(page: Page, code: string, name: string): Promise<void> {
  const token = await adminToken(page.request);
  const created = await page.request.post('/api/v1/warehouses', {
    headers: { Authorization: `Bearer ${token}` },
    data: { code, name },
  });
  expect(created.status(), await created.text()).toBe(201);
}

/** Picks an option of a Material select by the select's label (opened with the keyboard). */
async function choose(scope: Page | Locator, page: Page, label: string, option: string | RegExp): Promise<void> {
  const select = scope.getByRole('combobox', { name: label });
  await select.focus();
  await select.press('Enter');
  await page.getByRole('option', { name: option }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

async function adjust(
  page: Page,
  options: { warehouse: string; quantity: number; reason: string; note?: string },
): Promise<Locator> {
  await page.getByRole('button', { name: 'Adjust stock' }).click();
  const dialog = page.getByRole('dialog', { name: 'Adjust stock' });
  await choose(dialog, page, 'Warehouse', new RegExp(`^${options.warehouse} `));
  await dialog.getByRole('radio', { name: options.quantity < 0 ? /Remove stock/ : /Add stock/ }).check();
  await dialog.getByLabel('Quantity').fill(String(Math.abs(options.quantity)));
  await choose(dialog, page, 'Reason', options.reason);
  if (options.note) {
    await dialog.getByLabel('Note (optional)').fill(options.note);
  }
  await dialog.getByRole('button', { name: 'Adjust stock' }).click();
  return dialog;
}

function levelRow(page: Page, code: string): Locator {
  return page.locator(`tr.level-row[data-warehouse="${code}"]`);
}

test.describe('inventory', () => {
  test('an admin creates a warehouse, adjusts and transfers stock and sees the ledger and the levels', async ({
    page,
  }) => {
    // A long journey through five pages and three dialogs.
    test.slow();
    const codeA = uniqueCode('A');
    const codeB = uniqueCode('B');
    await signIn(page, 'admin', '/warehouses');

    await test.step('create warehouse A in the UI, B through the API', async () => {
      await expect(page.getByRole('heading', { name: 'Warehouses', level: 1 })).toBeVisible();
      await page.getByRole('button', { name: 'New warehouse' }).click();
      const dialog = page.getByRole('dialog', { name: 'New warehouse' });
      await dialog.getByLabel('Code').fill(codeA.toLowerCase());
      await dialog.getByLabel('Name').fill('E2E warehouse A');
      await dialog.getByRole('button', { name: 'Create warehouse' }).click();
      await expect(page.getByText(`Created warehouse ${codeA}.`)).toBeVisible();
      await expect(page.locator('tr.warehouse-row').filter({ hasText: codeA })).toBeVisible();
      await createWarehouseViaApi(page, codeB, 'E2E warehouse B');
      await page.screenshot({ path: join(ARTIFACTS, 'browser-inventory-warehouses.png'), fullPage: true });
    });

    const productId = await firstProductId(page);
    await page.goto(`/products/${productId}`);
    await expect(page.getByRole('tab', { name: 'Stock' })).toBeVisible();

    await test.step('adjust +10 into A with a reason', async () => {
      const dialog = await adjust(page, { warehouse: codeA, quantity: 10, reason: 'Count correction', note: 'E2E' });
      await expect(dialog).toBeHidden();
      await expect(page.getByText(new RegExp(`in ${codeA} by \\+10: 10 on hand`))).toBeVisible();
      await expect(levelRow(page, codeA)).toContainText('10');
    });

    await test.step('transfer 4 from A to B', async () => {
      await page.getByRole('button', { name: 'Transfer', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Transfer stock' });
      await choose(dialog, page, 'From warehouse', new RegExp(`^${codeA} `));
      await expect(dialog.getByText(`10 available in ${codeA}`)).toBeVisible();
      await choose(dialog, page, 'To warehouse', new RegExp(`^${codeB} `));
      await dialog.getByLabel('Quantity').fill('4');
      await dialog.getByRole('button', { name: 'Transfer stock' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(`Moved 4 of`)).toBeVisible();
    });

    await test.step('the Stock tab shows the figures per warehouse', async () => {
      const rowA = levelRow(page, codeA);
      const rowB = levelRow(page, codeB);
      await expect(rowA.locator('td').nth(1)).toHaveText('6');
      await expect(rowA.locator('td').nth(3)).toHaveText('6');
      await expect(rowB.locator('td').nth(1)).toHaveText('4');
      await expect(rowB.locator('td').nth(3)).toHaveText('4');
      await page.screenshot({ path: join(ARTIFACTS, 'browser-inventory-product-stock.png'), fullPage: true });
    });

    await test.step('the Movements tab shows the adjustment and both transfer legs', async () => {
      await page.getByRole('tab', { name: 'Movements' }).click();
      const rows = page.locator('tr.movement-row');
      await expect(rows.filter({ hasText: 'Adjustment' }).filter({ hasText: codeA }).first()).toContainText('+10');
      await expect(rows.filter({ hasText: 'Adjustment' }).filter({ hasText: codeA }).first()).toContainText(
        'Count correction',
      );
      await expect(rows.filter({ hasText: 'Transfer out' }).filter({ hasText: codeA }).first()).toContainText('−4');
      await expect(rows.filter({ hasText: 'Transfer in' }).filter({ hasText: codeB }).first()).toContainText('+4');
      await page.screenshot({ path: join(ARTIFACTS, 'browser-inventory-product-movements.png'), fullPage: true });
    });

    await test.step('taking out more than there is shows the insufficient-stock message', async () => {
      await page.getByRole('tab', { name: 'Stock' }).click();
      const dialog = await adjust(page, { warehouse: codeA, quantity: -1000, reason: 'Lost' });
      await expect(dialog.getByText(/Not enough stock of .* in .*: 6 on hand/)).toBeVisible();
      await page.screenshot({ path: join(ARTIFACTS, 'browser-inventory-insufficient-stock.png') });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(levelRow(page, codeA).locator('td').nth(1)).toHaveText('6');
    });

    await test.step('the ledger lists the movements of warehouse A', async () => {
      await page.goto('/stock/movements');
      await choose(page, page, 'Warehouse', codeA);
      await expect(page).toHaveURL(/warehouseId=/);
      await expect(page.locator('tr.movement-row')).toHaveCount(2);
      await page.getByRole('button', { name: 'Check consistency' }).click();
      await expect(page.getByRole('heading', { name: 'Stock levels match the ledger' })).toBeVisible();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      expect((await download).suggestedFilename()).toMatch(/^stock-movements-\d{4}-\d{2}-\d{2}\.csv$/);
      await page.screenshot({ path: join(ARTIFACTS, 'browser-inventory-ledger.png'), fullPage: true });
    });
  });

  test("another user's adjustment shows on the open product page without a reload", async ({ page, browser }) => {
    // Two users sign in, each in a browser of their own.
    test.slow();
    const code = uniqueCode('L');
    await signIn(page, 'admin', '/warehouses');
    await createWarehouseViaApi(page, code, 'E2E live warehouse');
    const productId = await firstProductId(page);

    // The manager has the product open in another browser.
    const managerContext = await browser.newContext();
    const manager = await managerContext.newPage();
    await signIn(manager, 'manager', `/products/${productId}`);
    await expect(manager.getByRole('tab', { name: 'Stock' })).toBeVisible();
    await expect(levelRow(manager, code)).toHaveCount(0);

    await page.goto(`/products/${productId}`);
    const dialog = await adjust(page, { warehouse: code, quantity: 7, reason: 'Found' });
    await expect(dialog).toBeHidden();

    await expect(levelRow(manager, code).locator('td').nth(1)).toHaveText('7');
    await manager.getByRole('tab', { name: 'Movements' }).click();
    await expect(manager.locator('tr.movement-row').filter({ hasText: code }).first()).toContainText('+7');
    await manager.screenshot({ path: join(ARTIFACTS, 'browser-inventory-live-update.png'), fullPage: true });
    await managerContext.close();
  });
});
