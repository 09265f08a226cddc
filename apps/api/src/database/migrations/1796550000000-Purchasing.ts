import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** Purchasing (LOG-2–LOG-4): the office runs it; department heads submit their department's demand. */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['logistics.demand.submit', 'logistics.purchasing.manage'],
  'office-clerk': ['logistics.demand.submit', 'logistics.purchasing.manage'],
  'department-head': ['logistics.demand.submit'],
};

export class Purchasing1796550000000 implements MigrationInterface {
  name = 'Purchasing1796550000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "purchasing_settings" (
                "id" smallint NOT NULL,
                "min_quotes" integer NOT NULL DEFAULT '3',
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "CHK_purchasing_settings_min_quotes" CHECK (
                    min_quotes BETWEEN 1 AND 10
                ),
                CONSTRAINT "CHK_purchasing_settings_single" CHECK (id = 1),
                CONSTRAINT "PK_purchasing_settings" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "purchase_demand_windows" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "month" character varying(7) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'open',
                "opened_by" uuid,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_purchase_demand_windows_month" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
                CONSTRAINT "CHK_purchase_demand_windows_status" CHECK (status IN ('open', 'closed')),
                CONSTRAINT "PK_purchase_demand_windows" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_purchase_demand_windows_month" ON "purchase_demand_windows" ("month")
        `);
    await queryRunner.query(`
            CREATE TABLE "purchase_demands" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "window_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                "submitted_by" uuid NOT NULL,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_purchase_demands" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_purchase_demands_department" ON "purchase_demands" ("department_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_purchase_demands_window_department" ON "purchase_demands" ("window_id", "department_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "purchase_demand_lines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "demand_id" uuid NOT NULL,
                "item_id" uuid NOT NULL,
                "quantity" integer NOT NULL,
                "quota" integer,
                "over_quota_reason" character varying(500),
                CONSTRAINT "CHK_purchase_demand_lines_over_quota" CHECK (
                    quota IS NULL
                    OR quantity <= quota
                    OR over_quota_reason IS NOT NULL
                ),
                CONSTRAINT "CHK_purchase_demand_lines_quantity" CHECK (quantity > 0),
                CONSTRAINT "PK_purchase_demand_lines" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_purchase_demand_lines_item" ON "purchase_demand_lines" ("item_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_purchase_demand_lines_item" ON "purchase_demand_lines" ("demand_id", "item_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "purchase_lists" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "window_id" uuid,
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "amount_fen" integer NOT NULL DEFAULT '0',
                "approval_request_id" uuid,
                "created_by" uuid NOT NULL,
                "ordered_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_purchase_lists_amount" CHECK (amount_fen >= 0),
                CONSTRAINT "CHK_purchase_lists_status" CHECK (
                    status IN (
                        'draft',
                        'submitted',
                        'approved',
                        'ordered',
                        'receiving',
                        'received'
                    )
                ),
                CONSTRAINT "PK_purchase_lists" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_purchase_lists_status" ON "purchase_lists" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_purchase_lists_window" ON "purchase_lists" ("window_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "purchase_list_lines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "list_id" uuid NOT NULL,
                "item_id" uuid NOT NULL,
                "specification" character varying(200) NOT NULL,
                "requested_quantity" integer NOT NULL,
                "available_quantity" integer NOT NULL,
                "quantity" integer NOT NULL,
                "chosen_quote_id" uuid,
                "choice_reason" character varying(500),
                "received_quantity" integer NOT NULL DEFAULT '0',
                CONSTRAINT "CHK_purchase_list_lines_received" CHECK (
                    received_quantity >= 0
                    AND received_quantity <= quantity
                ),
                CONSTRAINT "CHK_purchase_list_lines_quantity" CHECK (
                    quantity > 0
                    AND requested_quantity >= quantity
                ),
                CONSTRAINT "PK_purchase_list_lines" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_purchase_list_lines_item" ON "purchase_list_lines" ("item_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_purchase_list_lines_item" ON "purchase_list_lines" ("list_id", "item_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "suppliers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "address" character varying(200) NOT NULL DEFAULT '',
                "note" character varying(500) NOT NULL DEFAULT '',
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_suppliers" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_suppliers_name" ON "suppliers" ("name")
        `);
    await queryRunner.query(`
            CREATE TABLE "supplier_contacts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "supplier_id" uuid NOT NULL,
                "name" character varying(50) NOT NULL,
                "phone" character varying(30) NOT NULL DEFAULT '',
                "email" character varying(200) NOT NULL DEFAULT '',
                "position" character varying(50) NOT NULL DEFAULT '',
                CONSTRAINT "PK_supplier_contacts" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_supplier_contacts_supplier" ON "supplier_contacts" ("supplier_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "purchase_quotes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "line_id" uuid NOT NULL,
                "supplier_id" uuid NOT NULL,
                "model" character varying(200) NOT NULL,
                "unit_price_fen" integer NOT NULL,
                "note" character varying(500) NOT NULL DEFAULT '',
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_purchase_quotes_price" CHECK (unit_price_fen > 0),
                CONSTRAINT "PK_purchase_quotes" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_purchase_quotes_supplier" ON "purchase_quotes" ("supplier_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_purchase_quotes_line_supplier" ON "purchase_quotes" ("line_id", "supplier_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "purchase_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "list_id" uuid NOT NULL,
                "supplier_id" uuid NOT NULL,
                "received_by" uuid NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "note" character varying(500) NOT NULL DEFAULT '',
                CONSTRAINT "PK_purchase_deliveries" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_purchase_deliveries_list" ON "purchase_deliveries" ("list_id", "received_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "purchase_delivery_lines" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "delivery_id" uuid NOT NULL,
                "line_id" uuid NOT NULL,
                "delivered_model" character varying(200) NOT NULL,
                "delivered_quantity" integer NOT NULL,
                "accepted_quantity" integer NOT NULL,
                "mismatches" character varying(20) array NOT NULL DEFAULT '{}',
                "note" character varying(500) NOT NULL DEFAULT '',
                CONSTRAINT "CHK_purchase_delivery_lines_quantity" CHECK (
                    delivered_quantity > 0
                    AND accepted_quantity >= 0
                    AND accepted_quantity <= delivered_quantity
                ),
                CONSTRAINT "PK_purchase_delivery_lines" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_purchase_delivery_lines_line" ON "purchase_delivery_lines" ("line_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_purchase_delivery_lines_delivery" ON "purchase_delivery_lines" ("delivery_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demand_windows"
            ADD CONSTRAINT "FK_purchase_demand_windows_opened_by" FOREIGN KEY ("opened_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demands"
            ADD CONSTRAINT "FK_purchase_demands_window" FOREIGN KEY ("window_id") REFERENCES "purchase_demand_windows"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demands"
            ADD CONSTRAINT "FK_purchase_demands_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demands"
            ADD CONSTRAINT "FK_purchase_demands_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demand_lines"
            ADD CONSTRAINT "FK_purchase_demand_lines_demand" FOREIGN KEY ("demand_id") REFERENCES "purchase_demands"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demand_lines"
            ADD CONSTRAINT "FK_purchase_demand_lines_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_lists"
            ADD CONSTRAINT "FK_purchase_lists_window" FOREIGN KEY ("window_id") REFERENCES "purchase_demand_windows"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_lists"
            ADD CONSTRAINT "FK_purchase_lists_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_list_lines"
            ADD CONSTRAINT "FK_purchase_list_lines_list" FOREIGN KEY ("list_id") REFERENCES "purchase_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_list_lines"
            ADD CONSTRAINT "FK_purchase_list_lines_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_list_lines"
            ADD CONSTRAINT "FK_purchase_list_lines_chosen_quote" FOREIGN KEY ("chosen_quote_id") REFERENCES "purchase_quotes"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supplier_contacts"
            ADD CONSTRAINT "FK_supplier_contacts_supplier" FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_quotes"
            ADD CONSTRAINT "FK_purchase_quotes_line" FOREIGN KEY ("line_id") REFERENCES "purchase_list_lines"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_quotes"
            ADD CONSTRAINT "FK_purchase_quotes_supplier" FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_quotes"
            ADD CONSTRAINT "FK_purchase_quotes_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_deliveries"
            ADD CONSTRAINT "FK_purchase_deliveries_list" FOREIGN KEY ("list_id") REFERENCES "purchase_lists"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_deliveries"
            ADD CONSTRAINT "FK_purchase_deliveries_supplier" FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_deliveries"
            ADD CONSTRAINT "FK_purchase_deliveries_received_by" FOREIGN KEY ("received_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_delivery_lines"
            ADD CONSTRAINT "FK_purchase_delivery_lines_delivery" FOREIGN KEY ("delivery_id") REFERENCES "purchase_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_delivery_lines"
            ADD CONSTRAINT "FK_purchase_delivery_lines_line" FOREIGN KEY ("line_id") REFERENCES "purchase_list_lines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`INSERT INTO purchasing_settings (id, min_quotes) VALUES (1, 3) ON CONFLICT (id) DO NOTHING`);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "purchase_delivery_lines" DROP CONSTRAINT "FK_purchase_delivery_lines_line"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_delivery_lines" DROP CONSTRAINT "FK_purchase_delivery_lines_delivery"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_deliveries" DROP CONSTRAINT "FK_purchase_deliveries_received_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_deliveries" DROP CONSTRAINT "FK_purchase_deliveries_supplier"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_deliveries" DROP CONSTRAINT "FK_purchase_deliveries_list"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_quotes" DROP CONSTRAINT "FK_purchase_quotes_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_quotes" DROP CONSTRAINT "FK_purchase_quotes_supplier"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_quotes" DROP CONSTRAINT "FK_purchase_quotes_line"
        `);
    await queryRunner.query(`
            ALTER TABLE "supplier_contacts" DROP CONSTRAINT "FK_supplier_contacts_supplier"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_list_lines" DROP CONSTRAINT "FK_purchase_list_lines_chosen_quote"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_list_lines" DROP CONSTRAINT "FK_purchase_list_lines_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_list_lines" DROP CONSTRAINT "FK_purchase_list_lines_list"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_lists" DROP CONSTRAINT "FK_purchase_lists_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_lists" DROP CONSTRAINT "FK_purchase_lists_window"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demand_lines" DROP CONSTRAINT "FK_purchase_demand_lines_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demand_lines" DROP CONSTRAINT "FK_purchase_demand_lines_demand"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demands" DROP CONSTRAINT "FK_purchase_demands_submitted_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demands" DROP CONSTRAINT "FK_purchase_demands_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demands" DROP CONSTRAINT "FK_purchase_demands_window"
        `);
    await queryRunner.query(`
            ALTER TABLE "purchase_demand_windows" DROP CONSTRAINT "FK_purchase_demand_windows_opened_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_purchase_delivery_lines_delivery"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_purchase_delivery_lines_line"
        `);
    await queryRunner.query(`
            DROP TABLE "purchase_delivery_lines"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_purchase_deliveries_list"
        `);
    await queryRunner.query(`
            DROP TABLE "purchase_deliveries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_purchase_quotes_line_supplier"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_purchase_quotes_supplier"
        `);
    await queryRunner.query(`
            DROP TABLE "purchase_quotes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_supplier_contacts_supplier"
        `);
    await queryRunner.query(`
            DROP TABLE "supplier_contacts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_suppliers_name"
        `);
    await queryRunner.query(`
            DROP TABLE "suppliers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_purchase_list_lines_item"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_purchase_list_lines_item"
        `);
    await queryRunner.query(`
            DROP TABLE "purchase_list_lines"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_purchase_lists_window"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_purchase_lists_status"
        `);
    await queryRunner.query(`
            DROP TABLE "purchase_lists"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_purchase_demand_lines_item"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_purchase_demand_lines_item"
        `);
    await queryRunner.query(`
            DROP TABLE "purchase_demand_lines"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_purchase_demands_window_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_purchase_demands_department"
        `);
    await queryRunner.query(`
            DROP TABLE "purchase_demands"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_purchase_demand_windows_month"
        `);
    await queryRunner.query(`
            DROP TABLE "purchase_demand_windows"
        `);
    await queryRunner.query(`
            DROP TABLE "purchasing_settings"
        `);
  }
}
