import { Injectable } from '@nestjs/common';
import type { CurrencyCode, DashboardDto } from '@depot/contracts';
import type { EntityManager } from 'typeorm';
import { ReadReplica } from '../../platform/database/read-replica';

/** Orders that count as sales: confirmed or later, not cancelled. */
const SOLD = `so.status IN ('confirmed', 'partially_fulfilled', 'fulfilled', 'invoiced')`;

/**
 * The landing page's figures, each one aggregate query over the live tables (on the read
 * replica when there is one).
 */
@Injectable()
export class DashboardService {
  constructor(private readonly reads: ReadReplica) {}

  summary(days: number, currency: CurrencyCode): Promise<DashboardDto> {
    return this.reads.run((db) => this.figures(db, days, currency));
  }

  private async figures(db: EntityManager, days: number, currency: CurrencyCode): Promise<DashboardDto> {
    const [figures] = await db.query<
      [{ stock_value: string; low_stock: number; open_purchase: number; open_sales: number }]
    >(
      `SELECT
         (SELECT coalesce(sum(l.on_hand * coalesce(p.cost_minor, p.price_minor)), 0)
            FROM stock_levels l JOIN products p ON p.id = l.product_id WHERE p.currency = $1) AS stock_value,
         (SELECT count(*)::int FROM stock_levels l JOIN products p ON p.id = l.product_id
           WHERE l.available < p.reorder_point AND p.status = 'active') AS low_stock,
         (SELECT count(*)::int FROM purchase_orders WHERE status IN ('submitted', 'partially_received')) AS open_purchase,
         (SELECT count(*)::int FROM sales_orders WHERE status IN ('confirmed', 'partially_fulfilled')) AS open_sales`,
      [currency],
    );
    const salesByDay = await db.query<{ date: string; orders: number; net: string }[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, count(so.id)::int AS orders, coalesce(sum(so.net_minor), 0) AS net
         FROM generate_series((now() AT TIME ZONE 'UTC')::date - ($1::int - 1), (now() AT TIME ZONE 'UTC')::date, '1 day') AS day
         LEFT JOIN sales_orders so
           ON (so.confirmed_at AT TIME ZONE 'UTC')::date = day AND so.currency = $2 AND ${SOLD}
        GROUP BY day ORDER BY day`,
      [days, currency],
    );
    const topProducts = await db.query<
      { product_id: string; sku: string; name: string; quantity: string; net: string }[]
    >(
      `SELECT l.product_id, p.sku, p.name, sum(l.quantity) AS quantity, sum(l.net_minor) AS net
         FROM sales_order_lines l
         JOIN sales_orders so ON so.id = l.sales_order_id
         JOIN products p ON p.id = l.product_id
        WHERE ${SOLD} AND so.currency = $2
          AND so.confirmed_at >= (now() AT TIME ZONE 'UTC')::date - ($1::int - 1)
        GROUP BY l.product_id, p.sku, p.name
        ORDER BY net DESC, p.sku LIMIT 5`,
      [days, currency],
    );
    return {
      currency,
      stockValueMinor: Number(figures.stock_value),
      lowStockCount: figures.low_stock,
      openPurchaseOrders: figures.open_purchase,
      openSalesOrders: figures.open_sales,
      salesByDay: salesByDay.map((row) => ({ date: row.date, orders: row.orders, netMinor: Number(row.net) })),
      topProducts: topProducts.map((row) => ({
        productId: row.product_id,
        sku: row.sku,
        name: row.name,
        quantity: Number(row.quantity),
        netMinor: Number(row.net),
      })),
    };
  }
}
