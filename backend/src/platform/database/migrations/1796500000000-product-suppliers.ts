import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replenishment: a product's preferred supplier (a partner of kind supplier), the supplier's SKU
 * and the unit purchase price. Reorder suggestions are grouped by the supplier; the purchase
 * orders they create take the price.
 */
export class ProductSuppliers1796500000000 implements MigrationInterface {
  name = 'ProductSuppliers1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "products"
        ADD COLUMN "preferred_supplier_id" uuid,
        ADD COLUMN "supplier_sku" character varying(64),
        ADD COLUMN "purchase_price_minor" bigint,
        ADD CONSTRAINT "fk_products_preferred_supplier" FOREIGN KEY ("preferred_supplier_id")
          REFERENCES "partners"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "ck_products_purchase_price_minor"
          CHECK ("purchase_price_minor" IS NULL OR "purchase_price_minor" >= 0)`);
    // The reorder page groups by supplier; the partner page may ask what a supplier delivers.
    await queryRunner.query(
      `CREATE INDEX "ix_products_preferred_supplier_id" ON "products" ("preferred_supplier_id")
        WHERE "preferred_supplier_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_products_preferred_supplier_id"`);
    await queryRunner.query(`
      ALTER TABLE "products"
        DROP CONSTRAINT "ck_products_purchase_price_minor",
        DROP CONSTRAINT "fk_products_preferred_supplier",
        DROP COLUMN "purchase_price_minor",
        DROP COLUMN "supplier_sku",
        DROP COLUMN "preferred_supplier_id"`);
  }
}
