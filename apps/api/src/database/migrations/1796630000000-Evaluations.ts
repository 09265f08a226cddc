import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The office runs evaluation cycles and reviews innovation suggestions (ASM-2, ASM-7). */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['assessment.evaluations.manage', 'assessment.innovation.manage'],
  'office-clerk': ['assessment.evaluations.manage', 'assessment.innovation.manage'],
};

export class Evaluations1796630000000 implements MigrationInterface {
  name = 'Evaluations1796630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "evaluation_templates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "dimensions" jsonb NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_evaluation_templates_dimensions" CHECK (jsonb_typeof(dimensions) = 'array'),
                CONSTRAINT "PK_evaluation_templates" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "evaluation_cycles" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "period" character varying(10) NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "template_id" uuid NOT NULL,
                "dimensions" jsonb NOT NULL,
                "self_weight" smallint NOT NULL,
                "peer_weight" smallint NOT NULL,
                "leader_weight" smallint NOT NULL,
                "peer_minimum" smallint NOT NULL,
                "status" character varying(20) NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "released_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_evaluation_cycles_peer_minimum" CHECK (peer_minimum >= 1),
                CONSTRAINT "CHK_evaluation_cycles_weights" CHECK (
                    self_weight >= 0
                    AND peer_weight >= 0
                    AND leader_weight >= 0
                    AND self_weight + peer_weight + leader_weight = 100
                ),
                CONSTRAINT "CHK_evaluation_cycles_dates" CHECK (period_end >= period_start),
                CONSTRAINT "CHK_evaluation_cycles_status" CHECK (
                    status IN ('draft', 'open', 'closed', 'released')
                ),
                CONSTRAINT "CHK_evaluation_cycles_period" CHECK (period IN ('monthly', 'term')),
                CONSTRAINT "PK_evaluation_cycles" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_evaluation_cycles_period" ON "evaluation_cycles" ("period_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "evaluation_participants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "department_id" uuid,
                "leader_id" uuid,
                "peer_ids" uuid array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_evaluation_participants" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_evaluation_participants_person" ON "evaluation_participants" ("cycle_id", "person_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "evaluation_forms" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "participant_id" uuid NOT NULL,
                "evaluator_id" uuid NOT NULL,
                "source" character varying(10) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'pending',
                "scores" jsonb,
                "comment" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_evaluation_forms_pending_empty" CHECK (
                    status = 'submitted'
                    OR (
                        scores IS NULL
                        AND comment IS NULL
                    )
                ),
                CONSTRAINT "CHK_evaluation_forms_submitted" CHECK (
                    (status = 'submitted') = (submitted_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_evaluation_forms_status" CHECK (status IN ('pending', 'submitted', 'expired')),
                CONSTRAINT "CHK_evaluation_forms_source" CHECK (source IN ('self', 'peer', 'leader')),
                CONSTRAINT "PK_evaluation_forms" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_evaluation_forms_evaluator" ON "evaluation_forms" ("evaluator_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_evaluation_forms_evaluator" ON "evaluation_forms" ("participant_id", "evaluator_id", "source")
        `);
    await queryRunner.query(`
            CREATE TABLE "evaluation_results" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "cycle_id" uuid NOT NULL,
                "participant_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "department_id" uuid,
                "total" numeric(5, 2),
                "sources" jsonb NOT NULL,
                "peer_withheld" boolean NOT NULL,
                "self_comment" text,
                "leader_comment" text,
                "released_at" TIMESTAMP WITH TIME ZONE,
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_evaluation_results_acknowledged" CHECK (
                    acknowledged_at IS NULL
                    OR released_at IS NOT NULL
                ),
                CONSTRAINT "PK_evaluation_results" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_evaluation_results_cycle_department" ON "evaluation_results" ("cycle_id", "department_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_evaluation_results_participant" ON "evaluation_results" ("participant_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "innovation_suggestions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL,
                "expected_benefit" text NOT NULL,
                "submitter_id" uuid NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(20) NOT NULL,
                "review_reason" text,
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "implementation_note" text,
                "implemented_on" date,
                "award_level" character varying(20),
                "award_amount_fen" integer,
                "award_certificate" boolean NOT NULL DEFAULT false,
                "awarded_on" date,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_innovation_suggestions_award_amount" CHECK (
                    award_amount_fen IS NULL
                    OR award_amount_fen >= 0
                ),
                CONSTRAINT "CHK_innovation_suggestions_awarded" CHECK (
                    (status = 'awarded') = (
                        award_level IS NOT NULL
                        AND awarded_on IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_innovation_suggestions_award_level" CHECK (
                    award_level IS NULL
                    OR award_level IN ('first', 'second', 'third', 'excellence')
                ),
                CONSTRAINT "CHK_innovation_suggestions_reason" CHECK (
                    status <> 'not-adopted'
                    OR review_reason IS NOT NULL
                ),
                CONSTRAINT "CHK_innovation_suggestions_reviewed" CHECK ((status = 'submitted') = (reviewed_at IS NULL)),
                CONSTRAINT "CHK_innovation_suggestions_status" CHECK (
                    status IN (
                        'submitted',
                        'adopted',
                        'not-adopted',
                        'implemented',
                        'awarded'
                    )
                ),
                CONSTRAINT "PK_innovation_suggestions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_innovation_suggestions_status" ON "innovation_suggestions" ("status", "reviewed_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_innovation_suggestions_submitter" ON "innovation_suggestions" ("submitter_id", "submitted_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_templates"
            ADD CONSTRAINT "FK_evaluation_templates_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_cycles"
            ADD CONSTRAINT "FK_evaluation_cycles_template" FOREIGN KEY ("template_id") REFERENCES "evaluation_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_cycles"
            ADD CONSTRAINT "FK_evaluation_cycles_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_participants"
            ADD CONSTRAINT "FK_evaluation_participants_cycle" FOREIGN KEY ("cycle_id") REFERENCES "evaluation_cycles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_participants"
            ADD CONSTRAINT "FK_evaluation_participants_person" FOREIGN KEY ("person_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_participants"
            ADD CONSTRAINT "FK_evaluation_participants_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_participants"
            ADD CONSTRAINT "FK_evaluation_participants_leader" FOREIGN KEY ("leader_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_forms"
            ADD CONSTRAINT "FK_evaluation_forms_cycle" FOREIGN KEY ("cycle_id") REFERENCES "evaluation_cycles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_forms"
            ADD CONSTRAINT "FK_evaluation_forms_participant" FOREIGN KEY ("participant_id") REFERENCES "evaluation_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_forms"
            ADD CONSTRAINT "FK_evaluation_forms_evaluator" FOREIGN KEY ("evaluator_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_results"
            ADD CONSTRAINT "FK_evaluation_results_cycle" FOREIGN KEY ("cycle_id") REFERENCES "evaluation_cycles"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_results"
            ADD CONSTRAINT "FK_evaluation_results_participant" FOREIGN KEY ("participant_id") REFERENCES "evaluation_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_results"
            ADD CONSTRAINT "FK_evaluation_results_person" FOREIGN KEY ("person_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_results"
            ADD CONSTRAINT "FK_evaluation_results_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "innovation_suggestions"
            ADD CONSTRAINT "FK_innovation_suggestions_submitter" FOREIGN KEY ("submitter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "innovation_suggestions"
            ADD CONSTRAINT "FK_innovation_suggestions_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "innovation_suggestions" DROP CONSTRAINT "FK_innovation_suggestions_reviewed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "innovation_suggestions" DROP CONSTRAINT "FK_innovation_suggestions_submitter"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_results" DROP CONSTRAINT "FK_evaluation_results_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_results" DROP CONSTRAINT "FK_evaluation_results_person"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_results" DROP CONSTRAINT "FK_evaluation_results_participant"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_results" DROP CONSTRAINT "FK_evaluation_results_cycle"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_forms" DROP CONSTRAINT "FK_evaluation_forms_evaluator"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_forms" DROP CONSTRAINT "FK_evaluation_forms_participant"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_forms" DROP CONSTRAINT "FK_evaluation_forms_cycle"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_participants" DROP CONSTRAINT "FK_evaluation_participants_leader"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_participants" DROP CONSTRAINT "FK_evaluation_participants_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_participants" DROP CONSTRAINT "FK_evaluation_participants_person"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_participants" DROP CONSTRAINT "FK_evaluation_participants_cycle"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_cycles" DROP CONSTRAINT "FK_evaluation_cycles_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_cycles" DROP CONSTRAINT "FK_evaluation_cycles_template"
        `);
    await queryRunner.query(`
            ALTER TABLE "evaluation_templates" DROP CONSTRAINT "FK_evaluation_templates_created_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_innovation_suggestions_submitter"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_innovation_suggestions_status"
        `);
    await queryRunner.query(`
            DROP TABLE "innovation_suggestions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_evaluation_results_participant"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluation_results_cycle_department"
        `);
    await queryRunner.query(`
            DROP TABLE "evaluation_results"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_evaluation_forms_evaluator"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluation_forms_evaluator"
        `);
    await queryRunner.query(`
            DROP TABLE "evaluation_forms"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_evaluation_participants_person"
        `);
    await queryRunner.query(`
            DROP TABLE "evaluation_participants"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluation_cycles_period"
        `);
    await queryRunner.query(`
            DROP TABLE "evaluation_cycles"
        `);
    await queryRunner.query(`
            DROP TABLE "evaluation_templates"
        `);
  }
}
