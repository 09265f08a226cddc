import { MigrationInterface, QueryRunner } from 'typeorm';

/** Supplies distribution (LOG-5), low-stock alerts (LOG-6) and stocktaking (LOG-7); permissions came with SuppliesLedger. */
export class SuppliesDistribution1796545000000 implements MigrationInterface {
  name = 'SuppliesDistribution1796545000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "supply_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "department_id" uuid NOT NULL,
                "requester_id" uuid NOT NULL,
                "note" character varying(500) NOT NULL DEFAULT '',
                "status" character varying(20) NOT NULL DEFAULT 'submitted',
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_supply_requests_status" CHECK (
                    status IN ('submitted', 'waiting', 'issued', 'cancelled')
                ),
                CONSTRAINT "PK_supply_requests" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_supply_requests_status" ON "supply_requests" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_supply_requests_department" ON "supply_requests" ("department_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "supply_request_lines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "request_id" uuid NOT NULL,
                "item_id" uuid NOT NULL,
                "quantity" integer NOT NULL,
                "issued" integer NOT NULL DEFAULT '0',
                "cancelled" integer NOT NULL DEFAULT '0',
                "reserved" integer NOT NULL DEFAULT '0',
                CONSTRAINT "CHK_supply_request_lines_reserved" CHECK (
                    reserved >= 0
                    AND reserved <= quantity - issued - cancelled
                ),
                CONSTRAINT "CHK_supply_request_lines_quantities" CHECK (
                    quantity > 0
                    AND issued >= 0
                    AND cancelled >= 0
                    AND issued + cancelled <= quantity
                ),
                CONSTRAINT "PK_supply_request_lines" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_supply_request_lines_item" ON "supply_request_lines" ("item_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_supply_request_lines_item" ON "supply_request_lines" ("request_id", "item_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "supply_issues" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "request_id" uuid NOT NULL,
                "issued_by" uuid NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "signed_at" TIMESTAMP WITH TIME ZONE,
                "signed_by" uuid,
                CONSTRAINT "CHK_supply_issues_signed" CHECK ((signed_at IS NULL) = (signed_by IS NULL)),
                CONSTRAINT "PK_supply_issues" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_supply_issues_request" ON "supply_issues" ("request_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "supply_issue_lines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "issue_id" uuid NOT NULL,
                "line_id" uuid NOT NULL,
                "item_id" uuid NOT NULL,
                "quantity" integer NOT NULL,
                "movement_id" uuid NOT NULL,
                CONSTRAINT "CHK_supply_issue_lines_quantity" CHECK (quantity > 0),
                CONSTRAINT "PK_supply_issue_lines" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_supply_issue_lines_issue" ON "supply_issue_lines" ("issue_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "low_stock_alerts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "item_id" uuid NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'open',
                "on_hand" integer NOT NULL,
                "reserved" integer NOT NULL,
                "available" integer NOT NULL,
                "safety_stock" integer NOT NULL,
                "suggested_quantity" integer NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "closed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_low_stock_alerts_closed" CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
                CONSTRAINT "CHK_low_stock_alerts_status" CHECK (status IN ('open', 'closed')),
                CONSTRAINT "PK_low_stock_alerts" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_low_stock_alerts_status" ON "low_stock_alerts" ("status", "opened_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_low_stock_alerts_open" ON "low_stock_alerts" ("item_id")
            WHERE status = 'open'
        `);
    await queryRunner.query(`
            CREATE TABLE "stocktakes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'counting',
                "created_by" uuid NOT NULL,
                "submitted_by" uuid,
                "approved_by" uuid,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_stocktakes_second_person" CHECK (
                    approved_by IS NULL
                    OR approved_by <> submitted_by
                ),
                CONSTRAINT "CHK_stocktakes_status" CHECK (status IN ('counting', 'submitted', 'approved')),
                CONSTRAINT "PK_stocktakes" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_stocktakes_created" ON "stocktakes" ("created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "stocktake_lines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "stocktake_id" uuid NOT NULL,
                "item_id" uuid NOT NULL,
                "book_quantity" integer NOT NULL,
                "counted_quantity" integer,
                "reason" character varying(500),
                "movement_id" uuid,
                CONSTRAINT "CHK_stocktake_lines_counted" CHECK (
                    counted_quantity IS NULL
                    OR counted_quantity >= 0
                ),
                CONSTRAINT "PK_stocktake_lines" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_stocktake_lines_item" ON "stocktake_lines" ("stocktake_id", "item_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_requests"
            ADD CONSTRAINT "FK_supply_requests_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_requests"
            ADD CONSTRAINT "FK_supply_requests_requester" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_request_lines"
            ADD CONSTRAINT "FK_supply_request_lines_request" FOREIGN KEY ("request_id") REFERENCES "supply_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_request_lines"
            ADD CONSTRAINT "FK_supply_request_lines_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issues"
            ADD CONSTRAINT "FK_supply_issues_request" FOREIGN KEY ("request_id") REFERENCES "supply_requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issues"
            ADD CONSTRAINT "FK_supply_issues_issued_by" FOREIGN KEY ("issued_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issues"
            ADD CONSTRAINT "FK_supply_issues_signed_by" FOREIGN KEY ("signed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issue_lines"
            ADD CONSTRAINT "FK_supply_issue_lines_issue" FOREIGN KEY ("issue_id") REFERENCES "supply_issues"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issue_lines"
            ADD CONSTRAINT "FK_supply_issue_lines_line" FOREIGN KEY ("line_id") REFERENCES "supply_request_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issue_lines"
            ADD CONSTRAINT "FK_supply_issue_lines_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "low_stock_alerts"
            ADD CONSTRAINT "FK_low_stock_alerts_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stocktakes"
            ADD CONSTRAINT "FK_stocktakes_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stocktakes"
            ADD CONSTRAINT "FK_stocktakes_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stocktakes"
            ADD CONSTRAINT "FK_stocktakes_approved_by" FOREIGN KEY ("approved_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stocktake_lines"
            ADD CONSTRAINT "FK_stocktake_lines_stocktake" FOREIGN KEY ("stocktake_id") REFERENCES "stocktakes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stocktake_lines"
            ADD CONSTRAINT "FK_stocktake_lines_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "stocktake_lines" DROP CONSTRAINT "FK_stocktake_lines_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "stocktake_lines" DROP CONSTRAINT "FK_stocktake_lines_stocktake"
        `);
    await queryRunner.query(`
            ALTER TABLE "stocktakes" DROP CONSTRAINT "FK_stocktakes_approved_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "stocktakes" DROP CONSTRAINT "FK_stocktakes_submitted_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "stocktakes" DROP CONSTRAINT "FK_stocktakes_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "low_stock_alerts" DROP CONSTRAINT "FK_low_stock_alerts_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issue_lines" DROP CONSTRAINT "FK_supply_issue_lines_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issue_lines" DROP CONSTRAINT "FK_supply_issue_lines_line"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issue_lines" DROP CONSTRAINT "FK_supply_issue_lines_issue"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issues" DROP CONSTRAINT "FK_supply_issues_signed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issues" DROP CONSTRAINT "FK_supply_issues_issued_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_issues" DROP CONSTRAINT "FK_supply_issues_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_request_lines" DROP CONSTRAINT "FK_supply_request_lines_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_request_lines" DROP CONSTRAINT "FK_supply_request_lines_request"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_requests" DROP CONSTRAINT "FK_supply_requests_requester"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_requests" DROP CONSTRAINT "FK_supply_requests_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_stocktake_lines_item"
        `);
    await queryRunner.query(`
            DROP TABLE "stocktake_lines"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_stocktakes_created"
        `);
    await queryRunner.query(`
            DROP TABLE "stocktakes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_low_stock_alerts_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_low_stock_alerts_status"
        `);
    await queryRunner.query(`
            DROP TABLE "low_stock_alerts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_supply_issue_lines_issue"
        `);
    await queryRunner.query(`
            DROP TABLE "supply_issue_lines"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_supply_issues_request"
        `);
    await queryRunner.query(`
            DROP TABLE "supply_issues"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_supply_request_lines_item"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_supply_request_lines_item"
        `);
    await queryRunner.query(`
            DROP TABLE "supply_request_lines"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_supply_requests_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_supply_requests_status"
        `);
    await queryRunner.query(`
            DROP TABLE "supply_requests"
        `);
  }
}
