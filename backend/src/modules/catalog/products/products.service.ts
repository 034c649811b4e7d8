import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DomainEventName, PAGINATION, ProductStatus, type Page, type ProductDto } from '@depot/contracts';
import { QueryFailedError } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { diffFields } from '../../audit/audit-diff';
import { OutboxService } from '../../../platform/events/outbox.service';
import { newId } from '../../../platform/database/ids';
import { VersionConflictError } from '../../../platform/http/app-error';
import { decodeCursor } from '../../../platform/http/pagination/cursor';
import { toPage } from '../../../platform/http/pagination/page';
import { parseSort } from '../../../platform/http/pagination/sort';
import { BarcodeTakenError, ProductNotFoundError, SkuTakenError, UnknownCategoryError } from '../catalog.errors';
import type { CreateProductDto } from './dto/create-product.dto';
import type { ProductListQueryDto } from './dto/product-list-query.dto';
import type { UpdateProductDto } from './dto/update-product.dto';
import { ProductEntity } from './product.entity';
import { entityToProductDto, PRODUCT_COLUMNS, rowToProductDto, type ProductRow } from './product.mapper';

/** API sort field -> trusted SQL column. */
const SORT_COLUMNS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  sku: 'sku',
  name: 'name',
  priceMinor: 'price_minor',
} as const;

const AUDITED_FIELDS = [
  'sku',
  'name',
  'description',
  'unit',
  'priceMinor',
  'costMinor',
  'currency',
  'barcode',
  'categoryId',
  'attributes',
  'reorderPoint',
  'reorderQuantity',
  'status',
] as const;

function violatedConstraint(error: unknown, code: string): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === code ? driverError.constraint : undefined;
}

/** Turns constraint violations of a product write into the API's errors. */
function translateWriteError(error: unknown, sku: string, barcode: string | null | undefined): unknown {
  const unique = violatedConstraint(error, '23505');
  if (unique === 'ux_products_sku_lower') return new SkuTakenError(sku);
  if (unique === 'ux_products_barcode') return new BarcodeTakenError(barcode ?? '');
  if (violatedConstraint(error, '23503') === 'fk_products_category') return new UnknownCategoryError();
  return error;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (match) => `\\${match}`);
}

