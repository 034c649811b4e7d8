import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Keyset tie-breaker of a stock level, as `StockService` orders by it. */
const LEVEL_KEY = `(("product_id")::text || ':' || ("warehouse_id")::text)`;

const MOVEMENT_FILTER_INDEXES = [
  ['ix_stock_movements_product', 'product_id'],
  ['ix_stock_movements_warehouse', 'warehouse_id'],
] as const;

/**
 * One (sort column, id) index for every allowlisted sort of the lists that grow large, so each
 * sort reads a page (and a capped `includeTotal` count) from an index instead of sorting the table.
 * The audit trail's (occurred_at) and the delivery log's (endpoint_id, created_at) indexes give way
 * to the same columns plus id, which serve the same filters and also the keyset tie-breaker.
 */
export class ListSortIndexes1796520000000 implements MigrationInterface {
  name = 'ListSortIndexes1796520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_audit_events_occurred_at_id" ON "audit_events" ("occurred_at", "id")`);
    await queryRunner.query(`DROP INDEX "IDX_audit_events_occurred_at"`);
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_orders_expected_id" ON "purchase_orders" (coalesce("expected_date", 'infinity'::date), "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_purchase_orders_total_id" ON "purchase_orders" ("total_minor", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_sales_orders_total_id" ON "sales_orders" ("total_minor", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_invoices_total_id" ON "invoices" ("total_minor", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_stock_levels_on_hand_key" ON "stock_levels" ("on_hand", ${LEVEL_KEY})`);
    await queryRunner.query(
      `CREATE INDEX "ix_stock_levels_available_key" ON "stock_levels" ("available", ${LEVEL_KEY})`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_stock_levels_updated_key" ON "stock_levels" ("updated_at", ${LEVEL_KEY})`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_deliveries_endpoint_created_id" ON "webhook_deliveries" ("endpoint_id", "created_at", "id")`,
    );
    await queryRunner.query(`DROP INDEX "IDX_webhook_deliveries_endpoint"`);
    // The ledger filtered by product or warehouse and type: with `type` in the index the capped
    // total is an index-only count (no heap visit per row), ~10x cheaper under the cap.
    for (const [name, column] of MOVEMENT_FILTER_INDEXES) {
      await queryRunner.query(`DROP INDEX "${name}"`);
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "stock_movements" ("${column}", "occurred_at", "id") INCLUDE ("type")`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, column] of MOVEMENT_FILTER_INDEXES) {
      await queryRunner.query(`DROP INDEX "${name}"`);
      await queryRunner.query(`CREATE INDEX "${name}" ON "stock_movements" ("${column}", "occurred_at", "id")`);
    }
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_endpoint" ON "webhook_deliveries" ("endpoint_id", "created_at")`,
    );
    await queryRunner.query(`DROP INDEX "ix_webhook_deliveries_endpoint_created_id"`);
    await queryRunner.query(`DROP INDEX "ix_stock_levels_updated_key"`);
    await queryRunner.query(`DROP INDEX "ix_stock_levels_available_key"`);
    await queryRunner.query(`DROP INDEX "ix_stock_levels_on_hand_key"`);
    await queryRunner.query(`DROP INDEX "ix_invoices_total_id"`);
    await queryRunner.query(`DROP INDEX "ix_sales_orders_total_id"`);
    await queryRunner.query(`DROP INDEX "ix_purchase_orders_total_id"`);
    await queryRunner.query(`DROP INDEX "ix_purchase_orders_expected_id"`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_occurred_at" ON "audit_events" ("occurred_at")`);
    await queryRunner.query(`DROP INDEX "ix_audit_events_occurred_at_id"`);
  }
}
