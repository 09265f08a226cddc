import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isClassified, type SecrecyLevel } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService, type ObjectRef } from '../../../platform/access/access.service';
import { FILE_STORAGE, type FileStorage } from '../../../platform/files/storage/file-storage';
import { returnedRows } from '../../../platform/http/sql';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { bigramsOf } from '../incoming/search-terms';
import { lookUpBodyMatches, type BodyLookup } from './body-search';
import { EXTRACTABLE_TYPES, extractText } from './text-extractor';

/** The job that extracts the body text of a document's new PDF and DOCX files (DOC-8). */
export const DOCUMENT_TEXT_JOB = 'documents-extract-text';

/**
 * Body text for search (正文检索, DOC-8), for any kind of document: incoming (收文) and outgoing
 * (发文) call the same methods with their resource type. The text is extracted in a pg-boss job
 * queued in the document's own transaction, never in the request; only files of unclassified
 * documents are read, and a document that becomes classified loses its texts (`forget`). A file
 * that is removed takes its text with it (foreign key, ON DELETE CASCADE).
 */
@Injectable()
export class DocumentTextsService implements OnModuleInit {
  private readonly logger = new Logger('DocumentTexts');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly access: AccessService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: DOCUMENT_TEXT_JOB,
      handler: (data) => this.extract(data as ObjectRef).then(() => undefined),
      retryLimit: 2,
    });
  }

  /**
   * After files were attached to a document, in its transaction: queue the extraction (it runs
   * once the transaction commits). Nothing at all for a classified document.
   */
  async filesAttached(manager: EntityManager, document: ObjectRef, secrecy: SecrecyLevel | null): Promise<void> {
    if (isClassified(secrecy)) return;
    await this.jobs.sendWithin(manager, DOCUMENT_TEXT_JOB, { type: document.type, id: document.id });
  }

  /**
   * Which documents of a kind hold the term in their body text (for `matchCondition`,
   * body-search.ts), with the ids of the documents the look-up read (a sample of them past the cap).
   */
  lookUpBodyMatches(kind: string, term: string): Promise<BodyLookup> {
    return lookUpBodyMatches(this.dataSource.manager, kind, term);
  }

  /** In the transaction that classifies a document (or destroys it): its body texts leave the index. */
  async forget(manager: EntityManager, document: ObjectRef): Promise<void> {
    await manager.query('DELETE FROM document_texts WHERE document_kind = $1 AND document_id = $2', [document.type, document.id]);
  }

  /**
   * The job: reads each PDF/DOCX file of the document that has no text yet and stores its text
   * and bigrams. Files that were uploaded encrypted are classified material and are skipped; a
   * file that cannot be read is logged and contributes nothing. Returns how many files were read.
   */
  async extract(document: ObjectRef): Promise<number> {
    const secrecy = await this.access.secrecyOf(document);
    if (secrecy === undefined) return 0; // gone meanwhile
    if (isClassified(secrecy)) {
      await this.forget(this.dataSource.manager, document);
      return 0;
    }
    const files: { id: string; content_type: string; storage_key: string }[] = await this.dataSource.query(
      `SELECT f.id, f.content_type, f.storage_key FROM files f
        WHERE f.owner_type = $1 AND f.owner_id = $2 AND f.content_type = ANY($3::text[]) AND NOT f.encrypted
          AND NOT EXISTS (SELECT 1 FROM document_texts t WHERE t.file_id = f.id)
        ORDER BY f.created_at, f.id`,
      [document.type, document.id, EXTRACTABLE_TYPES],
    );
    let read = 0;
    for (const file of files) {
      let body: string;
      try {
        body = await extractText(await collect(await this.storage.get(file.storage_key)), file.content_type);
      } catch (error) {
        this.logger.warn(`No text from file ${file.id} of ${document.type} ${document.id}: ${(error as Error).message}`);
        continue;
      }
      read += await this.dataSource.transaction(async (manager) => {
        // Checked again where it is written: the document may have been classified while we read.
        if (isClassified(await this.access.secrecyOf(document, manager))) return 0;
        const inserted = returnedRows(
          await manager.query(
            `INSERT INTO document_texts (document_kind, document_id, file_id, body, search_bigrams)
           SELECT $1::varchar, $2::uuid, f.id, $4::text, $5::text[] FROM files f
            WHERE f.id = $3 AND f.owner_type = $1::varchar AND f.owner_id = $2::uuid
           ON CONFLICT DO NOTHING RETURNING file_id`,
            [document.type, document.id, file.id, body, bigramsOf(body)],
          ),
        );
        return inserted.length;
      });
    }
    return read;
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
