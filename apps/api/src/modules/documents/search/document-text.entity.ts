import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { StoredFile } from '../../../platform/files/file.entity';

/**
 * The body text of one attached PDF or DOCX of a document (正文全文, DOC-8), for search. Only
 * unclassified documents have rows: the body of a classified document never enters the index
 * (ARCHITECTURE.md), its metadata is searched as usual. The row goes with its file (FK cascade).
 */
@Entity('document_texts')
@Index('IDX_document_texts_file', ['fileId'])
export class DocumentText {
  /** The document's resource type, as the access and files services know it (`incoming-document`, `outgoing-document`). */
  @PrimaryColumn({ name: 'document_kind', type: 'varchar', length: 60, primaryKeyConstraintName: 'PK_document_texts' })
  documentKind: string;

  @PrimaryColumn({ name: 'document_id', type: 'uuid', primaryKeyConstraintName: 'PK_document_texts' })
  documentId: string;

  @PrimaryColumn({ name: 'file_id', type: 'uuid', primaryKeyConstraintName: 'PK_document_texts' })
  fileId: string;

  @ManyToOne('StoredFile', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'FK_document_texts_file' })
  file?: StoredFile;

  /** The extracted text, cut at MAX_TEXT_CHARS. */
  @Column({ type: 'text' })
  body: string;

  /** The body's character bigrams (see search-terms.ts); GIN-indexed in the migration. */
  @Index('IDX_document_texts_bigrams', { synchronize: false })
  // Written with the row, read only by SQL: not loaded with the entity (hundreds of grams per row).
  @Column({ name: 'search_bigrams', type: 'text', array: true, select: false })
  searchBigrams: string[];

  @CreateDateColumn({ name: 'extracted_at', type: 'timestamptz' })
  extractedAt: Date;
}
