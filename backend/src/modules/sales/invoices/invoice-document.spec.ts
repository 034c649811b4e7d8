import type { InvoiceDto } from '@depot/contracts';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Seller } from '../../settings/company-settings.service';
import { formatDate, formatIban, formatMoney, invoiceDocument } from './invoice-document';
import { InvoiceRenderer } from './invoice-renderer';

function invoice(overrides: Partial<InvoiceDto> = {}): InvoiceDto {
  return {
    id: 'inv-1',
    kind: 'invoice',
    number: 'INV-2026-000123',
    salesOrderId: 'so-1',
    salesOrderNumber: 'SO-2026-000042',
    creditedInvoiceId: null,
    customer: {
      id: 'c-1',
      code: 'NORDIC',
      name: 'Nordic <Retail> AB',
      billingAddress: 'Storgatan 1\nStockholm',
      taxId: 'SE1',
    },
    currency: 'EUR',
    issuedAt: '2026-11-23T10:00:00.000Z',
    dueDate: '2026-12-23',
    reason: null,
    lines: [
      {
        sku: 'WID-1',
        description: 'Blue widget',
        quantity: 3,
        unitPriceMinor: 333,
        discountBps: 1250,
        taxRateBps: 1900,
        grossMinor: 999,
        discountMinor: 125,
        netMinor: 874,
        taxMinor: 166,
        totalMinor: 1040,
      },
    ],
    grossMinor: 999,
    discountMinor: 125,
    netMinor: 874,
    taxMinor: 166,
    totalMinor: 1040,
    paidMinor: 500,
    creditedMinor: 0,
    balanceMinor: 540,
    paymentStatus: 'partially_paid',
    payments: [],
    creditNoteIds: [],
    ...overrides,
  };
}

const SELLER: Seller = {
  legalName: 'Depot Demo GmbH',
  street: 'Lagerstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  countryCode: 'DE',
  vatId: 'DE123456789',
  taxNumber: '12/345/67890',
  registration: 'Amtsgericht Berlin-Charlottenburg HRB 123456',
  email: 'billing@depot-demo.example',
  phone: null,
  website: null,
  bankName: 'Commerzbank',
  bankAccountHolder: 'Depot Demo GmbH',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  defaultCurrency: 'EUR',
  defaultLanguage: 'en',
  paymentTermsDays: 30,
  numberPrefixes: { invoice: 'INV', credit_note: 'CN', sales_order: 'SO', purchase_order: 'PO' },
  invoiceFooter: 'Thank you for your business.',
  logoSha256: null,
};

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('invoice document', () => {
  it('formats amounts by the currency minor digits', () => {
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
    expect(formatMoney(1999, 'JPY')).toBe('JP¥1,999');
  });

  it('lists totals, payments and the balance due for an invoice', () => {
    const document = invoiceDocument(invoice(), null, SELLER);
    expect(document.title).toBe('Invoice');
    expect(document.lines[0]).toMatchObject({ discount: '12.50 %', taxRate: '19 %', total: '€10.40' });
    expect(document.totals.map((total) => [total.label, total.value])).toEqual([
      ['Subtotal', '€9.99'],
      ['Discount', '-€1.25'],
      ['Net', '€8.74'],
      ['Tax', '€1.66'],
      ['Total', '€10.40'],
      ['Paid', '-€5.00'],
      ['Balance due', '€5.40'],
    ]);
    expect(document.paymentStatus).toBe('partially paid');
  });

  it('names a credit note and the invoice it corrects, without a balance', () => {
    const document = invoiceDocument(
      invoice({ kind: 'credit_note', number: 'CN-2026-000001', reason: 'Damaged', paymentStatus: null }),
      'INV-2026-000123',
      SELLER,
    );
    expect(document.title).toBe('Credit note');
    expect(document.creditedNumber).toBe('INV-2026-000123');
    expect(document.totals.map((total) => total.label)).not.toContain('Balance due');
    expect(document.paymentTerms).toBeNull();
  });

  it('names the seller with address, tax ids and register, and says how and by when to pay', () => {
    const document = invoiceDocument(invoice(), null, SELLER);
    expect(document.seller).toEqual({
      name: 'Depot Demo GmbH',
      addressLines: ['Lagerstraße 1', '10115 Berlin', 'Germany'],
      legalLines: ['VAT id DE123456789', 'Tax number 12/345/67890', 'Amtsgericht Berlin-Charlottenburg HRB 123456'],
      contactLines: ['billing@depot-demo.example'],
    });
    expect(document.bankLines).toEqual([
      'Account holder Depot Demo GmbH',
      'Commerzbank',
      'IBAN DE89 3704 0044 0532 0130 00',
      'BIC COBADEFFXXX',
    ]);
    expect(document.issuedOn).toBe('Nov 23, 2026');
    expect(document.dueOn).toBe('Dec 23, 2026');
    expect(document.paymentTerms).toBe('Please pay €10.40 by Dec 23, 2026, quoting INV-2026-000123.');
    expect(document.footer).toBe('Thank you for your business.');
  });

  it('formats date-only values as that calendar day, and IBANs in groups of four', () => {
    expect(formatDate('2027-01-02')).toBe('Jan 2, 2027');
    expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('Dec 31, 2026');
    expect(formatIban('GB82WEST12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
  });

  it('prints the seller, the bank details and the footer in the PDF, on every page', async () => {
    const many = Array.from({ length: 60 }, (_, index) => ({ ...invoice().lines[0], sku: `WID-${index}` }));
    const renderer = new InvoiceRenderer();
    const pdf = await renderer.renderPdf(
      invoiceDocument(invoice({ lines: many }), null, SELLER, { type: 'image/png', bytes: PNG }),
    );
    const { pages } = JSON.parse(
      execFileSync(process.execPath, [join(__dirname, '../../../../tools/pdf-text.mjs')], { input: pdf }).toString(),
    ) as { pages: { num: number; text: string }[] };
    expect(pages.length).toBeGreaterThan(1);
    const first = pages[0].text;
    for (const text of [
      'Depot Demo GmbH',
      'Lagerstraße 1',
      'VAT id DE123456789',
      'Invoice INV-2026-000123',
      'Due: Dec 23, 2026',
    ]) {
      expect(first).toContain(text);
    }
    const last = pages[pages.length - 1].text;
    expect(last).toContain('IBAN DE89 3704 0044 0532 0130 00');
    expect(last).toContain('Please pay €10.40 by Dec 23, 2026');
    for (const page of pages) {
      expect(page.text).toContain('Thank you for your business.');
      expect(page.text).toContain(`Page ${page.num} of ${pages.length}`);
    }
  });

  it('renders HTML with every value escaped, and a PDF', async () => {
    const renderer = new InvoiceRenderer();
    const document = invoiceDocument(invoice(), null, SELLER);
    const html = renderer.renderHtml(document);
    expect(html).toContain('Invoice INV-2026-000123');
    expect(html).toContain('Nordic &lt;Retail&gt; AB');
    expect(html).not.toContain('<Retail>');
    expect(html).toContain('VAT id DE123456789');
    expect(html).toContain('IBAN DE89 3704 0044 0532 0130 00');
    const pdf = await renderer.renderPdf(document);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
