import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files (PLT-5) and object access (REQ-3): stored files owned by objects (or drafts of their
 * uploader), with their SHA-256 and, for classified objects, the IV and GCM tag of their
 * encryption (the key is never in the database); and need-to-know grants.
 */

export class FilesAndAccess1796403967835 implements MigrationInterface {
  name = 'FilesAndAccess1796403967835';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "access_grants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "object_type" character varying(60) NOT NULL,
                "object_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "reason" character varying(20) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "granted_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_access_grants_reason" CHECK (
                    reason IN ('recipient', 'router', 'loan', 'attendee')
                ),
                CONSTRAINT "PK_451012952c6aa19c9f6e4ddcc19" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_access_grants_user" ON "access_grants" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_access_grants_object_user_reason" ON "access_grants" ("object_type", "object_id", "user_id", "reason")
        `);
    await queryRunner.query(`
            CREATE TABLE "files" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "owner_type" character varying(60) NOT NULL,
                "owner_id" uuid NOT NULL,
                "original_name" character varying(255) NOT NULL,
                "content_type" character varying(120) NOT NULL,
                "size" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "storage_key" character varying(200) NOT NULL,
                "encrypted" boolean NOT NULL DEFAULT false,
                "iv" bytea,
                "auth_tag" bytea,
                "uploaded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_files_size" CHECK (size >= 0),
                CONSTRAINT "CHK_files_encryption" CHECK (
                    encrypted = (
                        iv IS NOT NULL
                        AND auth_tag IS NOT NULL
                    )
                ),
                CONSTRAINT "PK_6c16b9093a142e0e7613b04a3d9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_files_storage_key" ON "files" ("storage_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_files_uploaded_by" ON "files" ("uploaded_by")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_files_owner" ON "files" ("owner_type", "owner_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "access_grants"
            ADD CONSTRAINT "FK_access_grants_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "access_grants"
            ADD CONSTRAINT "FK_access_grants_granted_by" FOREIGN KEY ("granted_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "files"
            ADD CONSTRAINT "FK_files_uploaded_by" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "files" DROP CONSTRAINT "FK_files_uploaded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "access_grants" DROP CONSTRAINT "FK_access_grants_granted_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "access_grants" DROP CONSTRAINT "FK_access_grants_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_files_owner"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_files_uploaded_by"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_files_storage_key"
        `);
    await queryRunner.query(`
            DROP TABLE "files"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_access_grants_object_user_reason"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_access_grants_user"
        `);
    await queryRunner.query(`
            DROP TABLE "access_grants"
        `);
  }
}
