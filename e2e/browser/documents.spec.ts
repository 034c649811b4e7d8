import { type APIRequestContext, type Download, type Locator, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ARTIFACTS, adminToken, expect, seriousA11yViolations, signIn, test, uniqueEmail } from './support/fixtures';

/** A demo product with opening stock in BER-1, sold to the demo customer NORDIC. */
const PRODUCT_SKU = 'CHAIR-OAK-02';
const WAREHOUSE_CODE = 'BER-1';
const CUSTOMER_CODE = 'NORDIC';
/** NORDIC's address in the demo data. */
const CUSTOMER_EMAIL = 'purchasing@nordic-retail.example';
const COMPANY = 'Depot Demo GmbH';

interface Order {
  id: string;
  number: string;
  version: number;
  lines: { id: string; quantity: number }[];
}

/**
 * The sales order API as the demo admin, for tests about what happens after an order is placed.
 * (With its own cookies: `page.request` would sign the page in as the admin too.)
 */
async function salesApi(request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const get = async <T>(path: string): Promise<T> => {
    const response = await request.get(path, { headers });
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as T;
  };
  const post = async <T>(path: string, data: object, status = 200): Promise<T> => {
    const response = await request.post(path, {
      headers: { ...headers, 'Idempotency-Key': randomUUID() },
      data,
    });
    expect(response.status(), await response.text()).toBe(status);
    return (await response.json()) as T;
  };
  return {
    /** A draft for one line of the demo chair. */
    async draft(quantity: number): Promise<Order> {
      const customers = await get<{ items: { id: string; code: string }[] }>(`/api/v1/customers?q=${CUSTOMER_CODE}`);
      const warehouses = await get<{ items: { id: string; code: string }[] }>('/api/v1/warehouses?limit=100');
      const products = await get<{ items: { id: string; sku: string }[] }>(`/api/v1/products?q=${PRODUCT_SKU}`);
      return post<Order>(
        '/api/v1/sales-orders',
        {
          customerId: customers.items.find((customer) => customer.code === CUSTOMER_CODE)?.id,
          warehouseId: warehouses.items.find((warehouse) => warehouse.code === WAREHOUSE_CODE)?.id,
          lines: [{ productId: products.items.find((product) => product.sku === PRODUCT_SKU)?.id, quantity }],
        },
        201,
      );
    },
    /** A draft, confirmed and shipped in full. */
    async shipped(quantity: number): Promise<Order> {
      const draft = await this.draft(quantity);
      const confirmed = await post<Order>(`/api/v1/sales-orders/${draft.id}/confirm`, { version: draft.version });
      return post<Order>(`/api/v1/sales-orders/${draft.id}/fulfil`, {
        version: confirmed.version,
        lines: confirmed.lines.map((line) => ({ lineId: line.id, quantity: line.quantity })),
      });
    },
    /** A purchase order for ACME, submitted (or a draft when `submit` is false). */
    async purchaseOrder(submit: boolean): Promise<Order> {
      const suppliers = await get<{ items: { id: string; code: string }[] }>('/api/v1/suppliers?q=ACME');
      const warehouses = await get<{ items: { id: string; code: string }[] }>('/api/v1/warehouses?limit=100');
      const products = await get<{ items: { id: string; sku: string }[] }>(`/api/v1/products?q=${PRODUCT_SKU}`);
      const draft = await post<Order>(
        '/api/v1/purchase-orders',
        {
          supplierId: suppliers.items.find((supplier) => supplier.code === 'ACME')?.id,
          warehouseId: warehouses.items.find((warehouse) => warehouse.code === WAREHOUSE_CODE)?.id,
          lines: [
            {
              productId: products.items.find((product) => product.sku === PRODUCT_SKU)?.id,
              quantity: 5,
              unitCostMinor: 7000,
            },
          ],
        },
        201,
      );
      return submit ? post<Order>(`/api/v1/purchase-orders/${draft.id}/submit`, { version: draft.version }) : draft;
    },
    /** A shipped order's invoice. */
    async invoice(quantity: number): Promise<{ id: string; number: string }> {
      const order = await this.shipped(quantity);
      return post(`/api/v1/sales-orders/${order.id}/invoice`, { version: order.version }, 201);
    },
  };
}

