import { ProductStatus, type CurrencyCode, type TaxClass } from '@depot/contracts';
import type { EntityManager } from 'typeorm';
import { ProductNotFoundError } from '../catalog/catalog.errors';
import { ProductInactiveError } from '../inventory/inventory.errors';
import { CurrencyMismatchError } from './orders.errors';

export interface OrderProduct {
  id: string;
  sku: string;
  name: string;
  currency: CurrencyCode;
  priceMinor: number;
  costMinor: number | null;
  taxClass: TaxClass;
}

/** The products named by order lines: all must exist and be active. */
export async function loadOrderProducts(db: EntityManager, ids: string[]): Promise<Map<string, OrderProduct>> {
  const unique = [...new Set(ids)];
  const rows = await db.query<
    {
      id: string;
      sku: string;
      name: string;
      status: string;
      currency: CurrencyCode;
      price_minor: string;
      cost_minor: string | null;
      tax_class: TaxClass;
    }[]
  >(
    'SELECT id, sku, name, status, currency, price_minor, cost_minor, tax_class FROM products WHERE id = ANY($1::uuid[])',
    [unique],
  );
  const products = new Map<string, OrderProduct>();
  for (const id of unique) {
    const row = rows.find((candidate) => candidate.id === id);
    if (!row) throw new ProductNotFoundError(id);
    if (row.status !== ProductStatus.Active) throw new ProductInactiveError(row.sku);
    products.set(id, {
      id,
      sku: row.sku,
      name: row.name,
      currency: row.currency,
      priceMinor: Number(row.price_minor),
      costMinor: row.cost_minor === null ? null : Number(row.cost_minor),
      taxClass: row.tax_class,
    });
  }
  return products;
}

/** The amount given on the line, else the product's own when it is in the order's currency. */
export function defaultAmount(
  product: OrderProduct,
  given: number | undefined,
  own: number | null,
  currency: CurrencyCode,
): number {
  if (given !== undefined) return given;
  if (own === null || product.currency !== currency) throw new CurrencyMismatchError(product.sku, currency);
  return own;
}
