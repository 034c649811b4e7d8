import type { InvoiceDto } from '@depot/contracts';
import { formatMoney, invoiceDocument } from './invoice-document';
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

describe('invoice document', () => {
  it('formats amounts by the currency minor digits', () => {
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
    expect(formatMoney(1999, 'JPY')).toBe('JP¥1,999');
  });

  it('lists totals, payments and the balance due for an invoice', () => {
    const document = invoiceDocument(invoice(), null);
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
    );
    expect(document.title).toBe('Credit note');
    expect(document.creditedNumber).toBe('INV-2026-000123');
    expect(document.totals.map((total) => total.label)).not.toContain('Balance due');
  });

  it('renders HTML with every value escaped, and a PDF', async () => {
    const renderer = new InvoiceRenderer();
    const document = invoiceDocument(invoice(), null);
    const html = renderer.renderHtml(document);
    expect(html).toContain('Invoice INV-2026-000123');
    expect(html).toContain('Nordic &lt;Retail&gt; AB');
    expect(html).not.toContain('<Retail>');
    const pdf = await renderer.renderPdf(document);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
