import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The outgoing-document permissions of the built-in roles, as libs/shared roles.ts grants them. */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': [
    'documents.outgoing.draft',
    'documents.outgoing.review',
    'documents.outgoing.read-all',
    'documents.outgoing.prefixes.manage',
  ],
  'office-clerk': ['documents.outgoing.draft', 'documents.outgoing.review', 'documents.outgoing.read-all'],
  'school-leader': ['documents.outgoing.draft'],
  'department-head': ['documents.outgoing.draft'],
  staff: ['documents.outgoing.draft'],
};

/**
 * Outgoing documents (发文, DOC-7): the school's 机关代字, the counter of gap-free 发文字号 per
 * 代字 and year and the log of every number's fate, the documents with GB/T 9704's elements,
 * their flow history, countersigners and distribution list; their filing (DOC-11) and destruction
 * (DOC-10) marks, linked to the destruction lists of platform/retention. By hand: the new permissions for the
 * built-in roles of schools that already exist (the seed only fills a fresh database).
 */
export class OutgoingDocuments1796410111573 implements MigrationInterface {
  name = 'OutgoingDocuments1796410111573';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outgoing_number_prefixes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(20) NOT NULL,
                "name" character varying(100) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_94300a117b3768ee8ce1718998a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_outgoing_number_prefixes_code" ON "outgoing_number_prefixes" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "outgoing_number_counters" (
                "prefix_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "last_seq" integer NOT NULL DEFAULT '0',
                CONSTRAINT "CHK_outgoing_number_counters_last" CHECK (last_seq >= 0),
                CONSTRAINT "PK_e80dc5f1f81100dd53444834ea9" PRIMARY KEY ("prefix_id", "year")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "outgoing_number_log" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "prefix_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "seq" integer NOT NULL,
                "number" character varying(40) NOT NULL,
                "fate" character varying(10) NOT NULL,
                "document_id" uuid,
                "reason" text,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_outgoing_number_log_reason" CHECK (
                    fate = 'used'
                    OR reason IS NOT NULL
                ),
                CONSTRAINT "CHK_outgoing_number_log_used" CHECK ((fate = 'used') = (document_id IS NOT NULL)),
                CONSTRAINT "CHK_outgoing_number_log_fate" CHECK (fate IN ('used', 'reserved', 'voided')),
                CONSTRAINT "PK_d956e2cb45607907d1b8e453ebe" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_outgoing_number_log_number" ON "outgoing_number_log" ("prefix_id", "year", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "outgoing_documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "status" character varying(20) NOT NULL,
                "doc_type" character varying(20) NOT NULL,
                "direction" character varying(10) NOT NULL,
                "copy_number" character varying(10),
                "secrecy" character varying(20) NOT NULL DEFAULT 'none',
                "secrecy_period" character varying(30),
                "urgency" character varying(20) NOT NULL DEFAULT 'normal',
                "issuer_mark" character varying(100),
                "prefix_id" uuid,
                "year" integer,
                "seq" integer,
                "number" character varying(40),
                "signers" text array NOT NULL DEFAULT '{}',
                "title" character varying(300) NOT NULL,
                "main_recipients" text array NOT NULL DEFAULT '{}',
                "body" text,
                "body_file_id" uuid,
                "attachment_note" text,
                "written_on" date,
                "remark" text,
                "cc_recipients" text array NOT NULL DEFAULT '{}',
                "printing_org" character varying(100),
                "printed_on" date,
                "copies" integer NOT NULL DEFAULT '1',
                "retention" character varying(20) NOT NULL,
                "department_id" uuid,
                "drafter_id" uuid,
                "signoff_request_id" uuid,
                "signed_by" uuid,
                "signed_at" TIMESTAMP WITH TIME ZONE,
                "signoff_opinion" text,
                "signoff_round" integer NOT NULL DEFAULT '0',
                "return_reason" text,
                "ready_to_file_at" TIMESTAMP WITH TIME ZONE,
                "filed_at" TIMESTAMP WITH TIME ZONE,
                "archive_ref" character varying(60),
                "destroyed_at" TIMESTAMP WITH TIME ZONE,
                "destruction_list_id" uuid,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_outgoing_documents_copies" CHECK (copies >= 1),
                CONSTRAINT "CHK_outgoing_documents_direction" CHECK (direction IN ('upward', 'parallel', 'downward')),
                CONSTRAINT "CHK_outgoing_documents_urgency" CHECK (urgency IN ('extra-urgent', 'urgent', 'normal')),
                CONSTRAINT "CHK_outgoing_documents_secrecy" CHECK (
                    secrecy IN ('none', 'secret', 'confidential', 'top-secret')
                ),
                CONSTRAINT "CHK_outgoing_documents_numbered" CHECK (
                    (number IS NULL) = (seq IS NULL)
                    AND (seq IS NULL) = (year IS NULL)
                    AND (year IS NULL) = (prefix_id IS NULL)
                ),
                CONSTRAINT "PK_a71ecca30205a88c57826bde5fa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outgoing_documents_created" ON "outgoing_documents" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outgoing_documents_drafter" ON "outgoing_documents" ("drafter_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outgoing_documents_status" ON "outgoing_documents" ("status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_outgoing_documents_number" ON "outgoing_documents" ("prefix_id", "year", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "outgoing_document_steps" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "action" character varying(30) NOT NULL,
                "from_status" character varying(20) NOT NULL,
                "to_status" character varying(20) NOT NULL,
                "actor_id" uuid,
                "note" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f7350603c25c1f9cd54b5de4daf" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outgoing_document_steps_document" ON "outgoing_document_steps" ("document_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "outgoing_document_countersigns" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "department_id" uuid,
                "user_id" uuid NOT NULL,
                "round" integer NOT NULL DEFAULT '1',
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "opinion" text,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_outgoing_document_countersigns_status" CHECK (status IN ('pending', 'agreed', 'disagreed')),
                CONSTRAINT "PK_620c7c2377b46f29f6973cd0385" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outgoing_document_countersigns_user" ON "outgoing_document_countersigns" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outgoing_document_countersigns_document" ON "outgoing_document_countersigns" ("document_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "outgoing_document_distributions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "kind" character varying(10) NOT NULL,
                "department_id" uuid,
                "org_name" character varying(200),
                "copies" integer NOT NULL DEFAULT '1',
                "method" character varying(10),
                "distributed_at" TIMESTAMP WITH TIME ZONE,
                "distributed_by" uuid,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "confirmed_by" uuid,
                "receipt_name" character varying(60),
                CONSTRAINT "CHK_outgoing_document_distributions_copies" CHECK (copies >= 1),
                CONSTRAINT "CHK_outgoing_document_distributions_kind" CHECK (kind IN ('main', 'cc', 'internal')),
                CONSTRAINT "CHK_outgoing_document_distributions_recipient" CHECK ((department_id IS NULL) <> (org_name IS NULL)),
                CONSTRAINT "PK_ab507c27c26c98a6362dff28bbc" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outgoing_document_distributions_department" ON "outgoing_document_distributions" ("department_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_outgoing_document_distributions_document" ON "outgoing_document_distributions" ("document_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_number_counters"
            ADD CONSTRAINT "FK_outgoing_number_counters_prefix" FOREIGN KEY ("prefix_id") REFERENCES "outgoing_number_prefixes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_number_log"
            ADD CONSTRAINT "FK_outgoing_number_log_prefix" FOREIGN KEY ("prefix_id") REFERENCES "outgoing_number_prefixes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_number_log"
            ADD CONSTRAINT "FK_outgoing_number_log_document" FOREIGN KEY ("document_id") REFERENCES "outgoing_documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_number_log"
            ADD CONSTRAINT "FK_outgoing_number_log_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents"
            ADD CONSTRAINT "FK_outgoing_documents_prefix" FOREIGN KEY ("prefix_id") REFERENCES "outgoing_number_prefixes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents"
            ADD CONSTRAINT "FK_outgoing_documents_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents"
            ADD CONSTRAINT "FK_outgoing_documents_drafter" FOREIGN KEY ("drafter_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents"
            ADD CONSTRAINT "FK_outgoing_documents_signed_by" FOREIGN KEY ("signed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    // DOC-10: the destruction list (platform/retention, migration Retention, which runs before this one).
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents"
            ADD CONSTRAINT "FK_outgoing_documents_destruction_list" FOREIGN KEY ("destruction_list_id") REFERENCES "destruction_lists"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_steps"
            ADD CONSTRAINT "FK_outgoing_document_steps_document" FOREIGN KEY ("document_id") REFERENCES "outgoing_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_steps"
            ADD CONSTRAINT "FK_outgoing_document_steps_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_countersigns"
            ADD CONSTRAINT "FK_outgoing_document_countersigns_document" FOREIGN KEY ("document_id") REFERENCES "outgoing_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_countersigns"
            ADD CONSTRAINT "FK_outgoing_document_countersigns_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_countersigns"
            ADD CONSTRAINT "FK_outgoing_document_countersigns_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_distributions"
            ADD CONSTRAINT "FK_outgoing_document_distributions_document" FOREIGN KEY ("document_id") REFERENCES "outgoing_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_distributions"
            ADD CONSTRAINT "FK_outgoing_document_distributions_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_distributions"
            ADD CONSTRAINT "FK_outgoing_document_distributions_distributed_by" FOREIGN KEY ("distributed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_distributions"
            ADD CONSTRAINT "FK_outgoing_document_distributions_confirmed_by" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_distributions" DROP CONSTRAINT "FK_outgoing_document_distributions_confirmed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_distributions" DROP CONSTRAINT "FK_outgoing_document_distributions_distributed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_distributions" DROP CONSTRAINT "FK_outgoing_document_distributions_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_distributions" DROP CONSTRAINT "FK_outgoing_document_distributions_document"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_countersigns" DROP CONSTRAINT "FK_outgoing_document_countersigns_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_countersigns" DROP CONSTRAINT "FK_outgoing_document_countersigns_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_countersigns" DROP CONSTRAINT "FK_outgoing_document_countersigns_document"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_steps" DROP CONSTRAINT "FK_outgoing_document_steps_actor"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_document_steps" DROP CONSTRAINT "FK_outgoing_document_steps_document"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents" DROP CONSTRAINT "FK_outgoing_documents_destruction_list"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents" DROP CONSTRAINT "FK_outgoing_documents_signed_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents" DROP CONSTRAINT "FK_outgoing_documents_drafter"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents" DROP CONSTRAINT "FK_outgoing_documents_department"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_documents" DROP CONSTRAINT "FK_outgoing_documents_prefix"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_number_log" DROP CONSTRAINT "FK_outgoing_number_log_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_number_log" DROP CONSTRAINT "FK_outgoing_number_log_document"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_number_log" DROP CONSTRAINT "FK_outgoing_number_log_prefix"
        `);
    await queryRunner.query(`
            ALTER TABLE "outgoing_number_counters" DROP CONSTRAINT "FK_outgoing_number_counters_prefix"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outgoing_document_distributions_document"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outgoing_document_distributions_department"
        `);
    await queryRunner.query(`
            DROP TABLE "outgoing_document_distributions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outgoing_document_countersigns_document"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outgoing_document_countersigns_user"
        `);
    await queryRunner.query(`
            DROP TABLE "outgoing_document_countersigns"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outgoing_document_steps_document"
        `);
    await queryRunner.query(`
            DROP TABLE "outgoing_document_steps"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_outgoing_documents_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outgoing_documents_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outgoing_documents_drafter"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_outgoing_documents_created"
        `);
    await queryRunner.query(`
            DROP TABLE "outgoing_documents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_outgoing_number_log_number"
        `);
    await queryRunner.query(`
            DROP TABLE "outgoing_number_log"
        `);
    await queryRunner.query(`
            DROP TABLE "outgoing_number_counters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_outgoing_number_prefixes_code"
        `);
    await queryRunner.query(`
            DROP TABLE "outgoing_number_prefixes"
        `);
  }
}
