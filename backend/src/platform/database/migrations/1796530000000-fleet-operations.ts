import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Running Depot as a fleet:
 * - `outbox_events.traceparent`: the W3C trace context of the request that wrote the event, so
 *   work done later for it (webhook deliveries) joins that request's trace. Null when tracing is off.
 * - `instance_heartbeats`: every process upserts its row every 15 s; the operations page lists
 *   those seen in the last minute. Rows older than a day are pruned by the heartbeat itself.
 * - `backup_runs`: one row per `npm run db:backup`, for the operations page's "last backup".
 */
export class FleetOperations1796530000000 implements MigrationInterface {
  name = 'FleetOperations1796530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" ADD "traceparent" character varying(55)`);
    await queryRunner.query(`
      CREATE TABLE "instance_heartbeats" (
        "instance_id" uuid NOT NULL,
        "role" character varying(16) NOT NULL,
        "hostname" character varying(255) NOT NULL,
        "pid" integer NOT NULL,
        "version" character varying(64) NOT NULL,
        "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_instance_heartbeats" PRIMARY KEY ("instance_id"),
        CONSTRAINT "ck_instance_heartbeats_role" CHECK ("role" IN ('all', 'web', 'worker'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_instance_heartbeats_last_seen" ON "instance_heartbeats" ("last_seen_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "backup_runs" (
        "id" uuid NOT NULL,
        "status" character varying(16) NOT NULL,
        "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "finished_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "file" character varying(1000) NOT NULL,
        "size_bytes" bigint,
        "row_count" bigint,
        "error" character varying(500),
        "hostname" character varying(255) NOT NULL,
        CONSTRAINT "pk_backup_runs" PRIMARY KEY ("id"),
        CONSTRAINT "ck_backup_runs_status" CHECK ("status" IN ('succeeded', 'failed'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_backup_runs_finished" ON "backup_runs" ("finished_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "backup_runs"`);
    await queryRunner.query(`DROP TABLE "instance_heartbeats"`);
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP COLUMN "traceparent"`);
  }
}
