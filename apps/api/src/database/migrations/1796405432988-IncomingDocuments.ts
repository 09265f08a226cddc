import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The documents permissions of the built-in roles, as libs/shared roles.ts grants them. */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['documents.incoming.register', 'documents.incoming.read-all', 'documents.incoming.route'],
  'office-clerk': ['documents.incoming.register', 'documents.incoming.read-all', 'documents.incoming.route'],
  'school-leader': ['documents.incoming.instruct', 'documents.incoming.handle'],
  'department-head': ['documents.incoming.handle'],
  staff: ['documents.incoming.handle'],
};

/**
 * Incoming documents (收文, DOC-1 to DOC-6, DOC-8): the per-year counter of gap-free internal
 * numbers, the documents with their flow status, and their transfers (one lead per document).
 * By hand: the GIN index on the character bigrams that makes 2-character Chinese search fast, and
 * the new permissions for the built-in roles of schools that already exist (the seed only fills a
 * fresh database; a permission that did not exist cannot have been removed on purpose).
 */
export class IncomingDocuments1796405432988 implements MigrationInterface {
  name = 'IncomingDocuments1796405432988';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "incoming_document_counters" (
                "year" integer NOT NULL,
                "last_seq" integer NOT NULL DEFAULT '0',
                CONSTRAINT "CHK_incoming_document_counters_last" CHECK (last_seq >= 0),
                CONSTRAINT "PK_e1da68a6ea5bb0a8b0196e01db7" PRIMARY KEY ("year")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "incoming_documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "year" integer,
                "seq" integer,
                "number" character varying(30),
                "sender_number" character varying(100),
                "title" character varying(300) NOT NULL,
                "source_org" character varying(200) NOT NULL,
                "doc_type" character varying(20) NOT NULL,
                "secrecy" character varying(20) NOT NULL DEFAULT 'none',
                "secrecy_period" character varying(30),
                "urgency" character varying(20) NOT NULL DEFAULT 'normal',
                "urgency_rank" smallint NOT NULL DEFAULT '2',
                "copy_number" character varying(10),
                "copies" integer NOT NULL DEFAULT '1',
                "pages" integer NOT NULL DEFAULT '0',
                "written_on" date,
                "received_on" date NOT NULL,
                "signed_for_by" character varying(60) NOT NULL,
                "retention" character varying(20) NOT NULL,
                "major" boolean NOT NULL DEFAULT false,
                "major_status" character varying(20),
                "major_request_id" uuid,
                "major_instruction" text,
                "status" character varying(20) NOT NULL,
                "responsible_id" uuid,
                "department_id" uuid,
                "registered_by" uuid,
                "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "review_note" text,
                "return_reason" text,
                "proposal" text,
                "leader_id" uuid,
                "instruction" text,
                "handling_due_on" date,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "filed_at" TIMESTAMP WITH TIME ZONE,
                "search_bigrams" text array NOT NULL DEFAULT '{}',
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_incoming_documents_copy_number" CHECK (
                    secrecy <> 'none'
                    OR copy_number IS NULL
                ),
                CONSTRAINT "CHK_incoming_documents_copies" CHECK (
                    copies >= 1
                    AND pages >= 0
                ),
                CONSTRAINT "CHK_incoming_documents_seq" CHECK (seq >= 1),
                CONSTRAINT "CHK_incoming_documents_numbered" CHECK ((number IS NULL) = (status = 'signed-for') AND (number IS NULL) = (seq IS NULL) AND (seq IS NULL) = (year IS NULL)),
                CONSTRAINT "CHK_incoming_documents_secrecy" CHECK (secrecy IN ('none', 'secret', 'confidential', 'top-secret')),
                CONSTRAINT "CHK_incoming_documents_urgency" CHECK (urgency IN ('extra-urgent', 'urgent', 'normal')),
                CONSTRAINT "CHK_incoming_documents_major" CHECK (major = (major_status IS NOT NULL)),
                CONSTRAINT "PK_bad83b2a0ab1e5504844a4ace29" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_incoming_documents_status" ON "incoming_documents" ("status")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_incoming_documents_intake" ON "incoming_documents" ("registered_at", "urgency_rank")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_incoming_documents_year_seq" ON "incoming_documents" ("year", "seq")
        `);
    // Not expressible on the entity: a GIN index over the bigram array, for `search_bigrams @> …`.
    await queryRunner.query(`
            CREATE INDEX "IDX_incoming_documents_bigrams" ON "incoming_documents" USING gin ("search_bigrams")
        `);
    await queryRunner.query(`
            CREATE TABLE "incoming_document_routes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "department_id" uuid,
                "user_id" uuid,
                "lead" boolean NOT NULL DEFAULT false,
                "method" character varying(10) NOT NULL,
                "note" text,
                "routed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "routed_by" uuid,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "confirmed_by" uuid,
                "opinion" text,
                "handled_at" TIMESTAMP WITH TIME ZONE,
                "handled_by" uuid,
                "reminded_before_at" TIMESTAMP WITH TIME ZONE,
                "reminded_overdue_on" date,
                CONSTRAINT "CHK_incoming_document_routes_method" CHECK (method IN ('system', 'email', 'paper')),
                CONSTRAINT "CHK_incoming_document_routes_receiver" CHECK ((user_id IS NULL) <> (department_id IS NULL)),
                CONSTRAINT "PK_8d803846633e24f5a991a4f9a97" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_incoming_document_routes_lead" ON "incoming_document_routes" ("document_id")
            WHERE lead
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_incoming_document_routes_department" ON "incoming_document_routes" ("department_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_incoming_document_routes_user" ON "incoming_document_routes" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_incoming_document_routes_document" ON "incoming_document_routes" ("document_id", "routed_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents"
            ADD CONSTRAINT "FK_incoming_documents_responsible" FOREIGN KEY ("responsible_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents"
            ADD CONSTRAINT "FK_incoming_documents_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents"
            ADD CONSTRAINT "FK_incoming_documents_registered_by" FOREIGN KEY ("registered_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents"
            ADD CONSTRAINT "FK_incoming_documents_leader" FOREIGN KEY ("leader_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes"
            ADD CONSTRAINT "FK_incoming_document_routes_document" FOREIGN KEY ("document_id") REFERENCES "incoming_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes"
            ADD CONSTRAINT "FK_incoming_document_routes_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes"
            ADD CONSTRAINT "FK_incoming_document_routes_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes"
            ADD CONSTRAINT "FK_incoming_document_routes_routed_by" FOREIGN KEY ("routed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes"
            ADD CONSTRAINT "FK_incoming_document_routes_confirmed_by" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes"
            ADD CONSTRAINT "FK_incoming_document_routes_handled_by" FOREIGN KEY ("handled_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes" DROP CONSTRAINT "FK_incoming_document_routes_handled_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes" DROP CONSTRAINT "FK_incoming_document_routes_confirmed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes" DROP CONSTRAINT "FK_incoming_document_routes_routed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes" DROP CONSTRAINT "FK_incoming_document_routes_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes" DROP CONSTRAINT "FK_incoming_document_routes_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_document_routes" DROP CONSTRAINT "FK_incoming_document_routes_document"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents" DROP CONSTRAINT "FK_incoming_documents_leader"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents" DROP CONSTRAINT "FK_incoming_documents_registered_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents" DROP CONSTRAINT "FK_incoming_documents_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "incoming_documents" DROP CONSTRAINT "FK_incoming_documents_responsible"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_incoming_document_routes_document"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_incoming_document_routes_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_incoming_document_routes_department"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_incoming_document_routes_lead"
        `);
    await queryRunner.query(`
            DROP TABLE "incoming_document_routes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_incoming_documents_year_seq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_incoming_documents_intake"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_incoming_documents_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_incoming_documents_bigrams"
        `);
    await queryRunner.query(`
            DROP TABLE "incoming_documents"
        `);
    await queryRunner.query(`
            DROP TABLE "incoming_document_counters"
        `);
  }
}
