import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DOC-8 body search: the files whose body bigrams hold a term's, through the GIN index only.
 * For a common bigram the planner would rather scan the table, unpacking every row's bigram
 * array (many times slower), so the look-up runs with seq scans off. As a function with its own
 * `SET`, that is one statement, where a transaction with `SET LOCAL` took four round trips on
 * every search (bench/).
 */
export class BodyTextCandidates1796660000000 implements MigrationInterface {
  name = 'BodyTextCandidates1796660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE FUNCTION "document_text_candidates"(kind character varying, grams text[], max_files integer)
            RETURNS TABLE ("file_id" uuid)
            LANGUAGE sql STABLE
            SET enable_seqscan = off
            AS $$
                SELECT t.file_id FROM document_texts t
                 WHERE t.document_kind = kind AND t.search_bigrams @> grams
                 LIMIT max_files
            $$
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION "document_text_candidates"(character varying, text[], integer)`);
  }
}
