import { expect, productRows, seriousA11yViolations, signIn, test } from './support/fixtures';

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

    test('the users list has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/admin/users');
      await expect(page.locator('tr.user-row').first()).toBeVisible();
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

  // The first Tab reaches the skip link, which moves focus to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await page.getByRole('link', { name: 'New product' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/products\/new$/);
  await page.getByLabel('SKU').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Name')).toBeFocused();
});
