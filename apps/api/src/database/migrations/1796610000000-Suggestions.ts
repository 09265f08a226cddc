import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The office answers suggestions and logs hotline calls (ASM-4). */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['assessment.suggestions.manage'],
  'office-clerk': ['assessment.suggestions.manage'],
};

export class Suggestions1796610000000 implements MigrationInterface {
  name = 'Suggestions1796610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "suggestions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "source" character varying(20) NOT NULL,
                "category" character varying(20) NOT NULL,
                "subject" character varying(200) NOT NULL,
                "content" text NOT NULL,
                "anonymous" boolean NOT NULL,
                "submitter_name" character varying(50),
                "submitter_contact" character varying(100),
                "query_code_hash" character varying(64) NOT NULL,
                "status" character varying(20) NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "logged_by" uuid,
                "assignee_id" uuid,
                "assigned_at" TIMESTAMP WITH TIME ZONE,
                "answer" text,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "answered_by" uuid,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_suggestions_answered" CHECK (
                    (status IN ('answered', 'closed')) = (answered_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_suggestions_anonymous" CHECK (
                    NOT anonymous
                    OR (
                        submitter_name IS NULL
                        AND submitter_contact IS NULL
                    )
                ),
                CONSTRAINT "CHK_suggestions_status" CHECK (
                    status IN ('received', 'assigned', 'answered', 'closed')
                ),
                CONSTRAINT "CHK_suggestions_source" CHECK (source IN ('public-page', 'hotline')),
                CONSTRAINT "PK_suggestions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_suggestions_query_code_hash" ON "suggestions" ("query_code_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_suggestions_assignee" ON "suggestions" ("assignee_id")
            WHERE assignee_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_suggestions_status_received" ON "suggestions" ("status", "received_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestions"
            ADD CONSTRAINT "FK_suggestions_logged_by" FOREIGN KEY ("logged_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestions"
            ADD CONSTRAINT "FK_suggestions_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestions"
            ADD CONSTRAINT "FK_suggestions_answered_by" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "suggestions" DROP CONSTRAINT "FK_suggestions_answered_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestions" DROP CONSTRAINT "FK_suggestions_assignee"
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestions" DROP CONSTRAINT "FK_suggestions_logged_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_suggestions_status_received"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_suggestions_assignee"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_suggestions_query_code_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "suggestions"
        `);
  }
}
