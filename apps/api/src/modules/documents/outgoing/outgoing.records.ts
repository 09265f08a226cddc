import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FILING_ERRORS, RETENTION_PERIOD_LABELS, retentionExpiresOn, type RetentionPeriod } from '@xiaoban/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import { FilesService } from '../../../platform/files/files.service';
import { conflict, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { RetentionKindRegistry, retentionExpiredWhere } from '../../../platform/retention/retention-kinds';
import { FilingService } from '../filing/filing.service';
import { InventoryService } from '../inventory/inventory.service';
import { OutgoingDocument } from './outgoing.entity';
import { OUTGOING_DOCUMENT, OutgoingService } from './outgoing.service';

const LABEL = '发文';
/**
 * The day a document was formed, from which its retention counts: the 成文日期 (set at 签发 at
 * the latest, so every finished document has one); the day it was drafted only as a fallback.
 */
const FORMED_ON = 'COALESCE(d.written_on, d.created_at::date)';
const formedOn = (d: OutgoingDocument) => d.writtenOn ?? d.createdAt.toISOString().slice(0, 10);
/** Issued (已分发): the paper went out and the office holds its own copy. */
const ISSUED = `d.status IN ('distributed', 'ready-to-file')`;
/**
 * The copies the office keeps (留存): those printed beyond what the distribution list sent out,
 * and at least one: the signed original (签发稿) and its file copy stay in the office until filed.
 */
const RETAINED_COPIES = `GREATEST(d.copies - COALESCE((SELECT SUM(r.copies) FROM outgoing_document_distributions r WHERE r.document_id = d.id), 0), 1)`;
const notReady = (message: string) => conflict(FILING_ERRORS.NOT_READY, message);

/**
 * Outgoing documents as records of the office (DOC-9 to DOC-11), as incoming.records.ts does for
 * incoming ones: the retained copies the inventory counts, what filing hands to the archive, and
 * what destruction may take once the retention ran out.
 */
@Injectable()
export class OutgoingRecords implements OnModuleInit {
  constructor(
    private readonly retention: RetentionKindRegistry,
    private readonly filing: FilingService,
    private readonly inventory: InventoryService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly outgoing: OutgoingService,
  ) {}

  onModuleInit(): void {
    this.retention.register({
      kind: OUTGOING_DOCUMENT,
      label: LABEL,
      labelEn: 'Outgoing document',
      findExpired: (manager, asOf) => this.findExpired(manager, asOf),
      markDestroyed: (manager, ids, listId, ctx) => this.markDestroyed(manager, ids, listId, ctx),
    });
    this.filing.register({
      kind: OUTGOING_DOCUMENT,
      label: LABEL,
      markReady: (manager, id, ctx) => this.markReady(manager, id, ctx),
      listReady: (manager) => this.listReady(manager),
      describe: (manager, id) => this.describe(manager, id),
      markFiled: (manager, id, ref, ctx) => this.markFiled(manager, id, ref, ctx),
    });
    this.inventory.register({
      kind: OUTGOING_DOCUMENT,
      label: LABEL,
      paperItems: (manager) => this.paperItems(manager),
      describe: async (manager, id) => (await this.paperQuery(manager).where('d.id = :id', { id }).getRawOne()) ?? null,
    });
  }

  // ---------- destruction (DOC-10) ----------

  /** Finished (待归档) documents not filed, not destroyed, whose retention ran out by `asOf`; never 永久. */
  private async findExpired(manager: EntityManager, asOf: string) {
    const expired = retentionExpiredWhere('d.retention', FORMED_ON, asOf);
    if (!expired) return [];
    const docs = await manager
      .createQueryBuilder(OutgoingDocument, 'd')
      .where(`d.status = 'ready-to-file' AND d.filed_at IS NULL AND d.destroyed_at IS NULL`)
      .andWhere(expired.sql, expired.params)
      .orderBy(FORMED_ON, 'ASC')
      .addOrderBy('d.number', 'ASC')
      .getMany();
    return docs.map((d) => ({
      id: d.id,
      number: d.number,
      title: d.title,
      retention: RETENTION_PERIOD_LABELS[d.retention]['zh-CN'],
      dueOn: retentionExpiresOn(d.retention, formedOn(d))!,
      secrecy: d.secrecy,
    }));
  }

  /**
   * Destroyed: the row and its metadata stay, marked and linked to the destruction list. The
   * files (正文 and attachments) are purged with the paper, for the reasons incoming.records.ts
   * gives: the register of what was destroyed is the metadata and the destruction list.
   */
  private async markDestroyed(manager: EntityManager, ids: string[], destructionListId: string, ctx: RequestContext): Promise<void> {
    await manager.query(
      `UPDATE outgoing_documents SET destroyed_at = now(), destruction_list_id = $2, body_file_id = NULL,
              version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND destroyed_at IS NULL`,
      [ids, destructionListId],
    );
    for (const id of ids) {
      await this.files.removeOwned(manager, { type: OUTGOING_DOCUMENT, id });
      await this.audit.record(manager, ctx, {
        action: 'document.outgoing.destroyed',
        objectType: OUTGOING_DOCUMENT,
        objectId: id,
        details: { destructionListId },
      });
    }
  }

  // ---------- filing (DOC-11) ----------

  private async lockDoc(manager: EntityManager, id: string): Promise<OutgoingDocument> {
    const doc = await manager.createQueryBuilder(OutgoingDocument, 'd').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
    if (!doc) throw notFound(OUTGOING_DOCUMENT);
    return doc;
  }

  /** From the filing list: a distributed document takes the flow's 归档 step; one already waiting stays as it is. */
  private async markReady(manager: EntityManager, id: string, ctx: RequestContext): Promise<void> {
    const doc = await this.lockDoc(manager, id);
    if (!['distributed', 'ready-to-file'].includes(doc.status) || doc.filedAt || doc.destroyedAt)
      throw notReady('Only a distributed (已分发) document that is not filed or destroyed can be filed');
    if (doc.status === 'ready-to-file') return;
    await this.outgoing.fileIn(manager, doc, ctx);
  }

  private async listReady(manager: EntityManager) {
    const docs = await manager
      .createQueryBuilder(OutgoingDocument, 'd')
      .where(`d.status = 'ready-to-file' AND d.filed_at IS NULL AND d.destroyed_at IS NULL`)
      .orderBy('d.ready_to_file_at', 'ASC')
      .getMany();
    return docs.map((d) => this.candidate(d));
  }

  private candidate(d: OutgoingDocument) {
    return {
      id: d.id,
      number: d.number,
      title: d.title,
      secrecy: d.secrecy,
      retention: d.retention as RetentionPeriod,
      documentDate: formedOn(d),
      readyToFileAt: (d.readyToFileAt ?? d.updatedAt).toISOString(),
    };
  }

  private async describe(manager: EntityManager, id: string) {
    const d = await manager.findOneBy(OutgoingDocument, { id });
    if (!d) return null;
    return {
      ...this.candidate(d),
      // 责任者: the school as the document names its issuer (发文机关标志, else 印发机关).
      responsible: d.issuerMark ?? d.printingOrg ?? '',
      otherNumber: null,
      // Outgoing documents do not record their page count.
      pages: 0,
      copies: d.copies,
      fileOwner: { type: OUTGOING_DOCUMENT, id },
    };
  }

  /** The archive took it, with its reference (档号): it leaves the ready list, the inventory and destruction. */
  private async markFiled(manager: EntityManager, id: string, archiveRef: string, ctx: RequestContext): Promise<void> {
    const doc = await this.lockDoc(manager, id);
    if (doc.status !== 'ready-to-file' || doc.filedAt || doc.destroyedAt) throw notReady('The document is not ready to file');
    await manager.query(
      `UPDATE outgoing_documents SET filed_at = now(), archive_ref = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, archiveRef],
    );
    await this.audit.record(manager, ctx, {
      action: 'document.outgoing.filed',
      objectType: OUTGOING_DOCUMENT,
      objectId: id,
      details: { archiveRef },
    });
  }

  // ---------- inventory (DOC-9) ----------

  /** A document as the checklist shows it, with the copies the office keeps. */
  private paperQuery(manager: EntityManager) {
    return manager
      .createQueryBuilder(OutgoingDocument, 'd')
      .select('d.id', 'id')
      .addSelect('d.number', 'number')
      .addSelect('d.title', 'title')
      .addSelect(`${RETAINED_COPIES}::int`, 'copies')
      .addSelect('d.secrecy', 'secrecy');
  }

  /** Issued documents' retained copies in the office: not filed, not destroyed. */
  private async paperItems(manager: EntityManager) {
    return this.paperQuery(manager)
      .where(`${ISSUED} AND d.filed_at IS NULL AND d.destroyed_at IS NULL`)
      .orderBy('d.year', 'ASC')
      .addOrderBy('d.seq', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getRawMany();
  }
}
