import { type APIRequestContext } from '@playwright/test';
import { join } from 'node:path';

import { ARTIFACTS, adminToken, expect, navLink, seriousA11yViolations, signIn, test } from './support/fixtures';

const HOOK_URL = 'https://hooks.example.com/depot';

/** Registers an endpoint through the API (as admin), for tests about what comes after. */
async function registerViaApi(request: APIRequestContext, description: string): Promise<{ id: string }> {
  const created = await request.post('/api/v1/webhooks', {
    headers: { Authorization: `Bearer ${await adminToken(request)}` },
    data: { url: HOOK_URL, description, eventTypes: ['product.updated'] },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string };
}

test.describe('Webhooks', () => {
  test('an admin registers a webhook and sees its signing secret only once', async ({ page }) => {
    const description = `E2E hook ${Date.now()}`;
    await signIn(page, 'admin', '/products');
    await navLink(page, 'Webhooks').click();
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Register webhook' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Register a webhook' })).toBeVisible();
    await dialog.getByLabel('Endpoint URL').fill(HOOK_URL);
    await dialog.getByLabel('Description (optional)').fill(description);
    await dialog.getByRole('checkbox', { name: /product\.updated/ }).check();
    await dialog.getByRole('button', { name: 'Register webhook' }).click();

    await expect(dialog.getByRole('heading', { name: 'Webhook registered' })).toBeVisible();
    await expect(dialog.getByRole('alert')).toContainText('It is shown only this once');
    const secret = await dialog.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-webhook-secret-shown-once.png') });
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByRole('button', { name: 'Done, I have copied it' }).click();
    await expect(dialog).toBeHidden();

    const row = page.locator('tr.webhook-row').filter({ hasText: description });
    await expect(row).toContainText('product.updated');
    await expect(row).toContainText('Enabled');
    await expect(page.locator('body')).not.toContainText(secret);
    await page.reload();
    await expect(row).toBeVisible();
    await expect(page.locator('body')).not.toContainText(secret);

    // The detail page (the owner's "endpoint disabled" e-mail links there) does not show it either.
    await row.getByRole('link', { name: HOOK_URL }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks\/[0-9a-f-]+$/);
    await expect(page.getByRole('heading', { name: description, level: 1 })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(secret);
  });

  test('a loopback URL is refused with a message on the URL field', async ({ page }) => {
    await signIn(page, 'admin', '/admin/webhooks');
    await page.getByRole('button', { name: 'Register webhook' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Endpoint URL').fill('http://127.0.0.1:9/x');
    await dialog.getByRole('checkbox', { name: /product\.updated/ }).check();
    await dialog.getByRole('button', { name: 'Register webhook' }).click();

    const urlField = dialog.locator('mat-form-field').filter({ has: page.getByLabel('Endpoint URL') });
    await expect(urlField).toContainText('The URL must not point to a private, loopback or special-purpose address');
    await expect(dialog.getByRole('heading', { name: 'Register a webhook' })).toBeVisible();
    await expect(dialog.getByLabel('Signing secret')).toHaveCount(0);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-webhook-url-refused.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

  test('a test event shows in the delivery log, where its request can be read', async ({ page, request }) => {
    // Two axe runs (light and dark) on a long page.
    test.slow();
    const description = `E2E test event ${Date.now()}`;
    const { id } = await registerViaApi(request, description);
    await signIn(page, 'admin', `/admin/webhooks/${id}`);
    await expect(page.getByRole('heading', { name: description, level: 1 })).toBeVisible();
    await expect(page.getByText('No deliveries yet.')).toBeVisible();

    // hooks.example.com cannot be reached from the test machine: the delivery is pending or failed.
    await page.getByRole('button', { name: 'Send test event' }).click();
    const delivery = page.locator('tr.delivery-row').filter({ hasText: 'webhook.test' });
    await expect(delivery).toHaveCount(1);
    await expect(delivery).toContainText(/Pending|Failed/);
    await expect(delivery.locator('td[data-column="attempts"]')).toHaveText(/^\d+$/);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(delivery).toHaveCount(1);
    await delivery.getByRole('button', { name: /Show request and response/ }).click();
    await expect(page.getByLabel('Request body')).toContainText('"type": "webhook.test"');

    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-webhook-deliveries.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveClass(/theme-dark/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-webhook-deliveries-dark.png') });
    await page.getByRole('heading', { name: description, level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'browser-webhook-detail-dark.png') });
  });

  test('an admin switches a webhook off and on again, then deletes it', async ({ page, request }) => {
    const description = `E2E switch ${Date.now()}`;
    const { id } = await registerViaApi(request, description);
    await signIn(page, 'admin', `/admin/webhooks/${id}`);

    const toggle = page.getByRole('switch', { name: 'Send events to this endpoint' });
    const status = page.locator('.status-line');
    await expect(toggle).toBeChecked();
    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await expect(status).toContainText('Disabled');
    await page.reload();
    await expect(toggle).not.toBeChecked();
    await toggle.click();
    await expect(toggle).toBeChecked();
    await expect(status).toContainText('Enabled');

    await page.getByRole('button', { name: 'Delete webhook' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('This cannot be undone.');
    await confirm.getByRole('button', { name: 'Delete webhook' }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await expect(page.locator('tr.webhook-row').filter({ hasText: description })).toHaveCount(0);
  });
});
