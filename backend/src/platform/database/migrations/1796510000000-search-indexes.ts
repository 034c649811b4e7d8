import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Global search (`GET /api/v1/search`): trigram indexes on every searched column that has none
 * yet (products' SKU, name and barcode have had them since the initial schema), and a "C"
 * collation index on the lower-cased SKU so a SKU prefix is read in index order, however many
 * rows share it. pg_trgm ships with PostgreSQL (and the embedded server); the initial schema created
 * it already, the statement here only makes this migration stand on its own.
 */
export class SearchIndexes1796510000000 implements MigrationInterface {
  name = 'SearchIndexes1796510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "ix_products_sku_lower_c" ON "products" ((lower("sku") COLLATE "C"))`);
    for (const [table, column] of SEARCHED_COLUMNS) {
      await queryRunner.query(
        `CREATE INDEX "ix_${table}_${column}_trgm" ON "${table}" USING gin ("${column}" gin_trgm_ops)`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of SEARCHED_COLUMNS) {
      await queryRunner.query(`DROP INDEX IF EXISTS "ix_${table}_${column}_trgm"`);
    }
    await queryRunner.query(`DROP INDEX IF EXISTS "ix_products_sku_lower_c"`);
  }
}

const SEARCHED_COLUMNS: readonly (readonly [string, string])[] = [
  ['sales_orders', 'number'],
  ['purchase_orders', 'number'],
  ['invoices', 'number'],
  ['partners', 'code'],
  ['partners', 'name'],
  ['partners', 'email'],
  ['users', 'email'],
  ['users', 'display_name'],
];
