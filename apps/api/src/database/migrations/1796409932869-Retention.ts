import { MigrationInterface, QueryRunner } from 'typeorm';

export class Retention1796409932869 implements MigrationInterface {
  name = 'Retention1796409932869';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "destruction_lists" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "status" character varying(20) NOT NULL,
                "as_of" date NOT NULL,
                "created_by" uuid,
                "approval_request_id" uuid,
                "decision_comment" text,
                "method" character varying(20),
                "destroyed_on" date,
                "location" character varying(200),
                "note" text,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "completed_by" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_destruction_lists_completed" CHECK (
                    (status = 'completed') = (completed_at IS NOT NULL)
                ),
                CONSTRAINT "CHK_destruction_lists_method" CHECK (
                    method IS NULL
                    OR method IN ('burn', 'shred', 'pulp', 'degauss')
                ),
                CONSTRAINT "CHK_destruction_lists_status" CHECK (
                    status IN (
                        'draft',
                        'pending',
                        'approved',
                        'rejected',
                        'completed'
                    )
                ),
                CONSTRAINT "PK_7aa7c5e58ab20ef461ade99753f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_destruction_lists_status" ON "destruction_lists" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "destruction_list_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "list_id" uuid NOT NULL,
                "record_kind" character varying(60) NOT NULL,
                "record_id" uuid NOT NULL,
                "number" character varying(60),
                "title" character varying(300) NOT NULL,
                "retention" character varying(30) NOT NULL,
                "due_on" date NOT NULL,
                "secrecy" character varying(20) NOT NULL DEFAULT 'none',
                CONSTRAINT "PK_914064d5806bca11c388a3803a3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_destruction_list_items_record" ON "destruction_list_items" ("record_kind", "record_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_destruction_list_items_record" ON "destruction_list_items" ("list_id", "record_kind", "record_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "destruction_witnesses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "list_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_7e44b8473a688a4399ccf42569f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_destruction_witnesses_user" ON "destruction_witnesses" ("list_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "document_inventories" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "period" character varying(7) NOT NULL,
                "status" character varying(10) NOT NULL,
                "opened_by" uuid,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "closed_by" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_document_inventories_closed" CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
                CONSTRAINT "CHK_document_inventories_status" CHECK (status IN ('open', 'closed')),
                CONSTRAINT "PK_9c5bcb92be18c1224c00bc3469d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_document_inventories_period" ON "document_inventories" ("period")
        `);
    await queryRunner.query(`
            CREATE TABLE "document_inventory_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inventory_id" uuid NOT NULL,
                "record_kind" character varying(60),
                "record_id" uuid,
                "number" character varying(60),
                "title" character varying(300) NOT NULL,
                "copies" integer NOT NULL DEFAULT '1',
                "secrecy" character varying(20) NOT NULL DEFAULT 'none',
                "expected" boolean NOT NULL,
                "counted_at" TIMESTAMP WITH TIME ZONE,
                "counted_by" uuid,
                "damaged" boolean NOT NULL DEFAULT false,
                "damage_note" text,
                "remedy" character varying(20),
                "remedy_note" text,
                "remedied_at" TIMESTAMP WITH TIME ZONE,
                "note" text,
                CONSTRAINT "CHK_document_inventory_items_remedy" CHECK (
                    remedy IS NULL
                    OR (
                        damaged
                        AND remedy IN ('repaired', 'copied')
                    )
                ),
                CONSTRAINT "CHK_document_inventory_items_extra" CHECK (
                    expected
                    OR counted_at IS NOT NULL
                ),
                CONSTRAINT "CHK_document_inventory_items_record" CHECK ((record_kind IS NULL) = (record_id IS NULL)),
                CONSTRAINT "PK_377f646d628dbb6b4db8fea5f34" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_document_inventory_items_inventory" ON "document_inventory_items" ("inventory_id", "expected")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_document_inventory_items_record" ON "document_inventory_items" ("inventory_id", "record_kind", "record_id")
            WHERE record_id IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents"
            ADD "ready_to_file_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents"
            ADD "archive_ref" character varying(60)
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents"
            ADD "destroyed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents"
            ADD "destruction_list_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents"
            ADD CONSTRAINT "FK_incoming_documents_destruction_list" FOREIGN KEY ("destruction_list_id") REFERENCES "destruction_lists"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_lists"
            ADD CONSTRAINT "FK_destruction_lists_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_lists"
            ADD CONSTRAINT "FK_destruction_lists_completed_by" FOREIGN KEY ("completed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_list_items"
            ADD CONSTRAINT "FK_destruction_list_items_list" FOREIGN KEY ("list_id") REFERENCES "destruction_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_witnesses"
            ADD CONSTRAINT "FK_destruction_witnesses_list" FOREIGN KEY ("list_id") REFERENCES "destruction_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_witnesses"
            ADD CONSTRAINT "FK_destruction_witnesses_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_inventories"
            ADD CONSTRAINT "FK_document_inventories_opened_by" FOREIGN KEY ("opened_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_inventories"
            ADD CONSTRAINT "FK_document_inventories_closed_by" FOREIGN KEY ("closed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_inventory_items"
            ADD CONSTRAINT "FK_document_inventory_items_inventory" FOREIGN KEY ("inventory_id") REFERENCES "document_inventories"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "document_inventory_items"
            ADD CONSTRAINT "FK_document_inventory_items_counted_by" FOREIGN KEY ("counted_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "document_inventory_items" DROP CONSTRAINT "FK_document_inventory_items_counted_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_inventory_items" DROP CONSTRAINT "FK_document_inventory_items_inventory"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_inventories" DROP CONSTRAINT "FK_document_inventories_closed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_inventories" DROP CONSTRAINT "FK_document_inventories_opened_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_witnesses" DROP CONSTRAINT "FK_destruction_witnesses_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_witnesses" DROP CONSTRAINT "FK_destruction_witnesses_list"
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_list_items" DROP CONSTRAINT "FK_destruction_list_items_list"
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_lists" DROP CONSTRAINT "FK_destruction_lists_completed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "destruction_lists" DROP CONSTRAINT "FK_destruction_lists_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents" DROP CONSTRAINT "FK_incoming_documents_destruction_list"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents" DROP COLUMN "destruction_list_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents" DROP COLUMN "destroyed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents" DROP COLUMN "archive_ref"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents" DROP COLUMN "ready_to_file_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_document_inventory_items_record"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_document_inventory_items_inventory"
        `);
    await queryRunner.query(`
            DROP TABLE "document_inventory_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_document_inventories_period"
        `);
    await queryRunner.query(`
            DROP TABLE "document_inventories"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_destruction_witnesses_user"
        `);
    await queryRunner.query(`
            DROP TABLE "destruction_witnesses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_destruction_list_items_record"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_destruction_list_items_record"
        `);
    await queryRunner.query(`
            DROP TABLE "destruction_list_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_destruction_lists_status"
        `);
    await queryRunner.query(`
            DROP TABLE "destruction_lists"
        `);
  }
}
