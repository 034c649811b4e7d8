/** CSV imports: products (upsert by SKU) and opening stock. */
export const IMPORT_LIMITS = {
  maxRows: 10_000,
  /** Largest CSV body accepted by the import endpoints. */
  maxBytes: 5 * 1024 * 1024,
} as const;

/** Columns of a products CSV (the export writes exactly these). `sku`, `name`, `price`, `currency` are required. */
export const PRODUCT_IMPORT_COLUMNS = [
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
export const PRODUCT_IMPORT_REQUIRED_COLUMNS = ['sku', 'name', 'price', 'currency'] as const;

/** Columns of an opening-stock CSV, all required. */
export const OPENING_STOCK_IMPORT_COLUMNS = ['sku', 'warehouse_code', 'quantity'] as const;

/** One problem in an uploaded file. `row` is the 1-based data row (the header is row 0). */
export interface ImportRowError {
  row: number;
  /** The column at fault, or null when it concerns the whole row. */
  column: string | null;
  message: string;
}

/** What an import did (or, on a dry run, would do). */
export interface ImportReportDto {
  dryRun: boolean;
  /** Data rows in the file. */
  rows: number;
  /** Rows that create something new (products) or stock levels set (opening stock). */
  created: number;
  /** Rows that update an existing product. */
  updated: number;
  /** Every row/column problem; when not empty, nothing was (or would be) written. */
  errors: ImportRowError[];
}
