import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class IdentityAccess1795463845970 implements MigrationInterface {
  name = 'IdentityAccess1795463845970';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "prefix" character varying(16) NOT NULL,
                "key_hash" character(64) NOT NULL,
                "scopes" text array NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_api_keys_user_id" ON "api_keys" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_api_keys_prefix" ON "api_keys" ("prefix")
        `);
    await queryRunner.query(`
            CREATE TABLE "mfa_recovery_codes" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "code_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0076416b1b84361afc3371ba121" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_mfa_recovery_codes_user_id" ON "mfa_recovery_codes" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "password_tokens" (
                "id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "purpose" character varying(16) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_816120c39410c02dabd34b8672b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_password_tokens_user_id" ON "password_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_password_tokens_token_hash" ON "password_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "dev_mailbox" (
                "id" uuid NOT NULL,
                "to" character varying(254) NOT NULL,
                "subject" character varying(300) NOT NULL,
                "template" character varying(60) NOT NULL,
                "html" text NOT NULL,
                "text" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_20c1474670441bbc0659092401f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "roles"
            ADD "require_mfa" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "must_change_password" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "password_changed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "mfa_secret" character varying(128)
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "mfa_enabled_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "mfa_enabled_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "mfa_secret"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "password_changed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "must_change_password"
        `);
    await queryRunner.query(`
            ALTER TABLE "roles" DROP COLUMN "require_mfa"
        `);
    await queryRunner.query(`
            DROP TABLE "dev_mailbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_password_tokens_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_password_tokens_user_id"
        `);
    await queryRunner.query(`
            DROP TABLE "password_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_mfa_recovery_codes_user_id"
        `);
    await queryRunner.query(`
            DROP TABLE "mfa_recovery_codes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_api_keys_prefix"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_api_keys_user_id"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
  }
}
