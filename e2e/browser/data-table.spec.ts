import { join } from 'node:path';

import { ARTIFACTS, expect, productRows, seriousA11yViolations, signIn, test } from './support/fixtures';

/** The shared data table on the product list (the demo data has well over one page of products). */
test.describe('the shared data table', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('sorts the products by a column on the server, both ways, kept in the URL', async ({ page }) => {
    await signIn(page, 'admin', '/products?limit=10');
    await expect(productRows(page)).toHaveCount(10);
    const nameHeader = page.getByRole('columnheader', { name: 'Name' });

    await nameHeader.getByRole('button').click();
    await expect(page).toHaveURL(/sort=name(&|$)/);
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(productRows(page)).toHaveCount(10);
    const ascending = await productRows(page).locator('td[data-column="name"]').allTextContents();

    await nameHeader.getByRole('button').click();
    await expect(page).toHaveURL(/sort=-name(&|$)/);
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(productRows(page).locator('td[data-column="name"]').first()).not.toHaveText(ascending[0] ?? '');
  });

  test('pages through the products with the range and the total shown', async ({ page }) => {
    await signIn(page, 'admin', '/products?limit=10&sort=sku');
    const range = page.locator('.page-range');
    await expect(range).toHaveText(/^1–10 of [\d,]+\+?$/);

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(range).toHaveText(/^11–20 of [\d,]+\+?$/);

    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect(range).toHaveText(/^1–10 of /);
    await page.screenshot({ path: join(ARTIFACTS, 'data-table-products-desktop.png') });
  });

  test('hides a column from the column chooser, and it stays hidden after a reload', async ({ page }) => {
    await signIn(page, 'admin', '/products');
    await expect(page.getByRole('columnheader', { name: 'Category' })).toBeVisible();

    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Category' }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/cols=/);
    expect(new URL(page.url()).searchParams.get('cols')).not.toContain('category');
    await expect(page.getByRole('columnheader', { name: 'Category' })).toHaveCount(0);

    await page.reload();
    await expect(productRows(page).first()).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Category' })).toHaveCount(0);
    await expect(page.getByRole('columnheader', { name: 'Price' })).toBeVisible();
  });

  test('moves through the rows with j and k and opens the active one with Enter', async ({ page }) => {
    await signIn(page, 'admin', '/products?sort=sku');
    const rows = productRows(page);
    await expect(rows.nth(2)).toBeVisible();

    await rows.first().focus();
    await page.keyboard.press('j');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(2)).toBeFocused();
    await page.keyboard.press('k');
    await expect(rows.nth(1)).toBeFocused();
    await expect(rows.nth(1)).toHaveAttribute('tabindex', '0');
    await expect(rows.first()).toHaveAttribute('tabindex', '-1');

    const id = await rows.nth(1).getAttribute('data-row-id');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/products/${id}$`));
  });

  test('selects a range of rows with shift-click', async ({ page }) => {
    await signIn(page, 'admin', '/products?sort=sku');
    const rows = productRows(page);
    await expect(rows.nth(4)).toBeVisible();

    await rows.nth(1).getByRole('checkbox').click();
    await rows
      .nth(4)
      .getByRole('checkbox')
      .click({ modifiers: ['Shift'] });

    for (const index of [1, 2, 3, 4]) {
      await expect(rows.nth(index).getByRole('checkbox')).toBeChecked();
    }
    await expect(rows.nth(0).getByRole('checkbox')).not.toBeChecked();
    await expect(rows.nth(5).getByRole('checkbox')).not.toBeChecked();
    await expect(page.getByRole('region', { name: 'Selection' })).toContainText('4 selected');
  });

  test('shows the ledger whole at 1440 pixels, nothing cut off', async ({ page }) => {
    await signIn(page, 'admin', '/stock/movements');
    const lastHeader = page.getByRole('columnheader', { name: 'By' });
    await expect(page.locator('tr.movement-row').first()).toBeVisible();
    await expect(lastHeader).toBeVisible();

    const card = await page.locator('app-movement-table .table-card').boundingBox();
    const last = await lastHeader.boundingBox();
    expect(card && last && last.x + last.width <= card.x + card.width + 1).toBe(true);
    const overflow = await page.evaluate(() => {
      const scroller = document.querySelector('app-movement-table .table-scroll');
      return scroller ? scroller.scrollWidth - scroller.clientWidth : -1;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'data-table-ledger-1440.png') });
  });
});

test.describe('the shared data table on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('shows the products as cards without sideways scrolling, filters folded away', async ({ page }) => {
    await signIn(page, 'admin', '/products');
    const cards = page.locator('li.card.product-row');
    await expect(cards.first()).toBeVisible();
    await expect(page.locator('app-data-table table')).toHaveCount(0);
    await expect(cards.first().locator('dt').first()).toBeVisible();

    // The filters wait behind one button, so the list starts on the first screen.
    await expect(page.getByRole('button', { name: /^Filters/ })).toBeVisible();
    await expect(page.getByLabel('Search products')).toBeHidden();
    const firstCard = await cards.first().boundingBox();
    expect(firstCard && firstCard.y < 844).toBe(true);

    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'data-table-products-phone.png') });

    await page.getByRole('button', { name: /^Filters/ }).click();
    await expect(page.getByLabel('Search products')).toBeVisible();
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`the shared data table in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('has no serious accessibility violations with rows selected', async ({ page }) => {
      await signIn(page, 'admin', '/products');
      await expect(productRows(page).nth(2)).toBeVisible();
      await productRows(page).nth(1).getByRole('checkbox').click();
      await expect(page.getByRole('region', { name: 'Selection' })).toBeVisible();
      await page.getByRole('button', { name: 'Compact rows' }).click();

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('has no serious accessibility violations as cards on a phone', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, 'admin', '/products');
      await expect(page.locator('li.card.product-row').first()).toBeVisible();

      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
}
