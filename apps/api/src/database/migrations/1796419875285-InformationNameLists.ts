import { MigrationInterface, QueryRunner } from 'typeorm';

export class InformationNameLists1796419875285 implements MigrationInterface {
  name = 'InformationNameLists1796419875285';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "sensitive_name_lists" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "description" character varying(500),
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_sensitive_name_lists" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_sensitive_name_lists_name" ON "sensitive_name_lists" ("name")
        `);
    await queryRunner.query(`
            CREATE TABLE "sensitive_names" (
                "list_id" uuid NOT NULL,
                "name" character varying(50) NOT NULL,
                CONSTRAINT "PK_sensitive_names" PRIMARY KEY ("list_id", "name")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "sensitive_names"
            ADD CONSTRAINT "FK_sensitive_names_list" FOREIGN KEY ("list_id") REFERENCES "sensitive_name_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sensitive_names" DROP CONSTRAINT "FK_sensitive_names_list"
        `);
    await queryRunner.query(`
            DROP TABLE "sensitive_names"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_sensitive_name_lists_name"
        `);
    await queryRunner.query(`
            DROP TABLE "sensitive_name_lists"
        `);
  }
}
