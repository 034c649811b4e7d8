import { Injectable, type StreamableFile } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  PRODUCT_SORT_FIELDS,
  DomainEventName,
  PAGINATION,
  PartnerKind,
  ProductStatus,
  type Page,
  type ProductDto,
  TaxClass,
} from '@depot/contracts';
import { PgError, violatedConstraint } from '../../../platform/database/pg-errors';
import { csvExport, csvFilename } from '../../../platform/http/csv/csv-export';
import { cursorValue, keysetPage, SqlParams } from '../../../platform/http/pagination/keyset-page';
import { AuditService } from '../../audit/audit.service';
import { diffFields } from '../../audit/audit-diff';
import { OutboxService } from '../../../platform/events/outbox.service';
import { newId } from '../../../platform/database/ids';
import { ReadReplica } from '../../../platform/database/read-replica';
import { VersionConflictError } from '../../../platform/http/app-error';
import { parseSort } from '../../../platform/http/pagination/sort';
import {
  BarcodeTakenError,
  ProductNotFoundError,
  SkuTakenError,
  UnknownCategoryError,
  UnknownSupplierError,
} from '../catalog.errors';
import type { CreateProductDto } from './dto/create-product.dto';
import type { ProductListQueryDto, ProductExportQueryDto } from './dto/product-list-query.dto';
import type { UpdateProductDto } from './dto/update-product.dto';
import { ProductEntity } from './product.entity';
import { productFilters } from './product-filters';
import { PRODUCT_CSV_COLUMNS } from './product-csv';
import { entityToProductDto, PRODUCT_COLUMNS, rowToProductDto, type ProductRow } from './product.mapper';
import { assertExpectedVersion } from '../../../platform/http/conditional/conditional-requests';

/** API sort field -> trusted SQL column. */
const SORT_COLUMNS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  sku: 'sku',
  name: 'name',
  priceMinor: 'price_minor',
} as const satisfies Record<(typeof PRODUCT_SORT_FIELDS)[number], string>;

/** The row field holding each sort column's value (instants come as ISO text, see PRODUCT_COLUMNS). */
const SORT_VALUES: Record<(typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS], keyof ProductRow> = {
  created_at: 'created_at_iso',
  updated_at: 'updated_at_iso',
  sku: 'sku',
  name: 'name',
  price_minor: 'price_minor',
};

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
  'preferredSupplierId',
  'supplierSku',
  'purchasePriceMinor',
  'status',
  'taxClass',
] as const;

/** Turns constraint violations of a product write into the API's errors. */
function translateWriteError(error: unknown, sku: string, barcode: string | null | undefined): unknown {
  const unique = violatedConstraint(error, PgError.UniqueViolation);
  if (unique === 'ux_products_sku_lower') return new SkuTakenError(sku);
  if (unique === 'ux_products_barcode') return new BarcodeTakenError(barcode ?? '');
  if (violatedConstraint(error, PgError.ForeignKeyViolation) === 'fk_products_category')
    return new UnknownCategoryError();
  if (violatedConstraint(error, PgError.ForeignKeyViolation) === 'fk_products_preferred_supplier')
    return new UnknownSupplierError();
  return error;
}

