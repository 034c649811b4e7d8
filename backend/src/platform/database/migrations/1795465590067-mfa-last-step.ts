import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class MfaLastStep1795465590067 implements MigrationInterface {
  name = 'MfaLastStep1795465590067';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "mfa_last_step" integer
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "mfa_last_step"
        `);
  }
}
