import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/**
 * The seeded roles' new permissions (libs/shared roles.ts), granted to an existing school's
 * built-in roles too: everyone applies to use a seal; the office director keeps the seal register
 * and the work ledger; the seal custodian keeps the seals.
 */
const EVERYONE = ['administration.seals.apply'];
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': [...EVERYONE, 'administration.seals.manage', 'administration.ledger.manage'],
  'office-clerk': EVERYONE,
  'school-leader': EVERYONE,
  'department-head': EVERYONE,
  staff: EVERYONE,
  'seal-custodian': [...EVERYONE, 'administration.seals.manage'],
  archivist: EVERYONE,
  storekeeper: EVERYONE,
  'maintenance-worker': EVERYONE,
};

/** Administration (ADM-3–ADM-6): seals, handovers, seal-use applications and uses, inspections; the work ledger. */
export class Administration1796412067559 implements MigrationInterface {
  name = 'Administration1796412067559';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "work_matters" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "description" character varying(2000),
                "owner_id" uuid NOT NULL,
                "due_on" date NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'open',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "reminded_overdue_on" date,
                "created_by" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_work_matters_closed" CHECK (
                    (status IN ('done', 'cancelled')) = (closed_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_work_matters_status" CHECK (
                    status IN ('open', 'in-progress', 'done', 'cancelled')
                ),
                CONSTRAINT "PK_f9df210c26acb066a15406b69f8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_work_matters_due" ON "work_matters" ("status", "due_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_work_matters_owner" ON "work_matters" ("owner_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "work_matter_follow_ups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "matter_id" uuid NOT NULL,
                "note" character varying(2000) NOT NULL,
                "status_to" character varying(20),
                "recorded_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2ad6470600d2b4b432f134a3fcc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_work_matter_follow_ups_matter" ON "work_matter_follow_ups" ("matter_id", "recorded_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "work_matter_departments" (
                "matter_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                CONSTRAINT "PK_work_matter_departments" PRIMARY KEY ("matter_id", "department_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_work_matter_departments_department" ON "work_matter_departments" ("department_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "seals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "seal_type" character varying(30) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'in-use',
                "status_reason" character varying(500),
                "status_changed_at" TIMESTAMP WITH TIME ZONE,
                "custodian_id" uuid NOT NULL,
                "department_id" uuid,
                "note" character varying(500),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_seals_status" CHECK (
                    status IN ('in-use', 'suspended', 'lost', 'destroyed')
                ),
                CONSTRAINT "CHK_seals_type" CHECK (
                    seal_type IN (
                        'official',
                        'party',
                        'legal-representative',
                        'finance',
                        'contract',
                        'department'
                    )
                ),
                CONSTRAINT "PK_1deb9b3472b2f3b2b41173a2cad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_seals_custodian" ON "seals" ("custodian_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "seal_handovers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seal_id" uuid NOT NULL,
                "from_user_id" uuid NOT NULL,
                "to_user_id" uuid NOT NULL,
                "recorded_by" uuid NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "note" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_seal_handovers_people" CHECK (from_user_id <> to_user_id),
                CONSTRAINT "CHK_seal_handovers_confirmed" CHECK (
                    (status = 'confirmed') = (confirmed_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_seal_handovers_status" CHECK (status IN ('pending', 'confirmed', 'cancelled')),
                CONSTRAINT "PK_501bbcf1d1804fd23dc0f0d27b8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_seal_handovers_pending" ON "seal_handovers" ("seal_id")
            WHERE status = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_seal_handovers_seal" ON "seal_handovers" ("seal_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "seal_use_applications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seal_id" uuid NOT NULL,
                "applicant_id" uuid NOT NULL,
                "department_id" uuid,
                "document_title" character varying(300) NOT NULL,
                "copies" integer NOT NULL,
                "copies_used" integer NOT NULL DEFAULT '0',
                "reason" character varying(1000) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "approval_request_id" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_seal_use_applications_spent" CHECK ((status = 'spent') = (copies_used = copies)),
                CONSTRAINT "CHK_seal_use_applications_copies" CHECK (
                    copies >= 1
                    AND copies_used >= 0
                    AND copies_used <= copies
                ),
                CONSTRAINT "CHK_seal_use_applications_status" CHECK (
                    status IN (
                        'pending',
                        'approved',
                        'rejected',
                        'withdrawn',
                        'spent'
                    )
                ),
                CONSTRAINT "PK_33df78518551d7d5a4003b207fb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_seal_use_applications_applicant" ON "seal_use_applications" ("applicant_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_seal_use_applications_seal" ON "seal_use_applications" ("seal_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "seal_uses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "seal_id" uuid NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "copies" integer NOT NULL,
                "handled_by" uuid NOT NULL,
                "supervised_by" uuid NOT NULL,
                "registered_by" uuid NOT NULL,
                "note" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_seal_uses_copies" CHECK (copies >= 1),
                CONSTRAINT "PK_09acf53c04866c2629f4be2b2d8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_seal_uses_seal_used_at" ON "seal_uses" ("seal_id", "used_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_seal_uses_application" ON "seal_uses" ("application_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "seal_inspections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seal_id" uuid NOT NULL,
                "period" character varying(7) NOT NULL,
                "custodian_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'open',
                "result" character varying(10),
                "note" character varying(1000),
                "inspected_at" TIMESTAMP WITH TIME ZONE,
                "inspected_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_seal_inspections_done" CHECK (
                    (status = 'done') = (
                        result IS NOT NULL
                        AND inspected_at IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_seal_inspections_result" CHECK (
                    result IS NULL
                    OR result IN ('normal', 'damaged', 'lost')
                ),
                CONSTRAINT "CHK_seal_inspections_status" CHECK (status IN ('open', 'done')),
                CONSTRAINT "PK_8157fa5ac6e45f9d6df304712fd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_seal_inspections_custodian" ON "seal_inspections" ("custodian_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_seal_inspections_seal_period" ON "seal_inspections" ("seal_id", "period")
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matters"
            ADD CONSTRAINT "FK_work_matters_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matters"
            ADD CONSTRAINT "FK_work_matters_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matter_follow_ups"
            ADD CONSTRAINT "FK_work_matter_follow_ups_matter" FOREIGN KEY ("matter_id") REFERENCES "work_matters"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matter_follow_ups"
            ADD CONSTRAINT "FK_work_matter_follow_ups_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matter_departments"
            ADD CONSTRAINT "FK_work_matter_departments_matter" FOREIGN KEY ("matter_id") REFERENCES "work_matters"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matter_departments"
            ADD CONSTRAINT "FK_work_matter_departments_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seals"
            ADD CONSTRAINT "FK_seals_custodian" FOREIGN KEY ("custodian_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seals"
            ADD CONSTRAINT "FK_seals_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_handovers"
            ADD CONSTRAINT "FK_seal_handovers_seal" FOREIGN KEY ("seal_id") REFERENCES "seals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_handovers"
            ADD CONSTRAINT "FK_seal_handovers_from_user" FOREIGN KEY ("from_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_handovers"
            ADD CONSTRAINT "FK_seal_handovers_to_user" FOREIGN KEY ("to_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_handovers"
            ADD CONSTRAINT "FK_seal_handovers_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_use_applications"
            ADD CONSTRAINT "FK_seal_use_applications_seal" FOREIGN KEY ("seal_id") REFERENCES "seals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_use_applications"
            ADD CONSTRAINT "FK_seal_use_applications_applicant" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_use_applications"
            ADD CONSTRAINT "FK_seal_use_applications_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses"
            ADD CONSTRAINT "FK_seal_uses_application" FOREIGN KEY ("application_id") REFERENCES "seal_use_applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses"
            ADD CONSTRAINT "FK_seal_uses_seal" FOREIGN KEY ("seal_id") REFERENCES "seals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses"
            ADD CONSTRAINT "FK_seal_uses_handled_by" FOREIGN KEY ("handled_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses"
            ADD CONSTRAINT "FK_seal_uses_supervised_by" FOREIGN KEY ("supervised_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses"
            ADD CONSTRAINT "FK_seal_uses_registered_by" FOREIGN KEY ("registered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_inspections"
            ADD CONSTRAINT "FK_seal_inspections_seal" FOREIGN KEY ("seal_id") REFERENCES "seals"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_inspections"
            ADD CONSTRAINT "FK_seal_inspections_custodian" FOREIGN KEY ("custodian_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_inspections"
            ADD CONSTRAINT "FK_seal_inspections_inspected_by" FOREIGN KEY ("inspected_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "seal_inspections" DROP CONSTRAINT "FK_seal_inspections_inspected_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_inspections" DROP CONSTRAINT "FK_seal_inspections_custodian"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_inspections" DROP CONSTRAINT "FK_seal_inspections_seal"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses" DROP CONSTRAINT "FK_seal_uses_registered_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses" DROP CONSTRAINT "FK_seal_uses_supervised_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses" DROP CONSTRAINT "FK_seal_uses_handled_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses" DROP CONSTRAINT "FK_seal_uses_seal"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_uses" DROP CONSTRAINT "FK_seal_uses_application"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_use_applications" DROP CONSTRAINT "FK_seal_use_applications_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_use_applications" DROP CONSTRAINT "FK_seal_use_applications_applicant"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_use_applications" DROP CONSTRAINT "FK_seal_use_applications_seal"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_handovers" DROP CONSTRAINT "FK_seal_handovers_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_handovers" DROP CONSTRAINT "FK_seal_handovers_to_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_handovers" DROP CONSTRAINT "FK_seal_handovers_from_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "seal_handovers" DROP CONSTRAINT "FK_seal_handovers_seal"
        `);
    await queryRunner.query(`
            ALTER TABLE "seals" DROP CONSTRAINT "FK_seals_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "seals" DROP CONSTRAINT "FK_seals_custodian"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matter_departments" DROP CONSTRAINT "FK_work_matter_departments_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matter_departments" DROP CONSTRAINT "FK_work_matter_departments_matter"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matter_follow_ups" DROP CONSTRAINT "FK_work_matter_follow_ups_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matter_follow_ups" DROP CONSTRAINT "FK_work_matter_follow_ups_matter"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matters" DROP CONSTRAINT "FK_work_matters_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_matters" DROP CONSTRAINT "FK_work_matters_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_seal_inspections_seal_period"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_seal_inspections_custodian"
        `);
    await queryRunner.query(`
            DROP TABLE "seal_inspections"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_seal_uses_application"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_seal_uses_seal_used_at"
        `);
    await queryRunner.query(`
            DROP TABLE "seal_uses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_seal_use_applications_seal"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_seal_use_applications_applicant"
        `);
    await queryRunner.query(`
            DROP TABLE "seal_use_applications"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_seal_handovers_seal"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_seal_handovers_pending"
        `);
    await queryRunner.query(`
            DROP TABLE "seal_handovers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_seals_custodian"
        `);
    await queryRunner.query(`
            DROP TABLE "seals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_work_matter_departments_department"
        `);
    await queryRunner.query(`
            DROP TABLE "work_matter_departments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_work_matter_follow_ups_matter"
        `);
    await queryRunner.query(`
            DROP TABLE "work_matter_follow_ups"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_work_matters_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_work_matters_due"
        `);
    await queryRunner.query(`
            DROP TABLE "work_matters"
        `);
  }
}
