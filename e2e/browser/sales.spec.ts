import { type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

import { adminToken, expect, signIn, test } from './support/fixtures';

/** A demo product with opening stock in BER-1 (37 on hand in the demo seed). */
const PRODUCT_SKU = 'CHAIR-OAK-02';
const WAREHOUSE_CODE = 'BER-1';
const CUSTOMER_CODE = 'NORDIC';

/** Picks an option of a Material select by the select's label (opened with the keyboard). */
async function choose(scope: Page | Locator, page: Page, label: string, option: string | RegExp): Promise<void> {
  const select = scope.getByRole('combobox', { name: label });
  await select.focus();
  await select.press('Enter');
  await page.getByRole('option', { name: option }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

/** Types into an autocomplete and picks the suggestion that starts with `option`. */
async function pickSuggestion(page: Page, input: Locator, text: string, option: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: new RegExp(`^${option}\\b`) }).click();
}

function statusChip(page: Page): Locator {
  return page.locator('.status-chip');
}

/** Creates a draft sales order through the API (for tests about what happens later). */
async function createDraftViaApi(page: Page, quantity: number): Promise<{ id: string; number: string }> {
  const token = await adminToken(page.request);
  const headers = { Authorization: `Bearer ${token}` };
  const get = async <T>(path: string): Promise<T> => {
    const response = await page.request.get(path, { headers });
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as T;
  };
  const customers = await get<{ items: { id: string; code: string }[] }>(`/api/v1/customers?q=${CUSTOMER_CODE}`);
  const warehouses = await get<{ items: { id: string; code: string }[] }>('/api/v1/warehouses?limit=100');
  const products = await get<{ items: { id: string; sku: string }[] }>(`/api/v1/products?q=${PRODUCT_SKU}`);
  const created = await page.request.post('/api/v1/sales-orders', {
    headers,
    data: {
      customerId: customers.items.find((customer) => customer.code === CUSTOMER_CODE)?.id,
      warehouseId: warehouses.items.find((warehouse) => warehouse.code === WAREHOUSE_CODE)?.id,
      lines: [{ productId: products.items.find((product) => product.sku === PRODUCT_SKU)?.id, quantity }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string; number: string };
}

test.describe('sales', () => {
  test('an admin sells from stock: order, confirm, fulfil, invoice, PDF and payment', async ({ page }) => {
    // A long journey through four pages and three dialogs.
    test.slow();
    await signIn(page, 'admin', '/sales-orders/new');

    await test.step('create a sales order for NORDIC', async () => {
      await expect(page.getByRole('heading', { name: 'New sales order', level: 1 })).toBeVisible();
      await pickSuggestion(page, page.getByRole('combobox', { name: 'Customer' }), CUSTOMER_CODE, CUSTOMER_CODE);
      await choose(page, page, 'Warehouse', new RegExp(`^${WAREHOUSE_CODE} `));
      const line = page.locator('li.line').first();
      await pickSuggestion(page, line.getByRole('combobox', { name: 'Product' }), PRODUCT_SKU, PRODUCT_SKU);
      await expect(line.getByLabel('Unit price')).not.toHaveValue('');
      await line.getByLabel('Quantity').fill('2');
      await line.getByLabel('Tax').fill('19');
      await expect(line.locator('.availability')).toContainText('available');
      await expect(line).not.toHaveClass(/short/);
      await expect(page.getByTestId('order-total')).not.toHaveText('€0.00');
      await page.getByRole('button', { name: 'Create order' }).click();
      await expect(page).toHaveURL(/\/sales-orders\/[^/]+$/);
      await expect(page.getByRole('heading', { level: 1, name: /^SO-/ })).toBeVisible();
      await expect(statusChip(page)).toHaveText('Draft');
    });

    await test.step('confirm and fulfil it', async () => {
      await page.getByRole('button', { name: 'Confirm' }).click();
      await expect(statusChip(page)).toHaveText('Confirmed');
      await expect(page.locator('tr.line-row').first().locator('td').nth(3)).toHaveText('2');

      await page.getByRole('button', { name: 'Fulfil' }).click();
      const dialog = page.getByRole('dialog', { name: /^Fulfil / });
      await expect(dialog.getByLabel(`Ship ${PRODUCT_SKU}`)).toHaveValue('2');
      await dialog.getByRole('button', { name: 'Ship 2' }).click();
      await expect(dialog).toBeHidden();
      await expect(statusChip(page)).toHaveText('Fulfilled');
    });

    await test.step('issue the invoice and download its PDF', async () => {
      await page.getByRole('button', { name: 'Issue invoice' }).click();
      await expect(page).toHaveURL(/\/invoices\/[^/]+$/);
      await expect(page.getByRole('heading', { level: 1, name: /^Invoice INV-/ })).toBeVisible();
      await expect(page.locator('app-page-header .status-chip')).toHaveText('Unpaid');

      const downloadPromise = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download PDF' }).click();
      const download = await downloadPromise;
      expect(download.suggestedFilename()).toMatch(/^INV-.*\.pdf$/);
      const path = await download.path();
      const bytes = await readFile(path);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    });

    await test.step('record a payment of the whole balance', async () => {
      await page.getByRole('button', { name: 'Record payment' }).click();
      const dialog = page.getByRole('dialog', { name: 'Record payment' });
      await expect(dialog.getByLabel('Amount')).not.toHaveValue('');
      // The dialog focuses its first field once it has opened; typing elsewhere before that races it.
      await expect(dialog.getByLabel('Amount')).toBeFocused();
      await dialog.getByLabel('Reference (optional)').fill('E2E transfer');
      await dialog.getByRole('button', { name: 'Record payment' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.locator('app-page-header .status-chip')).toHaveText('Paid');
      await expect(page.getByTestId('balance')).toHaveText('€0.00');
      await expect(page.locator('tr.payment-row')).toContainText('E2E transfer');
      await expect(page.getByRole('button', { name: 'Record payment' })).toBeHidden();
    });
  });

  test('confirming an order for more than is available names the short line', async ({ page }) => {
    await signIn(page, 'admin', '/sales-orders');
    const order = await createDraftViaApi(page, 100_000);
    await page.goto(`/sales-orders/${order.id}`);
    await expect(page.getByRole('heading', { level: 1, name: order.number })).toBeVisible();

    await page.getByRole('button', { name: 'Confirm' }).click();

    const alert = page.locator('.short-lines');
    await expect(alert).toContainText('Not enough stock to confirm');
    await expect(alert.locator(`.short-line[data-sku="${PRODUCT_SKU}"]`)).toContainText('100000 ordered, only');
    await expect(statusChip(page)).toHaveText('Draft');
  });
});
