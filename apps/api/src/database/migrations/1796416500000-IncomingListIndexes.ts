import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the incoming list's filters (NFR-9): each ends with the list's order and INCLUDEs
 * secrecy and id, so the first page and the capped count are answered from the index alone.
 * The status index gains registered_at the same way.
 */
export class IncomingListIndexes1796416500000 implements MigrationInterface {
  name = 'IncomingListIndexes1796416500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_incoming_documents_status"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_incoming_documents_status" ON "incoming_documents" ("status", "registered_at") INCLUDE ("secrecy", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incoming_documents_list" ON "incoming_documents" ("secrecy", "registered_at") INCLUDE ("id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incoming_documents_doc_type" ON "incoming_documents" ("doc_type", "registered_at") INCLUDE ("secrecy", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incoming_documents_urgency" ON "incoming_documents" ("urgency", "registered_at") INCLUDE ("secrecy", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_incoming_documents_urgency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incoming_documents_doc_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incoming_documents_list"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_incoming_documents_status"`);
    await queryRunner.query(`CREATE INDEX "IDX_incoming_documents_status" ON "incoming_documents" ("status")`);
  }
}
