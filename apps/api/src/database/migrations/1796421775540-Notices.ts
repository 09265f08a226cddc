import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/**
 * The seeded roles' new permissions (libs/shared roles.ts), granted to an existing school's
 * built-in roles too: the office checks, drafts and follows notices; the director keeps the name lists.
 */
const OFFICE = ['information.desensitise', 'information.notices.draft', 'information.notices.manage'];
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': [...OFFICE, 'information.name-lists.manage'],
  'office-clerk': OFFICE,
};

export class Notices1796421775540 implements MigrationInterface {
  name = 'Notices1796421775540';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "notices" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "audience" jsonb NOT NULL,
                "channels" character varying(20) array NOT NULL,
                "asks_confirmation" boolean NOT NULL DEFAULT false,
                "is_public" boolean NOT NULL DEFAULT false,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "decisions" jsonb NOT NULL DEFAULT '[]',
                "approval_request_id" uuid,
                "rejection_note" character varying(500),
                "created_by" uuid NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "published_by" uuid,
                "revision" integer NOT NULL DEFAULT '1',
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_notices_published" CHECK (
                    (status = 'published') = (published_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_notices_status" CHECK (
                    status IN ('draft', 'pending', 'verified', 'published')
                ),
                CONSTRAINT "PK_notices" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notices_public" ON "notices" ("is_public", "published_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notices_status" ON "notices" ("status", "published_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_recipients" (
                "notice_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "department_id" uuid,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "reminders" integer NOT NULL DEFAULT '0',
                CONSTRAINT "CHK_notice_recipients_reminders" CHECK (reminders >= 0),
                CONSTRAINT "PK_notice_recipients" PRIMARY KEY ("notice_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notice_recipients_user" ON "notice_recipients" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_deliveries" (
                "delivery_id" uuid NOT NULL,
                "notice_id" uuid NOT NULL,
                "recipient_id" uuid NOT NULL,
                "channel" character varying(20) NOT NULL,
                CONSTRAINT "PK_notice_deliveries" PRIMARY KEY ("delivery_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notice_deliveries_notice" ON "notice_deliveries" ("notice_id", "recipient_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_revisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notice_id" uuid NOT NULL,
                "revision" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text NOT NULL,
                "correction_reason" character varying(500) NOT NULL,
                "corrected_by" uuid NOT NULL,
                "corrected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_notice_revisions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_notice_revisions" ON "notice_revisions" ("notice_id", "revision")
        `);
    await queryRunner.query(`
            ALTER TABLE "notices"
            ADD CONSTRAINT "FK_notices_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notices"
            ADD CONSTRAINT "FK_notices_published_by" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_recipients"
            ADD CONSTRAINT "FK_notice_recipients_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_recipients"
            ADD CONSTRAINT "FK_notice_recipients_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_recipients"
            ADD CONSTRAINT "FK_notice_recipients_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_deliveries"
            ADD CONSTRAINT "FK_notice_deliveries_delivery" FOREIGN KEY ("delivery_id") REFERENCES "notification_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_deliveries"
            ADD CONSTRAINT "FK_notice_deliveries_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_revisions"
            ADD CONSTRAINT "FK_notice_revisions_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_revisions"
            ADD CONSTRAINT "FK_notice_revisions_corrected_by" FOREIGN KEY ("corrected_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "notice_revisions" DROP CONSTRAINT "FK_notice_revisions_corrected_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_revisions" DROP CONSTRAINT "FK_notice_revisions_notice"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_deliveries" DROP CONSTRAINT "FK_notice_deliveries_notice"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_deliveries" DROP CONSTRAINT "FK_notice_deliveries_delivery"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_recipients" DROP CONSTRAINT "FK_notice_recipients_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_recipients" DROP CONSTRAINT "FK_notice_recipients_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_recipients" DROP CONSTRAINT "FK_notice_recipients_notice"
        `);
    await queryRunner.query(`
            ALTER TABLE "notices" DROP CONSTRAINT "FK_notices_published_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "notices" DROP CONSTRAINT "FK_notices_created_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_notice_revisions"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_revisions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notice_deliveries_notice"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notice_recipients_user"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_recipients"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notices_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notices_public"
        `);
    await queryRunner.query(`
            DROP TABLE "notices"
        `);
  }
}
