import type { ListQuery } from './pagination';
import type { TaxClass } from './taxes';

export const ProductStatus = {
  Active: 'active',
  Archived: 'archived',
} as const;
export type ProductStatus = (typeof ProductStatus)[keyof typeof ProductStatus];

/** Validation limits for products, used by the API and by the admin UI forms. */
export const PRODUCT_LIMITS = {
  skuMaxLength: 64,
  /** Letters, digits and `- _ .`, starting with a letter or digit. */
  skuPattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  nameMaxLength: 200,
  descriptionMaxLength: 4000,
  unitMaxLength: 16,
  /** Largest price in minor units (100 million major units). */
  maxPriceMinor: 10_000_000_000,
  /** EAN-13 or UPC-A (12 digits), check digit validated. */
  barcodePattern: '^(\\d{12}|\\d{13})$',
  maxAttributes: 50,
  attributeKeyMaxLength: 64,
  attributeKeyPattern: '^[a-z0-9][a-z0-9_.-]*$',
  attributeValueMaxLength: 200,
  maxReorderQuantity: 1_000_000_000,
  supplierSkuMaxLength: 64,
} as const;

/**
 * True when `code` is a valid EAN-13 or UPC-A barcode: the last digit is the GS1 check digit
 * (weights 3 and 1 alternating from the right, excluding the check digit).
 */
export function isValidBarcode(code: string): boolean {
  if (!/^(\d{12}|\d{13})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** ISO 4217 currencies Depot accepts. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'PLN', 'JPY'] as const;
export type CurrencyCode = (typeof CURRENCIES)[number];

/** Digits after the decimal point per currency: 1999 minor units of EUR is 19.99, of JPY is 1999. */
export const CURRENCY_MINOR_DIGITS: Record<CurrencyCode, number> = {
  EUR: 2,
  USD: 2,
  GBP: 2,
  CHF: 2,
  SEK: 2,
  PLN: 2,
  JPY: 0,
};

export const PRODUCT_SORT_FIELDS = ['createdAt', 'updatedAt', 'sku', 'name', 'priceMinor'] as const;

/** Free-form product attributes (e.g. `{ "color": "red", "size": "M" }`). */
export type ProductAttributes = Record<string, string>;
export type ProductSortField = (typeof PRODUCT_SORT_FIELDS)[number];

export interface ProductDto {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  unit: string;
  /** Sale price in minor units of `currency` (cents for EUR). */
  priceMinor: number;
  /** Purchase cost in minor units of `currency`, if known. */
  costMinor: number | null;
  currency: CurrencyCode;
  /** EAN-13 / UPC-A, unique when set. */
  barcode: string | null;
  categoryId: string | null;
  attributes: ProductAttributes;
  /** Reorder when available stock in a warehouse falls below this. */
  reorderPoint: number;
  /** How much to reorder. */
  reorderQuantity: number;
  /** The supplier (a partner of kind supplier) this product is normally bought from. */
  preferredSupplierId: string | null;
  /** The preferred supplier's own code for the product. */
  supplierSku: string | null;
  /** Unit purchase price from the preferred supplier, in minor units of `currency`. */
  purchasePriceMinor: number | null;
  status: ProductStatus;
  /** The tax rate class it is sold at (with the customer's tax treatment, the default rate of a sales line). */
  taxClass: TaxClass;
  /** Optimistic-locking version; send it back on update. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateProductRequest {
  sku: string;
  name: string;
  description?: string | null;
  unit?: string;
  priceMinor: number;
  costMinor?: number | null;
  currency: CurrencyCode;
  barcode?: string | null;
  categoryId?: string | null;
  attributes?: ProductAttributes;
  reorderPoint?: number;
  reorderQuantity?: number;
  preferredSupplierId?: string | null;
  supplierSku?: string | null;
  purchasePriceMinor?: number | null;
  /** Defaults to `standard`. */
  taxClass?: TaxClass;
}

export interface UpdateProductRequest {
  version: number;
  sku?: string;
  name?: string;
  description?: string | null;
  unit?: string;
  priceMinor?: number;
  costMinor?: number | null;
  currency?: CurrencyCode;
  barcode?: string | null;
  categoryId?: string | null;
  attributes?: ProductAttributes;
  reorderPoint?: number;
  reorderQuantity?: number;
  preferredSupplierId?: string | null;
  supplierSku?: string | null;
  purchasePriceMinor?: number | null;
  status?: ProductStatus;
  taxClass?: TaxClass;
}

/** Query of `GET /products/export.csv`: the list's filters, or just the given `ids`. */
export interface ProductExportQuery extends Omit<ProductListQuery, 'limit' | 'cursor' | 'includeTotal'> {
  /** Only these products (at most `BULK_LIMITS.maxIds`), e.g. a selection. */
  ids?: string[];
}

export interface ProductListQuery extends ListQuery {
  status?: ProductStatus;
  /** Products in this category or any category below it. */
  categoryId?: string;
  /** `key:value`, repeatable; all must match (e.g. `attribute=color:red`). */
  attribute?: string | string[];
  /** Only products whose available stock in some warehouse is below their reorder point. */
  belowReorderPoint?: boolean;
}
