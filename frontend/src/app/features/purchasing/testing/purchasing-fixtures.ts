import type {
  PartnerDto,
  ProductDto,
  PurchaseOrderDto,
  PurchaseOrderLineDto,
  PurchaseOrderSummaryDto,
} from '@depot/contracts';

/** Test data shared by the purchasing specs (not part of the app build). */
export const ORDER_ID = '5d1c9a1e-2b7f-4c3d-9e8f-0a1b2c3d4e5f';
export const SUPPLIER_ID = '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';

export function partner(overrides: Partial<PartnerDto> = {}): PartnerDto {
  return {
    id: SUPPLIER_ID,
    kind: 'supplier',
    code: 'ACME',
    name: 'Acme Supplies',
    contactName: 'Wile Coyote',
    email: 'orders@acme.test',
    phone: '+49 30 123456',
    billingAddress: null,
    shippingAddress: null,
    taxId: null,
    paymentTermsDays: 30,
    taxTreatment: 'domestic',
    notes: null,
    active: true,
    version: 2,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function catalogProduct(overrides: Partial<ProductDto> = {}): ProductDto {
  return {
    id: 'p-chair',
    sku: 'CHAIR-OAK-01',
    name: 'Oak dining chair',
    description: null,
    unit: 'pcs',
    priceMinor: 12900,
    costMinor: 6450,
    currency: 'EUR',
    barcode: null,
    categoryId: null,
    attributes: {},
    reorderPoint: 0,
    reorderQuantity: 0,
    preferredSupplierId: null,
    supplierSku: null,
    purchasePriceMinor: null,
    status: 'active',
    taxClass: 'standard',
    version: 1,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function orderLine(overrides: Partial<PurchaseOrderLineDto> = {}): PurchaseOrderLineDto {
  return {
    id: 'line-1',
    lineNo: 1,
    productId: 'p-chair',
    sku: 'CHAIR-OAK-01',
    productName: 'Oak dining chair',
    quantity: 10,
    receivedQuantity: 0,
    openQuantity: 10,
    unitCostMinor: 6450,
    lineTotalMinor: 64500,
    ...overrides,
  };
}

export function purchaseOrder(overrides: Partial<PurchaseOrderDto> = {}): PurchaseOrderDto {
  return {
    id: ORDER_ID,
    number: 'PO-2026-000042',
    supplierId: SUPPLIER_ID,
    supplierCode: 'ACME',
    supplierName: 'Acme Supplies',
    status: 'draft',
    warehouseId: 'w-a',
    warehouseCode: 'WH-A',
    expectedDate: '2026-03-04',
    currency: 'EUR',
    notes: null,
    totalMinor: 64500 + 2 * 1250,
    lines: [
      orderLine(),
      orderLine({
        id: 'line-2',
        lineNo: 2,
        productId: 'p-box',
        sku: 'BOX-CARD-S',
        productName: 'Cardboard box S',
        quantity: 2,
        openQuantity: 2,
        unitCostMinor: 1250,
        lineTotalMinor: 2500,
      }),
    ],
    history: [
      {
        from: null,
        to: 'draft',
        at: '2026-02-01T09:00:00.000Z',
        actor: { type: 'user', id: 'u-1', label: 'Ada Admin' },
        note: null,
      },
    ],
    version: 1,
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    ...overrides,
  };
}

export function orderSummary(overrides: Partial<PurchaseOrderSummaryDto> = {}): PurchaseOrderSummaryDto {
  const { lines, history, ...order } = purchaseOrder();
  void history;
  return { ...order, lineCount: lines.length, ...overrides };
}
