import { join } from 'node:path';

import {
  ARTIFACTS,
  adminToken,
  expect,
  navLink,
  seriousA11yViolations,
  signIn,
  test,
  uniqueEmail,
  waitForMail,
} from './support/fixtures';

test.describe('Outgoing mail', () => {
  test('an administrator sees an invitation go out, with its status and attempts', async ({ page, request }) => {
    const email = uniqueEmail('e2e-outbox');
    const created = await request.post('/api/v1/users', {
      headers: { Authorization: `Bearer ${await adminToken(request)}` },
      data: { email, displayName: 'Olga Outbox', roles: ['viewer'] },
    });
    expect(created.status(), await created.text()).toBe(201);
    // Delivered in the background into the development mailbox (no SMTP server in the tests).
    await waitForMail(request, email, 'invite');

    await signIn(page, 'admin');
    await navLink(page, 'Outgoing mail').click();
    await expect(page.getByRole('heading', { name: 'Outgoing mail', level: 1 })).toBeVisible();
    await page.getByLabel('Recipient').fill(email);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/admin/mail' && url.searchParams.get('to') === email);

    const row = page.locator('tr.mail-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('You are invited to Depot');
    await expect(row.locator('.badge')).toHaveText('Sent');
    await expect(row.locator('td[data-column="attempts"]')).toHaveText('1');
    // Only failed messages can be sent again.
    await expect(row.getByRole('button', { name: /Send the message/ })).toHaveCount(0);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-outgoing-mail.png'), fullPage: true });

    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
