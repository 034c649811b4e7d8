import { join } from 'node:path';
import { generateSync } from 'otplib';

import {
  ARTIFACTS,
  createUserViaApi,
  expect,
  signInAs,
  signOut,
  strongPassword,
  test,
  uniqueEmail,
} from './support/fixtures';

/** The code an authenticator app shows `offsetSeconds` from now. */
function totp(secret: string, offsetSeconds = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

test.describe('two-factor authentication', () => {
  test('a user sets up an authenticator app on the profile page and signs in with a code', async ({
    page,
    request,
  }) => {
    const email = uniqueEmail('e2e-mfa');
    const password = strongPassword();
    await createUserViaApi(request, { email, displayName: 'Mia Factor', roles: ['clerk'], initialPassword: password });
    await signInAs(page, email, password);

    let secret = '';
    await test.step('set up: scan or type the key, confirm with a code, see the recovery codes once', async () => {
      await page.getByRole('button', { name: /Account menu/ }).click();
      await page.getByRole('menuitem', { name: 'My profile' }).click();
      await expect(page).toHaveURL(/\/profile$/);
      await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();

      await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
      secret = ((await page.locator('#mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await page.screenshot({ path: join(ARTIFACTS, 'browser-mfa-setup.png') });

      await page.getByLabel('6-digit code').fill(totp(secret));
      await page.getByRole('button', { name: 'Turn on' }).click();

      const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
      await expect(codes).toHaveCount(10);
      await expect(page.getByText('This is the only time they are shown.')).toBeVisible();
      await page.screenshot({ path: join(ARTIFACTS, 'browser-mfa-recovery-codes.png') });
      await page.getByRole('button', { name: 'I have saved them' }).click();
      await expect(codes).toHaveCount(0);
      await expect(page.getByText('Signing in asks for a code')).toBeVisible();
    });

    await signOut(page);

    await test.step('sign in: the password, then a code from the app', async () => {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();

      await page.getByLabel('Authentication code').fill('000000');
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect(page.getByRole('alert')).toContainText('That code did not work.');
      await page.screenshot({ path: join(ARTIFACTS, 'browser-mfa-login-code-step.png') });

      // The code of the step used to turn MFA on is spent (replays are refused); the app's next
      // code is accepted, as the server allows one step of clock drift.
      await page.getByLabel('Authentication code').fill(totp(secret, 30));
      await page.getByRole('button', { name: 'Verify' }).click();
      // Without a return URL, signing in opens the start page: the dashboard.
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    });
  });
});
