import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Room for encrypted secrets (`enc:v1:<key id>:<iv>:<tag>:<ciphertext>`, about 110 characters
 * for a webhook secret). Written by hand: the generator drops and re-adds changed columns, which
 * would lose the secrets. Existing plaintext values are encrypted at the next start.
 */
export class EncryptedSecrets1796400000000 implements MigrationInterface {
  name = 'EncryptedSecrets1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" ALTER COLUMN "mfa_secret" TYPE character varying(255)
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_endpoints" ALTER COLUMN "secret" TYPE character varying(255)
        `);
  }

  /** Fails, rather than truncating, while encrypted values longer than the old limits exist. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "webhook_endpoints" ALTER COLUMN "secret" TYPE character varying(100)
        `);
    await queryRunner.query(`
            ALTER TABLE "users" ALTER COLUMN "mfa_secret" TYPE character varying(128)
        `);
  }
}
