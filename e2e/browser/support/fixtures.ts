import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';

export { expect };

export const DEMO_PASSWORD = 'depot-demo-password';
export const ARTIFACTS = resolve(__dirname, '..', '..', '.artifacts');

export type DemoUser = 'admin' | 'manager' | 'clerk' | 'viewer';

/** `test` that saves a screenshot of the page at the end of every test into e2e/.artifacts/. */
export const test = base.extend<{ screenshotAfter: void }>({
  screenshotAfter: [
    async ({ page }, use, testInfo) => {
      await use();
      const name = testInfo.titlePath
        .slice(1)
        .join(' ')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-');
      await page.screenshot({ path: join(ARTIFACTS, `browser-${name}.png`), fullPage: true }).catch(() => undefined);
    },
    { auto: true },
  ],
});

/** Signs in through the login page and waits for the product list. */
export async function signIn(page: Page, user: DemoUser, path = '/products'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Sign in to Depot' })).toBeVisible();
  await page.getByLabel('Email').fill(`${user}@depot.local`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 }).first()).not.toHaveText('Sign in to Depot');
}

/** Signs in through the login page with any account, and waits until the app has left the login page. */
export async function signInAs(page: Page, email: string, password: string, path = '/products'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Sign in to Depot' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Signs out through the account menu. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** An entry of the main navigation (the sidebar). */
export function navLink(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: label, exact: true });
}

/** An access token of the demo admin, for tests that set things up or read the dev mailbox through the API. */
export async function adminToken(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', {
    data: { email: 'admin@depot.local', password: DEMO_PASSWORD },
  });
  expect(login.ok(), await login.text()).toBe(true);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** A message of the development mailbox, as `GET /api/v1/dev/mailbox` returns it. */
export interface DevMail {
  id: string;
  to: string;
  subject: string;
  template: string;
  text: string;
  html: string;
}

/**
 * The newest e-mail of `template` sent to `email`, read from the development mailbox as an admin.
 * Requests only queue their mail and a background worker delivers it after commit, so this
 * polls until it has arrived (or fails after `timeout`).
 */
export async function waitForMail(
  request: APIRequestContext,
  email: string,
  template: string,
  timeout = 10_000,
): Promise<DevMail> {
  const token = await adminToken(request);
  let found: DevMail | undefined;
  await expect(async () => {
    const response = await request.get(`/api/v1/dev/mailbox?to=${encodeURIComponent(email)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status(), await response.text()).toBe(200);
    const { items } = (await response.json()) as { items: DevMail[] };
    found = items.find((message) => message.template === template);
    expect(found, `the ${template} e-mail to ${email}`).toBeDefined();
  }).toPass({ timeout });
  return found!;
}

/** Creates a user with an initial password through the API (as admin). */
export async function createUserViaApi(
  request: APIRequestContext,
  user: { email: string; displayName: string; roles: string[]; initialPassword: string },
): Promise<{ id: string }> {
  const token = await adminToken(request);
  const created = await request.post('/api/v1/users', {
    headers: { Authorization: `Bearer ${token}` },
    data: user,
  });
  expect(created.status(), await created.text()).toBe(201);
  // Replace the temporary password (with the same one), as the user would on first sign-in.
  const signIn = await request.post('/api/v1/auth/login', {
    data: { email: user.email, password: user.initialPassword },
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const changed = await request.post('/api/v1/me/password', {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { currentPassword: user.initialPassword, newPassword: user.initialPassword },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  return (await created.json()) as { id: string };
}

/** An e-mail address no other test run has used. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}@depot.local`;
}

/** A password the server's policy accepts (long, not a common one). */
export function strongPassword(): string {
  return `amber kettle ${Math.floor(Math.random() * 1_000_000)} orbit`;
}

/** Rows of the product table. */
export function productRows(page: Page) {
  return page.locator('tr.product-row, li.product-row');
}

/**
 * Serious and critical axe findings (WCAG 2 A and AA), formatted for a readable failure; of the
 * whole page, or only of the part that `include` selects.
 */
export async function seriousA11yViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join('; ')})`,
    );
}

/** Creates a product through the API (as admin), for tests that are about something else. */
export async function createProductViaApi(
  request: APIRequestContext,
  product: { sku: string; name: string; priceMinor: number; currency?: string },
): Promise<{ id: string; version: number }> {
  const login = await request.post('/api/v1/auth/login', {
    data: { email: 'admin@depot.local', password: DEMO_PASSWORD },
  });
  expect(login.ok(), await login.text()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await request.post('/api/v1/products', {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { currency: 'EUR', ...product },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string; version: number };
}

/** A SKU no other test run has used. */
export function uniqueSku(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
}
