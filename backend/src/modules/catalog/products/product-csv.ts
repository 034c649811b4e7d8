import { CURRENCY_MINOR_DIGITS, type ProductAttributes } from '@depot/contracts';
import type { CsvColumn } from '../../../platform/http/csv/csv-export';
import type { ProductRow } from './product.mapper';

/**
 * The product CSV format, shared by export and import (an exported file imports back as is):
 * prices in major units (`19.99`), category as a path (`Office/IT accessories`), attributes as
 * `key=value;key=value`.
 */
export const PRODUCT_CSV_HEADERS = [
  'sku',
  'name',
  'description',
  'unit',
  'price',
  'cost',
  'currency',
  'barcode',
  'category',
  'reorder_point',
  'reorder_quantity',
  'status',
  'attributes',
] as const;

export function formatMinor(minor: number, currency: keyof typeof CURRENCY_MINOR_DIGITS): string {
  const digits = CURRENCY_MINOR_DIGITS[currency];
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

export function formatAttributes(attributes: ProductAttributes): string {
  return Object.entries(attributes)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join(';');
}

type ExportRow = ProductRow & { category_path: string | null };

const VALUES: Record<(typeof PRODUCT_CSV_HEADERS)[number], (row: ExportRow) => string | number | null> = {
  sku: (row) => row.sku,
  name: (row) => row.name,
  description: (row) => row.description,
  unit: (row) => row.unit,
  price: (row) => formatMinor(Number(row.price_minor), row.currency),
  cost: (row) => (row.cost_minor === null ? null : formatMinor(Number(row.cost_minor), row.currency)),
  currency: (row) => row.currency,
  barcode: (row) => row.barcode,
  category: (row) => row.category_path,
  reorder_point: (row) => row.reorder_point,
  reorder_quantity: (row) => row.reorder_quantity,
  status: (row) => row.status,
  attributes: (row) => formatAttributes(row.attributes),
};

export const PRODUCT_CSV_COLUMNS: CsvColumn<ExportRow>[] = PRODUCT_CSV_HEADERS.map((header) => ({
  header,
  value: VALUES[header],
}));
