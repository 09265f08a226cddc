import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DOC-8 body search: the documents whose body text holds a term, found and rechecked in one
 * statement (bigram GIN index, then (I)LIKE on the text), stopping after `max_files` matching
 * files. Before, the candidate files' ids went to the API and came back for the recheck: for a
 * common term that was 5,000 ids each way and every candidate's text read, where the documents
 * past the cap need not be found at all (bench/). It replaces `document_text_candidates`
 * (migration BodyTextCandidates). Seq scans are off for the same reason: for a common bigram the
 * planner would rather scan the table, unpacking every row's bigram array.
 */
export class BodyTextMatches1796670000000 implements MigrationInterface {
  name = 'BodyTextMatches1796670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE FUNCTION "document_text_matches"(kind character varying, grams text[], pattern text, case_insensitive boolean, max_files integer)
            RETURNS TABLE ("document_id" uuid)
            LANGUAGE sql STABLE
            SET enable_seqscan = off
            AS $$
                SELECT t.document_id FROM document_texts t
                 WHERE t.document_kind = kind AND t.search_bigrams @> grams
                   AND CASE WHEN case_insensitive THEN t.body ILIKE pattern ELSE t.body LIKE pattern END
                 LIMIT max_files
            $$
        `);
    await queryRunner.query(`DROP FUNCTION "document_text_candidates"(character varying, text[], integer)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
    await queryRunner.query(`DROP FUNCTION "document_text_matches"(character varying, text[], text, boolean, integer)`);
  }
}
