import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  BULK_LIMITS,
  PRODUCT_LIMITS,
  PriceChangeMode,
  ProductBulkAction,
  ProductStatus,
  changedPrice,
  type BulkResult,
  type ProductDto,
} from '@depot/contracts';
import { BulkRunner, type BulkRowOutcome } from '../../../platform/http/bulk/bulk-runner';
import { ValidationError } from '../../../platform/http/app-error';
import { UnknownCategoryError } from '../catalog.errors';
import type { ProductBulkDto } from './dto/product-bulk.dto';
import { ProductsService } from './products.service';

const UNCHANGED = { status: 'unchanged' } as const;

/**
 * Bulk product actions. Each row calls the same ProductsService method as the single-record
 * endpoint (archive, update), so every change is checked, versioned, audited and emitted alike.
 */
@Injectable()
export class ProductsBulkService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly products: ProductsService,
    private readonly runner: BulkRunner,
  ) {}

  async run(input: ProductBulkDto): Promise<BulkResult> {
    const row = await this.rowAction(input);
    return this.runner.run({
      ids: input.ids,
      operationId: input.operationId,
      dryRun: input.dryRun,
      labels: await this.labels(input.ids),
      row,
    });
  }

  /** Checks the action's own parameters once (a 400 for the whole request), then answers the per-row work. */
  private async rowAction(input: ProductBulkDto): Promise<(id: string) => Promise<BulkRowOutcome>> {
    switch (input.action) {
      case ProductBulkAction.Archive:
        return async (id) => {
          const before = await this.products.get(id);
          if (before.status === ProductStatus.Archived) return UNCHANGED;
          await this.products.archive(id, before.version);
          return { status: 'ok', before: { status: before.status }, after: { status: ProductStatus.Archived } };
        };
      case ProductBulkAction.Activate:
        return async (id) => {
          const before = await this.products.get(id);
          if (before.status === ProductStatus.Active) return UNCHANGED;
          const after = await this.products.update(id, { version: before.version, status: ProductStatus.Active });
          return { status: 'ok', before: { status: before.status }, after: { status: after.status } };
        };
      case ProductBulkAction.MoveToCategory: {
        const categoryId = input.categoryId;
        if (categoryId === undefined) throw required('categoryId', 'moveToCategory');
        if (categoryId !== null) await this.assertCategory(categoryId);
        return async (id) => {
          const before = await this.products.get(id);
          if (before.categoryId === categoryId) return UNCHANGED;
          const after = await this.products.update(id, { version: before.version, categoryId });
          return { status: 'ok', before: { categoryId: before.categoryId }, after: { categoryId: after.categoryId } };
        };
      }
      case ProductBulkAction.ChangePrice: {
        const { mode, value } = checkedPriceChange(input);
        return async (id) => {
          const before = await this.products.get(id);
          const priceMinor = changedPrice(before.priceMinor, mode, value);
          if (priceMinor === before.priceMinor) return UNCHANGED;
          if (priceMinor > PRODUCT_LIMITS.maxPriceMinor) {
            throw new ValidationError(
              [{ field: 'value', message: `the new price would exceed ${PRODUCT_LIMITS.maxPriceMinor}`, code: 'max' }],
              `The new price ${priceMinor} would exceed the largest allowed price.`,
            );
          }
          const after = await this.products.update(id, { version: before.version, priceMinor });
          return {
            status: 'ok',
            before: prices(before),
            after: prices(after),
          };
        };
      }
    }
  }

  private async labels(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.txHost.tx.query<{ id: string; sku: string; name: string }[]>(
      'SELECT id, sku, name FROM products WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, `${row.sku} ${row.name}`]));
  }

  private async assertCategory(id: string): Promise<void> {
    const rows = await this.txHost.tx.query<unknown[]>('SELECT 1 FROM categories WHERE id = $1', [id]);
    if (rows.length === 0) throw new UnknownCategoryError();
  }
}

function prices(product: ProductDto): Record<string, unknown> {
  return { priceMinor: product.priceMinor, currency: product.currency };
}

function required(field: string, action: string): ValidationError {
  return new ValidationError([{ field, message: `${field} is required for ${action}`, code: 'required' }]);
}

/** `mode` and `value` are required; a percent has at most 2 decimals within the limits, an amount is whole. */
function checkedPriceChange(input: ProductBulkDto): { mode: PriceChangeMode; value: number } {
  const { mode, value } = input;
  if (mode === undefined) throw required('mode', 'changePrice');
  if (value === undefined) throw required('value', 'changePrice');
  if (mode === PriceChangeMode.Percent) {
    if (value < BULK_LIMITS.minPercent || value > BULK_LIMITS.maxPercent || Number(value.toFixed(2)) !== value) {
      throw new ValidationError([
        {
          field: 'value',
          message: `a percent must be from ${BULK_LIMITS.minPercent} to ${BULK_LIMITS.maxPercent} with at most 2 decimals`,
          code: 'range',
        },
      ]);
    }
  } else if (!Number.isInteger(value) || Math.abs(value) > PRODUCT_LIMITS.maxPriceMinor) {
    throw new ValidationError([
      {
        field: 'value',
        message: `an amount must be a whole number of minor units within ±${PRODUCT_LIMITS.maxPriceMinor}`,
        code: 'range',
      },
    ]);
  }
  return { mode, value };
}
