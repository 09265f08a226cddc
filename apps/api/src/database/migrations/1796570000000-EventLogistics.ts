import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The office organises the school's events (活动后勤, LOG-11). */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['logistics.events.manage'],
  'office-clerk': ['logistics.events.manage'],
};

export class EventLogistics1796570000000 implements MigrationInterface {
  name = 'EventLogistics1796570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "logistics_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "venue" character varying(200) NOT NULL,
                "room_id" uuid,
                "owner_id" uuid NOT NULL,
                "created_by" uuid NOT NULL,
                "note" character varying(1000) NOT NULL DEFAULT '',
                "status" character varying(20) NOT NULL DEFAULT 'planning',
                "layout_rows" integer NOT NULL DEFAULT '8',
                "layout_cols" integer NOT NULL DEFAULT '12',
                "reconciled_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_logistics_events_grid" CHECK (
                    layout_rows BETWEEN 1 AND 30
                    AND layout_cols BETWEEN 1 AND 30
                ),
                CONSTRAINT "CHK_logistics_events_period" CHECK (ends_at >= starts_at),
                CONSTRAINT "CHK_logistics_events_status" CHECK (
                    status IN ('planning', 'ready', 'held', 'reconciled')
                ),
                CONSTRAINT "PK_logistics_events" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_logistics_events_starts" ON "logistics_events" ("starts_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_logistics_events_owner" ON "logistics_events" ("owner_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "logistics_event_materials" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "source" character varying(10) NOT NULL,
                "name" character varying(200) NOT NULL,
                "specification" character varying(200) NOT NULL DEFAULT '',
                "quantity" integer NOT NULL,
                "item_id" uuid,
                "note" character varying(500) NOT NULL DEFAULT '',
                "supplier" character varying(200),
                "cost_fen" integer,
                "return_on" date,
                "status" character varying(20) NOT NULL DEFAULT 'planned',
                "returned_quantity" integer NOT NULL DEFAULT '0',
                "consumed_quantity" integer NOT NULL DEFAULT '0',
                "missing_quantity" integer NOT NULL DEFAULT '0',
                "damaged_quantity" integer NOT NULL DEFAULT '0',
                "responsible_id" uuid,
                "accounting_note" character varying(500),
                "accounted_at" TIMESTAMP WITH TIME ZONE,
                "position" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_logistics_event_materials_cost" CHECK (
                    cost_fen IS NULL
                    OR cost_fen >= 0
                ),
                CONSTRAINT "CHK_logistics_event_materials_responsible" CHECK (
                    missing_quantity + damaged_quantity = 0
                    OR responsible_id IS NOT NULL
                ),
                CONSTRAINT "CHK_logistics_event_materials_accounted" CHECK (
                    status <> 'accounted'
                    OR returned_quantity + consumed_quantity + missing_quantity + damaged_quantity = quantity
                ),
                CONSTRAINT "CHK_logistics_event_materials_counts" CHECK (
                    returned_quantity >= 0
                    AND consumed_quantity >= 0
                    AND missing_quantity >= 0
                    AND damaged_quantity >= 0
                ),
                CONSTRAINT "CHK_logistics_event_materials_stock_item" CHECK ((source = 'stock') = (item_id IS NOT NULL)),
                CONSTRAINT "CHK_logistics_event_materials_quantity" CHECK (quantity > 0),
                CONSTRAINT "CHK_logistics_event_materials_status" CHECK (
                    status IN ('planned', 'reserved', 'issued', 'accounted')
                ),
                CONSTRAINT "CHK_logistics_event_materials_source" CHECK (source IN ('stock', 'buy', 'rent')),
                CONSTRAINT "PK_logistics_event_materials" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_logistics_event_materials_item" ON "logistics_event_materials" ("item_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_logistics_event_materials_event" ON "logistics_event_materials" ("event_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "logistics_event_layout_pieces" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "label" character varying(60) NOT NULL DEFAULT '',
                "grid_row" integer NOT NULL,
                "grid_col" integer NOT NULL,
                CONSTRAINT "CHK_logistics_event_layout_cell" CHECK (
                    grid_row >= 0
                    AND grid_col >= 0
                ),
                CONSTRAINT "PK_logistics_event_layout_pieces" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_logistics_event_layout_cell" ON "logistics_event_layout_pieces" ("event_id", "grid_row", "grid_col")
        `);
    await queryRunner.query(`
            CREATE TABLE "logistics_event_decorations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "name" character varying(200) NOT NULL,
                "quantity" integer NOT NULL DEFAULT '1',
                "note" character varying(500) NOT NULL DEFAULT '',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_logistics_event_decorations_quantity" CHECK (quantity > 0),
                CONSTRAINT "PK_logistics_event_decorations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_logistics_event_decorations_event" ON "logistics_event_decorations" ("event_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "logistics_event_checks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "text" character varying(300) NOT NULL,
                "checked_by" uuid,
                "checked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_logistics_event_checks_checked" CHECK ((checked_at IS NULL) = (checked_by IS NULL)),
                CONSTRAINT "PK_logistics_event_checks" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_logistics_event_checks_event" ON "logistics_event_checks" ("event_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "logistics_event_duties" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "role" character varying(100) NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "CHK_logistics_event_duties_slot" CHECK (ends_at > starts_at),
                CONSTRAINT "PK_logistics_event_duties" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_logistics_event_duties_event" ON "logistics_event_duties" ("event_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "logistics_event_incidents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "event_id" uuid NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "description" character varying(1000) NOT NULL,
                "action_taken" character varying(1000) NOT NULL DEFAULT '',
                "reporter_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_logistics_event_incidents" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_logistics_event_incidents_event" ON "logistics_event_incidents" ("event_id", "occurred_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_events"
            ADD CONSTRAINT "FK_logistics_events_room" FOREIGN KEY ("room_id") REFERENCES "meeting_rooms"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_events"
            ADD CONSTRAINT "FK_logistics_events_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_events"
            ADD CONSTRAINT "FK_logistics_events_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_materials"
            ADD CONSTRAINT "FK_logistics_event_materials_event" FOREIGN KEY ("event_id") REFERENCES "logistics_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_materials"
            ADD CONSTRAINT "FK_logistics_event_materials_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_materials"
            ADD CONSTRAINT "FK_logistics_event_materials_responsible" FOREIGN KEY ("responsible_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_layout_pieces"
            ADD CONSTRAINT "FK_logistics_event_layout_pieces_event" FOREIGN KEY ("event_id") REFERENCES "logistics_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_decorations"
            ADD CONSTRAINT "FK_logistics_event_decorations_event" FOREIGN KEY ("event_id") REFERENCES "logistics_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_checks"
            ADD CONSTRAINT "FK_logistics_event_checks_event" FOREIGN KEY ("event_id") REFERENCES "logistics_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_checks"
            ADD CONSTRAINT "FK_logistics_event_checks_checked_by" FOREIGN KEY ("checked_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_duties"
            ADD CONSTRAINT "FK_logistics_event_duties_event" FOREIGN KEY ("event_id") REFERENCES "logistics_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_duties"
            ADD CONSTRAINT "FK_logistics_event_duties_person" FOREIGN KEY ("person_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_incidents"
            ADD CONSTRAINT "FK_logistics_event_incidents_event" FOREIGN KEY ("event_id") REFERENCES "logistics_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_incidents"
            ADD CONSTRAINT "FK_logistics_event_incidents_reporter" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_incidents" DROP CONSTRAINT "FK_logistics_event_incidents_reporter"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_incidents" DROP CONSTRAINT "FK_logistics_event_incidents_event"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_duties" DROP CONSTRAINT "FK_logistics_event_duties_person"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_duties" DROP CONSTRAINT "FK_logistics_event_duties_event"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_checks" DROP CONSTRAINT "FK_logistics_event_checks_checked_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_checks" DROP CONSTRAINT "FK_logistics_event_checks_event"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_decorations" DROP CONSTRAINT "FK_logistics_event_decorations_event"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_layout_pieces" DROP CONSTRAINT "FK_logistics_event_layout_pieces_event"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_materials" DROP CONSTRAINT "FK_logistics_event_materials_responsible"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_materials" DROP CONSTRAINT "FK_logistics_event_materials_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_event_materials" DROP CONSTRAINT "FK_logistics_event_materials_event"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_events" DROP CONSTRAINT "FK_logistics_events_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_events" DROP CONSTRAINT "FK_logistics_events_owner"
        `);
    await queryRunner.query(`
            ALTER TABLE "logistics_events" DROP CONSTRAINT "FK_logistics_events_room"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_logistics_event_incidents_event"
        `);
    await queryRunner.query(`
            DROP TABLE "logistics_event_incidents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_logistics_event_duties_event"
        `);
    await queryRunner.query(`
            DROP TABLE "logistics_event_duties"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_logistics_event_checks_event"
        `);
    await queryRunner.query(`
            DROP TABLE "logistics_event_checks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_logistics_event_decorations_event"
        `);
    await queryRunner.query(`
            DROP TABLE "logistics_event_decorations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_logistics_event_layout_cell"
        `);
    await queryRunner.query(`
            DROP TABLE "logistics_event_layout_pieces"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_logistics_event_materials_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_logistics_event_materials_item"
        `);
    await queryRunner.query(`
            DROP TABLE "logistics_event_materials"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_logistics_events_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_logistics_events_starts"
        `);
    await queryRunner.query(`
            DROP TABLE "logistics_events"
        `);
  }
}
