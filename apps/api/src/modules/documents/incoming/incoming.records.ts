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
import { IncomingDocument } from './incoming.entity';
import { INCOMING_DOCUMENT } from './incoming.service';

const LABEL = '收文';
/** The day a document was formed, from which its retention counts: 成文日期, else the day it arrived. */
const FORMED_ON = 'COALESCE(d.written_on, d.received_on)';
const notReady = (message: string) => conflict(FILING_ERRORS.NOT_READY, message);

/**
 * Incoming documents as records of the office (DOC-9 to DOC-11): the paper the inventory counts,
 * what filing hands to the archive, and what destruction may take once the retention ran out.
 * Outgoing documents plug into the same three registries the same way.
 */
@Injectable()
export class IncomingRecords implements OnModuleInit {
  constructor(
    private readonly retention: RetentionKindRegistry,
    private readonly filing: FilingService,
    private readonly inventory: InventoryService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.retention.register({
      kind: INCOMING_DOCUMENT,
      label: LABEL,
      labelEn: 'Incoming document',
      findExpired: (manager, asOf) => this.findExpired(manager, asOf),
      markDestroyed: (manager, ids, listId, ctx) => this.markDestroyed(manager, ids, listId, ctx),
    });
    this.filing.register({
      kind: INCOMING_DOCUMENT,
      label: LABEL,
      markReady: (manager, id, ctx) => this.markReady(manager, id, ctx),
      listReady: (manager) => this.listReady(manager),
      describe: (manager, id) => this.describe(manager, id),
      markFiled: (manager, id, ref, ctx) => this.markFiled(manager, id, ref, ctx),
    });
    this.inventory.register({
      kind: INCOMING_DOCUMENT,
      label: LABEL,
      paperItems: (manager) => this.paperItems(manager),
      describe: async (manager, id) => {
        const doc = await manager.findOneBy(IncomingDocument, { id });
        return doc ? { id: doc.id, number: doc.number, title: doc.title, copies: doc.copies, secrecy: doc.secrecy } : null;
      },
    });
  }

  // ---------- destruction (DOC-10) ----------

  /** Finished (办结) documents not filed, not destroyed, whose retention ran out by `asOf`; never 永久. */
  private async findExpired(manager: EntityManager, asOf: string) {
    const expired = retentionExpiredWhere('d.retention', FORMED_ON, asOf);
    if (!expired) return [];
    const docs = await manager
      .createQueryBuilder(IncomingDocument, 'd')
      .where(`d.status = 'completed' AND d.filed_at IS NULL AND d.destroyed_at IS NULL`)
      .andWhere(expired.sql, expired.params)
      .orderBy(FORMED_ON, 'ASC')
      .addOrderBy('d.number', 'ASC')
      .getMany();
    return docs.map((d) => ({
      id: d.id,
      number: d.number,
      title: d.title,
      retention: RETENTION_PERIOD_LABELS[d.retention]['zh-CN'],
      dueOn: retentionExpiresOn(d.retention, d.writtenOn ?? d.receivedOn)!,
      secrecy: d.secrecy,
    }));
  }

  /**
   * Destroyed: the row and its metadata stay, marked and linked to the destruction list. The
   * scanned files are purged with the paper: keeping the scans would keep the content the
   * destruction was approved to end (and classified scans would outlive their paper); the register
   * of what was destroyed is the metadata and the destruction list, not the text.
   */
  private async markDestroyed(manager: EntityManager, ids: string[], destructionListId: string, ctx: RequestContext): Promise<void> {
    await manager.query(
      `UPDATE incoming_documents SET destroyed_at = now(), destruction_list_id = $2, version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND destroyed_at IS NULL`,
      [ids, destructionListId],
    );
    for (const id of ids) {
      await this.files.removeOwned(manager, { type: INCOMING_DOCUMENT, id });
      await this.audit.record(manager, ctx, {
        action: 'document.incoming.destroyed',
        objectType: INCOMING_DOCUMENT,
        objectId: id,
        details: { destructionListId },
      });
    }
  }

  // ---------- filing (DOC-11) ----------

  private async lockDoc(manager: EntityManager, id: string): Promise<IncomingDocument> {
    const doc = await manager.createQueryBuilder(IncomingDocument, 'd').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
    if (!doc) throw notFound(INCOMING_DOCUMENT);
    return doc;
  }

  private async markReady(manager: EntityManager, id: string, ctx: RequestContext): Promise<void> {
    const doc = await this.lockDoc(manager, id);
    if (doc.status !== 'completed' || doc.destroyedAt)
      throw notReady('Only a completed (办结) document that is not filed or destroyed can be filed');
    if (doc.readyToFileAt) return;
    await manager.query('UPDATE incoming_documents SET ready_to_file_at = now(), version = version + 1, updated_at = now() WHERE id = $1', [
      id,
    ]);
    await this.audit.record(manager, ctx, { action: 'document.incoming.ready-to-file', objectType: INCOMING_DOCUMENT, objectId: id });
  }

  private async listReady(manager: EntityManager) {
    const docs = await manager
      .createQueryBuilder(IncomingDocument, 'd')
      .where(`d.status = 'completed' AND d.ready_to_file_at IS NOT NULL AND d.destroyed_at IS NULL`)
      .orderBy('d.ready_to_file_at', 'ASC')
      .getMany();
    return docs.map((d) => this.candidate(d));
  }

  private candidate(d: IncomingDocument) {
    return {
      id: d.id,
      number: d.number,
      title: d.title,
      secrecy: d.secrecy,
      retention: d.retention as RetentionPeriod,
      documentDate: d.writtenOn ?? d.receivedOn,
      readyToFileAt: (d.readyToFileAt ?? d.completedAt ?? d.registeredAt).toISOString(),
    };
  }

  private async describe(manager: EntityManager, id: string) {
    const d = await manager.findOneBy(IncomingDocument, { id });
    if (!d) return null;
    return {
      ...this.candidate(d),
      responsible: d.sourceOrg,
      otherNumber: d.senderNumber,
      pages: d.pages,
      copies: d.copies,
      fileOwner: { type: INCOMING_DOCUMENT, id },
    };
  }

  /** 办结 → 归档 of the flow, with the archive's reference. */
  private async markFiled(manager: EntityManager, id: string, archiveRef: string, ctx: RequestContext): Promise<void> {
    const doc = await this.lockDoc(manager, id);
    if (doc.status !== 'completed' || !doc.readyToFileAt || doc.destroyedAt) throw notReady('The document is not ready to file');
    await manager.query(
      `UPDATE incoming_documents SET status = 'filed', filed_at = now(), archive_ref = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, archiveRef],
    );
    await this.audit.record(manager, ctx, {
      action: 'document.incoming.file',
      objectType: INCOMING_DOCUMENT,
      objectId: id,
      details: { from: doc.status, to: 'filed', archiveRef },
    });
  }

  // ---------- inventory (DOC-9) ----------

  /** Paper in the office: signed for or registered, not returned to its sender, not filed, not destroyed. */
  private async paperItems(manager: EntityManager) {
    const docs = await manager
      .createQueryBuilder(IncomingDocument, 'd')
      .where(`d.status NOT IN ('returned', 'filed') AND d.destroyed_at IS NULL AND d.copies > 0`)
      .orderBy('d.number', 'ASC', 'NULLS LAST')
      .addOrderBy('d.id', 'ASC')
      .getMany();
    return docs.map((d) => ({ id: d.id, number: d.number, title: d.title, copies: d.copies, secrecy: d.secrecy }));
  }
}
