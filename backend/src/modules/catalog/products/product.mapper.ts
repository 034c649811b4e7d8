import type { CurrencyCode, ProductAttributes, ProductDto, ProductStatus, TaxClass } from '@depot/contracts';
import type { ProductEntity } from './product.entity';
import { isoInstant } from '../../../platform/database/iso-instant';

/**
 * Column list and row shape of the lean list query (no entity hydration on the hot path). The
 * instants get their own names: `ORDER BY created_at` must still mean the indexed column.
 */
export const PRODUCT_COLUMNS =
  'id, sku, name, description, unit, price_minor, cost_minor, currency, barcode, category_id, attributes, ' +
  'reorder_point, reorder_quantity, preferred_supplier_id, supplier_sku, purchase_price_minor, status, tax_class, version, ' +
  `${isoInstant('created_at')} AS created_at_iso, ${isoInstant('updated_at')} AS updated_at_iso`;

export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  unit: string;
  price_minor: string;
  cost_minor: string | null;
  currency: CurrencyCode;
  barcode: string | null;
  category_id: string | null;
  attributes: ProductAttributes;
  reorder_point: number;
  reorder_quantity: number;
  preferred_supplier_id: string | null;
  supplier_sku: string | null;
  purchase_price_minor: string | null;
  status: ProductStatus;
  tax_class: TaxClass;
  version: number;
  created_at_iso: string;
  updated_at_iso: string;
}

export function rowToProductDto(row: ProductRow): ProductDto {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    unit: row.unit,
    priceMinor: Number(row.price_minor),
    costMinor: row.cost_minor === null ? null : Number(row.cost_minor),
    currency: row.currency,
    barcode: row.barcode,
    categoryId: row.category_id,
    attributes: row.attributes,
    reorderPoint: row.reorder_point,
    reorderQuantity: row.reorder_quantity,
    preferredSupplierId: row.preferred_supplier_id,
    supplierSku: row.supplier_sku,
    purchasePriceMinor: row.purchase_price_minor === null ? null : Number(row.purchase_price_minor),
    status: row.status,
    taxClass: row.tax_class,
    version: row.version,
    createdAt: row.created_at_iso,
    updatedAt: row.updated_at_iso,
  };
}

export function entityToProductDto(entity: ProductEntity): ProductDto {
  return {
    id: entity.id,
    sku: entity.sku,
    name: entity.name,
    description: entity.description,
    unit: entity.unit,
    priceMinor: entity.priceMinor,
    costMinor: entity.costMinor,
    currency: entity.currency,
    barcode: entity.barcode,
    categoryId: entity.categoryId,
    attributes: entity.attributes,
    reorderPoint: entity.reorderPoint,
    reorderQuantity: entity.reorderQuantity,
    preferredSupplierId: entity.preferredSupplierId,
    supplierSku: entity.supplierSku,
    purchasePriceMinor: entity.purchasePriceMinor,
    status: entity.status,
    taxClass: entity.taxClass,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
