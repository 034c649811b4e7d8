import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await queryRunner.query(`
      CREATE TABLE "roles" (
        "id" uuid NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "name" character varying(64) NOT NULL,
        "description" character varying(500) NOT NULL DEFAULT '',
        "permissions" text array NOT NULL DEFAULT '{}',
        "built_in" boolean NOT NULL DEFAULT false,
        "version" integer NOT NULL,
        CONSTRAINT "UQ_648e3f5447f725579d7d4ffdfb7" UNIQUE ("name"),
        CONSTRAINT "PK_c1433d71a4838793a49dcad46ab" PRIMARY KEY ("id")
      )`);

    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "email" character varying(254) NOT NULL,
        "display_name" character varying(120) NOT NULL,
        "password_hash" character varying(255) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'active',
        "version" integer NOT NULL,
        CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"),
        CONSTRAINT "ck_users_status" CHECK ("status" IN ('active', 'disabled'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_users_email_lower" ON "users" (lower("email"))`);

    await queryRunner.query(`
      CREATE TABLE "user_roles" (
        "user_id" uuid NOT NULL,
        "role_id" uuid NOT NULL,
        CONSTRAINT "PK_23ed6f04fe43066df08379fd034" PRIMARY KEY ("user_id", "role_id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_87b8888186ca9769c960e92687" ON "user_roles" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_b23c65e50a758245a33ee35fda" ON "user_roles" ("role_id")`);
    await queryRunner.query(
      `ALTER TABLE "user_roles" ADD CONSTRAINT "FK_87b8888186ca9769c960e926870" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_roles" ADD CONSTRAINT "FK_b23c65e50a758245a33ee35fda1" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );

    await queryRunner.query(`
      CREATE TABLE "sessions" (
        "id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_reason" character varying(32),
        "ip" character varying(64),
        "user_agent" character varying(300),
        CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id")`);

    await queryRunner.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid NOT NULL,
        "session_id" uuid NOT NULL,
        "token_hash" character(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_e47f7f6bb3e20e7fe3e5e1ff1c" ON "refresh_tokens" ("session_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a7838d2ba25be1342091b6695f" ON "refresh_tokens" ("token_hash")`);

    await queryRunner.query(`
      CREATE TABLE "products" (
        "id" uuid NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "sku" character varying(64) NOT NULL,
        "name" character varying(200) NOT NULL,
        "description" text,
        "unit" character varying(16) NOT NULL DEFAULT 'pcs',
        "price_minor" bigint NOT NULL,
        "currency" character(3) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'active',
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"),
        CONSTRAINT "ck_products_price_minor" CHECK ("price_minor" >= 0),
        CONSTRAINT "ck_products_status" CHECK ("status" IN ('active', 'archived'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_products_sku_lower" ON "products" (lower("sku"))`);
    // Keyset pagination: one (sort column, id) index per allowlisted sort.
    await queryRunner.query(`CREATE INDEX "ix_products_created_at_id" ON "products" ("created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_products_updated_at_id" ON "products" ("updated_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_products_name_id" ON "products" ("name", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_products_sku_id" ON "products" ("sku", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_products_price_minor_id" ON "products" ("price_minor", "id")`);
    // `q` search: substring match on SKU and name.
    await queryRunner.query(`CREATE INDEX "ix_products_sku_trgm" ON "products" USING gin ("sku" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_products_name_trgm" ON "products" USING gin ("name" gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE TABLE "outbox_events" (
        "id" uuid NOT NULL,
        "position" BIGSERIAL NOT NULL,
        "type" character varying(100) NOT NULL,
        "aggregate_type" character varying(60) NOT NULL,
        "aggregate_id" uuid NOT NULL,
        "payload" jsonb NOT NULL,
        "actor" jsonb,
        "request_id" character varying(128),
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "dispatched_at" TIMESTAMP WITH TIME ZONE,
        "attempts" integer NOT NULL DEFAULT 0,
        CONSTRAINT "PK_1fbb5c22fd9bd1ce8a9e3c5b2a5" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_events_pending" ON "outbox_events" ("position") WHERE dispatched_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "audit_events" (
        "id" uuid NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_type" character varying(16) NOT NULL,
        "actor_id" uuid,
        "actor_label" character varying(254),
        "action" character varying(64) NOT NULL,
        "entity_type" character varying(60) NOT NULL,
        "entity_id" uuid,
        "changes" jsonb,
        "request_id" character varying(128),
        "ip" character varying(64),
        CONSTRAINT "PK_f4b7c8b3e1b1d6b5e5f7b1c0d2a" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_occurred_at" ON "audit_events" ("occurred_at")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_entity" ON "audit_events" ("entity_type", "entity_id", "occurred_at")`,
    );
    // The audit trail is append-only, whatever the application does.
    await queryRunner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`DROP TABLE "outbox_events"`);
    await queryRunner.query(`DROP TABLE "products"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "user_roles"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "roles"`);
  }
}
