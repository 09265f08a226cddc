import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The director compiles, reviews and watches the figures; the clerk compiles; leaders see the dashboard (ASM-1, ASM-8). */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['assessment.summary.manage', 'assessment.summary.review', 'assessment.dashboard.view'],
  'office-clerk': ['assessment.summary.manage'],
  'school-leader': ['assessment.dashboard.view'],
};

export class MonthlySummaries1796650000000 implements MigrationInterface {
  name = 'MonthlySummaries1796650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "monthly_summaries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "month" character varying(7) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "figures" jsonb,
                "compiled_at" TIMESTAMP WITH TIME ZONE,
                "narrative" text NOT NULL DEFAULT '',
                "return_reason" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "reviewed_by" uuid,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_monthly_summaries_compiled" CHECK ((figures IS NULL) = (compiled_at IS NULL)),
                CONSTRAINT "CHK_monthly_summaries_status" CHECK (
                    status IN ('draft', 'submitted', 'approved', 'archived')
                ),
                CONSTRAINT "CHK_monthly_summaries_month" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
                CONSTRAINT "PK_monthly_summaries" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_monthly_summaries_month" ON "monthly_summaries" ("month")
        `);
    await queryRunner.query(`
            ALTER TABLE "monthly_summaries"
            ADD CONSTRAINT "FK_monthly_summaries_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "monthly_summaries"
            ADD CONSTRAINT "FK_monthly_summaries_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "monthly_summaries" DROP CONSTRAINT "FK_monthly_summaries_reviewed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "monthly_summaries" DROP CONSTRAINT "FK_monthly_summaries_submitted_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_monthly_summaries_month"
        `);
    await queryRunner.query(`
            DROP TABLE "monthly_summaries"
        `);
  }
}
