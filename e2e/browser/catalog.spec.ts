import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { type Page } from '@playwright/test';

import { ARTIFACTS, expect, productRows, signIn, test, uniqueSku } from './support/fixtures';

/** A valid EAN-13 from 12 digits (GS1 check digit appended). */
function ean13(first12: string): string {
  const sum = [...first12]
    .reverse()
    .reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/** A barcode no demo product and no other run uses (GS1 prefix 20 is for in-store numbers). */
function uniqueBarcode(): string {
  return ean13(`20${String(Date.now() % 10_000_000_000).padStart(10, '0')}`);
}

/** The same barcode with its check digit off by one: what a typo looks like. */
function withWrongCheckDigit(barcode: string): string {
  return barcode.slice(0, -1) + String((Number(barcode.at(-1)) + 1) % 10);
}

/** A category row of the tree page, by its full path ("Tools / Hand tools"). */
function categoryRow(page: Page, path: string) {
  return page.locator(`.category-row[data-path="${path}"]`);
}

async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('catalog', () => {
  test('an admin builds a category tree, files a product under it, filters by it and exports it', async ({ page }) => {
    // Many steps through several pages: more than the default minute on a busy machine.
    test.slow();
    const stamp = Date.now().toString(36);
    const root = `E2E Tools ${stamp}`;
    const child = 'Hand tools';
    const sku = uniqueSku('E2E-CAT');
    const barcode = uniqueBarcode();

    await signIn(page, 'admin', '/categories');
    await expect(page.getByRole('heading', { name: 'Categories', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle('Categories · Depot');

    await test.step('create a category and a child', async () => {
      await page.getByRole('button', { name: 'New category' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').fill(root);
      await dialog.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByText(`Created ${root}.`)).toBeVisible();
      await expect(categoryRow(page, root)).toContainText('0 products');

      await categoryRow(page, root)
        .getByRole('button', { name: `Add a subcategory to ${root}` })
        .click();
      await expect(dialog.getByRole('heading')).toHaveText(`New category in ${root}`);
      await dialog.getByLabel('Name').fill(child);
      await dialog.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByText(`Created ${root} / ${child}.`)).toBeVisible();
      await expect(categoryRow(page, `${root} / ${child}`)).toBeVisible();
      await expect(categoryRow(page, root)).toContainText('1 subcategory');
      // A category with a subcategory cannot be deleted; the button says why instead.
      await expect(categoryRow(page, root).getByRole('button', { name: `Delete ${root}` })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      await page.screenshot({ path: join(ARTIFACTS, 'browser-catalog-categories.png'), fullPage: true });
    });

    await test.step('create a product in the child, after a barcode with a wrong check digit is refused', async () => {
      await page.goto('/products/new');
      await page.getByLabel('SKU', { exact: true }).fill(sku);
      await page.getByLabel('Name').fill('Catalog test screwdriver');
      await page.getByLabel('Price', { exact: true }).fill('7.90');
      await page.getByLabel('Cost').fill('3.10');
      await page.getByLabel('Barcode').fill(withWrongCheckDigit(barcode));
      await page.getByRole('button', { name: 'Create' }).click();

      const barcodeField = page.locator('mat-form-field').filter({ has: page.getByLabel('Barcode') });
      await expect(barcodeField.locator('mat-error')).toContainText('wrong check digit');
      await expect(page).toHaveURL(/\/products\/new$/);

      await page.getByLabel('Barcode').fill(barcode);
      await expect(barcodeField.locator('mat-error')).toHaveCount(0);
      await chooseOption(page, 'Category', `${root} / ${child}`);
      await page.getByLabel('Reorder point').fill('4');
      await page.getByLabel('Reorder quantity').fill('24');
      await page.getByRole('button', { name: 'Add attribute' }).click();
      await page.getByLabel('Key').fill('drive');
      await page.getByLabel('Value').fill('PH2');
      await page.screenshot({ path: join(ARTIFACTS, 'browser-catalog-product-form.png'), fullPage: true });
      await page.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByText(`Created ${sku}.`)).toBeVisible();
      // Create lands on the new product's page; the list is one click away.
      await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
      await page.goto('/products');
    });

    await test.step('filter the list by the parent category; the filter survives a reload', async () => {
      await chooseOption(page, 'Category', root);
      await expect(page).toHaveURL(/[?&]categoryId=/);
      await expect(productRows(page)).toHaveCount(1);
      await expect(productRows(page).first()).toContainText(sku);
      await expect(productRows(page).first()).toContainText(`${root} / ${child}`);

      await page.reload();
      await expect(page).toHaveURL(/[?&]categoryId=/);
      await expect(page.getByLabel('Category')).toContainText(root);
      await expect(productRows(page)).toHaveCount(1);
      await expect(productRows(page).first()).toContainText(sku);
    });

    await test.step('export the filtered list as CSV', async () => {
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const path = await download.path();
      const csv = await readFile(path, 'utf8');
      const [header, ...rows] = csv.trim().split(/\r?\n/);
      expect(header.replace(/^\uFEFF/, '')).toBe(
        'sku,name,description,unit,price,cost,currency,barcode,category,reorder_point,reorder_quantity,status,attributes',
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(sku);
      expect(rows[0]).toContain(barcode);
      expect(rows[0]).toContain(`${root}/${child}`);
    });

    await test.step('the product is counted in its category', async () => {
      await page.goto('/categories');
      await page.getByRole('button', { name: `Expand ${root}` }).click();
      await expect(categoryRow(page, `${root} / ${child}`)).toContainText('1 product');
    });
  });

  test('an import with a bad row shows where the error is and imports nothing until it is fixed', async ({ page }) => {
    const prefix = uniqueSku('E2E-IMP');
    const good = `${prefix}-A`;
    const fixable = `${prefix}-B`;
    const header = 'sku,name,price,currency,reorder_point,attributes';
    const badCsv = `${header}\n${good},Imported widget,4.50,EUR,2,color=red\n${fixable},Broken widget,four,EUR,2,\n`;
    const fixedCsv = `${header}\n${good},Imported widget,4.50,EUR,2,color=red\n${fixable},Fixed widget,4.00,EUR,2,\n`;

    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Import' }).click();
    await expect(page).toHaveURL(/\/products\/import$/);
    await expect(page.getByRole('heading', { name: 'Import from CSV' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Products' })).toBeChecked();

    await test.step('the check lists the bad row and column, and Import stays disabled', async () => {
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from(badCsv) });
      await expect(page.getByText('products.csv')).toBeVisible();
      await page.getByRole('button', { name: 'Check file' }).click();

      await expect(page.getByText(/2 rows checked, 1 error\./)).toBeVisible();
      const errors = page.getByRole('table', { name: 'Errors in the file' });
      await expect(errors.getByRole('row')).toHaveCount(2);
      const errorRow = errors.getByRole('row').nth(1);
      await expect(errorRow.getByRole('cell').nth(0)).toHaveText('2');
      await expect(errorRow.getByRole('cell').nth(1)).toHaveText('price');
      await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
      await page.screenshot({ path: join(ARTIFACTS, 'browser-catalog-import-errors.png'), fullPage: true });
    });

    await test.step('nothing was imported', async () => {
      await page.goto(`/products?q=${prefix}&status=all`);
      await expect(page.getByText('No products match your search.')).toBeVisible();
    });

    await test.step('the fixed file checks clean and imports', async () => {
      await page.goto('/products/import');
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'products-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(fixedCsv) });
      await page.getByRole('button', { name: 'Check file' }).click();
      await expect(page.getByText('2 rows checked, no errors: 2 to create, 0 to update.')).toBeVisible();

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Imported 2 rows: 2 created, 0 updated.' }),
      ).toBeVisible();
      await page.screenshot({ path: join(ARTIFACTS, 'browser-catalog-import-done.png'), fullPage: true });
    });

    await test.step('the products appear in the list, attributes filterable', async () => {
      await page.getByRole('link', { name: 'View products' }).click();
      await page.getByLabel('Search products').fill(prefix);
      await expect(productRows(page)).toHaveCount(2);
      await expect(productRows(page).filter({ hasText: fixable })).toContainText('Fixed widget');

      await page.getByLabel('Attribute filter').fill('color:red');
      await page.getByLabel('Attribute filter').press('Enter');
      await expect(page).toHaveURL(/[?&]attribute=color(%3A|:)red/);
      await expect(productRows(page)).toHaveCount(1);
      await expect(productRows(page).first()).toContainText(good);
    });
  });
});
