import { type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';

import { ARTIFACTS, adminToken, expect, signIn, test } from './support/fixtures';

/** Two demo products (the sales tests use others) and the demo warehouse the goods arrive in. */
const PRODUCTS = [
  { sku: 'TABLE-OAK-180', quantity: 5, unitCost: '12.50' },
  { sku: 'BOX-CARD-M', quantity: 3, unitCost: '2.40' },
] as const;
const WAREHOUSE_CODE = 'BER-1';

/** A supplier code no other run has used (upper-case letters and digits, at most 16 characters). */
function uniqueSupplierCode(): string {
  return `E2E${Date.now().toString(36).toUpperCase()}`.slice(0, 16);
}

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
  await page.getByRole('option', { name: new RegExp(`^${option} ·`) }).click();
  await expect(input).toHaveValue(new RegExp(`^${option} · `));
}

function statusChip(page: Page): Locator {
  return page.locator('app-page-header app-purchase-order-status-chip');
}

/** The cells of a line of the order (by SKU): #, product, ordered, received, open, unit cost, total. */
function orderLine(page: Page, sku: string): Locator {
  return page.locator(`tr.line-row[data-sku="${sku}"] td`);
}

/** The product's id and its on-hand stock in the warehouse (0 without a stock row there yet). */
async function productStock(page: Page, sku: string): Promise<{ id: string; onHand: number }> {
  const token = await adminToken(page.request);
  const headers = { Authorization: `Bearer ${token}` };
  const products = await page.request.get(`/api/v1/products?q=${encodeURIComponent(sku)}`, { headers });
  expect(products.ok(), await products.text()).toBe(true);
  const product = ((await products.json()) as { items: { id: string; sku: string }[] }).items.find(
    (item) => item.sku === sku,
  );
  expect(product, `demo product ${sku}`).toBeTruthy();
  const levels = await page.request.get(`/api/v1/stock-levels?productId=${product!.id}&limit=100`, { headers });
  expect(levels.ok(), await levels.text()).toBe(true);
  const level = ((await levels.json()) as { items: { warehouseCode: string; onHand: number }[] }).items.find(
    (item) => item.warehouseCode === WAREHOUSE_CODE,
  );
  return { id: product!.id, onHand: level?.onHand ?? 0 };
}

/** The product page's stock row of the warehouse: warehouse, on hand, reserved, available, incoming, … */
function levelCells(page: Page): Locator {
  return page.locator(`tr.level-row[data-warehouse="${WAREHOUSE_CODE}"] td`);
}

