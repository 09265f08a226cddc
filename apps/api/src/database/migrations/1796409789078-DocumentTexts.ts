import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Body text of documents for search (DOC-8): one row per attached PDF/DOCX of an unclassified
 * document, with its character bigrams. By hand: the GIN index over the bigrams (`@>`), as for
 * incoming_documents.search_bigrams.
 */
export class DocumentTexts1796409789078 implements MigrationInterface {
  name = 'DocumentTexts1796409789078';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "document_texts" (
                "document_kind" character varying(60) NOT NULL,
                "document_id" uuid NOT NULL,
                "file_id" uuid NOT NULL,
                "body" text NOT NULL,
                "search_bigrams" text array NOT NULL,
                "extracted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_document_texts" PRIMARY KEY ("document_kind", "document_id", "file_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_document_texts_file" ON "document_texts" ("file_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "document_texts"
            ADD CONSTRAINT "FK_document_texts_file" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Not expressible on the entity: a GIN index over the bigram array, for `search_bigrams @> …`.
    await queryRunner.query(`
            CREATE INDEX "IDX_document_texts_bigrams" ON "document_texts" USING gin ("search_bigrams")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_document_texts_bigrams"
        `);
    await queryRunner.query(`
            ALTER TABLE "document_texts" DROP CONSTRAINT "FK_document_texts_file"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_document_texts_file"
        `);
    await queryRunner.query(`
            DROP TABLE "document_texts"
        `);
  }
}
