import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suppliers and customers, purchase and sales orders, invoices.
 *
 * What the database guarantees on its own:
 * - line quantities stay consistent (received <= ordered; reserved + fulfilled <= ordered);
 * - issued invoices, credit notes and payments are immutable (UPDATE/DELETE raise);
 * - invoice numbers are unique per series and year; `document_counters` hands them out gap-free
 *   (its row is updated in the issuing transaction, so a rollback returns the number).
 */
export class PurchasingSales1796300000000 implements MigrationInterface {
  name = 'PurchasingSales1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "partners" (
        "id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "code" character varying(16) NOT NULL,
        "name" character varying(200) NOT NULL,
        "contact_name" character varying(120),
        "email" character varying(254),
        "phone" character varying(40),
        "billing_address" character varying(500),
        "shipping_address" character varying(500),
        "tax_id" character varying(40),
        "payment_terms_days" integer NOT NULL DEFAULT 30,
        "notes" character varying(2000),
        "active" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_partners" PRIMARY KEY ("id"),
        CONSTRAINT "ck_partners_kind" CHECK ("kind" IN ('supplier', 'customer')),
        CONSTRAINT "ck_partners_payment_terms" CHECK ("payment_terms_days" BETWEEN 0 AND 365)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_partners_kind_code_lower" ON "partners" ("kind", lower("code"))`);
    await queryRunner.query(`CREATE INDEX "ix_partners_kind_code_id" ON "partners" ("kind", "code", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_partners_kind_name_id" ON "partners" ("kind", "name", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_partners_kind_created_id" ON "partners" ("kind", "created_at", "id")`);

    await queryRunner.query(`CREATE SEQUENCE "purchase_order_number_seq"`);
    await queryRunner.query(`CREATE SEQUENCE "sales_order_number_seq"`);

