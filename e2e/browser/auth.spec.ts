import { expect, productRows, signIn, test } from './support/fixtures';

test.describe('signing in and out', () => {
  test('a wrong password shows an error message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('admin@depot.local');
    await page.getByLabel('Password').fill('not-the-right-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByRole('alert')).toHaveText('Invalid email or password.');
    await expect(page).toHaveURL(/\/login/);
  });

  test('an unknown visitor is sent to the login page and comes back after signing in', async ({ page }) => {
    await page.goto('/products?status=archived');
    await expect(page).toHaveURL(/\/login\?returnUrl=/);
    await expect(page).toHaveTitle('Sign in · Depot');

    await page.getByLabel('Email').fill('admin@depot.local');
    await page.getByLabel('Password').fill('depot-demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(/\/products\?status=archived$/);
  });

  test('the session survives a reload', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(productRows(page).first()).toBeVisible();

    await page.reload();

    await expect(page).toHaveURL(/\/products$/);
    await expect(productRows(page).first()).toBeVisible();
  });

  test('logging out returns to the login page and ends the session', async ({ page }) => {
    await signIn(page, 'admin');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await expect(page.getByRole('menu')).toContainText('admin@depot.local');
    await page.getByRole('menuitem', { name: 'Log out' }).click();

    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Depot' })).toBeVisible();

    await page.goto('/products');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fproducts$/);
  });

  test('a viewer can read products but cannot create, save or archive', async ({ page }) => {
    await signIn(page, 'viewer');
    await expect(productRows(page).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);

    await productRows(page).first().getByRole('link').click();
    // The product page offers no Edit, Adjust or Transfer to a viewer...
    await expect(page).toHaveURL(/\/products\/[^/]+$/);
    await expect(page.getByRole('tab', { name: 'Stock' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Adjust|Transfer/ })).toHaveCount(0);
    // ...and the form, opened directly, is the 403 page (the product page shows every field).
    const editPath = `${new URL(page.url()).pathname}/edit`;
    await page.goto(editPath);
    await expect(page.getByRole('heading', { name: 'Forbidden' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${editPath}$`));
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);

    await page.goto('/products/new');
    await expect(page.getByRole('heading', { name: 'Forbidden' })).toBeVisible();
    await expect(page).toHaveURL(/\/products\/new$/);
  });
});
