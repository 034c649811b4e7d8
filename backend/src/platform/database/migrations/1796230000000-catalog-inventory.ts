import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Categories, warehouses, the product catalogue's new fields, and the stock ledger.
 *
 * The ledger is enforced by the database, not only by the code:
 * - `stock_movements` is append-only (UPDATE/DELETE raise);
 * - inserting a movement applies its deltas to `stock_levels` in a BEFORE INSERT trigger with a
 *   single guarded UPDATE (its row lock serialises concurrent movements), and stores the
 *   resulting balances on the movement;
 * - `stock_levels` CHECKs keep on hand and reserved non-negative and reserved <= on hand, so a
 *   movement that would break them fails as a whole;
 * - `stock_levels` refuses direct writes: it changes only through movements, so on hand always
 *   equals the ledger sum.
 */
export class CatalogInventory1796230000000 implements MigrationInterface {
  name = 'CatalogInventory1796230000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "categories" (
        "id" uuid NOT NULL,
        "name" character varying(120) NOT NULL,
        "parent_id" uuid,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_categories" PRIMARY KEY ("id"),
        CONSTRAINT "fk_categories_parent" FOREIGN KEY ("parent_id") REFERENCES "categories"("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_categories_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id")
      )`);
    // Sibling names are unique case-insensitively (roots share the "no parent" group).
    await queryRunner.query(`
      CREATE UNIQUE INDEX "ux_categories_sibling_name" ON "categories"
        (coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid), lower("name"))`);
    await queryRunner.query(`CREATE INDEX "ix_categories_parent" ON "categories" ("parent_id")`);

    await queryRunner.query(`
      ALTER TABLE "products"
        ADD "cost_minor" bigint,
        ADD "barcode" character varying(13),
        ADD "category_id" uuid,
        ADD "attributes" jsonb NOT NULL DEFAULT '{}',
        ADD "reorder_point" integer NOT NULL DEFAULT 0,
        ADD "reorder_quantity" integer NOT NULL DEFAULT 0,
        ADD CONSTRAINT "fk_products_category" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "ck_products_cost_minor" CHECK ("cost_minor" IS NULL OR "cost_minor" >= 0),
        ADD CONSTRAINT "ck_products_barcode" CHECK ("barcode" IS NULL OR "barcode" ~ '^([0-9]{12}|[0-9]{13})$'),
        ADD CONSTRAINT "ck_products_attributes" CHECK (jsonb_typeof("attributes") = 'object'),
        ADD CONSTRAINT "ck_products_reorder" CHECK ("reorder_point" >= 0 AND "reorder_quantity" >= 0)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_products_barcode" ON "products" ("barcode") WHERE "barcode" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_products_category_id" ON "products" ("category_id", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_products_attributes" ON "products" USING gin ("attributes" jsonb_path_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_products_barcode_trgm" ON "products" USING gin ("barcode" gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE TABLE "warehouses" (
        "id" uuid NOT NULL,
        "code" character varying(16) NOT NULL,
        "name" character varying(120) NOT NULL,
        "address" character varying(500),
        "active" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_warehouses" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_warehouses_code_lower" ON "warehouses" (lower("code"))`);
    await queryRunner.query(`CREATE INDEX "ix_warehouses_code_id" ON "warehouses" ("code", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_warehouses_name_id" ON "warehouses" ("name", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_warehouses_created_at_id" ON "warehouses" ("created_at", "id")`);

    await queryRunner.query(`
      CREATE TABLE "stock_levels" (
        "product_id" uuid NOT NULL REFERENCES "products"("id") ON DELETE RESTRICT,
        "warehouse_id" uuid NOT NULL REFERENCES "warehouses"("id") ON DELETE RESTRICT,
        "on_hand" bigint NOT NULL DEFAULT 0,
        "reserved" bigint NOT NULL DEFAULT 0,
        "available" bigint GENERATED ALWAYS AS ("on_hand" - "reserved") STORED,
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_stock_levels" PRIMARY KEY ("product_id", "warehouse_id"),
        CONSTRAINT "ck_stock_levels_on_hand" CHECK ("on_hand" >= 0),
        CONSTRAINT "ck_stock_levels_reserved" CHECK ("reserved" >= 0),
        CONSTRAINT "ck_stock_levels_reserved_le_on_hand" CHECK ("reserved" <= "on_hand")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_stock_levels_warehouse" ON "stock_levels" ("warehouse_id", "product_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "stock_movements" (
        "id" uuid NOT NULL,
        "type" character varying(16) NOT NULL,
        "product_id" uuid NOT NULL REFERENCES "products"("id") ON DELETE RESTRICT,
        "warehouse_id" uuid NOT NULL REFERENCES "warehouses"("id") ON DELETE RESTRICT,
        "on_hand_change" bigint NOT NULL,
        "reserved_change" bigint NOT NULL DEFAULT 0,
        "on_hand_after" bigint NOT NULL DEFAULT 0,
        "reserved_after" bigint NOT NULL DEFAULT 0,
        "reason_code" character varying(32),
        "note" character varying(500),
        "transfer_id" uuid,
        "source_type" character varying(32),
        "source_id" uuid,
        "actor_type" character varying(16) NOT NULL,
        "actor_id" uuid,
        "actor_name" character varying(254),
        "request_id" character varying(128),
        "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_stock_movements" PRIMARY KEY ("id"),
        CONSTRAINT "ck_stock_movements_type" CHECK ("type" IN
          ('receipt', 'issue', 'adjustment', 'transfer_out', 'transfer_in', 'reservation', 'release', 'shipment', 'return')),
        CONSTRAINT "ck_stock_movements_changes" CHECK ("on_hand_change" <> 0 OR "reserved_change" <> 0)
      )`);
    await queryRunner.query(`CREATE INDEX "ix_stock_movements_occurred" ON "stock_movements" ("occurred_at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_stock_movements_product" ON "stock_movements" ("product_id", "occurred_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_stock_movements_warehouse" ON "stock_movements" ("warehouse_id", "occurred_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_stock_movements_type" ON "stock_movements" ("type", "occurred_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_stock_movements_transfer" ON "stock_movements" ("transfer_id") WHERE "transfer_id" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE FUNCTION stock_movement_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        level_on_hand bigint;
        level_reserved bigint;
      BEGIN
        -- Create the level at zero if it is new, then apply the change with one guarded UPDATE
        -- (a CHECK would refuse a negative first row before ON CONFLICT could merge it).
        INSERT INTO stock_levels (product_id, warehouse_id, on_hand, reserved, updated_at)
        VALUES (NEW.product_id, NEW.warehouse_id, 0, 0, NEW.occurred_at)
        ON CONFLICT (product_id, warehouse_id) DO NOTHING;
        UPDATE stock_levels
           SET on_hand = on_hand + NEW.on_hand_change,
               reserved = reserved + NEW.reserved_change,
               updated_at = NEW.occurred_at
         WHERE product_id = NEW.product_id AND warehouse_id = NEW.warehouse_id
        RETURNING on_hand, reserved INTO level_on_hand, level_reserved;
        NEW.on_hand_after := level_on_hand;
        NEW.reserved_after := level_reserved;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "trg_stock_movements_apply" BEFORE INSERT ON "stock_movements"
        FOR EACH ROW EXECUTE FUNCTION stock_movement_apply()`);
    await queryRunner.query(`
      CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stock_movements is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "trg_stock_movements_append_only" BEFORE UPDATE OR DELETE ON "stock_movements"
        FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only()`);
    await queryRunner.query(`
      CREATE FUNCTION stock_levels_via_movements() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'stock_levels changes only through stock_movements' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "trg_stock_levels_via_movements" BEFORE INSERT OR UPDATE OR DELETE ON "stock_levels"
        FOR EACH ROW EXECUTE FUNCTION stock_levels_via_movements()`);

    await queryRunner.query(`
      CREATE TABLE "idempotency_keys" (
        "scope" character varying(80) NOT NULL,
        "key" character varying(255) NOT NULL,
        "request_hash" character(64) NOT NULL,
        "response_status" integer NOT NULL,
        "response_body" jsonb,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("scope", "key")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_idempotency_keys_created_at" ON "idempotency_keys" ("created_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "stock_movements"`);
    await queryRunner.query(`DROP TABLE "stock_levels"`);
    await queryRunner.query(`DROP FUNCTION stock_levels_via_movements()`);
    await queryRunner.query(`DROP FUNCTION stock_movements_append_only()`);
    await queryRunner.query(`DROP FUNCTION stock_movement_apply()`);
    await queryRunner.query(`DROP TABLE "warehouses"`);
    await queryRunner.query(`
      ALTER TABLE "products"
        DROP COLUMN "cost_minor", DROP COLUMN "barcode", DROP COLUMN "category_id", DROP COLUMN "attributes",
        DROP COLUMN "reorder_point", DROP COLUMN "reorder_quantity"`);
    await queryRunner.query(`DROP TABLE "categories"`);
  }
}
