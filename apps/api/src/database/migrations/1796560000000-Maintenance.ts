import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** Everyone reports repairs; the office runs maintenance and records inspections; the worker repairs and inspects. */
const EVERYONE = ['logistics.maintenance.request'];
const OFFICE = [...EVERYONE, 'logistics.maintenance.manage', 'logistics.inspections.record'];
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': OFFICE,
  'office-clerk': OFFICE,
  'school-leader': EVERYONE,
  'department-head': EVERYONE,
  staff: EVERYONE,
  'seal-custodian': EVERYONE,
  archivist: EVERYONE,
  storekeeper: EVERYONE,
  'maintenance-worker': [...EVERYONE, 'logistics.maintenance.work', 'logistics.inspections.record'],
};

/** Maintenance requests (LOG-9), facility inspections (LOG-10) and the meeting equipment wiring (MTG-4). */
export class Maintenance1796560000000 implements MigrationInterface {
  name = 'Maintenance1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "maintenance_locations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "parent_id" uuid,
                "kind" character varying(20) NOT NULL,
                "name" character varying(100) NOT NULL,
                "meeting_room_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_maintenance_locations_kind" CHECK (kind IN ('campus', 'building', 'floor', 'room')),
                CONSTRAINT "PK_maintenance_locations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_maintenance_locations_meeting_room" ON "maintenance_locations" ("meeting_room_id")
            WHERE meeting_room_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_maintenance_locations_root_name" ON "maintenance_locations" ("name")
            WHERE parent_id IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_maintenance_locations_name" ON "maintenance_locations" ("parent_id", "name")
            WHERE parent_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_maintenance_locations_parent" ON "maintenance_locations" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "maintenance_settings" (
                "id" integer NOT NULL,
                "approval_threshold_fen" bigint NOT NULL DEFAULT '200000',
                "urgent_hours" integer NOT NULL DEFAULT '4',
                "normal_working_days" integer NOT NULL DEFAULT '3',
                "low_working_days" integer NOT NULL DEFAULT '10',
                "repeat_threshold" integer NOT NULL DEFAULT '2',
                "repeat_period_days" integer NOT NULL DEFAULT '90',
                "version" integer NOT NULL DEFAULT '1',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_maintenance_settings_values" CHECK (
                    approval_threshold_fen >= 0
                    AND urgent_hours >= 1
                    AND normal_working_days >= 1
                    AND low_working_days >= 1
                    AND repeat_threshold >= 1
                    AND repeat_period_days >= 1
                ),
                CONSTRAINT "CHK_maintenance_settings_single" CHECK (id = 1),
                CONSTRAINT "PK_maintenance_settings" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "maintenance_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "category" character varying(20) NOT NULL,
                "location_id" uuid NOT NULL,
                "location_detail" character varying(200),
                "description" character varying(2000) NOT NULL,
                "urgency" character varying(10) NOT NULL DEFAULT 'normal',
                "source" character varying(20) NOT NULL,
                "requester_id" uuid,
                "requester_name" character varying(100),
                "contact_phone" character varying(30),
                "reported_by" uuid,
                "status" character varying(20) NOT NULL DEFAULT 'submitted',
                "handling" character varying(10),
                "contractor" character varying(200),
                "quote_fen" bigint,
                "cost_fen" bigint,
                "approval_request_id" uuid,
                "assignee_id" uuid,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "overdue_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "rating" smallint,
                "reopen_count" integer NOT NULL DEFAULT '0',
                "dedupe_key" character varying(200),
                "inspection_result_id" uuid,
                "equipment_test_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_maintenance_requests_confirmed" CHECK ((status = 'confirmed') = (rating IS NOT NULL)),
                CONSTRAINT "CHK_maintenance_requests_rating" CHECK (
                    rating IS NULL
                    OR rating BETWEEN 1 AND 5
                ),
                CONSTRAINT "CHK_maintenance_requests_money" CHECK (
                    (
                        quote_fen IS NULL
                        OR quote_fen >= 0
                    )
                    AND (
                        cost_fen IS NULL
                        OR cost_fen >= 0
                    )
                ),
                CONSTRAINT "CHK_maintenance_requests_handling" CHECK (
                    handling IS NULL
                    OR handling IN ('in-house', 'external')
                ),
                CONSTRAINT "CHK_maintenance_requests_status" CHECK (
                    status IN (
                        'submitted',
                        'awaiting-approval',
                        'triaged',
                        'assigned',
                        'in-progress',
                        'completed',
                        'reopened',
                        'confirmed',
                        'cancelled'
                    )
                ),
                CONSTRAINT "CHK_maintenance_requests_urgency" CHECK (urgency IN ('urgent', 'normal', 'low')),
                CONSTRAINT "CHK_maintenance_requests_source" CHECK (
                    source IN (
                        'online',
                        'phone',
                        'paper',
                        'inspection',
                        'meeting-equipment'
                    )
                ),
                CONSTRAINT "CHK_maintenance_requests_category" CHECK (
                    category IN (
                        'electrical',
                        'plumbing',
                        'building',
                        'network',
                        'other'
                    )
                ),
                CONSTRAINT "PK_maintenance_requests" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_maintenance_requests_open_dedupe" ON "maintenance_requests" ("dedupe_key")
            WHERE dedupe_key IS NOT NULL
                AND status NOT IN ('confirmed', 'cancelled')
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_maintenance_requests_location" ON "maintenance_requests" ("location_id", "category", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_maintenance_requests_assignee" ON "maintenance_requests" ("assignee_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_maintenance_requests_requester" ON "maintenance_requests" ("requester_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_maintenance_requests_status" ON "maintenance_requests" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "maintenance_request_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "request_id" uuid NOT NULL,
                "action" character varying(20) NOT NULL,
                "from_status" character varying(20),
                "to_status" character varying(20) NOT NULL,
                "actor_id" uuid,
                "note" character varying(1000),
                "file_ids" uuid array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_maintenance_request_events" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_maintenance_request_events_request" ON "maintenance_request_events" ("request_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "inspection_templates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "location_id" uuid NOT NULL,
                "frequency" character varying(20) NOT NULL,
                "inspector_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_inspection_templates_frequency" CHECK (frequency IN ('weekly', 'monthly', 'quarterly')),
                CONSTRAINT "PK_inspection_templates" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "inspection_template_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "template_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "text" character varying(200) NOT NULL,
                "category" character varying(20) NOT NULL,
                CONSTRAINT "CHK_inspection_template_items_category" CHECK (
                    category IN (
                        'electrical',
                        'plumbing',
                        'building',
                        'network',
                        'other'
                    )
                ),
                CONSTRAINT "PK_inspection_template_items" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_inspection_template_items_template" ON "inspection_template_items" ("template_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "inspection_rounds" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "template_id" uuid NOT NULL,
                "period_key" character varying(20) NOT NULL,
                "due_on" date NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'open',
                "completed_by" uuid,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_inspection_rounds_status" CHECK (status IN ('open', 'completed')),
                CONSTRAINT "PK_inspection_rounds" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_inspection_rounds_period" ON "inspection_rounds" ("template_id", "period_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "inspection_results" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "round_id" uuid NOT NULL,
                "item_id" uuid NOT NULL,
                "result" character varying(10) NOT NULL,
                "remark" character varying(500),
                "request_id" uuid,
                "recorded_by" uuid NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "CHK_inspection_results_result" CHECK (result IN ('pass', 'fail')),
                CONSTRAINT "PK_inspection_results" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_inspection_results_item" ON "inspection_results" ("round_id", "item_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_locations"
            ADD CONSTRAINT "FK_maintenance_locations_parent" FOREIGN KEY ("parent_id") REFERENCES "maintenance_locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_locations"
            ADD CONSTRAINT "FK_maintenance_locations_meeting_room" FOREIGN KEY ("meeting_room_id") REFERENCES "meeting_rooms"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests"
            ADD CONSTRAINT "FK_maintenance_requests_location" FOREIGN KEY ("location_id") REFERENCES "maintenance_locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests"
            ADD CONSTRAINT "FK_maintenance_requests_requester" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests"
            ADD CONSTRAINT "FK_maintenance_requests_reported_by" FOREIGN KEY ("reported_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests"
            ADD CONSTRAINT "FK_maintenance_requests_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests"
            ADD CONSTRAINT "FK_maintenance_requests_inspection_result" FOREIGN KEY ("inspection_result_id") REFERENCES "inspection_results"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests"
            ADD CONSTRAINT "FK_maintenance_requests_equipment_test" FOREIGN KEY ("equipment_test_id") REFERENCES "meeting_equipment_tests"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_request_events"
            ADD CONSTRAINT "FK_maintenance_request_events_request" FOREIGN KEY ("request_id") REFERENCES "maintenance_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_request_events"
            ADD CONSTRAINT "FK_maintenance_request_events_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_templates"
            ADD CONSTRAINT "FK_inspection_templates_location" FOREIGN KEY ("location_id") REFERENCES "maintenance_locations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_templates"
            ADD CONSTRAINT "FK_inspection_templates_inspector" FOREIGN KEY ("inspector_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_template_items"
            ADD CONSTRAINT "FK_inspection_template_items_template" FOREIGN KEY ("template_id") REFERENCES "inspection_templates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_rounds"
            ADD CONSTRAINT "FK_inspection_rounds_template" FOREIGN KEY ("template_id") REFERENCES "inspection_templates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_rounds"
            ADD CONSTRAINT "FK_inspection_rounds_completed_by" FOREIGN KEY ("completed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_results"
            ADD CONSTRAINT "FK_inspection_results_round" FOREIGN KEY ("round_id") REFERENCES "inspection_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_results"
            ADD CONSTRAINT "FK_inspection_results_item" FOREIGN KEY ("item_id") REFERENCES "inspection_template_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_results"
            ADD CONSTRAINT "FK_inspection_results_request" FOREIGN KEY ("request_id") REFERENCES "maintenance_requests"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_results"
            ADD CONSTRAINT "FK_inspection_results_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`INSERT INTO "maintenance_settings" ("id") VALUES (1)`);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "inspection_results" DROP CONSTRAINT "FK_inspection_results_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_results" DROP CONSTRAINT "FK_inspection_results_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_results" DROP CONSTRAINT "FK_inspection_results_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_results" DROP CONSTRAINT "FK_inspection_results_round"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_rounds" DROP CONSTRAINT "FK_inspection_rounds_completed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_rounds" DROP CONSTRAINT "FK_inspection_rounds_template"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_template_items" DROP CONSTRAINT "FK_inspection_template_items_template"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_templates" DROP CONSTRAINT "FK_inspection_templates_inspector"
        `);
    await queryRunner.query(`
            ALTER TABLE "inspection_templates" DROP CONSTRAINT "FK_inspection_templates_location"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_request_events" DROP CONSTRAINT "FK_maintenance_request_events_actor"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_request_events" DROP CONSTRAINT "FK_maintenance_request_events_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests" DROP CONSTRAINT "FK_maintenance_requests_equipment_test"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests" DROP CONSTRAINT "FK_maintenance_requests_inspection_result"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests" DROP CONSTRAINT "FK_maintenance_requests_assignee"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests" DROP CONSTRAINT "FK_maintenance_requests_reported_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests" DROP CONSTRAINT "FK_maintenance_requests_requester"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_requests" DROP CONSTRAINT "FK_maintenance_requests_location"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_locations" DROP CONSTRAINT "FK_maintenance_locations_meeting_room"
        `);
    await queryRunner.query(`
            ALTER TABLE "maintenance_locations" DROP CONSTRAINT "FK_maintenance_locations_parent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_inspection_results_item"
        `);
    await queryRunner.query(`
            DROP TABLE "inspection_results"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_inspection_rounds_period"
        `);
    await queryRunner.query(`
            DROP TABLE "inspection_rounds"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_inspection_template_items_template"
        `);
    await queryRunner.query(`
            DROP TABLE "inspection_template_items"
        `);
    await queryRunner.query(`
            DROP TABLE "inspection_templates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_maintenance_request_events_request"
        `);
    await queryRunner.query(`
            DROP TABLE "maintenance_request_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_maintenance_requests_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_maintenance_requests_requester"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_maintenance_requests_assignee"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_maintenance_requests_location"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_maintenance_requests_open_dedupe"
        `);
    await queryRunner.query(`
            DROP TABLE "maintenance_requests"
        `);
    await queryRunner.query(`
            DROP TABLE "maintenance_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_maintenance_locations_parent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_maintenance_locations_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_maintenance_locations_root_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_maintenance_locations_meeting_room"
        `);
    await queryRunner.query(`
            DROP TABLE "maintenance_locations"
        `);
  }
}