@Injectable()
export class ProductsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(ProductEntity);
  }

  /** One SQL statement per page (two with `includeTotal`), whatever the page size. */
  async list(query: ProductListQueryDto): Promise<Page<ProductDto>> {
    const sort = parseSort(query.sort, SORT_COLUMNS, '-createdAt');
    const limit = query.limit ?? PAGINATION.defaultLimit;
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.status) where.push(`status = ${param(query.status)}`);
    if (query.q && query.q.trim().length > 0) {
      const pattern = param(`%${escapeLike(query.q.trim())}%`);
      where.push(`(sku ILIKE ${pattern} OR name ILIKE ${pattern} OR barcode ILIKE ${pattern})`);
    }
    if (query.categoryId) {
      // The category and everything below it, in the same statement.
      where.push(
        `category_id IN (WITH RECURSIVE sub AS (SELECT id FROM categories WHERE id = ${param(query.categoryId)}
           UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`,
      );
    }
    for (const pair of query.attribute ?? []) {
      const separator = pair.indexOf(':');
      const filter = { [pair.slice(0, separator)]: pair.slice(separator + 1) };
      where.push(`attributes @> ${param(JSON.stringify(filter))}::jsonb`);
    }
    if (query.belowReorderPoint) {
      where.push(
        'EXISTS (SELECT 1 FROM stock_levels l WHERE l.product_id = products.id AND l.available < products.reorder_point)',
      );
    }
    const filterSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const filterParams = [...params];

    const keyset = [...where];
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      const operator = sort.descending ? '<' : '>';
      keyset.push(`(${sort.column}, id) ${operator} (${param(cursor.sortValue)}, ${param(cursor.id)})`);
    }
    const direction = sort.descending ? 'DESC' : 'ASC';
    const pageSql =
      `SELECT ${PRODUCT_COLUMNS} FROM products ${keyset.length > 0 ? `WHERE ${keyset.join(' AND ')}` : ''} ` +
      `ORDER BY ${sort.column} ${direction}, id ${direction} LIMIT ${param(limit + 1)}`;
    const manager = this.txHost.tx;
    const rows = await manager.query<ProductRow[]>(pageSql, params);

    let total: number | undefined;
    if (query.includeTotal) {
      const [{ count }] = await manager.query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM products ${filterSql}`,
        filterParams,
      );
      total = count;
    }
    const sortValueOf = (row: ProductRow): string | number => {
      const value = row[sort.column as keyof ProductRow];
      return value instanceof Date ? value.toISOString() : (value as string | number);
    };
    return toPage(rows, limit, sortValueOf, rowToProductDto, total);
  }

  async get(id: string): Promise<ProductDto> {
    const product = await this.repository.findOneBy({ id });
    if (!product) throw new ProductNotFoundError(id);
    return entityToProductDto(product);
  }

  @Transactional()
  async create(input: CreateProductDto): Promise<ProductDto> {
    const product = this.repository.create({
      id: newId(),
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
      status: ProductStatus.Active,
      version: 1,
    });
    try {
      await this.repository.insert(product);
    } catch (error) {
      throw translateWriteError(error, input.sku, input.barcode);
    }
    const saved = await this.repository.findOneByOrFail({ id: product.id });
    const dto = entityToProductDto(saved);
    await this.audit.record({
      action: 'create',
      entityType: 'product',
      entityId: saved.id,
      changes: diffFields(null, saved, AUDITED_FIELDS),
    });
    await this.outbox.record({
      type: DomainEventName.ProductCreated,
      aggregateType: 'product',
      aggregateId: saved.id,
      payload: { product: dto },
    });
    return dto;
  }

  /**
   * Optimistic locking: the row is locked, its version compared with the caller's, and the
   * UPDATE is guarded by `version = :expected` as well, so a stale write can never win.
   */
  @Transactional()
  async update(id: string, input: UpdateProductDto): Promise<ProductDto> {
    const before = await this.repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!before) throw new ProductNotFoundError(id);
    if (before.version !== input.version) throw new VersionConflictError('product', input.version);

    const changes: Partial<ProductEntity> = {};
    if (input.sku !== undefined) changes.sku = input.sku;
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description;
    if (input.unit !== undefined) changes.unit = input.unit;
    if (input.priceMinor !== undefined) changes.priceMinor = input.priceMinor;
    if (input.currency !== undefined) changes.currency = input.currency;
    if (input.costMinor !== undefined) changes.costMinor = input.costMinor;
    if (input.barcode !== undefined) changes.barcode = input.barcode;
    if (input.categoryId !== undefined) changes.categoryId = input.categoryId;
    if (input.attributes !== undefined) changes.attributes = input.attributes;
    if (input.reorderPoint !== undefined) changes.reorderPoint = input.reorderPoint;
    if (input.reorderQuantity !== undefined) changes.reorderQuantity = input.reorderQuantity;
    if (input.status !== undefined) changes.status = input.status;

    return this.applyUpdate(before, changes, DomainEventName.ProductUpdated, 'update');
  }

  /** Archiving keeps the product (orders and the ledger refer to it) but hides it from active lists. */
  @Transactional()
  async archive(id: string): Promise<void> {
    const before = await this.repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!before) throw new ProductNotFoundError(id);
    if (before.status === ProductStatus.Archived) return;
    await this.applyUpdate(before, { status: ProductStatus.Archived }, DomainEventName.ProductArchived, 'archive');
  }

  private async applyUpdate(
    before: ProductEntity,
    changes: Partial<ProductEntity>,
    eventType: DomainEventName,
    action: string,
  ): Promise<ProductDto> {
    let affected: number | undefined;
    try {
      const result = await this.repository
        .createQueryBuilder()
        .update(ProductEntity)
        .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :id AND version = :version', { id: before.id, version: before.version })
        .execute();
      affected = result.affected;
    } catch (error) {
      throw translateWriteError(error, changes.sku ?? before.sku, changes.barcode);
    }
    if (affected !== 1) throw new VersionConflictError('product', before.version);

    const after = await this.repository.findOneByOrFail({ id: before.id });
    const dto = entityToProductDto(after);
    await this.audit.record({
      action,
      entityType: 'product',
      entityId: after.id,
      changes: diffFields(before, after, AUDITED_FIELDS),
    });
    await this.outbox.record({
      type: eventType,
      aggregateType: 'product',
      aggregateId: after.id,
      payload: { product: dto },
    });
    return dto;
  }
}