    await queryRunner.query(`
      CREATE TABLE "purchase_orders" (
        "id" uuid NOT NULL,
        "number" character varying(24) NOT NULL,
        "supplier_id" uuid NOT NULL REFERENCES "partners"("id") ON DELETE RESTRICT,
        "status" character varying(24) NOT NULL DEFAULT 'draft',
        "warehouse_id" uuid NOT NULL REFERENCES "warehouses"("id") ON DELETE RESTRICT,
        "expected_date" date,
        "currency" character(3) NOT NULL,
        "notes" character varying(2000),
        "total_minor" bigint NOT NULL DEFAULT 0,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_purchase_orders" PRIMARY KEY ("id"),
        CONSTRAINT "ux_purchase_orders_number" UNIQUE ("number"),
        CONSTRAINT "ck_purchase_orders_status" CHECK ("status" IN
          ('draft', 'submitted', 'partially_received', 'received', 'cancelled'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_purchase_orders_created_id" ON "purchase_orders" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_purchase_orders_number_id" ON "purchase_orders" ("number", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_orders_supplier" ON "purchase_orders" ("supplier_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_orders_status" ON "purchase_orders" ("status", "created_at", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "purchase_order_lines" (
        "id" uuid NOT NULL,
        "purchase_order_id" uuid NOT NULL REFERENCES "purchase_orders"("id") ON DELETE CASCADE,
        "line_no" integer NOT NULL,
        "product_id" uuid NOT NULL REFERENCES "products"("id") ON DELETE RESTRICT,
        "quantity" integer NOT NULL,
        "received_quantity" integer NOT NULL DEFAULT 0,
        "unit_cost_minor" bigint NOT NULL,
        "line_total_minor" bigint NOT NULL,
        CONSTRAINT "pk_purchase_order_lines" PRIMARY KEY ("id"),
        CONSTRAINT "ux_purchase_order_lines_no" UNIQUE ("purchase_order_id", "line_no"),
        CONSTRAINT "ck_purchase_order_lines_quantity" CHECK ("quantity" > 0),
        CONSTRAINT "ck_purchase_order_lines_received" CHECK ("received_quantity" BETWEEN 0 AND "quantity"),
        CONSTRAINT "ck_purchase_order_lines_cost" CHECK ("unit_cost_minor" >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_order_lines_product" ON "purchase_order_lines" ("product_id", "purchase_order_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "sales_orders" (
        "id" uuid NOT NULL,
        "number" character varying(24) NOT NULL,
        "customer_id" uuid NOT NULL REFERENCES "partners"("id") ON DELETE RESTRICT,
        "status" character varying(24) NOT NULL DEFAULT 'draft',
        "warehouse_id" uuid NOT NULL REFERENCES "warehouses"("id") ON DELETE RESTRICT,
        "currency" character(3) NOT NULL,
        "shipping_address" character varying(500),
        "notes" character varying(2000),
        "gross_minor" bigint NOT NULL DEFAULT 0,
        "discount_minor" bigint NOT NULL DEFAULT 0,
        "net_minor" bigint NOT NULL DEFAULT 0,
        "tax_minor" bigint NOT NULL DEFAULT 0,
        "total_minor" bigint NOT NULL DEFAULT 0,
        "invoice_id" uuid,
        "confirmed_at" TIMESTAMP(3) WITH TIME ZONE,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_sales_orders" PRIMARY KEY ("id"),
        CONSTRAINT "ux_sales_orders_number" UNIQUE ("number"),
        CONSTRAINT "ck_sales_orders_status" CHECK ("status" IN
          ('draft', 'confirmed', 'partially_fulfilled', 'fulfilled', 'invoiced', 'cancelled'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_sales_orders_created_id" ON "sales_orders" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_sales_orders_number_id" ON "sales_orders" ("number", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_sales_orders_customer" ON "sales_orders" ("customer_id", "created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sales_orders_status" ON "sales_orders" ("status", "created_at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_sales_orders_confirmed_at" ON "sales_orders" ("confirmed_at") WHERE "confirmed_at" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "sales_order_lines" (
        "id" uuid NOT NULL,
        "sales_order_id" uuid NOT NULL REFERENCES "sales_orders"("id") ON DELETE CASCADE,
        "line_no" integer NOT NULL,
        "product_id" uuid NOT NULL REFERENCES "products"("id") ON DELETE RESTRICT,
        "quantity" integer NOT NULL,
        "unit_price_minor" bigint NOT NULL,
        "discount_bps" integer NOT NULL DEFAULT 0,
        "tax_rate_bps" integer NOT NULL DEFAULT 0,
        "gross_minor" bigint NOT NULL,
        "discount_minor" bigint NOT NULL,
        "net_minor" bigint NOT NULL,
        "tax_minor" bigint NOT NULL,
        "total_minor" bigint NOT NULL,
        "reserved_quantity" integer NOT NULL DEFAULT 0,
        "fulfilled_quantity" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_sales_order_lines" PRIMARY KEY ("id"),
        CONSTRAINT "ux_sales_order_lines_no" UNIQUE ("sales_order_id", "line_no"),
        CONSTRAINT "ck_sales_order_lines_quantity" CHECK ("quantity" > 0),
        CONSTRAINT "ck_sales_order_lines_rates" CHECK ("discount_bps" BETWEEN 0 AND 10000 AND "tax_rate_bps" BETWEEN 0 AND 10000),
        CONSTRAINT "ck_sales_order_lines_price" CHECK ("unit_price_minor" >= 0),
        CONSTRAINT "ck_sales_order_lines_progress" CHECK
          ("reserved_quantity" >= 0 AND "fulfilled_quantity" >= 0 AND "reserved_quantity" + "fulfilled_quantity" <= "quantity")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_sales_order_lines_product" ON "sales_order_lines" ("product_id", "sales_order_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "order_status_changes" (
        "id" uuid NOT NULL,
        "order_type" character varying(24) NOT NULL,
        "order_id" uuid NOT NULL,
        "from_status" character varying(24),
        "to_status" character varying(24) NOT NULL,
        "actor_type" character varying(16) NOT NULL,
        "actor_id" uuid,
        "actor_label" character varying(254) NOT NULL,
        "note" character varying(500),
        "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_order_status_changes" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_order_status_changes_order" ON "order_status_changes" ("order_id", "occurred_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "document_counters" (
        "series" character varying(8) NOT NULL,
        "year" integer NOT NULL,
        "last_value" integer NOT NULL,
        CONSTRAINT "pk_document_counters" PRIMARY KEY ("series", "year")
      )`);