@Injectable()
export class ProductsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly reads: ReadReplica,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(ProductEntity);
  }

  /** One SQL statement per page (two with `includeTotal`), whatever the page size. */
  list(query: ProductListQueryDto): Promise<Page<ProductDto>> {
    const sort = parseSort(query.sort, SORT_COLUMNS, '-createdAt');
    const params = new SqlParams();
    return keysetPage<ProductRow, ProductDto>(this.txHost.tx, {
      select: PRODUCT_COLUMNS,
      from: 'products',
      where: productFilters(query, params),
      params,
      sort,
      idColumn: 'id',
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => cursorValue(row[SORT_VALUES[sort.column as keyof typeof SORT_VALUES]]),
      map: rowToProductDto,
    });
  }

  /** The list's rows (same filters and order, no paging) as a streamed CSV file. */
  exportCsv(query: ProductExportQueryDto): Promise<StreamableFile> {
    const sort = parseSort(query.sort, SORT_COLUMNS, '-createdAt');
    const params = new SqlParams();
    const where = productFilters(query, params);
    if (query.ids) where.push(`products.id = ANY(${params.add(query.ids)}::uuid[])`);
    const direction = sort.descending ? 'DESC' : 'ASC';
    return this.reads.run((db) =>
      csvExport<ProductRow & { category_path: string | null }>(
        db.connection,
        `SELECT ${PRODUCT_COLUMNS},
              (WITH RECURSIVE up AS (SELECT id, parent_id, name, 1 AS level FROM categories WHERE id = products.category_id
                 UNION ALL SELECT c.id, c.parent_id, c.name, up.level + 1 FROM categories c JOIN up ON c.id = up.parent_id)
               SELECT string_agg(name, '/' ORDER BY level DESC) FROM up) AS category_path
         FROM products ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${sort.column} ${direction}, id ${direction}`,
        params.values,
        PRODUCT_CSV_COLUMNS,
        csvFilename('products'),
      ),
    );
  }

  /** One statement, no entity: the row is only serialised (the lean list's columns and mapper). */
  async get(id: string): Promise<ProductDto> {
    const [row] = await this.txHost.tx.query<ProductRow[]>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = $1`, [
      id,
    ]);
    if (!row) throw new ProductNotFoundError(id);
    return rowToProductDto(row);
  }

  @Transactional()
  async create(input: CreateProductDto): Promise<ProductDto> {
    await this.assertSupplier(input.preferredSupplierId);
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
      preferredSupplierId: input.preferredSupplierId ?? null,
      supplierSku: input.supplierSku ?? null,
      purchasePriceMinor: input.purchasePriceMinor ?? null,
      status: ProductStatus.Active,
      taxClass: input.taxClass ?? TaxClass.Standard,
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
    if (input.preferredSupplierId !== undefined) changes.preferredSupplierId = input.preferredSupplierId;
    if (input.supplierSku !== undefined) changes.supplierSku = input.supplierSku;
    if (input.purchasePriceMinor !== undefined) changes.purchasePriceMinor = input.purchasePriceMinor;
    if (input.status !== undefined) changes.status = input.status;
    if (input.taxClass !== undefined) changes.taxClass = input.taxClass;
    if (changes.preferredSupplierId !== before.preferredSupplierId)
      await this.assertSupplier(changes.preferredSupplierId);

    // Saving without changing anything writes nothing: no new version, no audit row, no event.
    if (Object.keys(diffFields(before, { ...before, ...changes }, AUDITED_FIELDS)).length === 0) {
      return entityToProductDto(before);
    }
    return this.applyUpdate(before, changes, DomainEventName.ProductUpdated, 'update');
  }

  /** Archiving keeps the product (orders and the ledger refer to it) but hides it from active lists. */
  @Transactional()
  async archive(id: string, expectedVersion?: number): Promise<void> {
    const before = await this.repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!before) throw new ProductNotFoundError(id);
    assertExpectedVersion(before.version, expectedVersion);
    if (before.status === ProductStatus.Archived) return;
    await this.applyUpdate(before, { status: ProductStatus.Archived }, DomainEventName.ProductArchived, 'archive');
  }

  /** The preferred supplier must be a partner of kind supplier (the foreign key only knows partners). */
  private async assertSupplier(id: string | null | undefined): Promise<void> {
    if (!id) return;
    const rows = await this.txHost.tx.query<unknown[]>(`SELECT 1 FROM partners WHERE id = $1 AND kind = $2`, [
      id,
      PartnerKind.Supplier,
    ]);
    if (rows.length === 0) throw new UnknownSupplierError();
  }

  private async applyUpdate(
    before: ProductEntity,
    changes: Partial<ProductEntity>,
    eventType: (typeof DomainEventName)['ProductUpdated' | 'ProductArchived'],
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
