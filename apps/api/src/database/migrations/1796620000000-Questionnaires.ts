import { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToBuiltinRoles, revokeFromBuiltinRoles } from '../role-grants';

/** The office builds and runs questionnaires (ASM-3); a collection request may use one as its form (INF-1). */
const ROLE_GRANTS: Record<string, string[]> = {
  'office-director': ['assessment.questionnaires.manage'],
  'office-clerk': ['assessment.questionnaires.manage'],
};

export class Questionnaires1796620000000 implements MigrationInterface {
  name = 'Questionnaires1796620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "questionnaires" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(16) NOT NULL,
                "title" character varying(200) NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "anonymous" boolean NOT NULL,
                "response_mode" character varying(10) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'draft',
                "questions" jsonb NOT NULL,
                "opens_at" TIMESTAMP WITH TIME ZONE,
                "closes_at" TIMESTAMP WITH TIME ZONE,
                "token_secret" character varying(64) NOT NULL,
                "created_by" uuid NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_questionnaires_dates" CHECK (
                    opens_at IS NULL
                    OR closes_at IS NULL
                    OR opens_at < closes_at
                ),
                CONSTRAINT "CHK_questionnaires_anonymity" CHECK (
                    (
                        response_mode <> 'named'
                        OR NOT anonymous
                    )
                    AND (
                        response_mode <> 'token'
                        OR anonymous
                    )
                ),
                CONSTRAINT "CHK_questionnaires_mode" CHECK (response_mode IN ('named', 'token', 'open')),
                CONSTRAINT "CHK_questionnaires_status" CHECK (status IN ('draft', 'open', 'closed')),
                CONSTRAINT "PK_questionnaires" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_questionnaires_status_created" ON "questionnaires" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_questionnaires_code" ON "questionnaires" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "questionnaire_responses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "questionnaire_id" uuid NOT NULL,
                "anonymous" boolean NOT NULL,
                "respondent_id" uuid,
                "answers" jsonb NOT NULL,
                "submitted_on" date NOT NULL,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_questionnaire_responses_named" CHECK (
                    anonymous
                    OR submitted_at IS NOT NULL
                ),
                CONSTRAINT "CHK_questionnaire_responses_anonymous" CHECK (
                    NOT anonymous
                    OR (
                        respondent_id IS NULL
                        AND submitted_at IS NULL
                    )
                ),
                CONSTRAINT "PK_questionnaire_responses" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_questionnaire_responses_respondent" ON "questionnaire_responses" ("questionnaire_id", "respondent_id")
            WHERE respondent_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_questionnaire_responses_questionnaire" ON "questionnaire_responses" ("questionnaire_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "questionnaire_token_holders" (
                "questionnaire_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                CONSTRAINT "PK_questionnaire_token_holders" PRIMARY KEY ("questionnaire_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "questionnaire_used_tokens" (
                "questionnaire_id" uuid NOT NULL,
                "token_hash" character varying(64) NOT NULL,
                CONSTRAINT "PK_questionnaire_used_tokens" PRIMARY KEY ("questionnaire_id", "token_hash")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_requests"
            ADD "questionnaire_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions"
            ADD "questionnaire_response_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_requests"
            ADD CONSTRAINT "FK_collection_requests_questionnaire" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions"
            ADD CONSTRAINT "FK_collection_submissions_questionnaire_response" FOREIGN KEY ("questionnaire_response_id") REFERENCES "questionnaire_responses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaires"
            ADD CONSTRAINT "FK_questionnaires_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses"
            ADD CONSTRAINT "FK_questionnaire_responses_questionnaire" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses"
            ADD CONSTRAINT "FK_questionnaire_responses_respondent" FOREIGN KEY ("respondent_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_token_holders"
            ADD CONSTRAINT "FK_questionnaire_token_holders_questionnaire" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_token_holders"
            ADD CONSTRAINT "FK_questionnaire_token_holders_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_used_tokens"
            ADD CONSTRAINT "FK_questionnaire_used_tokens_questionnaire" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaires"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await grantToBuiltinRoles(queryRunner, ROLE_GRANTS);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revokeFromBuiltinRoles(queryRunner, ROLE_GRANTS);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_used_tokens" DROP CONSTRAINT "FK_questionnaire_used_tokens_questionnaire"
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_token_holders" DROP CONSTRAINT "FK_questionnaire_token_holders_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_token_holders" DROP CONSTRAINT "FK_questionnaire_token_holders_questionnaire"
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses" DROP CONSTRAINT "FK_questionnaire_responses_respondent"
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses" DROP CONSTRAINT "FK_questionnaire_responses_questionnaire"
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaires" DROP CONSTRAINT "FK_questionnaires_created_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions" DROP CONSTRAINT "FK_collection_submissions_questionnaire_response"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_requests" DROP CONSTRAINT "FK_collection_requests_questionnaire"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_submissions" DROP COLUMN "questionnaire_response_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "collection_requests" DROP COLUMN "questionnaire_id"
        `);
    await queryRunner.query(`
            DROP TABLE "questionnaire_used_tokens"
        `);
    await queryRunner.query(`
            DROP TABLE "questionnaire_token_holders"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_questionnaire_responses_questionnaire"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_questionnaire_responses_respondent"
        `);
    await queryRunner.query(`
            DROP TABLE "questionnaire_responses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_questionnaires_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_questionnaires_status_created"
        `);
    await queryRunner.query(`
            DROP TABLE "questionnaires"
        `);
  }
}
