import { computeLineTotals, sumTotals } from '@depot/contracts';
import type { EntityManager } from 'typeorm';
import { newId } from '../platform/database/ids';

export const DEMO_SUPPLIERS = [
  {
    code: 'ACME',
    name: 'ACME Industrial Supplies GmbH',
    contactName: 'Jana Novak',
    email: 'orders@acme.example',
    billingAddress: 'Industriestraße 5, 10115 Berlin',
    taxId: 'DE123456789',
  },
  {
    code: 'BALTIC',
    name: 'Baltic Packaging Sp. z o.o.',
    contactName: 'Piotr Zielinski',
    email: 'sales@baltic-pack.example',
    billingAddress: 'ul. Portowa 3, 80-001 Gdańsk',
    taxId: 'PL5260001234',
  },
] as const;

export const DEMO_CUSTOMERS = [
  {
    code: 'NORDIC',
    name: 'Nordic Retail AB',
    contactName: 'Elin Berg',
    email: 'purchasing@nordic-retail.example',
    billingAddress: 'Storgatan 1, 111 51 Stockholm',
    taxId: 'SE556677889901',
    // A business in another EU country: no German VAT, the buyer accounts for it.
    taxTreatment: 'eu_reverse_charge',
  },
  {
    code: 'ALPINE',
    name: 'Alpine Office AG',
    contactName: 'Luca Meier',
    email: 'einkauf@alpine-office.example',
    billingAddress: 'Bahnhofstrasse 10, 8001 Zürich',
    taxId: 'CHE-123.456.789',
    // Outside the EU: a tax-exempt export.
    taxTreatment: 'export',
  },
] as const;

/** A demo product with enough stock in the first warehouse to have been sold from. */
export interface StockedProduct {
  id: string;
  priceMinor: number;
}

/**
 * Suppliers, customers and a few weeks of shipped sales orders, so the dashboard has a history.
 * Shipments go through the ledger like real ones (movements with the order as source).
 */
export async function seedDemoOrders(
  manager: EntityManager,
  stocked: StockedProduct[],
  warehouseId: string,
): Promise<void> {
  const customerIds: string[] = [];
  for (const [kind, partners] of [
    ['supplier', DEMO_SUPPLIERS],
    ['customer', DEMO_CUSTOMERS],
  ] as const) {
    for (const partner of partners) {
      const id = newId();
      if (kind === 'customer') customerIds.push(id);
      await manager.query(
        `INSERT INTO partners (id, kind, code, name, contact_name, email, billing_address, shipping_address, tax_id,
           tax_treatment)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)`,
        [
          id,
          kind,
          partner.code,
          partner.name,
          partner.contactName,
          partner.email,
          partner.billingAddress,
          partner.taxId,
          'taxTreatment' in partner ? partner.taxTreatment : 'domestic',
        ],
      );
    }
  }
  // Twelve orders over the last 24 days, one or two lines each, shipped in full.
  for (let order = 0; order < 12 && stocked.length >= 2; order += 1) {
    const id = newId();
    const daysAgo = 23 - order * 2;
    const picks =
      order % 3 === 0
        ? [stocked[order % stocked.length]]
        : [stocked[order % stocked.length], stocked[(order + 3) % stocked.length]];
    const lines = [...new Set(picks)].map((product, index) => ({
      product,
      quantity: 1 + ((order + index) % 3),
      totals: computeLineTotals({
        quantity: 1 + ((order + index) % 3),
        unitPriceMinor: product.priceMinor,
        discountBps: order % 4 === 0 ? 500 : 0,
        taxRateBps: 1900,
      }),
    }));
    const sum = sumTotals(lines.map((line) => line.totals));
    const [{ sequence }] = await manager.query<[{ sequence: string }]>(
      `SELECT nextval('sales_order_number_seq') AS sequence`,
    );
    await manager.query(
      `INSERT INTO sales_orders (id, number, customer_id, status, warehouse_id, currency, gross_minor, discount_minor,
         net_minor, tax_minor, total_minor, confirmed_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'fulfilled', $4, 'EUR', $5, $6, $7, $8, $9, now() - make_interval(days => $10),
         now() - make_interval(days => $10), now() - make_interval(days => $10))`,
      [
        id,
        `SO-${new Date().getUTCFullYear()}-${String(sequence).padStart(6, '0')}`,
        customerIds[order % customerIds.length],
        warehouseId,
        sum.grossMinor,
        sum.discountMinor,
        sum.netMinor,
        sum.taxMinor,
        sum.totalMinor,
        daysAgo,
      ],
    );
    for (const [index, line] of lines.entries()) {
      await manager.query(
        `INSERT INTO sales_order_lines (id, sales_order_id, line_no, product_id, quantity, unit_price_minor, discount_bps,
           tax_rate_bps, gross_minor, discount_minor, net_minor, tax_minor, total_minor, fulfilled_quantity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1900, $8, $9, $10, $11, $12, $5)`,
        [
          newId(),
          id,
          index + 1,
          line.product.id,
          line.quantity,
          line.product.priceMinor,
          order % 4 === 0 ? 500 : 0,
          line.totals.grossMinor,
          line.totals.discountMinor,
          line.totals.netMinor,
          line.totals.taxMinor,
          line.totals.totalMinor,
        ],
      );
      await manager.query(
        `INSERT INTO stock_movements (id, type, product_id, warehouse_id, on_hand_change, note, source_type, source_id, actor_type)
         VALUES ($1, 'shipment', $2, $3, $4, 'Demo sales history', 'sales_order', $5, 'system')`,
        [newId(), line.product.id, warehouseId, -line.quantity, id],
      );
    }
    for (const [from, to] of [
      [null, 'draft'],
      ['draft', 'confirmed'],
      ['confirmed', 'fulfilled'],
    ] as const) {
      await manager.query(
        `INSERT INTO order_status_changes (id, order_type, order_id, from_status, to_status, actor_type, actor_label, occurred_at)
         VALUES ($1, 'sales_order', $2, $3, $4, 'system', 'demo data', now() - make_interval(days => $5))`,
        [newId(), id, from, to, daysAgo],
      );
    }
  }
}
