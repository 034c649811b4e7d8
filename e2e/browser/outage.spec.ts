import { type Page, type Route } from '@playwright/test';
import { join } from 'node:path';

import {
  ARTIFACTS,
  createProductViaApi,
  expect,
  navLink,
  productRows,
  seriousA11yViolations,
  signIn,
  test,
  uniqueSku,
} from './support/fixtures';

const API = '**/api/v1/**';
/** Waiting out an outage takes a few rounds of backoff (1 s, 2 s, 4 s...) after the route is lifted. */
const RECOVERY = { timeout: 20_000 };

/** What the API answers while its database is unreachable. */
function unavailable(route: Route): Promise<void> {
  return route.fulfill({
    status: 503,
    contentType: 'application/problem+json',
    headers: { 'Retry-After': '1' },
    body: JSON.stringify({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The service is temporarily unavailable; retry shortly.',
      code: 'SERVER.UNAVAILABLE',
    }),
  });
}

/** A deploy: nothing answers at all. */
function unreachable(route: Route): Promise<void> {
  return route.abort('connectionrefused');
}

function banner(page: Page) {
  return page.locator('app-outage-banner .banner.active');
}

/** The banner says so, and a few rounds of retries have gone by (so it does keep trying). */
async function expectRetrying(page: Page, attempts: number): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Depot is unavailable — retrying…' })).toBeVisible();
  await expect(banner(page).getByRole('button', { name: 'Retry now' })).toBeVisible();
  await expect(banner(page).locator('.progress')).toContainText(`Attempt ${attempts}`, RECOVERY);
}

async function expectRecovered(page: Page): Promise<void> {
  await expect(banner(page)).toHaveCount(0, RECOVERY);
  await expect(page.getByRole('status').filter({ hasText: 'Depot is unavailable' })).toHaveCount(0);
}