function documentsMenuButton(page: Page): Locator {
  return page.getByRole('button', { name: /^Documents/ });
}

/** An item of the open Documents menu: `document` names its group, `action` the item. */
function documentItem(page: Page, document: 'Order confirmation' | 'Delivery note', action: string): Locator {
  return page.getByRole('group', { name: new RegExp(`^${document}`) }).getByRole('menuitem', { name: action });
}

/** Picks an item of the sales order's Documents menu. */
async function pickDocument(
  page: Page,
  document: 'Order confirmation' | 'Delivery note',
  action: string,
): Promise<void> {
  await documentsMenuButton(page).click();
  await documentItem(page, document, action).click();
}

/** The record page's E-mails card, without the snack bar that may cover it. */
async function emailsCard(page: Page): Promise<Locator> {
  const dismiss = page.locator('mat-snack-bar-container').getByRole('button', { name: 'Dismiss' });
  if (await dismiss.isVisible()) {
    await dismiss.click();
  }
  const card = page.locator('section.card').filter({ has: page.locator('app-document-mails') });
  await card.scrollIntoViewIfNeeded();
  return card;
}

/** Saves the download and checks that it is a PDF under the expected name. */
async function expectPdf(download: Download, fileName: RegExp): Promise<void> {
  expect(download.suggestedFilename()).toMatch(fileName);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
}

/** The newest entry of the record page's E-mails list. */
function newestMail(page: Page): Locator {
  return page.locator('app-document-mails li.mail-entry').first();
}

