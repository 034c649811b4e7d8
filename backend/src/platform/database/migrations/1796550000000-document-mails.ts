import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mailing documents to customers and suppliers:
 * - `mail_attachments`: the files of a queued message (a document's PDF), kept with it until it
 *   is delivered; then the content is dropped like the message's body, the name and size stay.
 * - `dev_mailbox.attachments`: names, types and sizes of what a development message carried.
 * - `document_mails`: which document of which record went to whom, for the record's timeline;
 *   its delivery state is the message's own.
 */
export class DocumentMails1796550000000 implements MigrationInterface {
  name = 'DocumentMails1796550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "mail_attachments" (
        "mail_id" uuid NOT NULL,
        "position" smallint NOT NULL,
        "file_name" character varying(200) NOT NULL,
        "content_type" character varying(100) NOT NULL,
        "size_bytes" integer NOT NULL,
        "content" bytea,
        CONSTRAINT "pk_mail_attachments" PRIMARY KEY ("mail_id", "position"),
        CONSTRAINT "fk_mail_attachments_mail" FOREIGN KEY ("mail_id") REFERENCES "mail_messages" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`ALTER TABLE "dev_mailbox" ADD "attachments" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`
      CREATE TABLE "document_mails" (
        "mail_id" uuid NOT NULL,
        "entity_type" character varying(32) NOT NULL,
        "entity_id" uuid NOT NULL,
        "document" character varying(32) NOT NULL,
        "number" character varying(40) NOT NULL,
        "to" character varying(254) NOT NULL,
        "subject" character varying(300) NOT NULL,
        "attachments" jsonb NOT NULL,
        "sent_by" character varying(200) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_document_mails" PRIMARY KEY ("mail_id"),
        CONSTRAINT "fk_document_mails_mail" FOREIGN KEY ("mail_id") REFERENCES "mail_messages" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_document_mails_entity" ON "document_mails" ("entity_type", "entity_id", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "document_mails"`);
    await queryRunner.query(`ALTER TABLE "dev_mailbox" DROP COLUMN "attachments"`);
    await queryRunner.query(`DROP TABLE "mail_attachments"`);
  }
}
