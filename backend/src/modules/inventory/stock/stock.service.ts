import { Injectable, type StreamableFile } from '@nestjs/common';
import { csvExport, csvFilename, type CsvColumn } from '../../../platform/http/csv/csv-export';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  STOCK_LEVEL_SORT_FIELDS,
  MovementType,
  PAGINATION,
  type LedgerConsistencyDto,
  type LowStockItemDto,
  type Page,
  type StockAdjustmentResultDto,
  type StockAsOfDto,
  type StockLevelDto,
  type StockMovementDto,
  type StockTransferResultDto,
} from '@depot/contracts';
import { newId } from '../../../platform/database/ids';
import { ReadReplica } from '../../../platform/database/read-replica';
import { cursorValue, escapeLike, keysetPage, SqlParams } from '../../../platform/http/pagination/keyset-page';
import { parseSort } from '../../../platform/http/pagination/sort';
import { ProductNotFoundError } from '../../catalog/catalog.errors';
import { MovementNotFoundError, SameWarehouseError } from '../inventory.errors';
import type {
  AdjustStockDto,
  LowStockQueryDto,
  StockAsOfQueryDto,
  StockLevelListQueryDto,
  StockMovementListQueryDto,
  TransferStockDto,
  StockMovementExportQueryDto,
} from './dto/stock.dto';
import { StockLedgerService } from './stock-ledger.service';
import {
  LEVEL_FROM,
  LEVEL_SELECT,
  levelDto,
  MOVEMENT_FROM,
  MOVEMENT_SELECT,
  movementDto,
  type LevelRow,
  type MovementRow,
} from './stock-rows';

const LEVEL_SORT = {
  sku: 'p.sku',
  onHand: 'l.on_hand',
  available: 'l.available',
  updatedAt: 'l.updated_at',
} as const satisfies Record<(typeof STOCK_LEVEL_SORT_FIELDS)[number], string>;
const LEVEL_SORT_KEYS: Record<string, keyof LevelRow> = {
  'p.sku': 'sku',
  'l.on_hand': 'on_hand',
  'l.available': 'available',
  'l.updated_at': 'updated_at',
};
const MOVEMENT_CSV_COLUMNS: CsvColumn<MovementRow>[] = [
  { header: 'occurred_at', value: (row) => row.occurred_at.toISOString() },
  { header: 'type', value: (row) => row.type },
  { header: 'sku', value: (row) => row.sku },
  { header: 'warehouse', value: (row) => row.warehouse_code },
  { header: 'on_hand_change', value: (row) => row.on_hand_change },
  { header: 'reserved_change', value: (row) => row.reserved_change },
  { header: 'on_hand_after', value: (row) => row.on_hand_after },
  { header: 'reserved_after', value: (row) => row.reserved_after },
  { header: 'reason', value: (row) => row.reason_code },
  { header: 'note', value: (row) => row.note },
  { header: 'actor', value: (row) => row.actor_name ?? row.actor_type },
  { header: 'transfer_id', value: (row) => row.transfer_id },
  { header: 'source_type', value: (row) => row.source_type },
  { header: 'source_id', value: (row) => row.source_id },
  { header: 'request_id', value: (row) => row.request_id },
];

/** The composite key of a stock level, as the keyset tie-breaker. */
const LEVEL_ID = `(l.product_id::text || ':' || l.warehouse_id::text)`;

