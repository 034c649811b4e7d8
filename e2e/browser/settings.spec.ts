import { type APIRequestContext, type Page } from '@playwright/test';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

import { ARTIFACTS, adminToken, expect, navLink, seriousA11yViolations, signIn, test } from './support/fixtures';

/** A valid IBAN (the usual German test account), as a person types it and as the server stores it. */
const IBAN_TYPED = 'DE89 3704 0044 0532 0130 00';
const IBAN_STORED = 'DE89370400440532013000';
/** The same account with a wrong check digit: only the server's IBAN check notices. */
const IBAN_BAD = 'DE00 3704 0044 0532 0130 00';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small logo (160 x 48): a dark blue bar with a lighter band, a real PNG of a few hundred bytes. */
function logoPng(width = 160, height = 48): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const band = y > 18 && y < 30 && x > 16 && x < width - 16;
      row.set(band ? [0x9f, 0xc5, 0xff] : [0x1a, 0x3c, 0x7a], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

interface CompanySettings {
  iban: string | null;
  complete: boolean;
  missing: string[];
  version: number;
}

/** The company settings API as the demo admin (with its own cookies: the page's session is untouched). */
async function settingsApi(request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  return {
    get: async (): Promise<CompanySettings> => {
      const response = await request.get('/api/v1/settings/company', { headers });
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as CompanySettings;
    },
    patch: async (data: Record<string, unknown>): Promise<CompanySettings> => {
      const response = await request.patch('/api/v1/settings/company', { headers, data });
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as CompanySettings;
    },
  };
}

/** A field of the settings form (its `mat-form-field`, with label, hint and error). */
function formField(page: Page, label: string) {
  return page.locator('mat-form-field').filter({ has: page.getByLabel(label, { exact: true }) });
}

async function openSettings(page: Page): Promise<void> {
  await signIn(page, 'admin', '/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Company settings' })).toBeVisible();
  await expect(page.getByLabel('Legal name', { exact: true })).toHaveValue('Depot Demo GmbH');
}

test.describe('Company settings', () => {
  test('an admin checks the demo company, has a wrong IBAN refused, saves the right one and uploads a logo', async ({
    page,
  }) => {
    await signIn(page, 'admin', '/products');
    await navLink(page, 'Company settings').click();
    await expect(page).toHaveURL(/\/admin\/settings$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Company settings' })).toBeVisible();

    // The demo company, complete: nothing is said to be missing.
    await expect(page.getByLabel('Legal name', { exact: true })).toHaveValue('Depot Demo GmbH');
    await expect(page.getByLabel('City', { exact: true })).toHaveValue('Berlin');
    await expect(page.getByLabel('Country', { exact: true })).toContainText('Germany');
    await expect(page.getByText('Invoices cannot be issued yet.')).toHaveCount(0);
    for (const section of ['Company', 'Address', 'Tax', 'Contact', 'Bank account', 'Documents', 'Logo']) {
      await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
    }
    await expect(formField(page, 'Invoices')).toContainText(/Numbers look like INV-\d{4}-000001/);

    // A wrong check digit passes the browser and is refused by the server, on the IBAN field.
    const iban = page.getByLabel('IBAN', { exact: true });
    await iban.fill(IBAN_BAD);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const ibanError = formField(page, 'IBAN').locator('mat-error');
    await expect(ibanError).toBeVisible();
    await expect(ibanError).toHaveText('Not a valid IBAN (check digits or length)');
    await expect(iban).toBeFocused();
    await ibanError.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'browser-company-settings-iban-refused.png') });

    // Corrected, it saves; the server stores it without spaces.
    await iban.fill(IBAN_TYPED);
    await expect(ibanError).toHaveCount(0);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved the company settings.')).toBeVisible();
    await expect(iban).toHaveValue(IBAN_STORED);
    await page.reload();
    await expect(page.getByLabel('IBAN', { exact: true })).toHaveValue(IBAN_STORED);

    // A logo is uploaded as soon as it is chosen and shows in the preview (served without a token).
    await page.locator('input[type="file"]').setInputFiles({
      name: 'depot-logo.png',
      mimeType: 'image/png',
      buffer: logoPng(),
    });
    await expect(page.getByText('Uploaded the new logo.')).toBeVisible();
    const preview = page.getByRole('img', { name: 'Your company logo' });
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(160);
    await expect(page.getByRole('button', { name: 'Replace logo' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Remove logo' })).toBeVisible();
    await page.getByRole('heading', { level: 2, name: 'Logo' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'browser-company-settings-logo.png') });

    // A file that is not a PNG or JPEG is refused before it is sent.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'The logo must be a PNG or JPEG image.' })).toBeVisible();
    await expect(preview).toBeVisible();
  });

  test('while the IBAN is missing, the dashboard and the settings page say what invoices still need', async ({
    page,
    request,
  }) => {
    const api = await settingsApi(request);
    const before = await api.get();
    await api.patch({ version: before.version, iban: null });
    try {
      await signIn(page, 'admin', '/dashboard');
      const banner = page.getByRole('status').filter({ hasText: 'Fill in your company details' });
      await expect(banner).toContainText('Fill in your company details before issuing the first invoice.');
      await expect(banner).toContainText('Still missing: IBAN.');
      await page.screenshot({ path: join(ARTIFACTS, 'browser-company-settings-dashboard-banner.png') });
      await banner.getByRole('link', { name: 'Company settings' }).click();

      await expect(page).toHaveURL(/\/admin\/settings$/);
      const missing = page.getByRole('status').filter({ hasText: 'Invoices cannot be issued yet.' });
      await expect(missing.getByRole('listitem')).toHaveText(['IBAN']);
    } finally {
      const current = await api.get();
      await api.patch({ version: current.version, iban: before.iban ?? IBAN_STORED });
    }
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('the company settings page has no serious accessibility violations', async ({ page }) => {
      await openSettings(page);
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-company-settings-${theme}.png`), fullPage: true });
      // The page scrolls inside the shell: the logo and the history need a picture of their own.
      await page.getByRole('heading', { level: 2, name: 'Logo' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-company-settings-logo-${theme}.png`) });
    });
  });
}
