import { join } from 'node:path';

import {
  ARTIFACTS,
  createUserViaApi,
  expect,
  signInAs,
  strongPassword,
  test,
  uniqueEmail,
  waitForMail,
} from './support/fixtures';

test.describe('password reset', () => {
  test('a user resets a forgotten password with the link from the development mailbox', async ({ page, request }) => {
    const email = uniqueEmail('e2e-forgot');
    const oldPassword = strongPassword();
    const newPassword = strongPassword();
    await createUserViaApi(request, {
      email,
      displayName: 'Finn Forgot',
      roles: ['viewer'],
      initialPassword: oldPassword,
    });

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'If an account exists' })).toContainText(email);

    // The server delivers the e-mail into its development mailbox after the request; read it as
    // the admin would.
    const mail = await waitForMail(request, email, 'password-reset');
    const link = /\/reset-password\?token=[\w-]+/.exec(mail.text)?.[0] ?? '';
    expect(link).not.toBe('');

    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('Repeat the new password').fill('password1234');
    await page.getByRole('button', { name: 'Save new password' }).click();
    // The policy refuses a common password, on the field.
    const newPasswordField = page
      .locator('mat-form-field')
      .filter({ has: page.getByLabel('New password', { exact: true }) });
    await expect(newPasswordField.locator('mat-error')).not.toBeEmpty();
    await page.screenshot({ path: join(ARTIFACTS, 'browser-password-reset-policy-error.png') });

    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('status').filter({ hasText: 'Your password is set' })).toHaveText(
      'Your password is set. Sign in with it.',
    );

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(oldPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Invalid email or password.');

    await signInAs(page, email, newPassword);
    await expect(page.getByRole('heading', { name: 'Products' })).toBeVisible();

    // The link works once.
    const another = strongPassword();
    await page.goto(link);
    await page.getByLabel('New password', { exact: true }).fill(another);
    await page.getByLabel('Repeat the new password').fill(another);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(page.getByRole('alert')).toContainText('This link has expired or was already used.');
  });
});
