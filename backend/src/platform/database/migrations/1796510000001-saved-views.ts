import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved views of lists: a named set of a list's URL query parameters, private or shared.
 * At most one default per owner and list (a partial unique index).
 */
export class SavedViews1796510000001 implements MigrationInterface {
  name = 'SavedViews1796510000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "saved_views" (
        "id" uuid NOT NULL,
        "owner_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
        "list_key" character varying(64) NOT NULL,
        "name" character varying(80) NOT NULL,
        "state" jsonb NOT NULL DEFAULT '{}',
        "shared" boolean NOT NULL DEFAULT false,
        "is_default" boolean NOT NULL DEFAULT false,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_saved_views" PRIMARY KEY ("id"),
        CONSTRAINT "ck_saved_views_state" CHECK (jsonb_typeof("state") = 'object')
      )`);
    await queryRunner.query(`CREATE INDEX "ix_saved_views_list_owner" ON "saved_views" ("list_key", "owner_id")`);
    await queryRunner.query(`CREATE INDEX "ix_saved_views_list_shared" ON "saved_views" ("list_key") WHERE "shared"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_saved_views_default" ON "saved_views" ("owner_id", "list_key") WHERE "is_default"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "saved_views"`);
  }
}
