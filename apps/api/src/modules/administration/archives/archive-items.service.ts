import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ARCHIVE_ITEM,
  RETENTION_PERIOD_LABELS,
  catalogueDate,
  formatArchiveNumber,
  retentionExpiresOn,
  type ArchiveCondition,
  type RetentionPeriod,
  type SecrecyLevel,
} from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { rowSource, type RowSource } from '../../../platform/excel/row-source';
import { StoredFile } from '../../../platform/files/file.entity';
import { FilesService, type FileDownload } from '../../../platform/files/files.service';
import { toFileDto } from '../../../platform/files/files.mapper';
import { FILE_STORAGE, type FileStorage } from '../../../platform/files/storage/file-storage';
import { badRequest, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { escapeLike, returnedRows } from '../../../platform/http/sql';
import type { RequestContext } from '../../../platform/http/request-context';
import { RetentionKindRegistry, retentionExpiredWhere } from '../../../platform/retention/retention-kinds';
import { FilingService } from '../../documents/filing/filing.service';
import { alreadyFiled, classFull, isUniqueViolation } from './archive-errors';
import { ArchiveClassificationService } from './archive-classification.service';
import { ArchiveBox, ArchiveItem } from './archive.entities';
import type {
  AccessionArchiveItemDto,
  ArchiveBoxDto,
  ArchiveFilingCandidateDto,
  ArchiveItemDetailDto,
  ArchiveItemDto,
  FileDocumentIntoArchiveDto,
  QueryArchiveBoxesDto,
  QueryArchiveItemsDto,
  UpdateArchiveBoxDto,
} from './archives.dto';

/** The resource type of archive items, for the access service, files and loans (ADM-10). */
export { ARCHIVE_ITEM };

/** Everything an item is accessioned with, whether typed in (入库) or filed from a document (DOC-11). */
interface NewItem {
  categoryCode: string;
  year: number;
  retention: RetentionPeriod;
  orgCode: string;
  documentNumber: string | null;
  responsible: string;
  title: string;
  documentDate: string;
  secrecy: SecrecyLevel;
  pages: number;
  remarks: string | null;
  disinfected: boolean;
  condition: ArchiveCondition;
  boxNumber: number | null;
  shelf: string | null;
  source?: { kind: string; id: string; history: ArchiveItem['history'] };
}

/** The day an item was formed, from which its retention counts (次年1月1日起算). */
const FORMED_ON = 'i.document_date';

/**
 * Archive items (件, ADM-8): accession (入库) with a gap-free 档号, the catalogue (归档文件目录)
 * and its export, boxes and their 备考表, digitised files downloaded through the item, filing
 * from documents (DOC-11), and the item as a record whose retention can run out (鉴定, 销毁).
 */
@Injectable()
export class ArchiveItemsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly retention: RetentionKindRegistry,
    private readonly filing: FilingService,
    private readonly classification: ArchiveClassificationService,
  ) {}

  onModuleInit(): void {
    this.access.register(ARCHIVE_ITEM, {
      table: 'archive_items',
      secrecyColumn: 'secrecy',
      // Need-to-know besides grants (a loan, ADM-10): the person who took it into the archive.
      named: (o, me) => `${o}.accessioned_by = ${me}`,
    });
    this.retention.register({
      kind: ARCHIVE_ITEM,
      label: '档案',
      labelEn: 'Archive item',
      findExpired: (manager, asOf) => this.findExpired(manager, asOf),
      markDestroyed: (manager, ids, listId, ctx) => this.markDestroyed(manager, ids, listId, ctx),
    });
  }

  // ---------- accession (入库) ----------

  async accession(dto: AccessionArchiveItemDto, ctx: RequestContext): Promise<ArchiveItemDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const item = await this.accessionIn(
        manager,
        {
          categoryCode: dto.categoryCode,
          year: dto.year,
          retention: dto.retention,
          orgCode: dto.orgCode,
          documentNumber: dto.documentNumber || null,
          responsible: dto.responsible,
          title: dto.title,
          documentDate: dto.documentDate,
          secrecy: dto.secrecy ?? 'none',
          pages: dto.pages ?? 0,
          remarks: dto.remarks || null,
          disinfected: dto.disinfected,
          condition: dto.condition,
          boxNumber: dto.boxNumber ?? null,
          shelf: dto.shelf || null,
        },
        ctx,
      );
      await this.files.attach(manager, dto.fileIds ?? [], { type: ARCHIVE_ITEM, id: item.id }, ctx, 'fileIds');
      return item.id;
    });
    return this.get(id, ctx);
  }

  /**
   * Takes the next 件号 of the item's class from its counter row (UPDATE … RETURNING, in this
   * transaction: a rollback gives the number back, so the numbers stay gap-free) and stores the item.
   */
  private async accessionIn(manager: EntityManager, item: NewItem, ctx: RequestContext): Promise<ArchiveItem> {
    const { fondsCode } = await this.classification.settings(manager);
    await this.classification.assertCategory(manager, item.categoryCode, 'categoryCode');
    await this.classification.assertOrgCode(manager, item.orgCode, 'orgCode');
    const cls = { fonds: fondsCode, category: item.categoryCode, year: item.year, retention: item.retention, org: item.orgCode };
    const [counter] = returnedRows<{ last_seq: number }>(
      await manager.query(
        `INSERT INTO archive_item_counters (fonds_code, category_code, year, retention, org_code, last_seq) VALUES ($1, $2, $3, $4, $5, 1)
         ON CONFLICT (fonds_code, category_code, year, retention, org_code)
         DO UPDATE SET last_seq = archive_item_counters.last_seq + 1
         RETURNING last_seq`,
        [cls.fonds, cls.category, cls.year, cls.retention, cls.org],
      ),
    );
    const seq = Number(counter.last_seq);
    if (seq > 9999) throw classFull();
    const boxId = item.boxNumber ? await this.boxOf(manager, cls, item.boxNumber) : null;
    const entity = manager.create(ArchiveItem, {
      archiveNumber: formatArchiveNumber(cls, seq),
      fondsCode: cls.fonds,
      categoryCode: cls.category,
      year: cls.year,
      retention: cls.retention,
      orgCode: cls.org,
      seq,
      documentNumber: item.documentNumber,
      responsible: item.responsible,
      title: item.title,
      documentDate: item.documentDate,
      secrecy: item.secrecy,
      pages: item.pages,
      remarks: item.remarks,
      disinfected: item.disinfected,
      condition: item.condition,
      boxId,
      shelf: item.shelf,
      sourceKind: item.source?.kind ?? null,
      sourceId: item.source?.id ?? null,
      history: item.source?.history ?? [],
      accessionedBy: ctx.actor!.id,
    });
    try {
      await manager.insert(ArchiveItem, entity);
    } catch (error) {
      if (isUniqueViolation(error) && item.source) throw alreadyFiled();
      throw error;
    }
    await this.audit.record(manager, ctx, {
      action: item.source ? 'archive.item.file' : 'archive.item.accession',
      objectType: ARCHIVE_ITEM,
      objectId: entity.id,
      details: {
        archiveNumber: entity.archiveNumber,
        disinfected: item.disinfected,
        condition: item.condition,
        boxNumber: item.boxNumber,
        shelf: item.shelf,
        source: item.source ? { kind: item.source.kind, id: item.source.id } : null,
      },
    });
    return entity;
  }

  /** The box of a class with this 盒号, made when it is the first item in it. */
  private async boxOf(
    manager: EntityManager,
    cls: { fonds: string; category: string; year: number; retention: RetentionPeriod; org: string },
    boxNumber: number,
  ): Promise<string> {
    const params = [cls.fonds, cls.category, cls.year, cls.retention, cls.org, boxNumber];
    await manager.query(
      `INSERT INTO archive_boxes (fonds_code, category_code, year, retention, org_code, box_number) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (fonds_code, category_code, year, retention, org_code, box_number) DO NOTHING`,
      params,
    );
    const [box] = await manager.query(
      `SELECT id FROM archive_boxes WHERE fonds_code = $1 AND category_code = $2 AND year = $3 AND retention = $4 AND org_code = $5 AND box_number = $6`,
      params,
    );
    return box.id as string;
  }

  // ---------- the catalogue (归档文件目录) ----------

  private listQuery(query: QueryArchiveItemsDto, viewer: Principal): SelectQueryBuilder<ArchiveItem> {
    const visible = this.access.visibleWhere(viewer, ARCHIVE_ITEM, 'i');
    const qb = this.dataSource.manager
      .createQueryBuilder(ArchiveItem, 'i')
      .leftJoinAndSelect('i.category', 'category')
      .leftJoinAndSelect('i.box', 'box')
      .leftJoinAndSelect('i.accessioner', 'accessioner')
      .where(visible.sql, visible.params)
      .andWhere('i.destroyed_at IS NULL')
      // The catalogue's order: by class, then 件号.
      .orderBy('i.category_code', 'ASC')
      .addOrderBy('i.year', 'DESC')
      .addOrderBy('i.retention', 'ASC')
      .addOrderBy('i.org_code', 'ASC')
      .addOrderBy('i.seq', 'ASC');
    if (query.categoryCode) qb.andWhere('i.category_code = :category', { category: query.categoryCode });
    if (query.year) qb.andWhere('i.year = :year', { year: query.year });
    if (query.retention) qb.andWhere('i.retention = :retention', { retention: query.retention });
    if (query.orgCode) qb.andWhere('i.org_code = :org', { org: query.orgCode });
    if (query.boxId) qb.andWhere('i.box_id = :boxId', { boxId: query.boxId });
    if (query.q) {
      qb.andWhere('(i.title ILIKE :q OR i.archive_number ILIKE :q OR i.document_number ILIKE :q OR i.responsible ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    return qb;
  }

  list(query: QueryArchiveItemsDto, viewer: Principal): Promise<Page<ArchiveItemDto>> {
    return paginate(this.listQuery(query, viewer), query, toItemDto);
  }

  exportRows(query: QueryArchiveItemsDto, viewer: Principal): RowSource<ArchiveItemDto> {
    return rowSource(this.listQuery(query, viewer), (rows) => rows.map(toItemDto));
  }

  /** An item with its files and history; 404 for anyone who may not see it, and a classified read is audited. */
  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<ArchiveItemDetailDto> {
    await this.access.assertCanRead(ctx.actor!, { type: ARCHIVE_ITEM, id }, ctx, manager);
    const item = await manager.findOne(ArchiveItem, { where: { id }, relations: { category: true, box: true, accessioner: true } });
    if (!item) throw notFound(ARCHIVE_ITEM);
    const files = await manager
      .createQueryBuilder(StoredFile, 'f')
      .leftJoinAndSelect('f.uploader', 'u')
      .where('f.owner_type = :type AND f.owner_id = :id', { type: ARCHIVE_ITEM, id })
      .orderBy('f.created_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
    return { ...toItemDto(item), files: files.map((f) => toFileDto(f, f.uploader?.name ?? '')), history: item.history };
  }

  /** A digitised file, through its item: 404 unless the viewer may read the item; watermarked and audited when classified. */
  async download(id: string, fileId: string, ctx: RequestContext): Promise<FileDownload> {
    const owned = await this.dataSource.manager.existsBy(StoredFile, { id: fileId, ownerType: ARCHIVE_ITEM, ownerId: id });
    if (!owned) throw notFound('file');
    return this.files.download(fileId, ctx.actor!, ctx);
  }

  /**
   * For classified lending (ADM-10, wired by the lead): the item's title and secrecy, or null
   * when there is no such item. No access check: the lending service applies its own.
   */
  async describeForLoan(manager: EntityManager, id: string): Promise<{ title: string; secrecy: SecrecyLevel | null } | null> {
    const item = await manager.findOne(ArchiveItem, { where: { id }, select: { id: true, title: true, secrecy: true, destroyedAt: true } });
    if (!item || item.destroyedAt) return null;
    return { title: item.title, secrecy: item.secrecy };
  }

  // ---------- boxes ----------

  /** Boxes with their spine; 起止件号 and counts over the items the viewer may see. */
  async listBoxes(query: QueryArchiveBoxesDto, viewer: Principal): Promise<Page<ArchiveBoxDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ArchiveBox, 'b')
      .leftJoinAndSelect('b.category', 'category')
      .orderBy('b.category_code', 'ASC')
      .addOrderBy('b.year', 'DESC')
      .addOrderBy('b.retention', 'ASC')
      .addOrderBy('b.org_code', 'ASC')
      .addOrderBy('b.box_number', 'ASC');
    if (query.categoryCode) qb.andWhere('b.category_code = :category', { category: query.categoryCode });
    if (query.year) qb.andWhere('b.year = :year', { year: query.year });
    const page = await paginate(qb, query, (b) => toBoxDto(b, undefined));
    const spans = await this.spansOf(
      page.items.map((b) => b.id),
      viewer,
    );
    for (const box of page.items) Object.assign(box, spans.get(box.id) ?? { firstSeq: null, lastSeq: null, itemCount: 0 });
    return page;
  }

  async updateBox(id: string, dto: UpdateArchiveBoxDto, ctx: RequestContext): Promise<ArchiveBoxDto> {
    return this.dataSource.transaction(async (manager) => {
      const changes: Record<string, unknown> = {};
      for (const key of ['organiser', 'checker', 'checkedOn', 'note'] as const) if (dto[key] !== undefined) changes[key] = dto[key] || null;
      await updateVersioned(manager, ArchiveBox, id, dto.version, changes, 'archive box');
      await this.audit.record(manager, ctx, { action: 'archive.box.update', objectType: 'archive-box', objectId: id, details: changes });
      const box = await manager.findOneOrFail(ArchiveBox, { where: { id }, relations: { category: true } });
      return toBoxDto(box, (await this.spansOf([id], ctx.actor!, manager)).get(id));
    });
  }

  private async spansOf(
    boxIds: string[],
    viewer: Principal,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { firstSeq: number | null; lastSeq: number | null; itemCount: number }>> {
    const result = new Map<string, { firstSeq: number | null; lastSeq: number | null; itemCount: number }>();
    if (boxIds.length === 0) return result;
    const visible = this.access.visibleWhere(viewer, ARCHIVE_ITEM, 'i');
    const rows = await manager
      .createQueryBuilder(ArchiveItem, 'i')
      .select('i.box_id', 'boxId')
      .addSelect('min(i.seq)', 'first')
      .addSelect('max(i.seq)', 'last')
      .addSelect('count(*)::int', 'count')
      .where('i.box_id IN (:...boxIds)', { boxIds })
      .andWhere('i.destroyed_at IS NULL')
      .andWhere(visible.sql, visible.params)
      .groupBy('i.box_id')
      .getRawMany<{ boxId: string; first: number; last: number; count: number }>();
    for (const r of rows) result.set(r.boxId, { firstSeq: Number(r.first), lastSeq: Number(r.last), itemCount: Number(r.count) });
    return result;
  }

  // ---------- filing from documents (DOC-11) ----------

  /** Documents ready to file (待归档), each with the class filing would default to. */
  async listReadyToFile(viewer: Principal): Promise<ArchiveFilingCandidateDto[]> {
    const manager = this.dataSource.manager;
    const orgCode = await this.classification.defaultOrgCode(manager);
    const result: ArchiveFilingCandidateDto[] = [];
    for (const c of await this.filing.listReadyFor(viewer)) {
      // The default comes from the real title, even when the viewer may not see it.
      const full = c.titleHidden ? await this.filing.describe(c.kind, c.id, manager) : null;
      const defaults = await this.classification.defaultsFor(manager, full?.title ?? c.title, c.retention as RetentionPeriod);
      result.push({
        kind: c.kind,
        kindLabel: c.kindLabel,
        id: c.id,
        number: c.number,
        title: c.title,
        titleHidden: c.titleHidden,
        secrecy: c.secrecy,
        documentDate: c.documentDate,
        readyToFileAt: c.readyToFileAt,
        ...defaults,
        orgCode,
        year: Number(c.documentDate.slice(0, 4)),
      });
    }
    return result;
  }

  /**
   * Files a finished document into the archive: an item with its 档号 (class defaulted from the
   * retention schedule), its files copied and its history kept; the documents module is told
   * that the archive took it, in the same transaction.
   */
  async fileDocument(dto: FileDocumentIntoArchiveDto, ctx: RequestContext): Promise<ArchiveItemDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const doc = await this.filing.describe(dto.kind, dto.documentId, manager);
      if (!doc) throw notFound(dto.kind);
      const defaults = await this.classification.defaultsFor(manager, doc.title, doc.retention as RetentionPeriod);
      const orgCode = dto.orgCode ?? (await this.classification.defaultOrgCode(manager));
      if (!orgCode) throw badRequest('The archive has no 机构/问题 code yet', { orgCode: ['add a code first'] });
      const item = await this.accessionIn(
        manager,
        {
          categoryCode: dto.categoryCode ?? defaults.categoryCode,
          year: Number(doc.documentDate.slice(0, 4)),
          retention: dto.retention ?? defaults.retention,
          orgCode,
          documentNumber: doc.otherNumber ? `${doc.number ?? ''}${doc.number ? '；' : ''}${doc.otherNumber}` : doc.number,
          responsible: doc.responsible,
          title: doc.title,
          documentDate: doc.documentDate,
          secrecy: doc.secrecy,
          pages: doc.pages,
          remarks: null,
          disinfected: dto.disinfected ?? false,
          condition: dto.condition ?? 'good',
          boxNumber: dto.boxNumber ?? null,
          shelf: dto.shelf || null,
          source: { kind: dto.kind, id: dto.documentId, history: doc.history },
        },
        ctx,
      );
      await this.copyFiles(manager, doc.fileOwner, item.id, ctx);
      await this.filing.markFiled(dto.kind, dto.documentId, item.archiveNumber, ctx, manager);
      return item.id;
    });
    return this.get(id, ctx);
  }

  /**
   * Copies a document's files to the item. The stored bytes are copied as they are (a classified
   * document's files stay encrypted with their own IV and tag, and the item has the same secrecy);
   * the document keeps its own copies until its own retention ends.
   */
  private async copyFiles(manager: EntityManager, from: { type: string; id: string }, itemId: string, ctx: RequestContext): Promise<void> {
    const files = await manager.find(StoredFile, { where: { ownerType: from.type, ownerId: from.id }, order: { createdAt: 'ASC' } });
    for (const file of files) {
      const bytes = await collect(await this.storage.get(file.storageKey));
      const now = new Date();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
      await this.storage.put(key, Readable.from(bytes), bytes.length);
      const { id: _id, createdAt: _createdAt, uploader: _uploader, ...rest } = file;
      await manager.insert(StoredFile, { ...rest, storageKey: key, ownerType: ARCHIVE_ITEM, ownerId: itemId });
    }
    if (files.length) {
      await this.audit.record(manager, ctx, {
        action: 'file.copy',
        objectType: ARCHIVE_ITEM,
        objectId: itemId,
        details: { from, count: files.length },
      });
    }
  }

  // ---------- retention: appraisal (鉴定) and destruction ----------

  /** Items whose retention ran out by `asOf`: their appraisal puts them on a destruction list. 永久 never runs out. */
  private async findExpired(manager: EntityManager, asOf: string) {
    const expired = retentionExpiredWhere('i.retention', FORMED_ON, asOf);
    if (!expired) return [];
    const items = await manager
      .createQueryBuilder(ArchiveItem, 'i')
      .where('i.destroyed_at IS NULL')
      .andWhere(expired.sql, expired.params)
      .orderBy(FORMED_ON, 'ASC')
      .addOrderBy('i.archive_number', 'ASC')
      .getMany();
    return items.map((i) => ({
      id: i.id,
      number: i.archiveNumber,
      title: i.title,
      retention: RETENTION_PERIOD_LABELS[i.retention]['zh-CN'],
      dueOn: retentionExpiresOn(i.retention, i.documentDate)!,
      secrecy: i.secrecy,
    }));
  }

  /** Destroyed: the catalogue row stays (marked, linked to the list); the digitised files go with the paper. */
  private async markDestroyed(manager: EntityManager, ids: string[], destructionListId: string, ctx: RequestContext): Promise<void> {
    await manager.query(
      `UPDATE archive_items SET destroyed_at = now(), destruction_list_id = $2, version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND destroyed_at IS NULL`,
      [ids, destructionListId],
    );
    for (const id of ids) {
      await this.files.removeOwned(manager, { type: ARCHIVE_ITEM, id });
      await this.audit.record(manager, ctx, {
        action: 'archive.item.destroyed',
        objectType: ARCHIVE_ITEM,
        objectId: id,
        details: { destructionListId },
      });
    }
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function toItemDto(i: ArchiveItem): ArchiveItemDto {
  return {
    id: i.id,
    archiveNumber: i.archiveNumber,
    fondsCode: i.fondsCode,
    categoryCode: i.categoryCode,
    categoryName: i.category?.name ?? '',
    year: i.year,
    retention: i.retention,
    orgCode: i.orgCode,
    seq: i.seq,
    documentNumber: i.documentNumber,
    responsible: i.responsible,
    title: i.title,
    documentDate: i.documentDate,
    catalogueDate: catalogueDate(i.documentDate),
    secrecy: i.secrecy,
    pages: i.pages,
    remarks: i.remarks,
    disinfected: i.disinfected,
    condition: i.condition,
    boxId: i.boxId,
    boxNumber: i.box?.boxNumber ?? null,
    shelf: i.shelf,
    sourceKind: i.sourceKind,
    sourceId: i.sourceId,
    accessionedBy: { id: i.accessionedBy, name: i.accessioner?.name ?? '' },
    accessionedAt: i.accessionedAt.toISOString(),
    destroyedAt: i.destroyedAt?.toISOString() ?? null,
    version: i.version,
  };
}

function toBoxDto(b: ArchiveBox, span: { firstSeq: number | null; lastSeq: number | null; itemCount: number } | undefined): ArchiveBoxDto {
  return {
    id: b.id,
    fondsCode: b.fondsCode,
    categoryCode: b.categoryCode,
    categoryName: b.category?.name ?? '',
    year: b.year,
    retention: b.retention,
    orgCode: b.orgCode,
    boxNumber: b.boxNumber,
    firstSeq: span?.firstSeq ?? null,
    lastSeq: span?.lastSeq ?? null,
    itemCount: span?.itemCount ?? 0,
    organiser: b.organiser,
    checker: b.checker,
    checkedOn: b.checkedOn,
    note: b.note,
    version: b.version,
  };
}