    await queryRunner.query(`
      CREATE TABLE "invoices" (
        "id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "number" character varying(24) NOT NULL,
        "year" integer NOT NULL,
        "sequence" integer NOT NULL,
        "sales_order_id" uuid NOT NULL REFERENCES "sales_orders"("id") ON DELETE RESTRICT,
        "credited_invoice_id" uuid REFERENCES "invoices"("id") ON DELETE RESTRICT,
        "customer_id" uuid NOT NULL REFERENCES "partners"("id") ON DELETE RESTRICT,
        "customer" jsonb NOT NULL,
        "currency" character(3) NOT NULL,
        "issued_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "due_date" date NOT NULL,
        "reason" character varying(500),
        "lines" jsonb NOT NULL,
        "gross_minor" bigint NOT NULL,
        "discount_minor" bigint NOT NULL,
        "net_minor" bigint NOT NULL,
        "tax_minor" bigint NOT NULL,
        "total_minor" bigint NOT NULL,
        CONSTRAINT "pk_invoices" PRIMARY KEY ("id"),
        CONSTRAINT "ux_invoices_number" UNIQUE ("number"),
        CONSTRAINT "ux_invoices_series" UNIQUE ("kind", "year", "sequence"),
        CONSTRAINT "ck_invoices_kind" CHECK ("kind" IN ('invoice', 'credit_note')),
        CONSTRAINT "ck_invoices_credit" CHECK (("kind" = 'credit_note') = ("credited_invoice_id" IS NOT NULL)),
        CONSTRAINT "ck_invoices_total" CHECK ("total_minor" >= 0)
      )`);
    // One invoice per sales order (credit notes correct it).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_invoices_sales_order" ON "invoices" ("sales_order_id") WHERE "kind" = 'invoice'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_invoices_issued_id" ON "invoices" ("issued_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_invoices_number_id" ON "invoices" ("number", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_invoices_customer" ON "invoices" ("customer_id", "issued_at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_invoices_credited" ON "invoices" ("credited_invoice_id") WHERE "credited_invoice_id" IS NOT NULL`,
    );
    await queryRunner.query(`
      ALTER TABLE "sales_orders" ADD CONSTRAINT "fk_sales_orders_invoice"
        FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT`);

    await queryRunner.query(`
      CREATE TABLE "invoice_payments" (
        "id" uuid NOT NULL,
        "invoice_id" uuid NOT NULL REFERENCES "invoices"("id") ON DELETE RESTRICT,
        "amount_minor" bigint NOT NULL,
        "method" character varying(16) NOT NULL,
        "reference" character varying(120),
        "paid_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_invoice_payments" PRIMARY KEY ("id"),
        CONSTRAINT "ck_invoice_payments_amount" CHECK ("amount_minor" > 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_invoice_payments_invoice" ON "invoice_payments" ("invoice_id", "paid_at")`,
    );

    await queryRunner.query(`
      CREATE FUNCTION issued_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable; issue a credit note instead', TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['invoices', 'invoice_payments', 'order_status_changes']) {
      await queryRunner.query(`
        CREATE TRIGGER "trg_${table}_immutable" BEFORE UPDATE OR DELETE ON "${table}"
          FOR EACH ROW EXECUTE FUNCTION issued_documents_immutable()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sales_orders" DROP CONSTRAINT "fk_sales_orders_invoice"`);
    for (const table of [
      'invoice_payments',
      'invoices',
      'document_counters',
      'order_status_changes',
      'sales_order_lines',
      'sales_orders',
      'purchase_order_lines',
      'purchase_orders',
      'partners',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION issued_documents_immutable()`);
    await queryRunner.query(`DROP SEQUENCE "sales_order_number_seq"`);
    await queryRunner.query(`DROP SEQUENCE "purchase_order_number_seq"`);
  }
}