/** Stock levels, the ledger, and the operations that move stock by hand (adjust, transfer). */
@Injectable()
export class StockService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly ledger: StockLedgerService,
    private readonly reads: ReadReplica,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  listLevels(query: StockLevelListQueryDto): Promise<Page<StockLevelDto>> {
    const sort = parseSort(query.sort, LEVEL_SORT, 'sku');
    const params = new SqlParams();
    const where: string[] = [];
    if (query.productId) where.push(`l.product_id = ${params.add(query.productId)}`);
    if (query.warehouseId) where.push(`l.warehouse_id = ${params.add(query.warehouseId)}`);
    if (query.belowReorderPoint) where.push('l.available < p.reorder_point');
    if (query.q?.trim()) {
      const pattern = params.add(`%${escapeLike(query.q.trim())}%`);
      where.push(`(p.sku ILIKE ${pattern} OR p.name ILIKE ${pattern})`);
    }
    return keysetPage<LevelRow, StockLevelDto>(this.db, {
      select: LEVEL_SELECT,
      from: LEVEL_FROM,
      // The text search and the reorder point read the joined product.
      countFrom: query.q?.trim() || query.belowReorderPoint ? undefined : 'stock_levels l',
      where,
      params,
      sort,
      idColumn: LEVEL_ID,
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => cursorValue(row[LEVEL_SORT_KEYS[sort.column]]),
      map: levelDto,
    });
  }

  listMovements(query: StockMovementListQueryDto): Promise<Page<StockMovementDto>> {
    const sort = parseSort(query.sort, { occurredAt: 'm.occurred_at' }, '-occurredAt');
    // The ledger is a report: on the read replica when there is one. A read may run twice
    // (replica, then primary), so its parameters are collected afresh each time.
    return this.reads.run((db) => {
      const params = new SqlParams();
      return keysetPage<MovementRow, StockMovementDto>(db, {
        select: MOVEMENT_SELECT,
        from: MOVEMENT_FROM,
        // Only the text search reads the joined product.
        countFrom: query.q?.trim() ? undefined : 'stock_movements m',
        where: this.movementFilters(query, params),
        params,
        sort,
        idColumn: 'm.id',
        limit: query.limit ?? PAGINATION.defaultLimit,
        cursor: query.cursor,
        includeTotal: query.includeTotal,
        sortValueOf: (row) => cursorValue(row.occurred_at),
        map: movementDto,
      });
    });
  }

  /** One ledger entry (the `Location` of an adjustment or transfer). */
  async getMovement(id: string): Promise<StockMovementDto> {
    const [row] = await this.db.query<MovementRow[]>(
      `SELECT ${MOVEMENT_SELECT} FROM ${MOVEMENT_FROM} WHERE m.id = $1`,
      [id],
    );
    if (!row) throw new MovementNotFoundError(id);
    return movementDto(row);
  }

  /** Filter conditions of the movement list (shared with the CSV export). */
  movementFilters(query: StockMovementExportQueryDto, params: SqlParams): string[] {
    const where: string[] = [];
    if (query.productId) where.push(`m.product_id = ${params.add(query.productId)}`);
    if (query.warehouseId) where.push(`m.warehouse_id = ${params.add(query.warehouseId)}`);
    if (query.type) where.push(`m.type = ${params.add(query.type)}`);
    if (query.from) where.push(`m.occurred_at >= ${params.add(query.from)}`);
    if (query.to) where.push(`m.occurred_at < ${params.add(query.to)}`);
    if (query.q?.trim()) {
      const pattern = params.add(`%${escapeLike(query.q.trim())}%`);
      where.push(`(p.sku ILIKE ${pattern} OR p.name ILIKE ${pattern})`);
    }
    return where;
  }

  /** The ledger (same filters as the list) as a streamed CSV file. */
  exportMovements(query: StockMovementExportQueryDto): Promise<StreamableFile> {
    const sort = parseSort(query.sort, { occurredAt: 'm.occurred_at' }, '-occurredAt');
    const params = new SqlParams();
    const where = this.movementFilters(query, params);
    const direction = sort.descending ? 'DESC' : 'ASC';
    return this.reads.run((db) =>
      csvExport<MovementRow>(
        db.connection,
        `SELECT ${MOVEMENT_SELECT} FROM ${MOVEMENT_FROM} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY m.occurred_at ${direction}, m.id ${direction}`,
        params.values,
        MOVEMENT_CSV_COLUMNS,
        csvFilename('stock-movements'),
      ),
    );
  }

  async level(productId: string, warehouseId: string): Promise<StockLevelDto> {
    const [row] = await this.db.query<LevelRow[]>(
      `SELECT ${LEVEL_SELECT} FROM ${LEVEL_FROM} WHERE l.product_id = $1 AND l.warehouse_id = $2`,
      [productId, warehouseId],
    );
    return levelDto(row);
  }

  @Transactional()
  async adjust(input: AdjustStockDto): Promise<StockAdjustmentResultDto> {
    const [movement] = await this.ledger.record(
      [
        {
          type: MovementType.Adjustment,
          productId: input.productId,
          warehouseId: input.warehouseId,
          onHandChange: input.quantity,
          reasonCode: input.reasonCode,
          note: input.note ?? null,
        },
      ],
      'stock.adjusted',
    );
    return { movement, level: await this.level(input.productId, input.warehouseId) };
  }

  /** Both legs in one transaction: either both are written or neither. */
  @Transactional()
  async transfer(input: TransferStockDto): Promise<StockTransferResultDto> {
    if (input.fromWarehouseId === input.toWarehouseId) throw new SameWarehouseError();
    const transferId = newId();
    const leg = { productId: input.productId, transferId, note: input.note ?? null };
    const movements = await this.ledger.record(
      [
        {
          ...leg,
          type: MovementType.TransferOut,
          warehouseId: input.fromWarehouseId,
          onHandChange: -input.quantity,
        },
        { ...leg, type: MovementType.TransferIn, warehouseId: input.toWarehouseId, onHandChange: input.quantity },
      ],
      'stock.transferred',
    );
    return {
      transferId,
      movements: [movements[0], movements[1]],
      from: await this.level(input.productId, input.fromWarehouseId),
      to: await this.level(input.productId, input.toWarehouseId),
    };
  }

  /** Stock of a product at a past moment, summed from the ledger. */
  async asOf(query: StockAsOfQueryDto): Promise<StockAsOfDto> {
    const [product] = await this.db.query<{ id: string }[]>('SELECT id FROM products WHERE id = $1', [query.productId]);
    if (!product) throw new ProductNotFoundError(query.productId);
    const rows = await this.db.query<{ warehouse_id: string; code: string; on_hand: string; reserved: string }[]>(
      `SELECT m.warehouse_id, w.code, sum(m.on_hand_change) AS on_hand, sum(m.reserved_change) AS reserved
         FROM stock_movements m JOIN warehouses w ON w.id = m.warehouse_id
        WHERE m.product_id = $1 AND m.occurred_at <= $2
        GROUP BY m.warehouse_id, w.code ORDER BY w.code`,
      [query.productId, query.at],
    );
    const levels = rows.map((row) => ({
      warehouseId: row.warehouse_id,
      warehouseCode: row.code,
      onHand: Number(row.on_hand),
      reserved: Number(row.reserved),
    }));
    return {
      at: new Date(query.at).toISOString(),
      productId: query.productId,
      levels,
      totalOnHand: levels.reduce((total, level) => total + level.onHand, 0),
    };
  }

  /** Compares every stock level with the sum of its ledger (they must always agree). */
  async checkConsistency(): Promise<LedgerConsistencyDto> {
    const rows = await this.db.query<
      {
        product_id: string;
        warehouse_id: string;
        on_hand: string | null;
        reserved: string | null;
        ledger_on_hand: string | null;
        ledger_reserved: string | null;
      }[]
    >(
      `SELECT coalesce(l.product_id, m.product_id) AS product_id, coalesce(l.warehouse_id, m.warehouse_id) AS warehouse_id,
              l.on_hand, l.reserved, m.on_hand AS ledger_on_hand, m.reserved AS ledger_reserved
         FROM stock_levels l
         FULL JOIN (SELECT product_id, warehouse_id, sum(on_hand_change) AS on_hand, sum(reserved_change) AS reserved
                      FROM stock_movements GROUP BY product_id, warehouse_id) m
           ON m.product_id = l.product_id AND m.warehouse_id = l.warehouse_id
        WHERE l.on_hand IS DISTINCT FROM m.on_hand OR l.reserved IS DISTINCT FROM m.reserved`,
    );
    const [counts] = await this.db.query<[{ levels: number; movements: number }]>(
      `SELECT (SELECT count(*) FROM stock_levels)::int AS levels, (SELECT count(*) FROM stock_movements)::int AS movements`,
    );
    return {
      consistent: rows.length === 0,
      checkedLevels: counts.levels,
      checkedMovements: counts.movements,
      mismatches: rows.map((row) => ({
        productId: row.product_id,
        warehouseId: row.warehouse_id,
        onHand: Number(row.on_hand ?? 0),
        ledgerOnHand: Number(row.ledger_on_hand ?? 0),
        reserved: Number(row.reserved ?? 0),
        ledgerReserved: Number(row.ledger_reserved ?? 0),
      })),
      checkedAt: new Date().toISOString(),
    };
  }

  /** Levels whose available stock is below the product's reorder point, biggest shortfall first per SKU order. */
  lowStock(query: LowStockQueryDto): Promise<Page<LowStockItemDto>> {
    const params = new SqlParams();
    const where = ['l.available < p.reorder_point', `p.status = 'active'`];
    if (query.warehouseId) where.push(`l.warehouse_id = ${params.add(query.warehouseId)}`);
    if (query.q?.trim()) {
      const pattern = params.add(`%${escapeLike(query.q.trim())}%`);
      where.push(`(p.sku ILIKE ${pattern} OR p.name ILIKE ${pattern})`);
    }
    return keysetPage<LevelRow, LowStockItemDto>(this.db, {
      select: LEVEL_SELECT,
      from: LEVEL_FROM,
      where,
      params,
      sort: parseSort(query.sort, { sku: 'p.sku' }, 'sku'),
      idColumn: LEVEL_ID,
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => row.sku,
      map: (row) => ({
        productId: row.product_id,
        sku: row.sku,
        productName: row.product_name,
        warehouseId: row.warehouse_id,
        warehouseCode: row.warehouse_code,
        available: Number(row.available),
        reorderPoint: row.reorder_point,
        reorderQuantity: row.reorder_quantity,
        shortfall: row.reorder_point - Number(row.available),
      }),
    });
  }
}
