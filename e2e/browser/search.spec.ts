import { join } from 'node:path';

import { ARTIFACTS, expect, seriousA11yViolations, signIn, test } from './support/fixtures';
import type { Page } from '@playwright/test';

/** The palette's search box (a combobox controlling the result listbox). */
function paletteInput(page: Page) {
  return page.getByRole('combobox', { name: 'Search records and commands' });
}

test.describe('Global search and command palette', () => {
  test('Ctrl+K, a SKU and Enter open the product', async ({ page }) => {
    await signIn(page, 'admin');
    await page.keyboard.press('Control+k');
    await expect(paletteInput(page)).toBeFocused();
    await paletteInput(page).fill('chair-oak-01');
    const first = page.getByRole('option').first();
    await expect(first).toContainText('CHAIR-OAK-01');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(paletteInput(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '');
    await page.screenshot({ path: join(ARTIFACTS, 'command-palette.png') });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('CHAIR-OAK-01');
  });

  test('"/" opens the palette outside text fields and a command takes the user there', async ({ page }) => {
    await signIn(page, 'clerk');
    await page.getByRole('heading', { level: 1 }).first().click();
    await page.keyboard.press('/');
    await expect(paletteInput(page)).toBeFocused();
    await paletteInput(page).fill('low stock');
    await expect(page.getByRole('option', { name: 'Go to low stock' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/stock\/low$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Low stock' })).toBeVisible();

    // Typing "/" into a text field types it.
    await page.goto('/products');
    await page.getByLabel('Search products').fill('');
    await page.getByLabel('Search products').press('/');
    await expect(paletteInput(page)).toBeHidden();
    await expect(page.getByLabel('Search products')).toHaveValue('/');
  });

  test('the top bar search box opens the palette, Escape closes it, and commands follow permissions', async ({
    page,
  }) => {
    await signIn(page, 'viewer');
    await page.getByRole('button', { name: /^Search…/ }).click();
    await expect(paletteInput(page)).toBeFocused();
    await expect(page.getByRole('option', { name: 'Go to products' })).toBeVisible();
    await expect(page.getByRole('option', { name: 'New product' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(paletteInput(page)).toBeHidden();
  });

  test('a saved products view brings its filter back after a reload', async ({ page }) => {
    await signIn(page, 'manager');
    await page.getByLabel('Search products').fill('oak');
    await expect(page).toHaveURL(/[?&]q=oak/);
    await page.getByRole('button', { name: 'Saved views' }).click();
    await page.getByRole('menuitem', { name: 'Save view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('Name').fill('Oak things');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved “Oak things”.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Saved views, current view Oak things' })).toBeVisible();

    await page.goto('/products');
    await expect(page.getByLabel('Search products')).toHaveValue('');
    await page.getByRole('button', { name: 'Saved views' }).click();
    await expect(page.getByRole('menuitem', { name: /Oak things/ })).toBeVisible();
    await page.screenshot({ path: join(ARTIFACTS, 'saved-views-menu.png') });
    await page.getByRole('menuitem', { name: /Oak things/ }).click();
    await expect(page).toHaveURL(/[?&]q=oak/);
    await expect(page.getByLabel('Search products')).toHaveValue('oak');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('the command palette and the saved-views menu have no serious accessibility violations', async ({ page }) => {
      await signIn(page, 'admin');
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
      await page.keyboard.press('Control+k');
      await paletteInput(page).fill('oak');
      await expect(page.getByRole('group', { name: 'Products' })).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-command-palette-${theme}.png`) });
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Saved views' }).click();
      await expect(page.getByRole('menuitem', { name: 'Save view…' })).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-saved-views-menu-${theme}.png`) });
    });
  });
}
