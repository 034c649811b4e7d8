import { join } from 'node:path';

import { ARTIFACTS, adminToken, expect, productRows, seriousA11yViolations, signIn, test } from './support/fixtures';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('the login page has no serious accessibility violations', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('heading', { name: 'Sign in to Depot' })).toBeVisible();
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the products page has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin');
      await expect(productRows(page).first()).toBeVisible();
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the categories page has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/categories');
      await page.getByRole('button', { name: 'Expand all' }).click();
      await expect(page.locator('.category-row').first()).toBeVisible();
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-categories-${theme}.png`), fullPage: true });

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the products filters and the product form have no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/products?attribute=origin:DE&belowReorderPoint=true');
      await expect(page.locator('.attribute-chip')).toHaveText('origin:DE');
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-product-filters-${theme}.png`), fullPage: true });
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.goto('/products/new');
      await page.getByRole('button', { name: 'Add attribute' }).click();
      await page.getByLabel('Barcode').fill('1234567890123');
      // Leaving the fields shows their errors (the new attribute's empty key too): axe sees the error states.
      await page.getByLabel('Value').focus();
      await expect(
        page
          .locator('mat-form-field')
          .filter({ has: page.getByLabel('Barcode') })
          .locator('mat-error'),
      ).toContainText('wrong check digit');
      await expect(
        page
          .locator('mat-form-field')
          .filter({ has: page.getByLabel('Key') })
          .locator('mat-error'),
      ).toHaveText('Enter a key.');
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-product-form-${theme}.png`), fullPage: true });
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the import wizard with an error report has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/products/import');
      await page.locator('input[type="file"]').setInputFiles({
        name: 'a11y.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('sku,name,price,currency\nA11Y-1,,abc,EUR\n'),
      });
      await page.getByRole('button', { name: 'Check file' }).click();
      await expect(page.getByRole('table', { name: 'Errors in the file' })).toBeVisible();
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-import-${theme}.png`), fullPage: true });

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the users list has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/admin/users');
      await expect(page.locator('tr.user-row').first()).toBeVisible();
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the webhooks list has no serious accessibility violations', async ({ page, request }) => {
      const created = await request.post('/api/v1/webhooks', {
        headers: { Authorization: `Bearer ${await adminToken(request)}` },
        data: { url: 'https://hooks.example.com/a11y', description: `A11y ${theme}`, eventTypes: ['product.created'] },
      });
      expect(created.status(), await created.text()).toBe(201);
      await signIn(page, 'admin', '/admin/webhooks');
      await expect(page.locator('tr.webhook-row').filter({ hasText: `A11y ${theme}` })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the role editor has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/admin/roles');
      await page.getByRole('link', { name: 'manager', exact: true }).click();
      await expect(page.getByRole('checkbox', { name: /View products/ })).toBeChecked();

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the profile page has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'viewer', '/profile');
      await expect(page.getByRole('heading', { name: 'My profile' })).toBeVisible();
      await expect(page.locator('tr.session-row').first()).toBeVisible();

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the warehouses page has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/warehouses');
      await expect(page.locator('tr.warehouse-row').first()).toBeVisible();

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the stock ledger has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/stock/movements');
      await expect(page.locator('tr.movement-row').first()).toBeVisible();

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the low-stock page has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/stock/low');
      await expect(page.getByRole('heading', { name: 'Low stock' })).toBeVisible();
      await expect(page.getByRole('progressbar', { name: 'Loading low stock' })).toHaveCount(0);

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the product page with its stock has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/stock/movements');
      await page.locator('tr.movement-row a').first().click();
      await expect(page.getByRole('tab', { name: 'Stock' })).toBeVisible();
      await expect(page.locator('tr.level-row').first()).toBeVisible();

      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the forgot and reset password pages have no serious accessibility violations', async ({ page }) => {
      await page.goto('/forgot-password');
      await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.goto('/reset-password?token=some-token&invite=1');
      await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  });
}

test('the theme toggle switches the theme and remembers the choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/login');
  await expect(page.locator('html')).toHaveClass(/theme-light/);

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/theme-dark/);

  await page.reload();
  await expect(page.locator('html')).toHaveClass(/theme-dark/);
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
});

test('the navigation and the product form are usable with the keyboard alone', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(productRows(page).first()).toBeVisible();

  // Every navigation puts focus on the new page's heading, as a page load would.
  await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeFocused();
  // The skip link (the first stop from the top of the page) moves focus to the main content.
  await page.getByRole('link', { name: 'Skip to main content' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await page.getByRole('link', { name: 'New product' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/products\/new$/);
  await page.getByLabel('SKU', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Name')).toBeFocused();
});
