import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The office keeps the bulletin boards (INF-6); libs/shared roles.ts grants the same to a fresh school. */
const ROLE_GRANTS = {
  'office-director': ['information.boards.manage'],
  'office-clerk': ['information.boards.manage'],
};

export class BulletinBoards1796580000000 implements MigrationInterface {
  name = 'BulletinBoards1796580000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "bulletin_boards" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "location" character varying(200) NOT NULL,
                "keeper_id" uuid,
                "cleaning_weekday" smallint,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_bulletin_boards_weekday" CHECK (
                    cleaning_weekday IS NULL
                    OR cleaning_weekday BETWEEN 1 AND 7
                ),
                CONSTRAINT "PK_bulletin_boards" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_bulletin_boards_name" ON "bulletin_boards" ("name")
        `);
    await queryRunner.query(`
            CREATE TABLE "board_postings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "board_id" uuid NOT NULL,
                "notice_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'to_post',
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "posted_at" TIMESTAMP WITH TIME ZONE,
                "posted_by" uuid,
                "flagged_at" TIMESTAMP WITH TIME ZONE,
                "removed_at" TIMESTAMP WITH TIME ZONE,
                "removed_by" uuid,
                CONSTRAINT "CHK_board_postings_status" CHECK (
                    status IN ('to_post', 'posted', 'removal_due', 'removed')
                ),
                CONSTRAINT "PK_board_postings" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_board_postings_notice" ON "board_postings" ("notice_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_board_postings_expiry" ON "board_postings" ("status", "expires_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_board_postings_board_notice" ON "board_postings" ("board_id", "notice_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "board_checks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "board_id" uuid NOT NULL,
                "check_date" date NOT NULL,
                "tidy" boolean NOT NULL,
                "undamaged" boolean NOT NULL,
                "remark" character varying(500),
                "checked_by" uuid NOT NULL,
                "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_board_checks" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_board_checks_board_day" ON "board_checks" ("board_id", "check_date")
        `);
    await queryRunner.query(`
            CREATE TABLE "board_cleanings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "board_id" uuid NOT NULL,
                "cleaned_on" date NOT NULL,
                "remark" character varying(500),
                "cleaned_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_board_cleanings" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_board_cleanings_board" ON "board_cleanings" ("board_id", "cleaned_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_robots" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(20) NOT NULL,
                "name" character varying(100) NOT NULL,
                "webhook_url" character varying(500) NOT NULL,
                "secret" character varying(200),
                "keyword" character varying(50),
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_notice_robots_kind" CHECK (kind IN ('wecom', 'dingtalk')),
                CONSTRAINT "PK_notice_robots" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_robot_posts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notice_id" uuid NOT NULL,
                "robot_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'queued',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_notice_robot_posts_status" CHECK (status IN ('queued', 'sent', 'failed')),
                CONSTRAINT "PK_notice_robot_posts" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_notice_robot_posts" ON "notice_robot_posts" ("notice_id", "robot_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notice_id" uuid NOT NULL,
                "url" character varying(2000) NOT NULL,
                "ok" boolean NOT NULL,
                "http_status" integer,
                "error" character varying(300),
                "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_notice_links" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notice_links_broken" ON "notice_links" ("ok", "checked_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_notice_links" ON "notice_links" ("notice_id", "url")
        `);
    await queryRunner.query(`
            ALTER TABLE "bulletin_boards"
            ADD CONSTRAINT "FK_bulletin_boards_keeper" FOREIGN KEY ("keeper_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "board_postings"
            ADD CONSTRAINT "FK_board_postings_board" FOREIGN KEY ("board_id") REFERENCES "bulletin_boards"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "board_postings"
            ADD CONSTRAINT "FK_board_postings_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "board_postings"
            ADD CONSTRAINT "FK_board_postings_posted_by" FOREIGN KEY ("posted_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "board_postings"
            ADD CONSTRAINT "FK_board_postings_removed_by" FOREIGN KEY ("removed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "board_checks"
            ADD CONSTRAINT "FK_board_checks_board" FOREIGN KEY ("board_id") REFERENCES "bulletin_boards"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "board_checks"
            ADD CONSTRAINT "FK_board_checks_checked_by" FOREIGN KEY ("checked_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "board_cleanings"
            ADD CONSTRAINT "FK_board_cleanings_board" FOREIGN KEY ("board_id") REFERENCES "bulletin_boards"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "board_cleanings"
            ADD CONSTRAINT "FK_board_cleanings_cleaned_by" FOREIGN KEY ("cleaned_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_robot_posts"
            ADD CONSTRAINT "FK_notice_robot_posts_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_robot_posts"
            ADD CONSTRAINT "FK_notice_robot_posts_robot" FOREIGN KEY ("robot_id") REFERENCES "notice_robots"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_links"
            ADD CONSTRAINT "FK_notice_links_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "notice_links" DROP CONSTRAINT "FK_notice_links_notice"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_robot_posts" DROP CONSTRAINT "FK_notice_robot_posts_robot"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_robot_posts" DROP CONSTRAINT "FK_notice_robot_posts_notice"
        `);
    await queryRunner.query(`
            ALTER TABLE "board_cleanings" DROP CONSTRAINT "FK_board_cleanings_cleaned_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "board_cleanings" DROP CONSTRAINT "FK_board_cleanings_board"
        `);
    await queryRunner.query(`
            ALTER TABLE "board_checks" DROP CONSTRAINT "FK_board_checks_checked_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "board_checks" DROP CONSTRAINT "FK_board_checks_board"
        `);
    await queryRunner.query(`
            ALTER TABLE "board_postings" DROP CONSTRAINT "FK_board_postings_removed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "board_postings" DROP CONSTRAINT "FK_board_postings_posted_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "board_postings" DROP CONSTRAINT "FK_board_postings_notice"
        `);
    await queryRunner.query(`
            ALTER TABLE "board_postings" DROP CONSTRAINT "FK_board_postings_board"
        `);
    await queryRunner.query(`
            ALTER TABLE "bulletin_boards" DROP CONSTRAINT "FK_bulletin_boards_keeper"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_notice_links"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notice_links_broken"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_links"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_notice_robot_posts"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_robot_posts"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_robots"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_board_cleanings_board"
        `);
    await queryRunner.query(`
            DROP TABLE "board_cleanings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_board_checks_board_day"
        `);
    await queryRunner.query(`
            DROP TABLE "board_checks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_board_postings_board_notice"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_board_postings_expiry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_board_postings_notice"
        `);
    await queryRunner.query(`
            DROP TABLE "board_postings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_bulletin_boards_name"
        `);
    await queryRunner.query(`
            DROP TABLE "bulletin_boards"
        `);
  }
}
