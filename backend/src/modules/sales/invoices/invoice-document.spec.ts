import type { InvoiceDto } from '@depot/contracts';
import { DocumentRenderer } from '../../documents/document-renderer';
import { PNG, SELLER, pdfPages } from '../../documents/document.spec-fixtures';
import { invoiceDocument, taxSummary } from './invoice-document';

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
      taxTreatment: 'domestic',
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

describe('invoice document', () => {
  it('lists totals, payments and the balance due for an invoice', () => {
    const document = invoiceDocument(invoice(), null, SELLER);
    expect(document.title).toBe('Invoice');
    expect(document.lines[0]).toMatchObject({ discount: '12.50 %', taxRate: '19 %', total: '€10.40' });
    expect(document.totals.map((total) => [total.label, total.value])).toEqual([
      ['Subtotal', '€9.99'],
      ['Discount', '-€1.25'],
      ['Net', '€8.74'],
      ['VAT 19 % on €8.74', '€1.66'],
      ['Total', '€10.40'],
      ['Paid', '-€5.00'],
      ['Balance due', '€5.40'],
    ]);
    expect(document.details).toContainEqual({ label: 'Payment status', value: 'partially paid' });
  });

  it('names a credit note and the invoice it corrects, without a balance', () => {
    const document = invoiceDocument(
      invoice({ kind: 'credit_note', number: 'CN-2026-000001', reason: 'Damaged', paymentStatus: null }),
      'INV-2026-000123',
      SELLER,
    );
    expect(document.title).toBe('Credit note');
    expect(document.details).toContainEqual({ label: 'Corrects invoice', value: 'INV-2026-000123' });
    expect(document.details.map((detail) => detail.label)).not.toContain('Due');
    expect(document.totals.map((total) => total.label)).not.toContain('Balance due');
    expect(document.notes).toEqual(['Reason: Damaged']);
    expect(document.bankLines).toEqual([]);
  });

  it('sums net and tax per rate, and prints the legal note of reverse charge and export', () => {
    const line = invoice().lines[0];
    const lines = [
      line,
      { ...line, sku: 'B', taxRateBps: 700, netMinor: 1000, taxMinor: 70 },
      { ...line, sku: 'C', netMinor: 500, taxMinor: 95 },
    ];
    expect(taxSummary(lines)).toEqual([
      { rateBps: 1900, netMinor: 1374, taxMinor: 261 },
      { rateBps: 700, netMinor: 1000, taxMinor: 70 },
    ]);
    const reverse = invoiceDocument(
      invoice({ customer: { ...invoice().customer, taxTreatment: 'eu_reverse_charge' } }),
      null,
      SELLER,
    );
    expect(reverse.notes[0]).toMatch(/^Reverse charge: VAT is to be accounted for by the recipient/);
    const exported = invoiceDocument(
      invoice({ customer: { ...invoice().customer, taxTreatment: 'export' } }),
      null,
      SELLER,
    );
    expect(exported.notes[0]).toMatch(/^Tax-exempt export delivery/);
    expect(invoiceDocument(invoice(), null, SELLER).notes).toHaveLength(1);
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
    expect(document.details.slice(0, 3)).toEqual([
      { label: 'Issued', value: 'Nov 23, 2026' },
      { label: 'Due', value: 'Dec 23, 2026' },
      { label: 'Order', value: 'SO-2026-000042' },
    ]);
    expect(document.recipient).toEqual({
      heading: 'Bill to',
      name: 'Nordic <Retail> AB (NORDIC)',
      lines: ['Storgatan 1', 'Stockholm', 'VAT id SE1'],
    });
    expect(document.notes).toEqual(['Please pay €10.40 by Dec 23, 2026, quoting INV-2026-000123.']);
    expect(document.footer).toBe('Thank you for your business.');
  });

  it('prints the seller, the bank details and the footer in the PDF, on every page', async () => {
    const many = Array.from({ length: 60 }, (_, index) => ({ ...invoice().lines[0], sku: `WID-${index}` }));
    const renderer = new DocumentRenderer();
    const pdf = await renderer.renderPdf(
      invoiceDocument(invoice({ lines: many }), null, SELLER, { type: 'image/png', bytes: PNG }),
    );
    const pages = pdfPages(pdf);
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
    const renderer = new DocumentRenderer();
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
