import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ARTIFACTS, expect, navLink, signIn, signInAs, strongPassword, test, uniqueEmail } from './support/fixtures';

test.describe('roles and users', () => {
  test("an admin edits a role and the affected user's navigation changes", async ({ page, browser }) => {
    const roleName = `e2e-user-readers-${Date.now()}`;
    const email = uniqueEmail('e2e-reader');
    const password = strongPassword();
    await signIn(page, 'admin');

    await test.step('the admin creates a custom role that may read users', async () => {
      await navLink(page, 'Roles').click();
      await expect(page).toHaveURL(/\/admin\/roles$/);
      await page.getByRole('link', { name: 'New role' }).click();
      await page.getByLabel('Name', { exact: true }).fill(roleName);
      await page.getByLabel('Description').fill('Reads products and users');
      await page.getByRole('checkbox', { name: /View products/ }).check();
      await page.getByRole('checkbox', { name: /View users/ }).check();
      await expect(page.getByRole('group', { name: /Identity/ })).toContainText('1 of');
      await page.getByRole('button', { name: 'Create role' }).click();
      await expect(page.getByText(`Created the role ${roleName}.`)).toBeVisible();
      await expect(page.getByRole('heading', { name: `Role: ${roleName}` })).toBeVisible();
    });

    await test.step('the audit log exports the filtered trail, with the new role, as CSV', async () => {
      await navLink(page, 'Audit log').click();
      await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
      await page.getByLabel('Entity type').fill('role');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect(page).toHaveURL(/[?&]entityType=role\b/);
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      const [header] = csv.split(/\r?\n/, 1);
      expect(header).toBe('occurred_at,actor_type,actor,actor_id,action,entity_type,entity_id,changes,request_id,ip');
      expect(csv).toContain('identity.role.created');
      expect(csv).toContain(roleName);
    });

    await test.step('the admin creates a user with that role and an initial password', async () => {
      await navLink(page, 'Users').click();
      await page.getByRole('link', { name: 'New user' }).click();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Display name').fill('Rita Reader');
      await page.getByRole('combobox', { name: 'Roles' }).click();
      await page.getByRole('option', { name: roleName }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('radio', { name: /Set an initial password/ }).check();
      await page.getByRole('textbox', { name: 'Initial password' }).fill(password);
      await page.getByRole('button', { name: 'Create user' }).click();
      await expect(page.getByRole('heading', { name: 'Rita Reader' })).toBeVisible();
      await expect(page.getByRole('checkbox', { name: new RegExp(roleName) })).toBeChecked();
    });

    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    await test.step('the user signs in elsewhere and must first replace the temporary password', async () => {
      await signInAs(reader, email, password, '/admin/users');
      await expect(reader.getByRole('heading', { name: 'Choose your own password' })).toBeVisible();
      await reader.getByRole('link', { name: 'Choose a password' }).click();
      await reader.getByLabel('Current password').fill(password);
      await reader.getByLabel('New password').fill(`${password} again`);
      await reader.getByRole('button', { name: 'Change password' }).click();
      await expect(reader.getByText('Password changed.')).toBeVisible();
      await reader.goto('/admin/users');
    });

    await test.step('then sees "Users" in the navigation', async () => {
      await expect(navLink(reader, 'Users')).toBeVisible();
      await expect(navLink(reader, 'Roles')).toHaveCount(0);
      await expect(reader.getByRole('table', { name: 'Users' })).toContainText(email);
    });

    await test.step('the admin takes the permission away from the role', async () => {
      await navLink(page, 'Roles').click();
      await page.getByRole('link', { name: roleName, exact: true }).click();
      await page.getByRole('checkbox', { name: /View users/ }).uncheck();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText(`Saved the role ${roleName}.`)).toBeVisible();
    });

    await test.step('after a reload the user no longer has "Users" in the navigation', async () => {
      // The server trusts a resolved session for up to 5 s; reload until the change shows.
      await expect(async () => {
        await reader.reload();
        await expect(navLink(reader, 'Products')).toBeVisible();
        await expect(navLink(reader, 'Users')).toHaveCount(0);
      }).toPass({ timeout: 20_000 });
      await reader.goto('/admin/users');
      await expect(reader.getByRole('heading', { name: 'Forbidden' })).toBeVisible();
      await reader.screenshot({ path: join(ARTIFACTS, 'browser-roles-user-without-users-permission.png') });
    });
    await readerContext.close();
  });

  test('a built-in role shows its permissions read-only and only the MFA switch can change', async ({ page }) => {
    await signIn(page, 'admin', '/admin/roles');
    await page.getByRole('link', { name: 'viewer', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Role: viewer' })).toBeVisible();
    await expect(page.getByText('Built-in roles keep their name and permissions')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /View products/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /View products/ })).toBeDisabled();
    await expect(page.getByLabel('Name', { exact: true })).toBeDisabled();
    await expect(page.getByRole('switch', { name: 'Require two-factor authentication' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Delete role' })).toHaveCount(0);
  });
});
