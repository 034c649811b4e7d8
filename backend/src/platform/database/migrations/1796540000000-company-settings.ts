import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company that issues Depot's documents:
 * - `company_settings`: exactly one row (its id is fixed by a check), created empty here, so an
 *   installation without demo data asks its first admin to fill it in before the first invoice.
 *   The logo is kept in the row (at most 512 KiB, PNG or JPEG) with a hash that names its URL.
 * - `invoices.seller`: what the settings said when the document was issued (issued documents are
 *   immutable, so later changes of address or bank account must not alter them). Null on
 *   documents issued before this migration, which print the current settings.
 */
export class CompanySettings1796540000000 implements MigrationInterface {
  name = 'CompanySettings1796540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "company_settings" (
        "id" uuid NOT NULL,
        "legal_name" character varying(200),
        "street" character varying(200),
        "postal_code" character varying(20),
        "city" character varying(100),
        "country_code" character(2),
        "vat_id" character varying(20),
        "tax_number" character varying(30),
        "registration" character varying(200),
        "email" character varying(254),
        "phone" character varying(40),
        "website" character varying(200),
        "bank_name" character varying(120),
        "bank_account_holder" character varying(200),
        "iban" character varying(34),
        "bic" character varying(11),
        "default_currency" character(3) NOT NULL DEFAULT 'EUR',
        "default_language" character varying(5) NOT NULL DEFAULT 'en',
        "payment_terms_days" integer NOT NULL DEFAULT 30,
        "number_prefixes" jsonb NOT NULL DEFAULT '{}',
        "invoice_footer" character varying(1000),
        "logo" bytea,
        "logo_type" character varying(20),
        "logo_sha256" character(64),
        "version" integer NOT NULL DEFAULT 1,
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_company_settings" PRIMARY KEY ("id"),
        CONSTRAINT "ck_company_settings_single_row" CHECK ("id" = '00000000-0000-4000-8000-000000000001'),
        CONSTRAINT "ck_company_settings_payment_terms" CHECK ("payment_terms_days" BETWEEN 0 AND 365),
        CONSTRAINT "ck_company_settings_logo" CHECK (("logo" IS NULL) = ("logo_type" IS NULL) AND ("logo" IS NULL) = ("logo_sha256" IS NULL))
      )`);
    await queryRunner.query(`INSERT INTO "company_settings" ("id") VALUES ('00000000-0000-4000-8000-000000000001')`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "seller" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "seller"`);
    await queryRunner.query(`DROP TABLE "company_settings"`);
  }
}