test.describe('documents', () => {
  test('a clerk confirms and ships an order, downloads its confirmation and delivery note, and e-mails the delivery note', async ({
    page,
    request,
  }) => {
    test.slow();
    const order = await (await salesApi(request)).draft(2);
    await signIn(page, 'clerk', `/sales-orders/${order.id}`);
    await expect(page.getByRole('heading', { level: 1, name: order.number })).toBeVisible();

    await test.step('a draft has no documents yet', async () => {
      await documentsMenuButton(page).click();
      await expect(page.getByRole('group', { name: 'Order confirmation Once the order is confirmed' })).toBeVisible();
      await expect(documentItem(page, 'Order confirmation', 'Download PDF')).toBeDisabled();
      await expect(documentItem(page, 'Delivery note', 'E-mail to customer')).toBeDisabled();
      await page.screenshot({ path: join(ARTIFACTS, 'documents-menu-draft.png') });
      await page.keyboard.press('Escape');
    });

    await test.step('confirm, then download the order confirmation', async () => {
      await page.getByRole('button', { name: 'Confirm' }).click();
      await expect(page.locator('app-page-header .status-chip')).toHaveText('Confirmed');
      const download = page.waitForEvent('download');
      await pickDocument(page, 'Order confirmation', 'Download PDF');
      await expectPdf(await download, new RegExp(`^order-confirmation-${order.number}\\.pdf$`));
    });

    await test.step('ship, then download the delivery note', async () => {
      await page.getByRole('button', { name: 'Fulfil' }).click();
      const fulfil = page.getByRole('dialog', { name: /^Fulfil / });
      await fulfil.getByRole('button', { name: 'Ship 2' }).click();
      await expect(fulfil).toBeHidden();
      await expect(page.locator('app-page-header .status-chip')).toHaveText('Fulfilled');
      await documentsMenuButton(page).click();
      await expect(documentItem(page, 'Delivery note', 'Download PDF')).toBeEnabled();
      await page.screenshot({ path: join(ARTIFACTS, 'documents-menu-fulfilled.png') });
      const download = page.waitForEvent('download');
      await documentItem(page, 'Delivery note', 'Download PDF').click();
      await expectPdf(await download, new RegExp(`^delivery-note-${order.number}\\.pdf$`));
    });

    await test.step('e-mail the delivery note to the customer and see it go out', async () => {
      await expect(page.locator('app-document-mails')).toContainText('No e-mails sent yet.');
      await pickDocument(page, 'Delivery note', 'E-mail to customer');
      const dialog = page.getByRole('dialog', { name: `E-mail delivery note ${order.number}` });
      await expect(dialog.getByLabel('To')).toHaveValue(CUSTOMER_EMAIL);
      await expect(dialog.getByLabel('Subject')).toHaveValue(`Delivery note ${order.number} from ${COMPANY}`);
      await expect(dialog.getByLabel('Message')).toHaveValue(
        new RegExp(`delivery note for your order ${order.number}`),
      );
      await expect(dialog.getByTestId('attachment')).toHaveText(`delivery-note-${order.number}.pdf`);
      await page.screenshot({ path: join(ARTIFACTS, 'documents-send-dialog.png') });

      await dialog.getByRole('button', { name: 'Send' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(`E-mail queued to ${CUSTOMER_EMAIL}.`)).toBeVisible();
      const mail = newestMail(page);
      await expect(mail).toContainText(`Delivery note ${order.number}`);
      await expect(mail).toContainText(`To ${CUSTOMER_EMAIL}`);
      // Delivered in the background within a second or two; the list follows it by itself.
      await expect(mail.locator('.mail-status')).toHaveText('Sent', { timeout: 30_000 });
      await expect(mail).toContainText(`delivery-note-${order.number}.pdf`);
      await (await emailsCard(page)).screenshot({ path: join(ARTIFACTS, 'documents-sales-order-emails.png') });
    });
  });

  test('a clerk may download an invoice but not e-mail it', async ({ page, request }) => {
    const invoice = await (await salesApi(request)).invoice(1);
    await signIn(page, 'clerk', `/invoices/${invoice.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Download PDF' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'E-mail to customer' })).toHaveCount(0);
    await expect(page.locator('app-document-mails')).toContainText('No e-mails sent yet.');
  });

  test('an admin e-mails an invoice, sees it sent, and finds it in the development mailbox with the PDF attached', async ({
    page,
    request,
  }) => {
    test.slow();
    const invoice = await (await salesApi(request)).invoice(1);
    const recipient = uniqueEmail('e2e-invoice');
    await signIn(page, 'admin', `/invoices/${invoice.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Invoice ${invoice.number}` })).toBeVisible();

    await page.getByRole('button', { name: 'E-mail to customer' }).click();
    const dialog = page.getByRole('dialog', { name: `E-mail invoice ${invoice.number}` });
    await expect(dialog.getByLabel('To')).toHaveValue(CUSTOMER_EMAIL);
    const subject = `Invoice ${invoice.number} from ${COMPANY}`;
    await expect(dialog.getByLabel('Subject')).toHaveValue(subject);
    await expect(dialog.getByTestId('attachment')).toHaveText(`${invoice.number}.pdf`);

    // A malformed address is caught before sending; then the accounts department gets it.
    await dialog.getByLabel('To').fill('accounts at nordic');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByText('Enter an e-mail address like name@example.com.')).toBeVisible();
    await dialog.getByLabel('To').fill(recipient);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`E-mail queued to ${recipient}.`)).toBeVisible();

    const mail = newestMail(page);
    await expect(mail).toContainText(`Invoice ${invoice.number}`);
    await expect(mail.locator('.mail-status')).toHaveText('Sent', { timeout: 30_000 });
    await (await emailsCard(page)).screenshot({ path: join(ARTIFACTS, 'documents-invoice-emails.png') });

    await page.goto('/admin/mailbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Development mailbox' })).toBeVisible();
    const link = page.locator('.message-link').filter({ hasText: recipient });
    await expect(link).toContainText(subject);
    await link.click();
    const viewer = page.getByRole('region', { name: 'Message' });
    await expect(viewer.getByRole('heading', { name: subject })).toBeVisible();
    await expect(viewer.getByRole('list', { name: 'Attachments' })).toContainText(`${invoice.number}.pdf`);
    await page.screenshot({ path: join(ARTIFACTS, 'documents-mailbox-attachment.png') });
  });
});

test.describe('purchase order document', () => {
  test('a clerk downloads a submitted purchase order and e-mails it to the supplier; a draft has none yet', async ({
    page,
    request,
  }) => {
    const api = await salesApi(request);
    const draft = await api.purchaseOrder(false);
    const order = await api.purchaseOrder(true);

    await signIn(page, 'clerk', `/purchase-orders/${draft.id}`);
    await expect(page.getByRole('heading', { level: 1, name: draft.number })).toBeVisible();
    const pdf = page.getByRole('button', { name: 'Purchase order PDF' });
    await expect(pdf).toBeDisabled();
    // Disabled but focusable: it says why, on hover and to screen readers.
    await expect(pdf).toHaveAccessibleDescription('Once the order is submitted');
    await pdf.hover();
    await expect(page.locator('.mat-mdc-tooltip')).toHaveText('Once the order is submitted');
    await page.screenshot({ path: join(ARTIFACTS, 'documents-purchase-order-draft.png') });

    await page.goto(`/purchase-orders/${order.id}`);
    await expect(page.getByRole('heading', { level: 1, name: order.number })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Purchase order PDF' }).click();
    await expectPdf(await download, new RegExp(`^purchase-order-${order.number}\\.pdf$`));
    await page.screenshot({ path: join(ARTIFACTS, 'documents-purchase-order.png') });

    await page.getByRole('button', { name: 'E-mail to supplier' }).click();
    const dialog = page.getByRole('dialog', { name: `E-mail purchase order ${order.number}` });
    await expect(dialog.getByLabel('To')).toHaveValue('orders@acme.example');
    await expect(dialog.getByLabel('Message')).toHaveValue(/^Dear Jana Novak,/);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog).toBeHidden();
    await expect(newestMail(page).locator('.mail-status')).toHaveText('Sent', { timeout: 30_000 });
    await expect(newestMail(page)).toContainText(`purchase-order-${order.number}.pdf`);
    await (await emailsCard(page)).screenshot({ path: join(ARTIFACTS, 'documents-purchase-order-emails.png') });
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`documents in the ${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('the Documents menu, the e-mail dialog and the E-mails list have no serious accessibility violations', async ({
      page,
      request,
    }) => {
      const order = await (await salesApi(request)).shipped(1);
      await signIn(page, 'admin', `/sales-orders/${order.id}`);
      await expect(page.locator('html')).toHaveClass(new RegExp(`theme-${theme}`));
      await expect(page.getByRole('heading', { level: 1, name: order.number })).toBeVisible();

      await documentsMenuButton(page).click();
      await expect(documentItem(page, 'Delivery note', 'E-mail to customer')).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-documents-menu-${theme}.png`) });

      await documentItem(page, 'Order confirmation', 'E-mail to customer').click();
      const dialog = page.getByRole('dialog', { name: `E-mail order confirmation ${order.number}` });
      await expect(dialog.getByLabel('To')).toHaveValue(CUSTOMER_EMAIL);
      // Errors shown, as a user sees them after a slip.
      await dialog.getByLabel('Subject').fill('');
      await dialog.getByLabel('To').fill('nordic');
      await dialog.getByRole('button', { name: 'Send' }).click();
      await expect(dialog.getByText('Enter a subject.')).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `browser-a11y-send-document-dialog-${theme}.png`) });

      await dialog.getByLabel('To').fill(CUSTOMER_EMAIL);
      await dialog.getByLabel('Subject').fill(`Order confirmation ${order.number}`);
      await dialog.getByRole('button', { name: 'Send' }).click();
      await expect(dialog).toBeHidden();
      await expect(newestMail(page).locator('.mail-status')).toHaveText('Sent', { timeout: 30_000 });
      const card = await emailsCard(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await card.screenshot({ path: join(ARTIFACTS, `browser-a11y-document-mails-${theme}.png`) });
    });
  });
}
