import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The office collects information and keeps reception; department heads submit their department's information. */
const OFFICE = ['information.collection.manage', 'information.reception.manage'];
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': OFFICE,
  'office-clerk': OFFICE,
  'department-head': ['information.collection.submit'],
};
/** 外出登记 (INF-9): every built-in role records its own out-of-office entries. */
const EVERYONE = ['information.out-of-office.record'];
const ALL_BUILTIN = [
  'admin',
  'office-director',
  'office-clerk',
  'school-leader',
  'department-head',
  'staff',
  'seal-custodian',
  'archivist',
  'storekeeper',
  'maintenance-worker',
];

/** Collection requests (INF-1), notice comments (INF-4), the visitor log (INF-7) and reception cover (INF-9). */

export class Reception1796590000000 implements MigrationInterface {
  name = 'Reception1796590000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
    await grantToBuiltinRoles(queryRunner, Object.fromEntries(ALL_BUILTIN.map((code) => [code, EVERYONE])));
    await queryRunner.query(`
            CREATE TABLE "collection_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL,
                "deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'open',
                "created_by" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_collection_requests_status" CHECK (status IN ('open', 'closed')),
                CONSTRAINT "PK_collection_requests" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_collection_requests_status" ON "collection_requests" ("status", "deadline")
        `);
    await queryRunner.query(`
            CREATE TABLE "collection_targets" (
                "request_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                "reminded_on" date,
                "reminders" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_collection_targets" PRIMARY KEY ("request_id", "department_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_collection_targets_department" ON "collection_targets" ("department_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "collection_submissions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "request_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                "content" text NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'submitted',
                "round" integer NOT NULL DEFAULT '1',
                "return_reason" character varying(500),
                "category" character varying(60),
                "submitted_by" uuid NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "notice_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_collection_submissions_returned" CHECK (
                    status <> 'returned'
                    OR return_reason IS NOT NULL
                ),
                CONSTRAINT "CHK_collection_submissions_accepted" CHECK ((status = 'accepted') = (category IS NOT NULL)),
                CONSTRAINT "CHK_collection_submissions_status" CHECK (status IN ('submitted', 'accepted', 'returned')),
                CONSTRAINT "PK_collection_submissions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_collection_submissions_category" ON "collection_submissions" ("status", "category")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_collection_submissions_department" ON "collection_submissions" ("request_id", "department_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notice_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "notice_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "body" character varying(2000) NOT NULL,
                "author_id" uuid NOT NULL,
                "answer" character varying(2000),
                "answered_by" uuid,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_notice_comments_answer" CHECK ((answer IS NULL) = (answered_at IS NULL)),
                CONSTRAINT "CHK_notice_comments_kind" CHECK (kind IN ('comment', 'question')),
                CONSTRAINT "PK_notice_comments" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notice_comments_notice" ON "notice_comments" ("notice_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "reception_duties" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "duty_date" date NOT NULL,
                "slot" character varying(4) NOT NULL,
                "user_id" uuid NOT NULL,
                "backup_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_reception_duties_backup" CHECK (
                    backup_user_id IS NULL
                    OR backup_user_id <> user_id
                ),
                CONSTRAINT "CHK_reception_duties_slot" CHECK (slot IN ('am', 'pm')),
                CONSTRAINT "PK_reception_duties" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_reception_duties_slot" ON "reception_duties" ("duty_date", "slot")
        `);
    await queryRunner.query(`
            CREATE TABLE "staff_absences" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason" character varying(200) NOT NULL,
                "destination" character varying(200) NOT NULL,
                "registered_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_staff_absences_span" CHECK (ends_at > starts_at),
                CONSTRAINT "PK_staff_absences" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_staff_absences_user" ON "staff_absences" ("user_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "reception_gap_alerts" (
                "duty_date" date NOT NULL,
                "slot" character varying(4) NOT NULL,
                "alerted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_reception_gap_alerts" PRIMARY KEY ("duty_date", "slot")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "visits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "visitor_name" character varying(60) NOT NULL,
                "organisation" character varying(200),
                "id_number_masked" character varying(18),
                "purpose_category" character varying(20) NOT NULL,
                "purpose" character varying(500) NOT NULL,
                "host_user_id" uuid,
                "host_department_id" uuid,
                "time_in" TIMESTAMP WITH TIME ZONE NOT NULL,
                "time_out" TIMESTAMP WITH TIME ZONE,
                "confidentiality_acknowledged_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "registered_by" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_visits_id_masked" CHECK (
                    id_number_masked IS NULL
                    OR id_number_masked ~ '^\\*{14}[0-9Xx]{4}$'
                ),
                CONSTRAINT "CHK_visits_out" CHECK (
                    time_out IS NULL
                    OR time_out >= time_in
                ),
                CONSTRAINT "CHK_visits_host" CHECK (
                    host_user_id IS NOT NULL
                    OR host_department_id IS NOT NULL
                ),
                CONSTRAINT "PK_visits" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_visits_time_in" ON "visits" ("time_in")
        `);
    await queryRunner.query(`
            CREATE TABLE "visitor_questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "visit_id" uuid NOT NULL,
                "question" character varying(1000) NOT NULL,
                "status" character varying(20) NOT NULL,
                "department_id" uuid,
                "due_at" TIMESTAMP WITH TIME ZONE,
                "answer" character varying(2000),
                "answered_by" uuid,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_visitor_questions_transfer" CHECK (
                    department_id IS NULL
                    OR due_at IS NOT NULL
                ),
                CONSTRAINT "CHK_visitor_questions_answered" CHECK (
                    (status = 'answered') = (
                        answer IS NOT NULL
                        AND answered_at IS NOT NULL
                    )
                ),
                CONSTRAINT "CHK_visitor_questions_status" CHECK (status IN ('answered', 'transferred')),
                CONSTRAINT "PK_visitor_questions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_visitor_questions_open" ON "visitor_questions" ("status", "due_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_visitor_questions_visit" ON "visitor_questions" ("visit_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_requests"
            ADD CONSTRAINT "FK_collection_requests_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_targets"
            ADD CONSTRAINT "FK_collection_targets_request" FOREIGN KEY ("request_id") REFERENCES "collection_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_targets"
            ADD CONSTRAINT "FK_collection_targets_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions"
            ADD CONSTRAINT "FK_collection_submissions_request" FOREIGN KEY ("request_id") REFERENCES "collection_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions"
            ADD CONSTRAINT "FK_collection_submissions_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions"
            ADD CONSTRAINT "FK_collection_submissions_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions"
            ADD CONSTRAINT "FK_collection_submissions_reviewed_by" FOREIGN KEY ("reviewed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions"
            ADD CONSTRAINT "FK_collection_submissions_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_comments"
            ADD CONSTRAINT "FK_notice_comments_notice" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_comments"
            ADD CONSTRAINT "FK_notice_comments_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_comments"
            ADD CONSTRAINT "FK_notice_comments_answered_by" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reception_duties"
            ADD CONSTRAINT "FK_reception_duties_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reception_duties"
            ADD CONSTRAINT "FK_reception_duties_backup" FOREIGN KEY ("backup_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_absences"
            ADD CONSTRAINT "FK_staff_absences_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_absences"
            ADD CONSTRAINT "FK_staff_absences_registered_by" FOREIGN KEY ("registered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visits"
            ADD CONSTRAINT "FK_visits_host_user" FOREIGN KEY ("host_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visits"
            ADD CONSTRAINT "FK_visits_host_department" FOREIGN KEY ("host_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visits"
            ADD CONSTRAINT "FK_visits_registered_by" FOREIGN KEY ("registered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visitor_questions"
            ADD CONSTRAINT "FK_visitor_questions_visit" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visitor_questions"
            ADD CONSTRAINT "FK_visitor_questions_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visitor_questions"
            ADD CONSTRAINT "FK_visitor_questions_answered_by" FOREIGN KEY ("answered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visitor_questions"
            ADD CONSTRAINT "FK_visitor_questions_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await revokeFromBuiltinRoles(queryRunner, Object.fromEntries(ALL_BUILTIN.map((code) => [code, EVERYONE])));
    await queryRunner.query(`
            ALTER TABLE "visitor_questions" DROP CONSTRAINT "FK_visitor_questions_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "visitor_questions" DROP CONSTRAINT "FK_visitor_questions_answered_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "visitor_questions" DROP CONSTRAINT "FK_visitor_questions_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "visitor_questions" DROP CONSTRAINT "FK_visitor_questions_visit"
        `);
    await queryRunner.query(`
            ALTER TABLE "visits" DROP CONSTRAINT "FK_visits_registered_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "visits" DROP CONSTRAINT "FK_visits_host_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "visits" DROP CONSTRAINT "FK_visits_host_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_absences" DROP CONSTRAINT "FK_staff_absences_registered_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_absences" DROP CONSTRAINT "FK_staff_absences_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "reception_duties" DROP CONSTRAINT "FK_reception_duties_backup"
        `);
    await queryRunner.query(`
            ALTER TABLE "reception_duties" DROP CONSTRAINT "FK_reception_duties_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_comments" DROP CONSTRAINT "FK_notice_comments_answered_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_comments" DROP CONSTRAINT "FK_notice_comments_author"
        `);
    await queryRunner.query(`
            ALTER TABLE "notice_comments" DROP CONSTRAINT "FK_notice_comments_notice"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions" DROP CONSTRAINT "FK_collection_submissions_notice"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions" DROP CONSTRAINT "FK_collection_submissions_reviewed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions" DROP CONSTRAINT "FK_collection_submissions_submitted_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions" DROP CONSTRAINT "FK_collection_submissions_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions" DROP CONSTRAINT "FK_collection_submissions_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_targets" DROP CONSTRAINT "FK_collection_targets_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_targets" DROP CONSTRAINT "FK_collection_targets_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_requests" DROP CONSTRAINT "FK_collection_requests_created_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_visitor_questions_visit"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_visitor_questions_open"
        `);
    await queryRunner.query(`
            DROP TABLE "visitor_questions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_visits_time_in"
        `);
    await queryRunner.query(`
            DROP TABLE "visits"
        `);
    await queryRunner.query(`
            DROP TABLE "reception_gap_alerts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_staff_absences_user"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_absences"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_reception_duties_slot"
        `);
    await queryRunner.query(`
            DROP TABLE "reception_duties"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notice_comments_notice"
        `);
    await queryRunner.query(`
            DROP TABLE "notice_comments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_collection_submissions_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_collection_submissions_category"
        `);
    await queryRunner.query(`
            DROP TABLE "collection_submissions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_collection_targets_department"
        `);
    await queryRunner.query(`
            DROP TABLE "collection_targets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_collection_requests_status"
        `);
    await queryRunner.query(`
            DROP TABLE "collection_requests"
        `);
  }
}
