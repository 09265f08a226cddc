import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/**
 * Improvement (整改, ASM-5), incidents (突发情况, REQ-5), escalation (问题上报, REQ-1), support
 * requests between departments (REQ-2), and the link from a suggestion to its improvement problem
 * (ASM-4). The office runs and oversees them.
 */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['assessment.improvement.manage', 'assessment.incidents.manage', 'assessment.escalations.manage'],
  'office-clerk': ['assessment.improvement.manage', 'assessment.incidents.manage', 'assessment.escalations.manage'],
};

export class Improvement1796640000000 implements MigrationInterface {
  name = 'Improvement1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "improvement_problems" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL,
                "source" character varying(20) NOT NULL,
                "source_ref_id" uuid,
                "status" character varying(20) NOT NULL,
                "root_cause" text,
                "analysed_at" TIMESTAMP WITH TIME ZONE,
                "evaluation_note" text,
                "evaluated_at" TIMESTAMP WITH TIME ZONE,
                "reopen_count" integer NOT NULL DEFAULT '0',
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_improvement_problems_closed" CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
                CONSTRAINT "CHK_improvement_problems_status" CHECK (
                    status IN (
                        'open',
                        'implementing',
                        'evaluating',
                        'reopened',
                        'closed'
                    )
                ),
                CONSTRAINT "CHK_improvement_problems_source" CHECK (
                    source IN (
                        'evaluation',
                        'questionnaire',
                        'suggestion',
                        'inspection',
                        'audit',
                        'incident_review'
                    )
                ),
                CONSTRAINT "PK_improvement_problems" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_improvement_problems_source_ref" ON "improvement_problems" ("source", "source_ref_id")
            WHERE source_ref_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_improvement_problems_status" ON "improvement_problems" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "improvement_measures" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "problem_id" uuid NOT NULL,
                "description" text NOT NULL,
                "owner_id" uuid NOT NULL,
                "due_on" date NOT NULL,
                "position" integer NOT NULL,
                "round" integer NOT NULL DEFAULT '1',
                "status" character varying(20) NOT NULL,
                "implementation_note" text,
                "implemented_on" date,
                "reported_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_improvement_measures_implemented" CHECK (
                    (status = 'implemented') = (reported_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_improvement_measures_status" CHECK (status IN ('pending', 'implemented')),
                CONSTRAINT "PK_improvement_measures" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_improvement_measures_owner" ON "improvement_measures" ("owner_id", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_improvement_measures_position" ON "improvement_measures" ("problem_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "incidents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL,
                "location" character varying(200) NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "handled_by" character varying(200) NOT NULL,
                "steps_taken" text NOT NULL,
                "outcome" text NOT NULL,
                "severity" character varying(20) NOT NULL,
                "status" character varying(20) NOT NULL,
                "recorded_by" uuid NOT NULL,
                "review_summary" text,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "reviewed_by" uuid,
                "improvement_problem_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_incidents_reviewed" CHECK (
                    (status = 'reviewed') = (
                        reviewed_at IS NOT NULL
                        AND review_summary IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_incidents_status" CHECK (status IN ('recorded', 'reviewed')),
                CONSTRAINT "CHK_incidents_severity" CHECK (severity IN ('minor', 'major', 'severe')),
                CONSTRAINT "PK_incidents" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_incidents_occurred" ON "incidents" ("occurred_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "escalation_routes" (
                "category" character varying(20) NOT NULL,
                "leader_id" uuid NOT NULL,
                "answer_working_days" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_escalation_routes_days" CHECK (
                    answer_working_days BETWEEN 1 AND 60
                ),
                CONSTRAINT "PK_escalation_routes" PRIMARY KEY ("category")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "escalations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "category" character varying(20) NOT NULL,
                "description" text NOT NULL,
                "proposed_solution" text NOT NULL,
                "channel" character varying(20) NOT NULL,
                "reported_by" uuid NOT NULL,
                "leader_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "answer" text,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_escalations_answered" CHECK (
                    (status = 'answered') = (
                        answered_at IS NOT NULL
                        AND answer IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_escalations_channel" CHECK (channel IN ('email', 'phone', 'in_person')),
                CONSTRAINT "CHK_escalations_status" CHECK (status IN ('submitted', 'answered')),
                CONSTRAINT "PK_escalations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_escalations_created" ON "escalations" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_escalations_leader" ON "escalations" ("leader_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "support_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "detail" text NOT NULL,
                "requesting_department_id" uuid NOT NULL,
                "target_department_id" uuid NOT NULL,
                "requested_by" uuid NOT NULL,
                "handler_id" uuid NOT NULL,
                "response_due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(20) NOT NULL,
                "response" text,
                "responded_at" TIMESTAMP WITH TIME ZONE,
                "responded_by" uuid,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "breach_notified_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_support_requests_completed" CHECK (
                    (status = 'completed') = (completed_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_support_requests_responded" CHECK ((status = 'open') = (responded_at IS NULL)),
                CONSTRAINT "CHK_support_requests_status" CHECK (status IN ('open', 'responded', 'completed')),
                CONSTRAINT "CHK_support_requests_departments" CHECK (requesting_department_id <> target_department_id),
                CONSTRAINT "PK_support_requests" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_support_requests_unanswered_due" ON "support_requests" ("response_due_at")
            WHERE responded_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_support_requests_target" ON "support_requests" ("target_department_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_support_requests_requesting" ON "support_requests" ("requesting_department_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestions"
            ADD "improvement_problem_id" uuid
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_suggestions_improvement_problem" ON "suggestions" ("improvement_problem_id")
            WHERE improvement_problem_id IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestions"
            ADD CONSTRAINT "FK_suggestions_improvement_problem" FOREIGN KEY ("improvement_problem_id") REFERENCES "improvement_problems"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "improvement_problems"
            ADD CONSTRAINT "FK_improvement_problems_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "improvement_measures"
            ADD CONSTRAINT "FK_improvement_measures_problem" FOREIGN KEY ("problem_id") REFERENCES "improvement_problems"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "improvement_measures"
            ADD CONSTRAINT "FK_improvement_measures_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incidents"
            ADD CONSTRAINT "FK_incidents_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incidents"
            ADD CONSTRAINT "FK_incidents_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incidents"
            ADD CONSTRAINT "FK_incidents_improvement_problem" FOREIGN KEY ("improvement_problem_id") REFERENCES "improvement_problems"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "escalation_routes"
            ADD CONSTRAINT "FK_escalation_routes_leader" FOREIGN KEY ("leader_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD CONSTRAINT "FK_escalations_reported_by" FOREIGN KEY ("reported_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD CONSTRAINT "FK_escalations_leader" FOREIGN KEY ("leader_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "support_requests"
            ADD CONSTRAINT "FK_support_requests_requesting_department" FOREIGN KEY ("requesting_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "support_requests"
            ADD CONSTRAINT "FK_support_requests_target_department" FOREIGN KEY ("target_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "support_requests"
            ADD CONSTRAINT "FK_support_requests_requested_by" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "support_requests"
            ADD CONSTRAINT "FK_support_requests_handler" FOREIGN KEY ("handler_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "support_requests"
            ADD CONSTRAINT "FK_support_requests_responded_by" FOREIGN KEY ("responded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "support_requests" DROP CONSTRAINT "FK_support_requests_responded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "support_requests" DROP CONSTRAINT "FK_support_requests_handler"
        `);
    await queryRunner.query(`
            ALTER TABLE "support_requests" DROP CONSTRAINT "FK_support_requests_requested_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "support_requests" DROP CONSTRAINT "FK_support_requests_target_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "support_requests" DROP CONSTRAINT "FK_support_requests_requesting_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP CONSTRAINT "FK_escalations_leader"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP CONSTRAINT "FK_escalations_reported_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalation_routes" DROP CONSTRAINT "FK_escalation_routes_leader"
        `);
    await queryRunner.query(`
            ALTER TABLE "incidents" DROP CONSTRAINT "FK_incidents_improvement_problem"
        `);
    await queryRunner.query(`
            ALTER TABLE "incidents" DROP CONSTRAINT "FK_incidents_reviewed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "incidents" DROP CONSTRAINT "FK_incidents_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "improvement_measures" DROP CONSTRAINT "FK_improvement_measures_owner"
        `);
    await queryRunner.query(`
            ALTER TABLE "improvement_measures" DROP CONSTRAINT "FK_improvement_measures_problem"
        `);
    await queryRunner.query(`
            ALTER TABLE "improvement_problems" DROP CONSTRAINT "FK_improvement_problems_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestions" DROP CONSTRAINT "FK_suggestions_improvement_problem"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_suggestions_improvement_problem"
        `);
    await queryRunner.query(`
            ALTER TABLE "suggestions" DROP COLUMN "improvement_problem_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_support_requests_requesting"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_support_requests_target"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_support_requests_unanswered_due"
        `);
    await queryRunner.query(`
            DROP TABLE "support_requests"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_escalations_leader"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_escalations_created"
        `);
    await queryRunner.query(`
            DROP TABLE "escalations"
        `);
    await queryRunner.query(`
            DROP TABLE "escalation_routes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_incidents_occurred"
        `);
    await queryRunner.query(`
            DROP TABLE "incidents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_improvement_measures_position"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_improvement_measures_owner"
        `);
    await queryRunner.query(`
            DROP TABLE "improvement_measures"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_improvement_problems_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_improvement_problems_source_ref"
        `);
    await queryRunner.query(`
            DROP TABLE "improvement_problems"
        `);
  }
}
