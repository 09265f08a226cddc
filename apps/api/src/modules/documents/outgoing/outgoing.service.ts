import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_RETENTION_SCHEDULE,
  OUTGOING_ACTION_LABELS,
  OUTGOING_EDITABLE_STATUSES,
  OUTGOING_SIGNOFF_APPROVAL_KIND,
  OUTGOING_SUBSTANTIVE_FIELDS,
  OUTGOING_SYSTEM_ACTIONS,
  PERMISSIONS,
  LIST_TOTAL_CAP,
  SEARCH_TOTAL_CAP,
  SECRECY_LABELS,
  clearanceCovers,
  isClassified,
  lintOutgoing,
  lintPasses,
  nextOutgoingStatus,
  outgoingActionsFrom,
  schoolDateOf,
  type LintFinding,
  type LintStage,
  type OutgoingAction,
  type OutgoingStatus,
  type SecrecyLevel,
} from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { ApprovalKindRegistry, type ApprovalOutcome } from '../../../platform/approvals/approval-kinds';
import { ApprovalsService } from '../../../platform/approvals/approvals.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import type { RowSource } from '../../../platform/excel/row-source';
import { rowSource } from '../../../platform/excel/row-source';
import type { AttachmentDto } from '../../../platform/files/files.dto';
import { FilesService } from '../../../platform/files/files.service';
import { badRequest, notFound } from '../../../platform/http/api-error';
import { paginateThenLoad, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { lintFailed, notACountersigner, notAReceiver, outgoingIllegalTransition, outgoingNotEditable } from '../documents.errors';
import type {
  CountersignOutgoingDto,
  DistributeOutgoingDto,
  PrintOutgoingDto,
  RegisterOutgoingDto,
  RequestCountersignDto,
} from './dto/outgoing-actions.dto';
import type { DraftOutgoingDto, UpdateOutgoingDto } from './dto/draft-outgoing.dto';
import type { OutgoingDocumentDetailDto, OutgoingDocumentDto, OutgoingLintDto, OutgoingPersonalAction } from './dto/outgoing-response.dto';
import type { QueryOutgoingDto } from './dto/query-outgoing.dto';
import { OutgoingDocument, OutgoingDocumentCountersign, OutgoingDocumentDistribution, OutgoingDocumentStep } from './outgoing.entity';
import { toLintable, toOutgoingDetailDto, toOutgoingDto } from './outgoing.mapper';
import { OutgoingNumbersService } from './outgoing-numbers.service';
import { matchCondition, type BodyMatches, type SearchableKind } from '../search/body-search';
import { DocumentTextsService } from '../search/document-texts.service';

/** The resource type of the access service, the files service and inbox items. */
export const OUTGOING_DOCUMENT = 'outgoing-document';

/** What `q` searches on an outgoing document: its title and 发文字号, and its files' body text (DOC-8). */
const OUTGOING_SEARCH: SearchableKind = { type: OUTGOING_DOCUMENT, columns: ['title', 'number'] };

const link = (id: string) => `/documents/outgoing/${id}`;

/** Statuses in which the document waits for the office (its inbox items are the office's). */
const OFFICE_STATUSES: readonly OutgoingStatus[] = [
  'checking',
  'office-review',
  'signed',
  'reviewed',
  'registered',
  'printed',
  'proofread',
  'sealed',
  'distributed',
];

/** Before 签发 the lint looks at the draft's elements; from then on at those of printing too. */
const lintStageOf = (status: OutgoingStatus): LintStage =>
  ['draft', 'checking', 'office-review', 'countersigning', 'signing'].includes(status) ? 'signoff' : 'printing';

type Changes = Partial<Record<string, unknown>>;

/** Fields a PATCH may not set to null (class-validator's IsOptional lets null through). */
const REQUIRED_FIELDS = ['docType', 'direction', 'title', 'secrecy', 'urgency', 'retention', 'mainRecipients', 'ccRecipients', 'signers'];

/**
 * Outgoing documents (发文, DOC-7, DOC-8, DOC-12): drafts with GB/T 9704's elements, the flow of
 * libs/shared outgoing.ts with its lint, 会签, the leader's 签发 through the approvals platform,
 * gap-free 发文字号 per 代字 at 登记, and distribution to each recipient.
 */
@Injectable()
export class OutgoingService implements OnModuleInit {
  private readonly logger = new Logger('OutgoingDocuments');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly inbox: InboxService,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly numbers: OutgoingNumbersService,
    private readonly documentTexts: DocumentTextsService,
  ) {}

  onModuleInit(): void {
    this.access.register(OUTGOING_DOCUMENT, {
      table: 'outgoing_documents',
      secrecyColumn: 'secrecy',
      departmentColumn: 'department_id',
      // Need-to-know: the drafter, the signer, the countersigners, the leaders asked to sign it off,
      // and once distributed the receiving departments' members and heads. The office staff it
      // reached hold grants (a classified draft is granted to the cleared reviewers at 送核稿).
      named: (o, me) =>
        `${o}.drafter_id = ${me} OR ${o}.signed_by = ${me}
         OR EXISTS (SELECT 1 FROM outgoing_document_countersigns c WHERE c.document_id = ${o}.id AND c.user_id = ${me})
         OR EXISTS (SELECT 1 FROM approval_requests ar JOIN approval_tasks apt ON apt.request_id = ar.id
                     WHERE ar.subject_type = 'outgoing-document' AND ar.subject_id = ${o}.id::text AND apt.assignee_id = ${me})
         OR EXISTS (SELECT 1 FROM outgoing_document_distributions dd WHERE dd.document_id = ${o}.id AND dd.distributed_at IS NOT NULL
                     AND dd.department_id IN (SELECT u.department_id FROM users u WHERE u.id = ${me}
                                              UNION SELECT dep.id FROM departments dep WHERE dep.head_id = ${me}))`,
      // Only the drafter changes a draft besides the office (documents.outgoing.review).
      changers: (o, me) => `${o}.drafter_id = ${me}`,
    });
    this.approvalKinds.register({
      kind: OUTGOING_SIGNOFF_APPROVAL_KIND,
      name: '发文签发',
      nameEn: 'Outgoing document sign-off',
      defaultSteps: [{ name: '校领导签发', approvers: { type: 'role', role: 'school-leader' }, mode: 'any', timeLimitHours: 48 }],
      onOutcome: (outcome, manager) => this.onSignoffOutcome(outcome, manager),
    });
  }

  private today(): string {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  // ---------- drafting (拟稿) ----------

  async draft(dto: DraftOutgoingDto, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    const actor = ctx.actor!;
    const secrecy = dto.secrecy ?? 'none';
    if (!clearanceCovers(actor.clearance, secrecy)) {
      throw badRequest('The draft is above your clearance', { secrecy: ['the draft is above your clearance'] });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const departmentId = dto.departmentId ?? actor.departmentId ?? null;
      await this.assertDepartment(manager, departmentId, 'departmentId');
      const doc = manager.create(OutgoingDocument, {
        status: 'draft',
        docType: dto.docType,
        direction: dto.direction,
        title: dto.title,
        body: dto.body ?? null,
        bodyFileId: dto.bodyFileId ?? null,
        attachmentNote: dto.attachmentNote?.trim() || null,
        mainRecipients: dto.mainRecipients ?? [],
        ccRecipients: dto.ccRecipients ?? [],
        signers: (dto.signers ?? []).map((s) => s.trim()),
        secrecy,
        secrecyPeriod: dto.secrecyPeriod || null,
        copyNumber: dto.copyNumber || null,
        urgency: dto.urgency ?? 'normal',
        issuerMark: dto.issuerMark || null,
        writtenOn: dto.writtenOn ?? null,
        remark: dto.remark?.trim() || null,
        printingOrg: dto.printingOrg || null,
        printedOn: dto.printedOn ?? null,
        retention: dto.retention ?? DEFAULT_RETENTION_SCHEDULE[dto.docType],
        departmentId,
        drafterId: actor.id,
      });
      await manager.insert(OutgoingDocument, doc);
      await this.attachFiles(manager, doc.id, dto.attachmentIds ?? [], dto.bodyFileId, ctx, secrecy);
      await this.recordStep(manager, doc.id, 'draft', 'draft', 'draft', ctx, null);
      await this.audit.record(manager, ctx, {
        action: 'document.outgoing.draft',
        objectType: OUTGOING_DOCUMENT,
        objectId: doc.id,
        details: { title: doc.title, docType: doc.docType, secrecy },
      });
      return doc.id;
    });
    return this.get(id, ctx);
  }

  /**
   * An edit with the version read (409 when stale). The drafter edits a draft; the office edits
   * while it checks it and in 复核. A substantive change after 签发 (the text, recipients,
   * attachments, secrecy…) goes back to the signer: the document waits for a new 签发.
   */
  async update(id: string, dto: UpdateOutgoingDto, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    const actor = ctx.actor!;
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(actor, { type: OUTGOING_DOCUMENT, id }, ctx, manager);
      const doc = await this.lockDocument(manager, id);
      const office = actor.permissions.has(PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW);
      if (doc.destroyedAt || !OUTGOING_EDITABLE_STATUSES.includes(doc.status) || (!office && doc.status !== 'draft'))
        throw outgoingNotEditable(doc.status);
      if (dto.secrecy && !clearanceCovers(actor.clearance, dto.secrecy)) {
        throw badRequest('The draft is above your clearance', { secrecy: ['the draft is above your clearance'] });
      }
      if (dto.departmentId) await this.assertDepartment(manager, dto.departmentId, 'departmentId');

      const { version, attachmentIds, removeAttachmentIds, ...fields } = dto;
      const required = Object.keys(fields).filter((key) => fields[key as keyof typeof fields] === null && REQUIRED_FIELDS.includes(key));
      if (required.length) throw badRequest('Some fields cannot be emptied', Object.fromEntries(required.map((k) => [k, ['required']])));
      const changes: Changes = {};
      for (const [key, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        const normalised = typeof value === 'string' ? value.trim() || null : value;
        if (JSON.stringify((doc as unknown as Record<string, unknown>)[key] ?? null) !== JSON.stringify(normalised))
          changes[key] = normalised;
      }
      const owner = { type: OUTGOING_DOCUMENT, id };
      // Files attached already are no change: the form sends its whole list again.
      const attached = await this.files.attachedTo(manager, owner, attachmentIds ?? []);
      const newFiles = (attachmentIds ?? []).filter((fileId) => fileId && !attached.has(fileId));
      const removedFiles = [...new Set(removeAttachmentIds ?? [])];
      if (removedFiles.some((fileId) => fileId === doc.bodyFileId || fileId === changes.bodyFileId || newFiles.includes(fileId))) {
        throw badRequest('The body file cannot be removed', {
          removeAttachmentIds: ['the body file is replaced through bodyFileId, and a file cannot be added and removed at once'],
        });
      }
      const filesChanged = newFiles.length > 0 || removedFiles.length > 0;
      const substantive = filesChanged || OUTGOING_SUBSTANTIVE_FIELDS.some((field) => field !== 'attachmentIds' && field in changes);
      if (Object.keys(changes).length === 0 && !filesChanged) return this.get(id, ctx, manager);

      await updateVersioned(manager, OutgoingDocument, id, version, changes, OUTGOING_DOCUMENT);
      const secrecyNow = (changes.secrecy as SecrecyLevel | undefined) ?? doc.secrecy;
      await this.attachFiles(manager, id, newFiles, changes.bodyFileId as string | undefined, ctx, secrecyNow);
      await this.files.detach(manager, removedFiles, owner, ctx);
      // A draft that becomes classified takes its body text out of the index in this transaction;
      // one that becomes unclassified has its files read (DOC-8: classified documents give metadata only).
      if ('secrecy' in changes) {
        if (isClassified(secrecyNow)) await this.documentTexts.forget(manager, { type: OUTGOING_DOCUMENT, id });
        else await this.documentTexts.filesAttached(manager, { type: OUTGOING_DOCUMENT, id }, secrecyNow);
      }
      await this.audit.record(manager, ctx, {
        action: 'document.outgoing.update',
        objectType: OUTGOING_DOCUMENT,
        objectId: id,
        details: { fields: Object.keys(changes), attached: newFiles, removed: removedFiles, substantive },
      });
      if (substantive && (doc.status === 'signed' || doc.status === 'reviewed')) {
        // 实质性修改 after 签发: back to the signer for a new 签发 (DOC-7).
        const fresh = await this.lockDocument(manager, id);
        await this.transition(
          manager,
          fresh,
          'revise',
          ctx,
          `实质性修改：${Object.keys(changes)
            .concat(filesChanged ? ['attachments'] : [])
            .join(', ')}`,
        );
        await this.requestSignoffIn(manager, fresh, ctx, true);
      }
      return this.get(id, ctx, manager);
    });
  }

  // ---------- reading (DOC-7, DOC-8, DOC-12) ----------

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<OutgoingDocumentDetailDto> {
    const viewer = ctx.actor!;
    await this.access.assertCanRead(viewer, { type: OUTGOING_DOCUMENT, id }, ctx, manager);
    const doc = await this.baseQuery(manager).where('d.id = :id', { id }).getOne();
    if (!doc) throw notFound(OUTGOING_DOCUMENT);
    const [attachments, steps, countersigns, distributions] = await Promise.all([
      this.attachmentsOf(manager, id),
      manager.find(OutgoingDocumentStep, { where: { documentId: id }, relations: { actor: true }, order: { at: 'ASC', id: 'ASC' } }),
      this.currentCountersigns(manager, id),
      manager.find(OutgoingDocumentDistribution, {
        where: { documentId: id },
        relations: { department: true, distributor: true, confirmer: true },
        order: { kind: 'ASC', id: 'ASC' },
      }),
    ]);
    const stage = lintStageOf(doc.status);
    const findings = lintOutgoing(toLintable(doc, attachments), stage);
    const personal: OutgoingPersonalAction[] = [];
    const office = viewer.permissions.has(PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW);
    // A destroyed document (DOC-10) keeps its metadata but offers nothing more to do.
    const live = !doc.destroyedAt;
    if (live && doc.status === 'countersigning' && countersigns.some((c) => c.userId === viewer.id && c.status === 'pending')) {
      personal.push('countersign');
    }
    if (live && ['distributed', 'ready-to-file'].includes(doc.status)) {
      const mine = await this.confirmableDistributions(manager, viewer, distributions);
      if (mine.some((d) => !d.confirmedAt)) personal.push('confirm-distribution');
    }
    if (live && OUTGOING_EDITABLE_STATUSES.includes(doc.status) && (office || (doc.status === 'draft' && doc.drafterId === viewer.id))) {
      personal.push('edit');
    }
    return toOutgoingDetailDto(doc, {
      allowedActions: this.allowedActions(doc, viewer),
      personalActions: personal,
      attachments,
      steps,
      countersigns,
      distributions,
      lint: { stage, findings, passes: lintPasses(findings) },
    });
  }

  /** The GB/T 9704 lint of a document at the stage ahead, or at the stage asked. */
  async lint(id: string, stage: LintStage | undefined, ctx: RequestContext): Promise<OutgoingLintDto> {
    const viewer = ctx.actor!;
    await this.access.assertCanRead(viewer, { type: OUTGOING_DOCUMENT, id }, ctx);
    const doc = await this.dataSource.manager.findOneBy(OutgoingDocument, { id });
    if (!doc) throw notFound(OUTGOING_DOCUMENT);
    const at = stage ?? lintStageOf(doc.status);
    const findings = lintOutgoing(toLintable(doc, await this.attachmentsOf(this.dataSource.manager, id)), at);
    return { stage: at, findings, passes: lintPasses(findings) };
  }

  async list(query: QueryOutgoingDto, viewer: Principal): Promise<Page<OutgoingDocumentDto>> {
    const term = query.q?.trim();
    // Body matches are looked up first: an OR across the two tables defeats both bigram indexes (body-search.ts).
    const bodies = term ? (await this.documentTexts.lookUpBodyMatches(OUTGOING_DOCUMENT, term)).matches : undefined;
    return paginateThenLoad(
      this.listQuery(query, viewer, { withRelations: false, bodies }),
      query,
      (ids) => this.baseQuery().where('d.id IN (:...ids)', { ids }).getMany(),
      (doc) => toOutgoingDto(doc, this.allowedActions(doc, viewer)),
      term ? SEARCH_TOTAL_CAP : LIST_TOTAL_CAP,
    );
  }

  /** The register (发文登记簿, DOC-12): every visible row of the list's filters, for the Excel export. */
  exportRows(query: QueryOutgoingDto, viewer: Principal): RowSource<OutgoingDocumentDto> {
    return rowSource(this.listQuery(query, viewer), (docs) => docs.map((doc) => toOutgoingDto(doc, this.allowedActions(doc, viewer))));
  }

  private baseQuery(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<OutgoingDocument> {
    return manager
      .createQueryBuilder(OutgoingDocument, 'd')
      .leftJoinAndSelect('d.prefix', 'prefix')
      .leftJoinAndSelect('d.department', 'department')
      .leftJoinAndSelect('d.drafter', 'drafter')
      .leftJoinAndSelect('d.signer', 'signer');
  }

  /** `bodies`: the documents whose body text matches `q`, looked up beforehand (see matchCondition). */
  private listQuery(
    query: QueryOutgoingDto,
    viewer: Principal,
    { withRelations = true, bodies }: { withRelations?: boolean; bodies?: BodyMatches } = {},
  ): SelectQueryBuilder<OutgoingDocument> {
    const visible = this.access.visibleWhere(viewer, OUTGOING_DOCUMENT, 'd');
    const base = withRelations ? this.baseQuery() : this.dataSource.manager.createQueryBuilder(OutgoingDocument, 'd');
    const qb = base
      .where(visible.sql, visible.params)
      .orderBy('d.year', 'DESC', 'NULLS FIRST')
      .addOrderBy('d.seq', 'DESC', 'NULLS FIRST')
      .addOrderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC');
    if (query.docType) qb.andWhere('d.doc_type = :docType', { docType: query.docType });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.secrecy) qb.andWhere('d.secrecy = :secrecy', { secrecy: query.secrecy });
    if (query.urgency) qb.andWhere('d.urgency = :urgency', { urgency: query.urgency });
    if (query.prefixId) qb.andWhere('d.prefix_id = :prefixId', { prefixId: query.prefixId });
    if (query.number) qb.andWhere('d.number = :number', { number: query.number.trim() });
    const day = `COALESCE(d.written_on, (d.created_at AT TIME ZONE :tz)::date)`;
    if (query.dateFrom) qb.andWhere(`${day} >= :dateFrom`, { dateFrom: query.dateFrom, tz: this.config.schoolTimeZone });
    if (query.dateTo) qb.andWhere(`${day} <= :dateTo`, { dateTo: query.dateTo, tz: this.config.schoolTimeZone });
    const term = query.q?.trim();
    if (term) {
      // Title, number, or the body text of an unclassified document's files (DOC-8).
      const match = matchCondition(OUTGOING_SEARCH, 'd', term, bodies);
      qb.andWhere(match.sql, match.params);
    }
    return qb;
  }

  /** The flow's actions this person may take now: the office's steps, and 送核稿 for the drafter. */
  private allowedActions(doc: OutgoingDocument, viewer: Principal): OutgoingAction[] {
    if (doc.destroyedAt) return [];
    const office = viewer.permissions.has(PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW);
    return outgoingActionsFrom(doc.status).filter((action) => {
      if (OUTGOING_SYSTEM_ACTIONS.includes(action) || action === 'countersign') return false;
      // From 会签 the last agreement moves on by itself.
      if (doc.status === 'countersigning' && action === 'request-signoff') return false;
      if (action === 'submit')
        return office || (doc.drafterId === viewer.id && viewer.permissions.has(PERMISSIONS.DOCUMENTS_OUTGOING_DRAFT));
      return office;
    });
  }

  // ---------- the flow ----------

  /** 送核稿: the drafter (or the office) hands the draft to the office. */
  async submit(id: string, note: string | undefined, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'submit', ctx, note, async (_manager, doc) => {
      const office = ctx.actor!.permissions.has(PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW);
      if (!office && doc.drafterId !== ctx.actor!.id) throw outgoingIllegalTransition(doc.status, 'submit');
    });
  }

  /** 核稿 passed. */
  check(id: string, note: string | undefined, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'check', ctx, note);
  }

  /** 退回修改 at 核稿, 办公室审核 or 会签: back to the drafter with the reason. */
  returnToDrafter(id: string, reason: string, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'return', ctx, reason, async (manager) => {
      await manager.update(OutgoingDocument, { id }, { returnReason: reason });
    });
  }

  /** 送会签: the named departments (their heads) or persons must all agree before 签发. */
  requestCountersign(id: string, dto: RequestCountersignDto, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'request-countersign', ctx, dto.note, async (manager, doc) => {
      await this.assertLint(manager, doc, 'signoff');
      const errors: Record<string, string[]> = {};
      dto.countersigners.forEach((c, i) => {
        if (Boolean(c.departmentId) === Boolean(c.userId)) errors[`countersigners[${i}]`] = ['name a department or a person, not both'];
      });
      if (Object.keys(errors).length) throw badRequest('Some countersigners are wrong', errors);
      const people: { departmentId: string | null; userId: string; clearance: SecrecyLevel }[] = [];
      for (const c of dto.countersigners) {
        if (c.departmentId) {
          const [dept] = await manager.query(
            `SELECT d.head_id, u.clearance FROM departments d LEFT JOIN users u ON u.id = d.head_id AND u.active WHERE d.id = $1`,
            [c.departmentId],
          );
          if (!dept) throw badRequest('No such department', { countersigners: [`department ${c.departmentId} does not exist`] });
          if (!dept.head_id || !dept.clearance)
            throw badRequest('The department has no head', { countersigners: ['a department without a head cannot countersign'] });
          people.push({ departmentId: c.departmentId, userId: dept.head_id, clearance: dept.clearance });
        } else {
          const [user] = await manager.query('SELECT id, clearance FROM users WHERE id = $1 AND active', [c.userId]);
          if (!user) throw badRequest('No such person', { countersigners: ['no active account has this id'] });
          people.push({ departmentId: null, userId: user.id, clearance: user.clearance });
        }
      }
      if (new Set(people.map((p) => p.userId)).size !== people.length) {
        throw badRequest('A countersigner is named twice', {
          countersigners: ['a person is named twice (a department counts as its head)'],
        });
      }
      if (people.some((p) => !clearanceCovers(p.clearance, doc.secrecy))) {
        throw badRequest('A countersigner lacks clearance', {
          countersigners: ['a countersigner’s clearance does not cover the document'],
        });
      }
      const [{ round }] = await manager.query(
        'SELECT COALESCE(max(round), 0) + 1 AS round FROM outgoing_document_countersigns WHERE document_id = $1',
        [id],
      );
      for (const p of people) {
        await manager.insert(OutgoingDocumentCountersign, { documentId: id, departmentId: p.departmentId, userId: p.userId, round });
      }
      return { countersigners: people.map((p) => p.userId), round };
    });
  }

  /** 会签: a countersigner agrees, or disagrees with a reason (the draft goes back). The last agreement sends it to 签发. */
  async countersign(id: string, dto: CountersignOutgoingDto, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    const actor = ctx.actor!;
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(actor, { type: OUTGOING_DOCUMENT, id }, ctx, manager);
      const doc = await this.lockDocument(manager, id);
      if (doc.status !== 'countersigning') throw outgoingIllegalTransition(doc.status, 'countersign');
      const current = await this.currentCountersigns(manager, id);
      const mine = current.find((c) => c.userId === actor.id);
      if (!mine) throw notACountersigner();
      if (mine.status !== 'pending') throw outgoingIllegalTransition(doc.status, 'countersign', 'You have answered already');
      if (!dto.agree && !dto.opinion) throw badRequest('Give the reason', { opinion: ['a disagreement needs its reason'] });
      await manager.update(
        OutgoingDocumentCountersign,
        { id: mine.id },
        { status: dto.agree ? 'agreed' : 'disagreed', opinion: dto.opinion ?? null, decidedAt: new Date() },
      );
      await this.audit.record(manager, ctx, {
        action: 'document.outgoing.countersign',
        objectType: OUTGOING_DOCUMENT,
        objectId: id,
        details: { agree: dto.agree, opinion: dto.opinion ?? null },
      });
      await this.recordStep(
        manager,
        id,
        'countersign',
        doc.status,
        doc.status,
        ctx,
        `${dto.agree ? '同意' : '不同意'}${dto.opinion ? `：${dto.opinion}` : ''}`,
      );
      await this.inbox.close(manager, { sourceType: OUTGOING_DOCUMENT, sourceId: id, assigneeId: actor.id });
      if (!dto.agree) {
        await manager.update(OutgoingDocument, { id }, { returnReason: `会签不同意：${dto.opinion}` });
        await this.transition(manager, doc, 'return', ctx, dto.opinion ?? null);
      } else if (current.every((c) => c.id === mine.id || c.status === 'agreed')) {
        await this.requestSignoffIn(manager, doc, ctx, false);
      }
      return this.get(id, ctx, manager);
    });
  }

  /** 送签发: the lint must pass; the leaders of the chain `outgoing-signoff` get the task. */
  async requestSignoff(id: string, note: string | undefined, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: OUTGOING_DOCUMENT, id }, ctx, manager);
      const doc = await this.lockDocument(manager, id);
      if (doc.status !== 'office-review') throw outgoingIllegalTransition(doc.status, 'request-signoff');
      await this.requestSignoffIn(manager, doc, ctx, false, note);
      return this.get(id, ctx, manager);
    });
  }

  /** Submits the 签发 request in the caller's transaction, after the lint; `again` after a substantive change. */
  private async requestSignoffIn(
    manager: EntityManager,
    doc: OutgoingDocument,
    ctx: RequestContext,
    again: boolean,
    note?: string,
  ): Promise<void> {
    await this.assertLint(manager, doc, 'signoff');
    if (!again) await this.transition(manager, doc, 'request-signoff', ctx, note ?? null);
    const requestId = await this.approvals.submit(
      manager,
      {
        kind: OUTGOING_SIGNOFF_APPROVAL_KIND,
        // A classified document's title stays out of the request: approvals are seen without clearance checks.
        title: `${again ? '发文重新签发' : '发文签发'}：${doc.secrecy === 'none' ? doc.title : `【${SECRECY_LABELS[doc.secrecy]['zh-CN']}】发文`}`,
        subjectType: OUTGOING_DOCUMENT,
        subjectId: doc.id,
        data: {
          docType: doc.docType,
          secrecy: doc.secrecy,
          urgency: doc.urgency,
          again,
          ...(doc.secrecy === 'none' ? { title: doc.title } : {}),
        },
      },
      ctx,
    );
    await manager.update(OutgoingDocument, { id: doc.id }, { signoffRequestId: requestId });
  }

  /** The leader's decision: approved is 签发 (成文日期 defaults to its date); rejected or withdrawn returns the draft. */
  private async onSignoffOutcome(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== OUTGOING_DOCUMENT || !outcome.subjectId) return;
    const doc = await this.lockDocument(manager, outcome.subjectId).catch(() => null);
    // A decision on a request the document no longer waits for (replaced after a change) changes nothing.
    if (!doc || doc.status !== 'signing' || doc.signoffRequestId !== outcome.requestId) return;
    const [decision] = await manager.query(
      `SELECT actor_id, comment FROM approval_events WHERE request_id = $1 AND action IN ('approve', 'reject') ORDER BY id DESC LIMIT 1`,
      [outcome.requestId],
    );
    const [actor] = decision?.actor_id ? await manager.query('SELECT id, name FROM users WHERE id = $1', [decision.actor_id]) : [];
    const ctx: RequestContext = actor ? { ...SYSTEM_CONTEXT, actor: { id: actor.id, name: actor.name } as Principal } : SYSTEM_CONTEXT;
    if (outcome.status === 'approved') {
      const now = new Date();
      await manager.update(
        OutgoingDocument,
        { id: doc.id },
        {
          signedBy: actor?.id ?? null,
          signedAt: now,
          signoffOpinion: decision?.comment ?? null,
          signoffRound: doc.signoffRound + 1,
          writtenOn: doc.writtenOn ?? schoolDateOf(now, this.config.schoolTimeZone),
        },
      );
      await this.transition(manager, doc, 'sign-off', ctx, decision?.comment ?? null);
    } else {
      const reason = outcome.status === 'withdrawn' ? '签发申请已撤回' : `不予签发${decision?.comment ? `：${decision.comment}` : ''}`;
      await manager.update(OutgoingDocument, { id: doc.id }, { returnReason: reason });
      await this.transition(manager, doc, 'reject-signoff', ctx, reason);
    }
    this.logger.log(`Outgoing document ${doc.id}: sign-off ${outcome.status}`);
  }

  /** 复核 passed. */
  review(id: string, note: string | undefined, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'review', ctx, note);
  }

  /**
   * 登记: the 发文字号 from the 代字's counter (or a reserved number), then the distribution list.
   * Both in one transaction: a list naming an unknown department rolls the number back.
   */
  register(id: string, dto: RegisterOutgoingDto, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'register', ctx, undefined, async (manager, doc) => {
      // The year of the 成文日期 (GB/T 9704 7.2.4); a reserved number keeps its own (the printing lint compares them).
      const numbered = dto.reservedNumberId
        ? await this.numbers.useReserved(manager, dto.reservedNumberId, dto.prefixId, doc.id)
        : await this.numbers.use(manager, dto.prefixId, Number((doc.writtenOn ?? this.today()).slice(0, 4)), doc.id, ctx);
      const errors: Record<string, string[]> = {};
      dto.distribution.forEach((r, i) => {
        if (Boolean(r.departmentId) === Boolean(r.orgName))
          errors[`distribution[${i}]`] = ['name a department or an organisation, not both'];
      });
      if (Object.keys(errors).length) throw badRequest('Some recipients are wrong', errors);
      for (const [i, r] of dto.distribution.entries()) {
        if (!r.departmentId) continue;
        const [dept] = await manager.query('SELECT 1 FROM departments WHERE id = $1', [r.departmentId]);
        if (!dept) throw badRequest('No such department', { [`distribution[${i}]`]: [`department ${r.departmentId} does not exist`] });
      }
      for (const r of dto.distribution) {
        await manager.insert(OutgoingDocumentDistribution, {
          documentId: id,
          kind: r.kind,
          departmentId: r.departmentId ?? null,
          orgName: r.departmentId ? null : r.orgName!,
          copies: r.copies ?? 1,
        });
      }
      const copies = dto.copies ?? dto.distribution.reduce((sum, r) => sum + (r.copies ?? 1), 0);
      await manager.update(
        OutgoingDocument,
        { id },
        { prefixId: dto.prefixId, year: numbered.year, seq: numbered.seq, number: numbered.number, copies },
      );
      return { number: numbered.number, reserved: Boolean(dto.reservedNumberId), copies, recipients: dto.distribution.length };
    });
  }

  /** 印制: the printing details are set, and the lint of printing must pass (number, dates, 印发机关). */
  print(id: string, dto: PrintOutgoingDto, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'print', ctx, dto.note, async (manager, doc) => {
      const changes = {
        printingOrg: dto.printingOrg ?? doc.printingOrg,
        printedOn: dto.printedOn ?? doc.printedOn ?? this.today(),
      };
      await manager.update(OutgoingDocument, { id }, changes);
      await this.assertLint(manager, { ...doc, ...changes } as OutgoingDocument, 'printing');
      return changes;
    });
  }

  proofread(id: string, note: string | undefined, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'proofread', ctx, note);
  }

  seal(id: string, note: string | undefined, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'seal', ctx, note);
  }

  /** 分发: each recipient of the list is sent the document by a method, now; the school's departments get it in their inbox. */
  distribute(id: string, dto: DistributeOutgoingDto, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'distribute', ctx, dto.note, async (manager, doc) => {
      const rows = await manager.find(OutgoingDocumentDistribution, { where: { documentId: id } });
      const methods = new Map((dto.methods ?? []).map((m) => [m.distributionId, m.method]));
      for (const key of methods.keys()) {
        if (!rows.some((r) => r.id === key)) throw badRequest('Not on the list', { methods: [`${key} is not on the distribution list`] });
      }
      const now = new Date();
      for (const row of rows) {
        const method = methods.get(row.id) ?? (row.departmentId ? 'system' : 'paper');
        await manager.update(OutgoingDocumentDistribution, { id: row.id }, { method, distributedAt: now, distributedBy: ctx.actor!.id });
        if (!row.departmentId) continue;
        const [dept] = await manager.query(
          'SELECT dep.head_id, u.clearance FROM departments dep JOIN users u ON u.id = dep.head_id AND u.active WHERE dep.id = $1',
          [row.departmentId],
        );
        // A head without the clearance gets the paper copy only: nothing in the system that names the document.
        if (!dept || !clearanceCovers(dept.clearance, doc.secrecy)) continue;
        // Their inbox item opens with the hand-over (handOver), after the office's items are closed.
        await this.access.grant(manager, { objectType: OUTGOING_DOCUMENT, objectId: id, userId: dept.head_id, reason: 'recipient' }, ctx);
        await this.notifications.notify(manager, {
          recipientIds: [dept.head_id],
          kind: 'document.outgoing.distributed',
          title: `请签收发文 ${doc.number}`,
          body: `「${doc.title}」已分发，请在系统中确认签收。`,
          link: link(id),
        });
      }
      return { recipients: rows.length };
    });
  }

  /** A recipient confirms; the office records a paper receipt with the name signed on it. */
  async confirmDistribution(id: string, distributionId: string, receiptName: string | undefined, ctx: RequestContext) {
    const actor = ctx.actor!;
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(actor, { type: OUTGOING_DOCUMENT, id }, ctx, manager);
      const doc = await this.lockDocument(manager, id);
      if (doc.destroyedAt) throw outgoingIllegalTransition(doc.status, 'distribute', 'The document was destroyed (DOC-10)');
      if (!['distributed', 'ready-to-file'].includes(doc.status))
        throw outgoingIllegalTransition(doc.status, 'distribute', 'Not distributed yet');
      const row = await manager.findOne(OutgoingDocumentDistribution, { where: { id: distributionId, documentId: id } });
      if (!row) throw notFound('distribution');
      const mine = await this.confirmableDistributions(manager, actor, [row]);
      if (mine.length === 0) throw notAReceiver();
      if (row.confirmedAt) throw outgoingIllegalTransition(doc.status, 'distribute', 'This recipient has confirmed already');
      await manager.update(
        OutgoingDocumentDistribution,
        { id: row.id },
        { confirmedAt: new Date(), confirmedBy: actor.id, receiptName: receiptName ?? null },
      );
      await this.inbox.close(manager, { sourceType: OUTGOING_DOCUMENT, sourceId: id, assigneeId: actor.id });
      await this.audit.record(manager, ctx, {
        action: 'document.outgoing.confirm',
        objectType: OUTGOING_DOCUMENT,
        objectId: id,
        details: { distributionId, receiptName: receiptName ?? null },
      });
      return this.get(id, ctx, manager);
    });
  }

  /** 归档: marked ready to file (DOC-11); moving it into the archive is the administration module's. */
  file(id: string, note: string | undefined, ctx: RequestContext): Promise<OutgoingDocumentDetailDto> {
    return this.move(id, 'file', ctx, note, async (manager) => {
      await manager.update(OutgoingDocument, { id }, { readyToFileAt: new Date() });
    });
  }

  /**
   * 归档 asked from the filing list (DOC-11, filing/): the same move as the button, in the
   * filing's transaction, on a document the caller has locked.
   */
  async fileIn(manager: EntityManager, doc: OutgoingDocument, ctx: RequestContext): Promise<void> {
    await manager.update(OutgoingDocument, { id: doc.id }, { readyToFileAt: new Date() });
    await this.transition(manager, doc, 'file', ctx, null);
  }

  // ---------- the machinery of a move ----------

  /**
   * One flow move: the person may see the document (else 404) and holds the action's permission
   * (else 403, by the guard); the row is locked, the table of libs/shared decides (else 409), the
   * effect, the status, the step, the inbox items and the audit entry commit together.
   */
  private async move(
    id: string,
    action: OutgoingAction,
    ctx: RequestContext,
    note: string | undefined,
    effect?: (manager: EntityManager, doc: OutgoingDocument) => Promise<Record<string, unknown> | void>,
  ): Promise<OutgoingDocumentDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: OUTGOING_DOCUMENT, id }, ctx, manager);
      const doc = await this.lockDocument(manager, id);
      // A destroyed document (DOC-10) keeps its metadata but moves no more.
      if (!nextOutgoingStatus(doc.status, action) || doc.destroyedAt) throw outgoingIllegalTransition(doc.status, action);
      const details = (await effect?.(manager, doc)) ?? {};
      // The effect may have given it a number or dates: the hand-over's inbox titles show them.
      if (effect) Object.assign(doc, await manager.findOneByOrFail(OutgoingDocument, { id }));
      await this.transition(manager, doc, action, ctx, note ?? null, details);
      return this.get(id, ctx, manager);
    });
  }

  /** Moves the locked document by `action`: status, step, hand-over of the inbox items, audit. */
  private async transition(
    manager: EntityManager,
    doc: OutgoingDocument,
    action: OutgoingAction,
    ctx: RequestContext,
    note: string | null,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    const next = nextOutgoingStatus(doc.status, action);
    if (!next || doc.destroyedAt) throw outgoingIllegalTransition(doc.status, action);
    await manager.query('UPDATE outgoing_documents SET status = $2, version = version + 1, updated_at = now() WHERE id = $1', [
      doc.id,
      next,
    ]);
    await this.recordStep(manager, doc.id, action, doc.status, next, ctx, note);
    await this.handOver(manager, doc, next, ctx);
    await this.audit.record(manager, ctx, {
      action: `document.outgoing.${action}`,
      objectType: OUTGOING_DOCUMENT,
      objectId: doc.id,
      details: { from: doc.status, to: next, note, ...details },
    });
    doc.status = next;
  }

  /**
   * The document's inbox items follow it: the actor's item is done, the others' cancelled, and
   * whoever holds it next gets one (the drafter for a returned draft, the countersigners, or the
   * office staff for the office's steps; a leader's 签发 task is the approvals platform's).
   */
  private async handOver(manager: EntityManager, doc: OutgoingDocument, next: OutgoingStatus, ctx: RequestContext): Promise<void> {
    const source = { sourceType: OUTGOING_DOCUMENT, sourceId: doc.id };
    if (ctx.actor) await this.inbox.close(manager, { ...source, assigneeId: ctx.actor.id }, 'done');
    await this.inbox.close(manager, source, 'cancelled');
    const label = doc.number ?? '（未编号）';
    if (next === 'draft' && doc.drafterId) {
      await this.inbox.open(manager, { assigneeId: doc.drafterId, ...source, title: `发文退回修改：${doc.title}`, link: link(doc.id) });
      await this.notifications.notify(manager, {
        recipientIds: [doc.drafterId],
        kind: 'document.outgoing.returned',
        title: `发文退回修改：${doc.title}`,
        body: `您拟稿的「${doc.title}」已退回修改，请查看退回原因。`,
        link: link(doc.id),
      });
    } else if (next === 'countersigning') {
      const pending = (await this.currentCountersigns(manager, doc.id)).filter((c) => c.status === 'pending');
      for (const c of pending) {
        await this.access.grant(manager, { objectType: OUTGOING_DOCUMENT, objectId: doc.id, userId: c.userId, reason: 'recipient' }, ctx);
        await this.inbox.open(manager, { assigneeId: c.userId, ...source, title: `发文会签：${doc.title}`, link: link(doc.id) });
      }
      if (pending.length) {
        await this.notifications.notify(manager, {
          recipientIds: pending.map((c) => c.userId),
          kind: 'document.outgoing.countersign',
          title: `待会签发文：${doc.title}`,
          body: `「${doc.title}」请您会签。`,
          link: link(doc.id),
        });
      }
    }
    if (next === 'distributed') {
      // The heads of the receiving departments confirm receipt (签收).
      const heads: { head_id: string; clearance: SecrecyLevel }[] = await manager.query(
        `SELECT DISTINCT dep.head_id, u.clearance FROM outgoing_document_distributions dd
           JOIN departments dep ON dep.id = dd.department_id JOIN users u ON u.id = dep.head_id AND u.active
          WHERE dd.document_id = $1 AND dd.confirmed_at IS NULL`,
        [doc.id],
      );
      for (const { head_id } of heads.filter((h) => clearanceCovers(h.clearance, doc.secrecy))) {
        await this.inbox.open(manager, { assigneeId: head_id, ...source, title: `发文签收 ${label}：${doc.title}`, link: link(doc.id) });
      }
    }
    if (OFFICE_STATUSES.includes(next)) {
      const granted = new Set(
        (
          await manager.query(`SELECT user_id FROM access_grants WHERE object_type = $1 AND object_id = $2`, [OUTGOING_DOCUMENT, doc.id])
        ).map((g: { user_id: string }) => g.user_id),
      );
      for (const person of await this.officeStaff(manager, doc.secrecy)) {
        // A classified draft reaches only cleared office staff, who get need-to-know on it (once).
        if (doc.secrecy !== 'none' && !granted.has(person)) {
          await this.access.grant(manager, { objectType: OUTGOING_DOCUMENT, objectId: doc.id, userId: person, reason: 'recipient' }, ctx);
        }
        await this.inbox.open(manager, {
          assigneeId: person,
          ...source,
          title: `发文${OUTGOING_ACTION_LABELS[this.officeStepOf(next)]['zh-CN']} ${label}：${doc.title}`,
          link: link(doc.id),
        });
      }
    }
  }

  /** The office's next step in a status, for the inbox item's title. */
  private officeStepOf(status: OutgoingStatus): OutgoingAction {
    const step = outgoingActionsFrom(status).find((a) => !OUTGOING_SYSTEM_ACTIONS.includes(a) && a !== 'return');
    return step ?? 'file';
  }

  /** Active holders of documents.outgoing.review whose clearance covers the level. */
  private async officeStaff(manager: EntityManager, secrecy: SecrecyLevel): Promise<string[]> {
    const rows: { id: string; clearance: SecrecyLevel }[] = await manager.query(
      `SELECT DISTINCT u.id, u.clearance FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
        WHERE u.active AND $1 = ANY(r.permissions)`,
      [PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW],
    );
    return rows.filter((r) => clearanceCovers(r.clearance, secrecy)).map((r) => r.id);
  }

  private async recordStep(
    manager: EntityManager,
    documentId: string,
    action: string,
    fromStatus: OutgoingStatus,
    toStatus: OutgoingStatus,
    ctx: RequestContext,
    note: string | null,
  ): Promise<void> {
    await manager.insert(OutgoingDocumentStep, {
      documentId,
      action,
      fromStatus,
      toStatus,
      actorId: ctx.actor?.id ?? null,
      note,
      at: new Date(),
    });
  }

  /** 422 with the findings by field while the lint finds errors at this stage. */
  private async assertLint(manager: EntityManager, doc: OutgoingDocument, stage: LintStage): Promise<void> {
    const findings = lintOutgoing(toLintable(doc, await this.attachmentsOf(manager, doc.id)), stage);
    if (!lintPasses(findings)) throw lintFailed(findings.filter((f: LintFinding) => f.severity === 'error'));
  }

  private async lockDocument(manager: EntityManager, id: string): Promise<OutgoingDocument> {
    const doc = await manager.createQueryBuilder(OutgoingDocument, 'd').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
    if (!doc) throw notFound(OUTGOING_DOCUMENT);
    return doc;
  }

  private async attachmentsOf(manager: EntityManager, id: string): Promise<AttachmentDto[]> {
    return (await this.files.attachmentsOf(manager, OUTGOING_DOCUMENT, [id])).get(id) ?? [];
  }

  private async attachFiles(
    manager: EntityManager,
    id: string,
    attachmentIds: string[],
    bodyFileId: string | undefined | null,
    ctx: RequestContext,
    secrecy: SecrecyLevel | null,
  ) {
    await this.files.attach(manager, attachmentIds, { type: OUTGOING_DOCUMENT, id }, ctx);
    if (bodyFileId && !attachmentIds.includes(bodyFileId))
      await this.files.attach(manager, [bodyFileId], { type: OUTGOING_DOCUMENT, id }, ctx, 'bodyFileId');
    // The body file and PDF/DOCX attachments are read for body search (DOC-8) by a job after commit.
    if (attachmentIds.length || bodyFileId) await this.documentTexts.filesAttached(manager, { type: OUTGOING_DOCUMENT, id }, secrecy);
  }

  /** The countersigners of the latest round. */
  private async currentCountersigns(manager: EntityManager, id: string): Promise<OutgoingDocumentCountersign[]> {
    const all = await manager.find(OutgoingDocumentCountersign, {
      where: { documentId: id },
      relations: { department: true, user: true },
      order: { round: 'DESC', id: 'ASC' },
    });
    const round = all[0]?.round;
    return all.filter((c) => c.round === round);
  }

  /** The sent distributions this person answers for: their department's (as member or head), or any as the office. */
  private async confirmableDistributions(
    manager: EntityManager,
    viewer: Principal,
    rows: OutgoingDocumentDistribution[],
  ): Promise<OutgoingDocumentDistribution[]> {
    const sent = rows.filter((r) => r.distributedAt);
    if (viewer.permissions.has(PERMISSIONS.DOCUMENTS_OUTGOING_REVIEW)) return sent;
    const depts: { id: string }[] = await manager.query(
      'SELECT department_id AS id FROM users WHERE id = $1 AND department_id IS NOT NULL UNION SELECT id FROM departments WHERE head_id = $1',
      [viewer.id],
    );
    const mine = new Set(depts.map((d) => d.id));
    return sent.filter((r) => r.departmentId && mine.has(r.departmentId));
  }

  private async assertDepartment(manager: EntityManager, departmentId: string | null | undefined, field: string): Promise<void> {
    if (!departmentId) return;
    const [row] = await manager.query('SELECT 1 FROM departments WHERE id = $1', [departmentId]);
    if (!row) throw badRequest('No such department', { [field]: ['no department has this id'] });
  }
}
