import { join } from 'node:path';

import { ARTIFACTS, expect, navLink, seriousA11yViolations, signIn, test } from './support/fixtures';

const CARDS = ['Build', 'Database', 'Redis', 'Outbox', 'Mail queue', 'Last backup', 'Replicas', 'Failing webhooks'];

test.describe('Operations page', () => {
  test('an administrator sees the deployment: build, replicas, database and queues', async ({ page }) => {
    await signIn(page, 'admin');
    await navLink(page, 'Operations').click();
    await expect(page).toHaveURL(/\/admin\/operations$/);
    await expect(page.getByRole('heading', { name: 'Operations', level: 1 })).toBeVisible();
    for (const card of CARDS) {
      await expect(page.getByRole('region', { name: card })).toBeVisible();
    }
    // The server that answered is listed from its own heartbeat.
    await expect(page.getByRole('region', { name: 'Replicas' }).getByRole('row')).not.toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Replicas' })).toContainText('this one');
    await expect(page.getByRole('region', { name: 'Database' })).toContainText('PostgreSQL');
    await page.screenshot({ path: join(ARTIFACTS, 'operations-page.png'), fullPage: true });
  });

  test('a clerk has no operations page', async ({ page }) => {
    await signIn(page, 'clerk');
    await expect(navLink(page, 'Operations')).toHaveCount(0);
    await page.goto('/admin/operations');
    await expect(page.getByRole('heading', { name: 'Operations', level: 1 })).toHaveCount(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    test.describe(`in the ${theme} theme`, () => {
      test.use({ colorScheme: theme });

      test('the operations page has no serious accessibility violations', async ({ page }) => {
        await signIn(page, 'admin', '/admin/operations');
        await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
        await expect(page.getByRole('region', { name: 'Replicas' })).toContainText('this one');
        await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-operations-${theme}.png`), fullPage: true });
        expect(await seriousA11yViolations(page)).toEqual([]);
      });
    });
  }
});
