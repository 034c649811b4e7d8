import type { AvailabilityDto, InvoiceDto, PartnerDto, SalesOrderDto, SalesOrderLineDto } from '@depot/contracts';

/** Test data shared by the sales specs (not part of the app build). */
export const ORDER_ID = 'so-1';
export const INVOICE_ID = 'inv-1';

export function customer(overrides: Partial<PartnerDto> = {}): PartnerDto {
  return {
    id: 'c-1',
    kind: 'customer',
    code: 'NORDIC',
    name: 'Nordic Interiors',
    contactName: null,
    email: null,
    phone: null,
    billingAddress: 'Storgatan 1, Stockholm',
    shippingAddress: 'Lagervägen 5, Stockholm',
    taxId: 'SE123',
    paymentTermsDays: 30,
    taxTreatment: 'domestic',
    notes: null,
    active: true,
    version: 1,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function orderLine(overrides: Partial<SalesOrderLineDto> = {}): SalesOrderLineDto {
  return {
    id: 'l-1',
    lineNo: 1,
    productId: 'p-1',
    sku: 'CHAIR-1',
    productName: 'Oak chair',
    quantity: 4,
    unitPriceMinor: 12900,
    discountBps: 0,
    taxRateBps: 1900,
    reservedQuantity: 0,
    fulfilledQuantity: 0,
    grossMinor: 51600,
    discountMinor: 0,
    netMinor: 51600,
    taxMinor: 9804,
    totalMinor: 61404,
    ...overrides,
  };
}

export function salesOrder(overrides: Partial<SalesOrderDto> = {}): SalesOrderDto {
  return {
    id: ORDER_ID,
    number: 'SO-2026-000001',
    customerId: 'c-1',
    customerCode: 'NORDIC',
    customerName: 'Nordic Interiors',
    status: 'draft',
    warehouseId: 'w-a',
    warehouseCode: 'WH-A',
    currency: 'EUR',
    shippingAddress: null,
    notes: null,
    grossMinor: 51600,
    discountMinor: 0,
    netMinor: 51600,
    taxMinor: 9804,
    totalMinor: 61404,
    invoiceId: null,
    lines: [orderLine()],
    history: [
      {
        from: null,
        to: 'draft',
        at: '2026-01-03T10:00:00.000Z',
        actor: { type: 'user', id: 'u-1', label: 'Ada Admin' },
        note: null,
      },
    ],
    version: 1,
    createdAt: '2026-01-03T10:00:00.000Z',
    updatedAt: '2026-01-03T10:00:00.000Z',
    ...overrides,
  };
}

export function invoice(overrides: Partial<InvoiceDto> = {}): InvoiceDto {
  return {
    id: INVOICE_ID,
    kind: 'invoice',
    number: 'INV-2026-000001',
    salesOrderId: ORDER_ID,
    salesOrderNumber: 'SO-2026-000001',
    creditedInvoiceId: null,
    customer: {
      id: 'c-1',
      code: 'NORDIC',
      name: 'Nordic Interiors',
      billingAddress: 'Storgatan 1',
      taxId: 'SE123',
      taxTreatment: 'domestic',
    },
    currency: 'EUR',
    issuedAt: '2026-01-05T10:00:00.000Z',
    dueDate: '2026-02-04',
    reason: null,
    lines: [
      {
        sku: 'CHAIR-1',
        description: 'Oak chair',
        quantity: 4,
        unitPriceMinor: 12900,
        discountBps: 0,
        taxRateBps: 1900,
        grossMinor: 51600,
        discountMinor: 0,
        netMinor: 51600,
        taxMinor: 9804,
        totalMinor: 61404,
      },
    ],
    grossMinor: 51600,
    discountMinor: 0,
    netMinor: 51600,
    taxMinor: 9804,
    totalMinor: 61404,
    paidMinor: 0,
    creditedMinor: 0,
    balanceMinor: 61404,
    paymentStatus: 'unpaid',
    payments: [],
    creditNoteIds: [],
    ...overrides,
  };
}

export function availability(overrides: Partial<AvailabilityDto> = {}): AvailabilityDto {
  return { productId: 'p-1', warehouseId: 'w-a', onHand: 10, reserved: 2, available: 8, ...overrides };
}
