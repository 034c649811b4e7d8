import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  CURRENCIES,
  CURRENCY_MINOR_DIGITS,
  PRODUCT_IMPORT_COLUMNS,
  PRODUCT_IMPORT_REQUIRED_COLUMNS,
  ProductStatus,
  type CurrencyCode,
  type ImportReportDto,
} from '@depot/contracts';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError as ClassValidationError } from 'class-validator';
import { CreateProductDto } from '../catalog/products/dto/create-product.dto';
import { ProductsService } from '../catalog/products/products.service';
import { readCsv, RowErrors } from './csv-reader';
import { ImportRowsInvalidError } from './import.errors';

type Column = (typeof PRODUCT_IMPORT_COLUMNS)[number];

/** API field -> CSV column, to report validation errors where the user can find them. */
const COLUMN_OF: Record<string, Column> = {
  sku: 'sku',
  name: 'name',
  description: 'description',
  unit: 'unit',
  priceMinor: 'price',
  costMinor: 'cost',
  currency: 'currency',
  barcode: 'barcode',
  categoryId: 'category',
  attributes: 'attributes',
  reorderPoint: 'reorder_point',
  reorderQuantity: 'reorder_quantity',
};

interface PlannedRow {
  row: number;
  input: CreateProductDto;
  status: ProductStatus;
  existing?: { id: string; version: number };
}