test.describe('riding out an outage', () => {
  test('a reload while the database is down keeps the session, says so, and the page comes back by itself', async ({
    page,
  }) => {
    await signIn(page, 'admin', '/products');
    await expect(productRows(page).first()).toBeVisible();

    await page.route(API, unavailable);
    await page.reload();

    // The refresh cookie is httpOnly: only the server can say whether there is a session.
    await expectRetrying(page, 3);
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page).toHaveURL(/\/products$/);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-outage-reload-restoring.png') });

    await page.unroute(API);
    await expect(productRows(page).first()).toBeVisible(RECOVERY);
    await expect(page).toHaveURL(/\/products$/);
    await expectRecovered(page);
  });

  test('a reload during a deploy (no answer at all) does not land on the login page', async ({ page }) => {
    await signIn(page, 'admin', '/products');
    await expect(productRows(page).first()).toBeVisible();

    await page.route(API, unreachable);
    await page.reload();

    await expectRetrying(page, 3);
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page).toHaveURL(/\/products$/);

    await page.unroute(API);
    await expect(productRows(page).first()).toBeVisible(RECOVERY);
    await expectRecovered(page);
  });

  test('navigating during a deploy keeps the page loading, then shows its data', async ({ page }) => {
    await signIn(page, 'admin', '/products');
    await expect(productRows(page).first()).toBeVisible();

    await page.route(API, unreachable);
    await navLink(page, 'Warehouses').click();

    await expect(page).toHaveURL(/\/warehouses$/);
    await expectRetrying(page, 2);
    await expect(page.locator('tr.warehouse-row')).toHaveCount(0);

    await page.unroute(API);
    await expect(page.locator('tr.warehouse-row, li.warehouse-row').first()).toBeVisible(RECOVERY);
    await expectRecovered(page);
  });

  test('"Retry now" tries at once instead of waiting for the countdown', async ({ page }) => {
    await signIn(page, 'admin', '/products');
    await expect(productRows(page).first()).toBeVisible();

    let attempts = 0;
    await page.route(API, (route) => {
      attempts++;
      return route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        headers: { 'Retry-After': '30' },
        body: JSON.stringify({ title: 'Service Unavailable', status: 503, code: 'SERVER.UNAVAILABLE' }),
      });
    });
    await navLink(page, 'Warehouses').click();
    await expect(banner(page).locator('.progress')).toContainText(/Attempt 2 in \d+ s/);
    const before = attempts;

    await page.unroute(API);
    await banner(page).getByRole('button', { name: 'Retry now' }).click();

    await expect(page.locator('tr.warehouse-row').first()).toBeVisible({ timeout: 5_000 });
    await expectRecovered(page);
    expect(before).toBeGreaterThan(0);
  });

  test("a save during an outage is not retried behind the user's back and says nothing was changed", async ({
    page,
    request,
  }) => {
    const sku = uniqueSku('E2E-OUTAGE');
    const { id } = await createProductViaApi(request, { sku, name: 'Outage widget', priceMinor: 1000 });
    await signIn(page, 'admin', `/products/${id}/edit`);
    await expect(page.getByLabel('Price', { exact: true })).toHaveValue('10.00');

    let writes = 0;
    await page.route(API, (route) => {
      if (route.request().method() === 'GET') {
        return route.fallback();
      }
      writes++;
      return unavailable(route);
    });
    await page.getByLabel('Price', { exact: true }).fill('12.34');
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByRole('alert')).toContainText('Depot is unavailable right now, so nothing was changed.');
    await expect(page).not.toHaveURL(/\/login/);
    expect(writes).toBe(1);

    await page.unroute(API);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(`Saved ${sku}.`)).toBeVisible();
  });

  test('the login page says so when signing in meets an outage, and shows the banner while it waits', async ({
    page,
  }) => {
    await page.goto('/login');
    await page.route('**/api/v1/auth/login', unavailable);
    await page.getByLabel('Email').fill('admin@depot.local');
    await page.getByLabel('Password').fill('depot-demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Depot is unavailable right now. Try again in a moment.');
    await page.unroute('**/api/v1/auth/login');

    // Signed in, but loading the profile meets the outage: it is waited out on the login page.
    await page.route('**/api/v1/auth/me', unavailable);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectRetrying(page, 2);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-outage-login-page.png') });

    await page.unroute('**/api/v1/auth/me');
    await expect(page).not.toHaveURL(/\/login/, RECOVERY);
    await expectRecovered(page);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`the outage banner in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('is readable and has no serious accessibility violations, wide and on a phone', async ({ page }) => {
      await signIn(page, 'admin', '/products');
      await expect(productRows(page).first()).toBeVisible();

      await page.route(API, unavailable);
      await navLink(page, 'Warehouses').click();
      await expectRetrying(page, 2);
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
      await page.screenshot({ path: join(ARTIFACTS, `browser-outage-banner-${theme}.png`) });
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 390, height: 844 });
      await expect(banner(page).getByRole('button', { name: 'Retry now' })).toBeInViewport();
      await page.screenshot({ path: join(ARTIFACTS, `browser-outage-banner-${theme}-phone.png`) });
      // Only the banner: the empty warehouse table scrolls sideways on a phone and axe wants a
      // keyboard-focusable scroll region there (a finding of that page, not of the banner).
      expect(await seriousA11yViolations(page, 'app-outage-banner')).toEqual([]);

      await page.unroute(API);
      await expect(page.locator('tr.warehouse-row, li.warehouse-row').first()).toBeVisible(RECOVERY);
      await expectRecovered(page);
    });

    test('while the start-up session restore waits, has no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin', '/products');
      await expect(productRows(page).first()).toBeVisible();
      await page.setViewportSize({ width: 390, height: 844 });

      await page.route(API, unavailable);
      await page.reload();
      await expectRetrying(page, 2);
      await page.screenshot({ path: join(ARTIFACTS, `browser-outage-restoring-${theme}-phone.png`) });
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.unroute(API);
      await expect(productRows(page).first()).toBeVisible(RECOVERY);
    });
  });
}
