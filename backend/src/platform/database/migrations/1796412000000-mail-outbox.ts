import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail queue: `MailService.send()` inserts a row in the caller's transaction and
 * `MailDeliveryWorker` delivers it after commit, with retries. Bodies (which may hold reset and
 * invitation links) are cleared once a message is sent; the envelope stays for administrators.
 */
export class MailOutbox1796412000000 implements MigrationInterface {
  name = 'MailOutbox1796412000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "mail_messages" (
        "id" uuid NOT NULL,
        "to" character varying(254) NOT NULL,
        "template" character varying(60) NOT NULL,
        "subject" character varying(300) NOT NULL,
        "html" text,
        "text" text,
        "status" character varying(16) NOT NULL DEFAULT 'queued',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE,
        "last_attempt_at" TIMESTAMP(3) WITH TIME ZONE,
        "last_error" character varying(300),
        "sent_at" TIMESTAMP(3) WITH TIME ZONE,
        "request_id" character varying(128),
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mail_messages" PRIMARY KEY ("id"),
        CONSTRAINT "ck_mail_messages_status" CHECK ("status" IN ('queued', 'sending', 'retrying', 'sent', 'failed')),
        CONSTRAINT "ck_mail_messages_attempts" CHECK ("attempts" >= 0),
        CONSTRAINT "ck_mail_messages_due" CHECK ("status" IN ('sent', 'failed') OR "next_attempt_at" IS NOT NULL),
        CONSTRAINT "ck_mail_messages_body" CHECK ("status" = 'sent' OR ("html" IS NOT NULL AND "text" IS NOT NULL))
      )`);
    // The worker's due query: only unfinished messages, by due time (stays small however much was sent).
    await queryRunner.query(
      `CREATE INDEX "ix_mail_messages_due" ON "mail_messages" ("next_attempt_at")
        WHERE "status" IN ('queued', 'sending', 'retrying')`,
    );
    // The admin list: newest first, all or by status or by recipient.
    await queryRunner.query(`CREATE INDEX "ix_mail_messages_created_id" ON "mail_messages" ("created_at", "id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_mail_messages_status_created_id" ON "mail_messages" ("status", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_mail_messages_to_created_id" ON "mail_messages" (lower("to"), "created_at", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mail_messages"`);
  }
}