/** "19.99" in major units -> 1999 minor units, or null when malformed for the currency. */
export function parseMoney(text: string, currency: CurrencyCode): number | null {
  const digits = CURRENCY_MINOR_DIGITS[currency];
  const pattern = digits === 0 ? /^\d{1,12}$/ : new RegExp(`^\\d{1,12}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(text)) return null;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** `key=value;key=value` -> object, or an error message. */
export function parseAttributes(text: string): Record<string, string> | string {
  const attributes: Record<string, string> = {};
  for (const part of text.split(';').filter((entry) => entry.trim().length > 0)) {
    const separator = part.indexOf('=');
    if (separator < 1) return `"${part.slice(0, 60)}" is not key=value`;
    const key = part.slice(0, separator).trim();
    if (key in attributes) return `key "${key}" appears twice`;
    attributes[key] = part.slice(separator + 1).trim();
  }
  return attributes;
}

/** A whole number, undefined when empty, NaN when malformed (the validator reports it). */
function integer(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  return /^-?\d{1,10}$/.test(text) ? Number(text) : NaN;
}

function firstMessages(errors: ClassValidationError[]): { property: string; message: string }[] {
  return errors.map((error) => ({
    property: error.property,
    message: Object.values(error.constraints ?? {})[0] ?? 'is invalid',
  }));
}

/**
 * Products CSV import, upsert by SKU (case-insensitive). Every row is checked with the same
 * rules as the API (class-validator on CreateProductDto) plus the file's own (money format,
 * category paths, duplicates in the file, barcodes owned by other products). Then either a
 * report (dry run, or errors: 422 and nothing written) or all rows are written in one
 * transaction through ProductsService, so each gets its audit row and event.
 */
@Injectable()
export class ProductImportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly products: ProductsService,
  ) {}

  @Transactional()
  async run(body: unknown, dryRun: boolean): Promise<ImportReportDto> {
    const { rows } = readCsv<Column>(body, PRODUCT_IMPORT_COLUMNS, PRODUCT_IMPORT_REQUIRED_COLUMNS);
    const errors = new RowErrors();
    const categories = await this.categoryPaths();
    const planned: PlannedRow[] = [];
    const seenSkus = new Map<string, number>();
    const seenBarcodes = new Map<string, number>();

    for (const [index, cells] of rows.entries()) {
      const row = index + 1;
      const before = errors.list.length;
      const currency = (cells.currency ?? '').toUpperCase() as CurrencyCode;
      const currencyKnown = (CURRENCIES as readonly string[]).includes(currency);
      if (!currencyKnown) errors.add(row, 'currency', `currency must be one of ${CURRENCIES.join(', ')}`);

      const price = currencyKnown ? parseMoney(cells.price ?? '', currency) : null;
      if (currencyKnown && price === null) errors.add(row, 'price', 'price must be an amount like 19.99');
      const cost = cells.cost ? (currencyKnown ? parseMoney(cells.cost, currency) : null) : undefined;
      if (currencyKnown && cost === null) errors.add(row, 'cost', 'cost must be an amount like 7.40, or empty');

      let categoryId: string | null = null;
      if (cells.category) {
        categoryId =
          categories.get(
            cells.category
              .toLowerCase()
              .split('/')
              .map((part) => part.trim())
              .join('/'),
          ) ?? null;
        if (!categoryId)
          errors.add(row, 'category', `no category "${cells.category}" (write the path, e.g. Office/IT accessories)`);
      }
      let attributes: Record<string, string> | undefined;
      if (cells.attributes) {
        const parsed = parseAttributes(cells.attributes);
        if (typeof parsed === 'string') errors.add(row, 'attributes', parsed);
        else attributes = parsed;
      }
      const status = (cells.status || ProductStatus.Active) as ProductStatus;
      if (!Object.values(ProductStatus).includes(status))
        errors.add(row, 'status', 'status must be active or archived');
      const reorderPoint = integer(cells.reorder_point);
      const reorderQuantity = integer(cells.reorder_quantity);

      const input = plainToInstance(CreateProductDto, {
        sku: cells.sku,
        name: cells.name,
        description: cells.description || null,
        unit: cells.unit || undefined,
        priceMinor: price ?? 0,
        costMinor: cost ?? null,
        currency: currencyKnown ? currency : 'EUR',
        barcode: cells.barcode || null,
        categoryId,
        attributes,
        reorderPoint,
        reorderQuantity,
      });
      for (const problem of firstMessages(await validate(input, { forbidUnknownValues: true }))) {
        // Money and categories were reported above in the file's own terms.
        if (problem.property === 'categoryId') continue;
        errors.add(row, COLUMN_OF[problem.property] ?? null, problem.message);
      }

      const skuKey = (cells.sku ?? '').toLowerCase();
      if (skuKey && seenSkus.has(skuKey)) errors.add(row, 'sku', `same SKU as row ${seenSkus.get(skuKey)}`);
      seenSkus.set(skuKey, seenSkus.get(skuKey) ?? row);
      if (input.barcode) {
        if (seenBarcodes.has(input.barcode))
          errors.add(row, 'barcode', `same barcode as row ${seenBarcodes.get(input.barcode)}`);
        seenBarcodes.set(input.barcode, seenBarcodes.get(input.barcode) ?? row);
      }
      if (errors.list.length === before) planned.push({ row, input, status });
    }

    await this.matchExisting(planned, errors);
    const report: ImportReportDto = {
      dryRun,
      rows: rows.length,
      created: planned.filter((entry) => !entry.existing).length,
      updated: planned.filter((entry) => entry.existing).length,
      errors: errors.list.sort((a, b) => a.row - b.row),
    };
    if (report.errors.length > 0) {
      if (dryRun) return report;
      throw new ImportRowsInvalidError(report);
    }
    if (dryRun) return report;

    for (const entry of planned) {
      if (entry.existing) {
        const { input } = entry;
        await this.products.update(entry.existing.id, {
          version: entry.existing.version,
          sku: input.sku,
          name: input.name,
          description: input.description ?? null,
          unit: input.unit ?? 'pcs',
          priceMinor: input.priceMinor,
          costMinor: input.costMinor ?? null,
          currency: input.currency,
          barcode: input.barcode ?? null,
          categoryId: input.categoryId ?? null,
          attributes: input.attributes ?? {},
          reorderPoint: input.reorderPoint ?? 0,
          reorderQuantity: input.reorderQuantity ?? 0,
          status: entry.status,
        });
      } else {
        const created = await this.products.create(entry.input);
        if (entry.status === ProductStatus.Archived) await this.products.archive(created.id);
      }
    }
    return report;
  }

  /** Category paths ("office/it accessories", lower-case) -> id. */
  private async categoryPaths(): Promise<Map<string, string>> {
    const rows = await this.txHost.tx.query<{ id: string; path: string }[]>(
      `WITH RECURSIVE tree AS (
         SELECT id, lower(name)::text AS path FROM categories WHERE parent_id IS NULL
         UNION ALL SELECT c.id, tree.path || '/' || lower(c.name) FROM categories c JOIN tree ON c.parent_id = tree.id)
       SELECT id, path FROM tree`,
    );
    return new Map(rows.map((row) => [row.path, row.id]));
  }

  /** Marks rows that update an existing product; reports barcodes another product holds. */
  private async matchExisting(planned: PlannedRow[], errors: RowErrors): Promise<void> {
    if (planned.length === 0) return;
    const existing = await this.txHost.tx.query<{ id: string; sku: string; version: number }[]>(
      'SELECT id, sku, version FROM products WHERE lower(sku) = ANY($1::text[]) FOR UPDATE',
      [planned.map((entry) => entry.input.sku.toLowerCase())],
    );
    const bySku = new Map(existing.map((row) => [row.sku.toLowerCase(), row]));
    for (const entry of planned) entry.existing = bySku.get(entry.input.sku.toLowerCase());

    const barcodes = planned.flatMap((entry) => (entry.input.barcode ? [entry.input.barcode] : []));
    if (barcodes.length === 0) return;
    const owners = await this.txHost.tx.query<{ sku: string; barcode: string }[]>(
      'SELECT sku, barcode FROM products WHERE barcode = ANY($1::text[])',
      [barcodes],
    );
    for (const owner of owners) {
      const entry = planned.find((candidate) => candidate.input.barcode === owner.barcode);
      if (entry && entry.input.sku.toLowerCase() !== owner.sku.toLowerCase()) {
        errors.add(entry.row, 'barcode', `barcode ${owner.barcode} belongs to product ${owner.sku}`);
      }
    }
  }
}
