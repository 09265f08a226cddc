import { MigrationInterface, QueryRunner } from 'typeorm';

/** The history of backups and their verification (NFR-8). */

export class Backups1796403659699 implements MigrationInterface {
  name = 'Backups1796403659699';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "backups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "method" character varying(20) NOT NULL,
                "location" character varying(500) NOT NULL,
                "status" character varying(20) NOT NULL,
                "size_bytes" bigint,
                "file_count" integer,
                "verification" character varying(20),
                "verified_at" TIMESTAMP WITH TIME ZONE,
                "error" text,
                "triggered_by" character varying(20) NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_ca30ff369eddfc7dac3b35d0d3c" PRIMARY KEY ("id")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "backups"
        `);
  }
}
