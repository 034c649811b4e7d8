import type { CurrencyCode, ProductDto, ProductStatus } from '@depot/contracts';
import type { ProductEntity } from './product.entity';

/** Column list and row shape of the lean list query (no entity hydration on the hot path). */
export const PRODUCT_COLUMNS =
  'id, sku, name, description, unit, price_minor, currency, status, version, created_at, updated_at';

export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  unit: string;
  price_minor: string;
  currency: CurrencyCode;
  status: ProductStatus;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function rowToProductDto(row: ProductRow): ProductDto {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    unit: row.unit,
    priceMinor: Number(row.price_minor),
    currency: row.currency,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
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
    currency: entity.currency,
    status: entity.status,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
