import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  AdjustmentReason,
  INVENTORY_LIMITS,
  MovementType,
  OPENING_STOCK_IMPORT_COLUMNS,
  ProductStatus,
  type ImportReportDto,
} from '@depot/contracts';
import { StockLedgerService, type MovementInput } from '../inventory/stock/stock-ledger.service';
import { readCsv, RowErrors } from './csv-reader';
import { ImportRowsInvalidError } from './import.errors';

type Column = (typeof OPENING_STOCK_IMPORT_COLUMNS)[number];

/**
 * Opening stock from a CSV (sku, warehouse_code, quantity): one `opening_balance` adjustment per
 * row, only for stock levels that have no movements yet (later changes are adjustments).
 * All rows are checked first; then all are written through the ledger in one transaction, or
 * none.
 */
@Injectable()
export class OpeningStockImportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly ledger: StockLedgerService,
  ) {}

  @Transactional()
  async run(body: unknown, dryRun: boolean): Promise<ImportReportDto> {
    const { rows } = readCsv<Column>(body, OPENING_STOCK_IMPORT_COLUMNS, OPENING_STOCK_IMPORT_COLUMNS);
    const db = this.txHost.tx;
    const products = await db.query<{ id: string; sku: string; status: string }[]>(
      'SELECT id, sku, status FROM products WHERE lower(sku) = ANY($1::text[])',
      [rows.map((cells) => (cells.sku ?? '').toLowerCase())],
    );
    const warehouses = await db.query<{ id: string; code: string; active: boolean }[]>(
      'SELECT id, code, active FROM warehouses WHERE lower(code) = ANY($1::text[])',
      [rows.map((cells) => (cells.warehouse_code ?? '').toLowerCase())],
    );
    const productBySku = new Map(products.map((row) => [row.sku.toLowerCase(), row]));
    const warehouseByCode = new Map(warehouses.map((row) => [row.code.toLowerCase(), row]));
    const stocked = new Set(
      (
        await db.query<{ key: string }[]>(
          `SELECT DISTINCT product_id::text || ':' || warehouse_id::text AS key FROM stock_movements
            WHERE product_id = ANY($1::uuid[]) AND warehouse_id = ANY($2::uuid[])`,
          [products.map((row) => row.id), warehouses.map((row) => row.id)],
        )
      ).map((row) => row.key),
    );

    const errors = new RowErrors();
    const movements: MovementInput[] = [];
    const seen = new Map<string, number>();
    for (const [index, cells] of rows.entries()) {
      const row = index + 1;
      const product = productBySku.get((cells.sku ?? '').toLowerCase());
      const warehouse = warehouseByCode.get((cells.warehouse_code ?? '').toLowerCase());
      if (!product) errors.add(row, 'sku', `no product with SKU "${cells.sku ?? ''}"`);
      else if (product.status !== ProductStatus.Active) errors.add(row, 'sku', `product ${product.sku} is archived`);
      if (!warehouse) errors.add(row, 'warehouse_code', `no warehouse with code "${cells.warehouse_code ?? ''}"`);
      else if (!warehouse.active) errors.add(row, 'warehouse_code', `warehouse ${warehouse.code} is inactive`);
      const quantityText = cells.quantity ?? '';
      const quantity = /^\d{1,10}$/.test(quantityText) ? Number(quantityText) : NaN;
      if (!(quantity >= 1 && quantity <= INVENTORY_LIMITS.maxQuantity)) {
        errors.add(row, 'quantity', `quantity must be a whole number from 1 to ${INVENTORY_LIMITS.maxQuantity}`);
      }
      if (!product || !warehouse) continue;
      const key = `${product.id}:${warehouse.id}`;
      if (seen.has(key)) errors.add(row, null, `same product and warehouse as row ${seen.get(key)}`);
      else seen.set(key, row);
      if (stocked.has(key)) {
        errors.add(row, null, `${product.sku} already has stock movements in ${warehouse.code}; use an adjustment`);
      }
      movements.push({
        type: MovementType.Adjustment,
        productId: product.id,
        warehouseId: warehouse.id,
        onHandChange: quantity,
        reasonCode: AdjustmentReason.OpeningBalance,
        note: 'Opening stock import',
      });
    }

    const report: ImportReportDto = {
      dryRun,
      rows: rows.length,
      created: errors.list.length === 0 ? movements.length : 0,
      updated: 0,
      errors: errors.list,
    };
    if (report.errors.length > 0) {
      if (dryRun) return report;
      throw new ImportRowsInvalidError(report);
    }
    if (!dryRun) await this.ledger.record(movements, 'stock.opening_balance');
    return report;
  }
}
