import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** Everyone requests supplies for their department; the storekeeper keeps the store; the director also approves stocktake variances. */
const REQUEST = ['logistics.supplies.request'];
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': [...REQUEST, 'logistics.supplies.manage', 'logistics.supplies.stocktake.approve'],
  storekeeper: [...REQUEST, 'logistics.supplies.manage'],
  'office-clerk': REQUEST,
  'school-leader': REQUEST,
  'department-head': REQUEST,
  staff: REQUEST,
  'seal-custodian': REQUEST,
  archivist: REQUEST,
  'maintenance-worker': REQUEST,
};

/** The supplies catalogue and the append-only stock ledger (LOG-1, LOG-4–LOG-8, LOG-11). */
export class SuppliesLedger1796540000000 implements MigrationInterface {
  name = 'SuppliesLedger1796540000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "supply_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "specification" character varying(200) NOT NULL DEFAULT '',
                "unit" character varying(20) NOT NULL,
                "category" character varying(50) NOT NULL,
                "consumable" boolean NOT NULL DEFAULT true,
                "safety_stock" integer NOT NULL DEFAULT '0',
                "alerts_excluded" boolean NOT NULL DEFAULT false,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_supply_items_safety_stock" CHECK (safety_stock >= 0),
                CONSTRAINT "PK_supply_items" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_supply_items_category" ON "supply_items" ("category", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "supply_item_quotas" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "item_id" uuid NOT NULL,
                "department_id" uuid NOT NULL,
                "monthly_quantity" integer NOT NULL,
                CONSTRAINT "CHK_supply_item_quotas_quantity" CHECK (monthly_quantity > 0),
                CONSTRAINT "PK_supply_item_quotas" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_supply_item_quotas_department" ON "supply_item_quotas" ("department_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_supply_item_quotas_item_department" ON "supply_item_quotas" ("item_id", "department_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "stock_balances" (
                "item_id" uuid NOT NULL,
                "on_hand" integer NOT NULL DEFAULT '0',
                "reserved" integer NOT NULL DEFAULT '0',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_stock_balances_reserved" CHECK (reserved >= 0),
                CONSTRAINT "CHK_stock_balances_on_hand" CHECK (on_hand >= 0),
                CONSTRAINT "PK_stock_balances" PRIMARY KEY ("item_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "stock_movements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seq" BIGSERIAL NOT NULL,
                "item_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "quantity" integer NOT NULL,
                "on_hand_after" integer NOT NULL,
                "reserved_after" integer NOT NULL,
                "reason" character varying(500) NOT NULL,
                "department_id" uuid,
                "source_type" character varying(60),
                "source_id" character varying(100),
                "actor_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_stock_movements_after" CHECK (
                    on_hand_after >= 0
                    AND reserved_after >= 0
                ),
                CONSTRAINT "CHK_stock_movements_quantity" CHECK (
                    (
                        kind = 'adjustment'
                        AND quantity <> 0
                    )
                    OR quantity > 0
                ),
                CONSTRAINT "CHK_stock_movements_kind" CHECK (
                    kind IN (
                        'in',
                        'out',
                        'adjustment',
                        'return',
                        'reservation',
                        'release'
                    )
                ),
                CONSTRAINT "PK_stock_movements" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_stock_movements_source" ON "stock_movements" ("source_type", "source_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_stock_movements_department" ON "stock_movements" ("department_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_stock_movements_item" ON "stock_movements" ("item_id", "seq")
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_item_quotas"
            ADD CONSTRAINT "FK_supply_item_quotas_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_item_quotas"
            ADD CONSTRAINT "FK_supply_item_quotas_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stock_balances"
            ADD CONSTRAINT "FK_stock_balances_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stock_movements"
            ADD CONSTRAINT "FK_stock_movements_item" FOREIGN KEY ("item_id") REFERENCES "supply_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stock_movements"
            ADD CONSTRAINT "FK_stock_movements_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "stock_movements"
            ADD CONSTRAINT "FK_stock_movements_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // The ledger is append-only: a correction is a new movement, never an edit.
    await queryRunner.query(`
            CREATE FUNCTION stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'stock_movements is append-only' USING ERRCODE = 'restrict_violation';
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "TRG_stock_movements_append_only" BEFORE UPDATE OR DELETE ON "stock_movements"
            FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only()
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`DROP TRIGGER "TRG_stock_movements_append_only" ON "stock_movements"`);
    await queryRunner.query(`DROP FUNCTION stock_movements_append_only()`);
    await queryRunner.query(`
            ALTER TABLE "stock_movements" DROP CONSTRAINT "FK_stock_movements_actor"
        `);
    await queryRunner.query(`
            ALTER TABLE "stock_movements" DROP CONSTRAINT "FK_stock_movements_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "stock_movements" DROP CONSTRAINT "FK_stock_movements_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "stock_balances" DROP CONSTRAINT "FK_stock_balances_item"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_item_quotas" DROP CONSTRAINT "FK_supply_item_quotas_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "supply_item_quotas" DROP CONSTRAINT "FK_supply_item_quotas_item"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_stock_movements_item"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_stock_movements_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_stock_movements_source"
        `);
    await queryRunner.query(`
            DROP TABLE "stock_movements"
        `);
    await queryRunner.query(`
            DROP TABLE "stock_balances"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_supply_item_quotas_item_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_supply_item_quotas_department"
        `);
    await queryRunner.query(`
            DROP TABLE "supply_item_quotas"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_supply_items_category"
        `);
    await queryRunner.query(`
            DROP TABLE "supply_items"
        `);
  }
}