test.describe('purchasing', () => {
  test('an admin orders from a new supplier, receives in two parts, and the stock goes up', async ({ page }) => {
    // A long journey through five pages and three dialogs.
    test.slow();
    const supplierCode = uniqueSupplierCode();
    await signIn(page, 'admin', '/suppliers');
    const before = await Promise.all(PRODUCTS.map((product) => productStock(page, product.sku)));

    await test.step('create the supplier', async () => {
      await expect(page.getByRole('heading', { name: 'Suppliers', level: 1 })).toBeVisible();
      await page.getByRole('button', { name: 'New supplier' }).click();
      const dialog = page.getByRole('dialog', { name: 'New supplier' });
      // The dialog focuses its first field once it has opened; typing before that races it.
      await expect(dialog.locator(':focus')).toHaveCount(1);
      await dialog.getByLabel('Code').fill(supplierCode.toLowerCase());
      await dialog.getByLabel('Name', { exact: true }).fill('E2E Timber Works');
      await dialog.getByLabel('E-mail').fill('orders@timber.test');
      await dialog.getByLabel('Payment terms').fill('14');
      await dialog.getByRole('button', { name: 'Create supplier' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(`Created supplier ${supplierCode}.`)).toBeVisible();
      const row = page.locator('tr.partner-row').filter({ hasText: supplierCode });
      await expect(row).toContainText('Net 14 days');
    });

    await test.step('create a purchase order with two lines; totals follow the typing', async () => {
      await page.goto('/purchase-orders/new');
      await expect(page.getByRole('heading', { name: 'New purchase order', level: 1 })).toBeVisible();
      await pickSuggestion(page, page.getByRole('combobox', { name: 'Supplier' }), supplierCode, supplierCode);
      await choose(page, page, 'Warehouse', new RegExp(`^${WAREHOUSE_CODE} `));
      for (const [index, product] of PRODUCTS.entries()) {
        if (index > 0) {
          await page.getByRole('button', { name: 'Add line' }).click();
        }
        const line = page.locator(`[data-line="${index}"]`);
        await pickSuggestion(page, line.getByRole('combobox', { name: 'Product' }), product.sku, product.sku);
        await line.getByLabel('Quantity').fill(String(product.quantity));
        await line.getByLabel('Unit cost').fill(product.unitCost);
      }
      await expect(page.locator('[data-line="0"] .line-total-value')).toHaveText('€62.50');
      await expect(page.locator('[data-line="1"] .line-total-value')).toHaveText('€7.20');
      await expect(page.locator('.order-total-value')).toHaveText('€69.70');
      await page.screenshot({ path: join(ARTIFACTS, 'browser-purchasing-order-form.png'), fullPage: true });
      await page.getByRole('button', { name: 'Create purchase order' }).click();
      await expect(page).toHaveURL(/\/purchase-orders\/[^/]+$/);
      await expect(page.getByRole('heading', { level: 1, name: /^PO-/ })).toBeVisible();
      await expect(statusChip(page)).toHaveText('Draft');
      await expect(page.locator('.facts')).toContainText('€69.70');
    });
    const orderUrl = page.url();

    await test.step('submit it', async () => {
      await page.getByRole('button', { name: 'Submit' }).click();
      await expect(statusChip(page)).toHaveText('Submitted');
      await expect(page.getByRole('button', { name: 'Submit' })).toBeHidden();
      await expect(page.getByRole('link', { name: 'Edit' })).toBeHidden();
    });

    await test.step('receive part of it', async () => {
      await page.getByRole('button', { name: 'Receive' }).click();
      const dialog = page.getByRole('dialog', { name: /^Receive PO-/ });
      await expect(dialog.getByLabel(`Receive ${PRODUCTS[0].sku}`)).toHaveValue('5');
      await expect(dialog.getByLabel(`Receive ${PRODUCTS[1].sku}`)).toHaveValue('3');
      await expect(dialog.locator(':focus')).toHaveCount(1);
      await dialog.getByLabel(`Receive ${PRODUCTS[0].sku}`).fill('2');
      await dialog.getByLabel(`Receive ${PRODUCTS[1].sku}`).fill('0');
      await dialog.getByRole('button', { name: 'Receive goods' }).click();
      await expect(dialog).toBeHidden();
      await expect(statusChip(page)).toHaveText('Partially received');
      await expect(orderLine(page, PRODUCTS[0].sku).nth(3)).toHaveText('2');
      await expect(orderLine(page, PRODUCTS[0].sku).nth(4)).toHaveText('3');
      await expect(orderLine(page, PRODUCTS[1].sku).nth(4)).toHaveText('3');
    });

    await test.step('the product page shows the partial receipt and what is still incoming', async () => {
      await page.goto(`/products/${before[0].id}`);
      await expect(levelCells(page).nth(1)).toHaveText(String(before[0].onHand + 2));
      await expect(levelCells(page).nth(4)).toHaveText('3');
      await page.goto(orderUrl);
      await expect(statusChip(page)).toHaveText('Partially received');
    });

    await test.step('receive the rest', async () => {
      await page.getByRole('button', { name: 'Receive' }).click();
      const dialog = page.getByRole('dialog', { name: /^Receive PO-/ });
      await expect(dialog.getByLabel(`Receive ${PRODUCTS[0].sku}`)).toHaveValue('3');
      await expect(dialog.getByLabel(`Receive ${PRODUCTS[1].sku}`)).toHaveValue('3');
      await dialog.getByRole('button', { name: 'Receive goods' }).click();
      await expect(dialog).toBeHidden();
      await expect(statusChip(page)).toHaveText('Received');
      await expect(page.getByRole('button', { name: 'Receive' })).toBeHidden();
      await expect(page.getByRole('button', { name: 'Cancel order' })).toBeHidden();
      // The timeline: created as a draft, submitted, partially received, received; each by the admin.
      const timeline = page.locator('.timeline-entry .transition');
      await expect(timeline).toHaveText([
        'Draft',
        /^Draft\s*→\s*to\s*Submitted$/,
        /^Submitted\s*→\s*to\s*Partially received$/,
        /^Partially received\s*→\s*to\s*Received$/,
      ]);
      await expect(page.locator('.timeline-entry .meta').last()).toContainText('admin@depot.local');
      await page.screenshot({ path: join(ARTIFACTS, 'browser-purchasing-order-received.png'), fullPage: true });
    });

    await test.step("the order's history shows each status change with before and after", async () => {
      const history = page.getByRole('region', { name: 'History', exact: true });
      await history.scrollIntoViewIfNeeded();
      /** The "Status" change of the history entry whose action reads `action` (e.g. "Submitted"). */
      const statusChange = (action: string) =>
        history
          .locator('.history-entry')
          .filter({ has: page.locator('.action', { hasText: new RegExp(`^${action}$`) }) })
          .locator('.change')
          .filter({ has: page.locator('dt', { hasText: /^\s*Status\s*$/ }) });
      // Labels and statuses in words, not field names and codes.
      await expect(statusChange('Submitted').locator('.before .value')).toHaveText('Draft');
      await expect(statusChange('Submitted').locator('.after .value')).toHaveText('Submitted');
      await expect(statusChange('Received').locator('.before .value')).toHaveText('Partially received');
      await expect(statusChange('Received').locator('.after .value')).toHaveText('Received');
    });

    await test.step('the product pages show the stock went up by what was received', async () => {
      for (const [index, product] of PRODUCTS.entries()) {
        await page.goto(`/products/${before[index].id}`);
        await expect(page.getByRole('tab', { name: 'Stock' })).toBeVisible();
        await expect(levelCells(page).nth(1)).toHaveText(String(before[index].onHand + product.quantity));
        await expect(levelCells(page).nth(4)).toHaveText('0');
      }
    });

    await test.step('the list finds it among the received orders', async () => {
      await page.goto('/purchase-orders?status=received');
      await expect(page).toHaveURL(/status=received/);
      const rows = page.locator('tr.order-row');
      await expect(rows.filter({ hasText: supplierCode })).toHaveCount(1);
      await expect(rows.filter({ hasText: supplierCode })).toContainText('€69.70');
      await rows.filter({ hasText: supplierCode }).locator('td').nth(1).click();
      await expect(page).toHaveURL(orderUrl);
    });
  });
});
