import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The office lends classified items and keeps the training records; the director also declassifies. */
const OFFICE = ['administration.lending.manage', 'assessment.training.manage'];
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': [...OFFICE, 'documents.declassify'],
  'office-clerk': OFFICE,
};

/** Classified lending (ADM-10) and training records (ASM-6). */
export class LendingAndTraining1796510000000 implements MigrationInterface {
  name = 'LendingAndTraining1796510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "classified_loans" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "item_kind" character varying(60) NOT NULL,
                "item_id" uuid NOT NULL,
                "item_title" character varying(400) NOT NULL,
                "item_secrecy" character varying(20) NOT NULL,
                "borrower_id" uuid NOT NULL,
                "applicant_id" uuid NOT NULL,
                "purpose" character varying(500) NOT NULL,
                "due_on" date NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "approval_request_id" uuid,
                "lent_at" TIMESTAMP WITH TIME ZONE,
                "returned_at" TIMESTAMP WITH TIME ZONE,
                "returned_to" uuid,
                "return_note" character varying(500),
                "alerted_overdue_on" date,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_classified_loans_returned" CHECK (
                    (status = 'returned') = (returned_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_classified_loans_lent" CHECK (
                    (status IN ('on-loan', 'returned')) = (lent_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_classified_loans_status" CHECK (
                    status IN (
                        'pending',
                        'on-loan',
                        'returned',
                        'rejected',
                        'withdrawn'
                    )
                ),
                CONSTRAINT "PK_232dee64f6a6a95af583b682c3c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_classified_loans_due" ON "classified_loans" ("status", "due_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_classified_loans_item" ON "classified_loans" ("item_kind", "item_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_classified_loans_borrower" ON "classified_loans" ("borrower_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "training_plans" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(30) NOT NULL,
                "year" integer NOT NULL,
                "quarter" integer NOT NULL,
                "title" character varying(200) NOT NULL,
                "description" character varying(2000),
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_training_plans_quarter" CHECK (
                    quarter BETWEEN 1 AND 4
                ),
                CONSTRAINT "CHK_training_plans_kind" CHECK (
                    kind IN (
                        'business',
                        'confidentiality',
                        'system-use',
                        'new-technology',
                        'maintenance'
                    )
                ),
                CONSTRAINT "PK_246975cb895b51662b90515a390" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_training_plans_year_quarter" ON "training_plans" ("year", "quarter", "kind")
        `);
    await queryRunner.query(`
            CREATE TABLE "training_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "plan_id" uuid NOT NULL,
                "held_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "place" character varying(200) NOT NULL,
                "trainer" character varying(100) NOT NULL,
                "content" character varying(4000) NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6678399f77ed9db5176459befa9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_training_sessions_plan" ON "training_sessions" ("plan_id", "held_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "training_attendances" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "attended" boolean NOT NULL,
                "score" integer,
                "passed" boolean,
                "remarks" character varying(500),
                "recorded_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_training_attendances_score" CHECK (
                    score IS NULL
                    OR score BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_2c28d77c75ef1f5575250b495b7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_training_attendances_user" ON "training_attendances" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_training_attendances_session_user" ON "training_attendances" ("session_id", "user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "classified_loans"
            ADD CONSTRAINT "FK_classified_loans_borrower" FOREIGN KEY ("borrower_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "classified_loans"
            ADD CONSTRAINT "FK_classified_loans_applicant" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "classified_loans"
            ADD CONSTRAINT "FK_classified_loans_returned_to" FOREIGN KEY ("returned_to") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_plans"
            ADD CONSTRAINT "FK_training_plans_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_sessions"
            ADD CONSTRAINT "FK_training_sessions_plan" FOREIGN KEY ("plan_id") REFERENCES "training_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_sessions"
            ADD CONSTRAINT "FK_training_sessions_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_attendances"
            ADD CONSTRAINT "FK_training_attendances_session" FOREIGN KEY ("session_id") REFERENCES "training_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_attendances"
            ADD CONSTRAINT "FK_training_attendances_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "training_attendances"
            ADD CONSTRAINT "FK_training_attendances_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "training_attendances" DROP CONSTRAINT "FK_training_attendances_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_attendances" DROP CONSTRAINT "FK_training_attendances_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_attendances" DROP CONSTRAINT "FK_training_attendances_session"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_sessions" DROP CONSTRAINT "FK_training_sessions_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_sessions" DROP CONSTRAINT "FK_training_sessions_plan"
        `);
    await queryRunner.query(`
            ALTER TABLE "training_plans" DROP CONSTRAINT "FK_training_plans_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "classified_loans" DROP CONSTRAINT "FK_classified_loans_returned_to"
        `);
    await queryRunner.query(`
            ALTER TABLE "classified_loans" DROP CONSTRAINT "FK_classified_loans_applicant"
        `);
    await queryRunner.query(`
            ALTER TABLE "classified_loans" DROP CONSTRAINT "FK_classified_loans_borrower"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_training_attendances_session_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_training_attendances_user"
        `);
    await queryRunner.query(`
            DROP TABLE "training_attendances"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_training_sessions_plan"
        `);
    await queryRunner.query(`
            DROP TABLE "training_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_training_plans_year_quarter"
        `);
    await queryRunner.query(`
            DROP TABLE "training_plans"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_classified_loans_borrower"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_classified_loans_item"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_classified_loans_due"
        `);
    await queryRunner.query(`
            DROP TABLE "classified_loans"
        `);
  }
}
