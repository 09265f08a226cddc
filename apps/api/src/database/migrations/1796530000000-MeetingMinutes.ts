import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The seeded roles' new permission (libs/shared roles.ts), granted to an existing school's built-in roles too. */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['meetings.resolutions.report'],
  'office-clerk': ['meetings.resolutions.report'],
  'school-leader': ['meetings.resolutions.report'],
};

/** Meetings part 3: minutes and their feedback (MTG-8), resolutions and their tasks (MTG-9), coordination meetings (ADM-1). */
export class MeetingMinutes1796530000000 implements MigrationInterface {
  name = 'MeetingMinutes1796530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "coordination_series" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "every_weeks" integer NOT NULL,
                "occurrences" integer NOT NULL,
                "organiser_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_db1f4688c52fd84655ecb81b8fa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "coordination_departments" (
                "meeting_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                "invited_id" uuid,
                "series_id" uuid,
                CONSTRAINT "PK_coordination_departments" PRIMARY KEY ("meeting_id", "department_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_coordination_departments_series" ON "coordination_departments" ("series_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_resolutions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "text" character varying(1000) NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_75d91c6215252fc381897b84288" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_meeting_resolutions_seq" ON "meeting_resolutions" ("meeting_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_resolution_tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "resolution_id" uuid NOT NULL,
                "owner_id" uuid NOT NULL,
                "description" character varying(500),
                "due_on" date NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'open',
                "percent" integer NOT NULL DEFAULT '0',
                "reminded_overdue_on" date,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_meeting_resolution_tasks_percent" CHECK (
                    percent BETWEEN 0 AND 100
                ),
                CONSTRAINT "CHK_meeting_resolution_tasks_status" CHECK (status IN ('open', 'in-progress', 'done')),
                CONSTRAINT "PK_34610a08cfc056f4038bc83b481" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_resolution_tasks_due" ON "meeting_resolution_tasks" ("status", "due_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_resolution_tasks_owner" ON "meeting_resolution_tasks" ("owner_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_resolution_tasks_resolution" ON "meeting_resolution_tasks" ("resolution_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_resolution_task_updates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "task_id" uuid NOT NULL,
                "note" text NOT NULL,
                "percent" integer NOT NULL,
                "status" character varying(20) NOT NULL,
                "recorded_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c035765259381a4cd184bde9a9d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_resolution_task_updates_task" ON "meeting_resolution_task_updates" ("task_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_minutes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "meeting_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "status" character varying(20) NOT NULL,
                "header" jsonb NOT NULL,
                "topics" jsonb NOT NULL,
                "other_text" text,
                "department_ids" uuid array NOT NULL DEFAULT '{}',
                "approval_request_id" uuid,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "drafted_by" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_meeting_minutes_status" CHECK (
                    status IN ('draft', 'in-review', 'approved', 'published')
                ),
                CONSTRAINT "PK_131d742848db3ee132d63b25ecd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_meeting_minutes_meeting" ON "meeting_minutes" ("meeting_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "meeting_minutes_feedback" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "minutes_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_42860aa09d927c26643ee0703fd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_meeting_minutes_feedback_minutes" ON "meeting_minutes_feedback" ("minutes_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_series"
            ADD CONSTRAINT "FK_coordination_series_organiser" FOREIGN KEY ("organiser_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_departments"
            ADD CONSTRAINT "FK_coordination_departments_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_departments"
            ADD CONSTRAINT "FK_coordination_departments_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_departments"
            ADD CONSTRAINT "FK_coordination_departments_invited" FOREIGN KEY ("invited_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_departments"
            ADD CONSTRAINT "FK_coordination_departments_series" FOREIGN KEY ("series_id") REFERENCES "coordination_series"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolutions"
            ADD CONSTRAINT "FK_meeting_resolutions_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolutions"
            ADD CONSTRAINT "FK_meeting_resolutions_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolution_tasks"
            ADD CONSTRAINT "FK_meeting_resolution_tasks_resolution" FOREIGN KEY ("resolution_id") REFERENCES "meeting_resolutions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolution_tasks"
            ADD CONSTRAINT "FK_meeting_resolution_tasks_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolution_task_updates"
            ADD CONSTRAINT "FK_meeting_resolution_task_updates_task" FOREIGN KEY ("task_id") REFERENCES "meeting_resolution_tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolution_task_updates"
            ADD CONSTRAINT "FK_meeting_resolution_task_updates_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_minutes"
            ADD CONSTRAINT "FK_meeting_minutes_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_minutes"
            ADD CONSTRAINT "FK_meeting_minutes_drafted_by" FOREIGN KEY ("drafted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_minutes_feedback"
            ADD CONSTRAINT "FK_meeting_minutes_feedback_minutes" FOREIGN KEY ("minutes_id") REFERENCES "meeting_minutes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_minutes_feedback"
            ADD CONSTRAINT "FK_meeting_minutes_feedback_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "meeting_minutes_feedback" DROP CONSTRAINT "FK_meeting_minutes_feedback_author"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_minutes_feedback" DROP CONSTRAINT "FK_meeting_minutes_feedback_minutes"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_minutes" DROP CONSTRAINT "FK_meeting_minutes_drafted_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_minutes" DROP CONSTRAINT "FK_meeting_minutes_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolution_task_updates" DROP CONSTRAINT "FK_meeting_resolution_task_updates_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolution_task_updates" DROP CONSTRAINT "FK_meeting_resolution_task_updates_task"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolution_tasks" DROP CONSTRAINT "FK_meeting_resolution_tasks_owner"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolution_tasks" DROP CONSTRAINT "FK_meeting_resolution_tasks_resolution"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolutions" DROP CONSTRAINT "FK_meeting_resolutions_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "meeting_resolutions" DROP CONSTRAINT "FK_meeting_resolutions_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_departments" DROP CONSTRAINT "FK_coordination_departments_series"
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_departments" DROP CONSTRAINT "FK_coordination_departments_invited"
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_departments" DROP CONSTRAINT "FK_coordination_departments_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_departments" DROP CONSTRAINT "FK_coordination_departments_meeting"
        `);
    await queryRunner.query(`
            ALTER TABLE "coordination_series" DROP CONSTRAINT "FK_coordination_series_organiser"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_minutes_feedback_minutes"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_minutes_feedback"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_meeting_minutes_meeting"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_minutes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_resolution_task_updates_task"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_resolution_task_updates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_resolution_tasks_resolution"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_resolution_tasks_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_meeting_resolution_tasks_due"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_resolution_tasks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_meeting_resolutions_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "meeting_resolutions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_coordination_departments_series"
        `);
    await queryRunner.query(`
            DROP TABLE "coordination_departments"
        `);
    await queryRunner.query(`
            DROP TABLE "coordination_series"
        `);
  }
}
