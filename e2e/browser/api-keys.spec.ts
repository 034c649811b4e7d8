import { join } from 'node:path';

import { ARTIFACTS, expect, signIn, test } from './support/fixtures';

test.describe('API keys', () => {
  test('an admin creates an API key, sees it once, and revokes it', async ({ page, request }) => {
    const name = `E2E key ${Date.now()}`;
    await signIn(page, 'admin', '/admin/api-keys');
    await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();

    await page.getByRole('button', { name: 'Create API key' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Create an API key' })).toBeVisible();
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByRole('checkbox', { name: /View products/ }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();

    await expect(dialog.getByRole('heading', { name: 'Your new API key' })).toBeVisible();
    await expect(dialog.getByRole('alert')).toContainText('It is shown only this once');
    const keyField = dialog.getByLabel(`API key "${name}"`);
    const key = await keyField.inputValue();
    expect(key).toMatch(/^dpk_/);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-api-key-shown-once.png') });
    await dialog.getByRole('button', { name: 'Copy' }).click();

    // The key works, with its scope only.
    const products = await request.get('/api/v1/products?limit=1', { headers: { Authorization: `Bearer ${key}` } });
    expect(products.status()).toBe(200);
    const users = await request.get('/api/v1/users?limit=1', { headers: { Authorization: `Bearer ${key}` } });
    expect(users.status()).toBe(403);

    await dialog.getByRole('button', { name: 'Done, I have copied it' }).click();
    await expect(dialog).toBeHidden();

    const row = page.locator('tr.api-key-row').filter({ hasText: name });
    await expect(row).toContainText('Active');
    await expect(row).toContainText('catalog.products.read');
    await expect(page.locator('body')).not.toContainText(key);
    await page.reload();
    await expect(row).toBeVisible();
    await expect(page.locator('body')).not.toContainText(key);

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);

    // The server may trust a resolved key for a few seconds; it is refused soon after.
    await expect
      .poll(
        async () =>
          (await request.get('/api/v1/products?limit=1', { headers: { Authorization: `Bearer ${key}` } })).status(),
        { timeout: 15_000 },
      )
      .toBe(401);
  });
});
