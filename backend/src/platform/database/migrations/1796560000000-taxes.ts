import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taxes:
 * - `tax_rates`: named rates per tax class with validity dates (from, until excluding); two rates
 *   of one class never apply on the same day (checked by the service under a lock). Created with
 *   Germany's rates, including the second half of 2020's temporary 16 % and 5 %, which an admin
 *   replaces with the company's own country's.
 * - `products.tax_class`: standard, reduced or zero.
 * - `partners.tax_treatment`: domestic, EU reverse charge (needs the VAT id) or export.
 */
export class Taxes1796560000000 implements MigrationInterface {
  name = 'Taxes1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "tax_rates" (
        "id" uuid NOT NULL,
        "name" character varying(60) NOT NULL,
        "tax_class" character varying(16) NOT NULL,
        "rate_bps" integer NOT NULL,
        "valid_from" date NOT NULL,
        "valid_to" date,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_tax_rates" PRIMARY KEY ("id"),
        CONSTRAINT "ck_tax_rates_class" CHECK ("tax_class" IN ('standard', 'reduced', 'zero')),
        CONSTRAINT "ck_tax_rates_rate" CHECK ("rate_bps" BETWEEN 0 AND 10000),
        CONSTRAINT "ck_tax_rates_validity" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_tax_rates_class_from" ON "tax_rates" ("tax_class", "valid_from")`);
    await queryRunner.query(`
      INSERT INTO "tax_rates" ("id", "name", "tax_class", "rate_bps", "valid_from", "valid_to") VALUES
        ('00000000-0000-4000-8000-000000000101', 'Standard 19 %', 'standard', 1900, '2007-01-01', '2020-07-01'),
        ('00000000-0000-4000-8000-000000000102', 'Standard 16 % (2020)', 'standard', 1600, '2020-07-01', '2021-01-01'),
        ('00000000-0000-4000-8000-000000000103', 'Standard 19 %', 'standard', 1900, '2021-01-01', NULL),
        ('00000000-0000-4000-8000-000000000111', 'Reduced 7 %', 'reduced', 700, '2007-01-01', '2020-07-01'),
        ('00000000-0000-4000-8000-000000000112', 'Reduced 5 % (2020)', 'reduced', 500, '2020-07-01', '2021-01-01'),
        ('00000000-0000-4000-8000-000000000113', 'Reduced 7 %', 'reduced', 700, '2021-01-01', NULL),
        ('00000000-0000-4000-8000-000000000121', 'Zero rate', 'zero', 0, '2000-01-01', NULL)`);
    await queryRunner.query(`ALTER TABLE "products" ADD "tax_class" character varying(16) NOT NULL DEFAULT 'standard'`);
    await queryRunner.query(
      `ALTER TABLE "products" ADD CONSTRAINT "ck_products_tax_class" CHECK ("tax_class" IN ('standard', 'reduced', 'zero'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "partners" ADD "tax_treatment" character varying(20) NOT NULL DEFAULT 'domestic'`,
    );
    await queryRunner.query(
      `ALTER TABLE "partners" ADD CONSTRAINT "ck_partners_tax_treatment"
         CHECK ("tax_treatment" IN ('domestic', 'eu_reverse_charge', 'export'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partners" DROP COLUMN "tax_treatment"`);
    await queryRunner.query(`ALTER TABLE "products" DROP COLUMN "tax_class"`);
    await queryRunner.query(`DROP TABLE "tax_rates"`);
  }
}
