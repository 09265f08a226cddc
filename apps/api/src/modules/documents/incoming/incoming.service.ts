import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_RETENTION_SCHEDULE,
  DOCUMENT_URGENCY_LABELS,
  MAJOR_INCOMING_APPROVAL_KIND,
  PERMISSIONS,
  LIST_TOTAL_CAP,
  SEARCH_TOTAL_CAP,
  addDays,
  clearanceCovers,
  incomingActionsFrom,
  isUrgent,
  nextIncomingStatus,
  schoolDateOf,
  schoolTimeToInstant,
  type DocumentUrgency,
  type IncomingAction,
  type SecrecyLevel,
} from '@xiaoban/shared';
import { DataSource, In, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService } from '../../../platform/access/access.service';
import { ApprovalKindRegistry, type ApprovalOutcome } from '../../../platform/approvals/approval-kinds';
import { ApprovalsService } from '../../../platform/approvals/approvals.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import type { RowSource } from '../../../platform/excel/row-source';
import { rowSource } from '../../../platform/excel/row-source';
import { FilesService } from '../../../platform/files/files.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { PageRows } from '../../../platform/http/page-rows';
import { countUpTo, paginate, paginateThenLoad, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { DOCUMENT_ERRORS, alreadyDone, awaitingApproval, illegalTransition, notAReceiver } from '../documents.errors';
import { matchCondition, type BodyMatches, type SearchableKind } from '../search/body-search';
import { BigramFrequencies } from '../search/bigram-frequencies';
import { DocumentTextsService } from '../search/document-texts.service';
import { formatIncomingNumber } from '../document-number';
import type { IncomingDocumentDetailDto, IncomingDocumentDto, ReceiverAction } from './dto/incoming-response.dto';
import type { IncomingOpinionDto, InstructIncomingDto, ProposeIncomingDto, RouteIncomingDto } from './dto/incoming-actions.dto';
import type { QueryIncomingDto } from './dto/query-incoming.dto';
import type { RegisterIncomingDto } from './dto/register-incoming.dto';
import { IncomingDocument, IncomingDocumentRoute } from './incoming.entity';
import { toIncomingDetailDto, toIncomingDto } from './incoming.mapper';
import { bigramsOf } from './search-terms';
import { joinRef } from '../../../platform/org/refs';

/** The resource type of the access service, the files service and inbox items. */
export const INCOMING_DOCUMENT = 'incoming-document';
/** Daily: the handling reminders before and after the deadline (DOC-6). */
export const INCOMING_REMINDER_JOB = 'incoming-document-reminders';
const DEFAULT_HANDLING_DAYS = 5;
/** What `q` searches (DOC-8): these columns, and the body text of the PDF/DOCX attachments. */
const SEARCH: SearchableKind = {
  type: INCOMING_DOCUMENT,
  columns: ['title', 'number', 'sender_number', 'source_org'],
  bigramsColumn: 'search_bigrams',
};

/**
 * How common a term is, by the share of documents holding its rarest bigram (PostgreSQL's
 * statistics, BigramFrequencies). From WALK_COUNT_SHARE its matches are counted along the
 * newest-first walk, reading at most WALK_COUNT_ROWS rows, before the bigram index is asked (see
 * countAlongTheWalk). From WALK_PAGE_SHARE (every bigram among PostgreSQL's ~1,000 commonest, which
 * start near 0.35% of the rows) a page past the cap is found by that walk. Measured at 1,000,000
 * documents: counting 1,001 matches costs the walk about 1,000 ÷ share rows and the index about
 * share × rows; the page walk beat the index and a sort from 0.4% (2–4 ms against 6–26 ms).
 */
const WALK_COUNT_SHARE = 0.05;
const WALK_COUNT_ROWS = 40_000;
const WALK_PAGE_SHARE = 0.003;

const URGENCY_RANK: Record<DocumentUrgency, number> = { 'extra-urgent': 0, urgent: 1, normal: 2 };
/** The inbox counts urgency the other way round: higher first. */
const INBOX_URGENCY: Record<DocumentUrgency, number> = { 'extra-urgent': 2, urgent: 1, normal: 0 };

/** Who may take each flow action (besides the flow allowing it). */
const ACTION_PERMISSION: Record<IncomingAction, string> = {
  register: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
  review: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
  return: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
  propose: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
  instruct: PERMISSIONS.DOCUMENTS_INCOMING_INSTRUCT,
  route: PERMISSIONS.DOCUMENTS_INCOMING_ROUTE,
  remind: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
  complete: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
  file: PERMISSIONS.DOCUMENTS_INCOMING_REGISTER,
};

const link = (id: string) => `/documents/incoming/${id}`;

/**
 * Incoming documents (收文, DOC-1 to DOC-6, DOC-8, DOC-12): registration with gap-free numbers,
 * the flow of libs/shared, routing with need-to-know grants, major documents' approval, handling
 * deadlines by the school calendar, and the search and register over what the person may see.
 */
@Injectable()
export class IncomingService implements OnModuleInit {
  private readonly logger = new Logger('IncomingDocuments');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(IncomingDocument) private readonly documents: Repository<IncomingDocument>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly inbox: InboxService,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly calendar: CalendarService,
    private readonly jobs: JobsService,
    private readonly documentTexts: DocumentTextsService,
    private readonly bigrams: BigramFrequencies,
  ) {}

  /** The list's page of documents with the people and department it shows (NFR-9: see PageRows). */
  private pageRows!: PageRows<IncomingDocument>;

  onModuleInit(): void {
    this.pageRows = new PageRows(this.dataSource, IncomingDocument, ['responsible', 'department', 'registrar', 'leader']);
    this.access.register(INCOMING_DOCUMENT, {
      table: 'incoming_documents',
      secrecyColumn: 'secrecy',
      departmentColumn: 'department_id',
      // Need-to-know: who registered it, is responsible for it or asked to instruct it, and the
      // persons and departments it was routed to.
      named: (o, me) =>
        `${o}.registered_by = ${me} OR ${o}.responsible_id = ${me} OR ${o}.leader_id = ${me} OR EXISTS (
           SELECT 1 FROM incoming_document_routes r WHERE r.document_id = ${o}.id
              AND (r.user_id = ${me} OR r.department_id = (SELECT u.department_id FROM users u WHERE u.id = ${me})))`,
    });
    this.approvalKinds.register({
      kind: MAJOR_INCOMING_APPROVAL_KIND,
      name: '重要收文审批',
      nameEn: 'Major incoming document',
      defaultSteps: [{ name: '校领导批示', approvers: { type: 'role', role: 'school-leader' }, mode: 'any', timeLimitHours: 48 }],
      onOutcome: (outcome, manager) => this.onMajorOutcome(outcome, manager),
    });
    this.jobs.register({
      name: INCOMING_REMINDER_JOB,
      cron: '0 8 * * *',
      handler: async () => {
        await this.sendHandlingReminders();
      },
    });
  }

  private today(): string {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  // ---------- registration (DOC-1, DOC-2, DOC-5) ----------

  /**
   * 签收 and 登记 (DOC-1): with `signOnly` the document is only signed for (no number yet; 登记
   * follows with POST /:id/register); otherwise both at once. Either way an urgent document
   * reaches its responsible person now (DOC-2).
   */
  async register(dto: RegisterIncomingDto, ctx: RequestContext, signOnly = false): Promise<IncomingDocumentDetailDto> {
    const actor = ctx.actor!;
    const secrecy = dto.secrecy ?? 'none';
    const urgency = dto.urgency ?? 'normal';
    const errors: Record<string, string[]> = {};
    if (secrecy !== 'none') {
      if (!dto.secrecyPeriod) errors.secrecyPeriod = ['a classified document needs its secrecy period (保密期限)'];
      if (!dto.copyNumber) errors.copyNumber = ['a classified document needs its copy number (份号)'];
      if (!clearanceCovers(actor.clearance, secrecy)) errors.secrecy = ['the document is above your clearance; ask a cleared colleague'];
    } else {
      if (dto.copyNumber) errors.copyNumber = ['only a classified document carries a copy number (份号)'];
      if (dto.secrecyPeriod) errors.secrecyPeriod = ['only a classified document has a secrecy period'];
    }
    if (isUrgent(urgency) && !dto.responsibleId) errors.responsibleId = ['an urgent document needs a responsible person to notify'];
    if (dto.writtenOn && dto.receivedOn && dto.writtenOn > dto.receivedOn) errors.writtenOn = ['written after it was received'];
    if (Object.keys(errors).length) throw badRequest('The registration is incomplete', errors);

    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertUser(manager, dto.responsibleId, 'responsibleId');
      await this.assertDepartment(manager, dto.departmentId, 'departmentId');
      const now = new Date();
      const numbered = signOnly ? null : await this.nextNumber(manager);
      const doc = manager.create(IncomingDocument, {
        year: numbered?.year ?? null,
        seq: numbered?.seq ?? null,
        number: numbered?.number ?? null,
        senderNumber: dto.senderNumber || null,
        title: dto.title,
        sourceOrg: dto.sourceOrg,
        docType: dto.docType,
        secrecy,
        secrecyPeriod: dto.secrecyPeriod || null,
        urgency,
        urgencyRank: URGENCY_RANK[urgency],
        copyNumber: dto.copyNumber || null,
        copies: dto.copies ?? 1,
        pages: dto.pages ?? 0,
        writtenOn: dto.writtenOn ?? null,
        receivedOn: dto.receivedOn ?? this.today(),
        signedForBy: dto.signedForBy ?? actor.name,
        retention: dto.retention ?? DEFAULT_RETENTION_SCHEDULE[dto.docType],
        major: dto.major ?? false,
        majorStatus: dto.major ? 'pending' : null,
        status: signOnly ? 'signed-for' : nextIncomingStatus('signed-for', 'register')!,
        responsibleId: dto.responsibleId ?? null,
        departmentId: dto.departmentId ?? null,
        registeredBy: actor.id,
        registeredAt: now,
        searchBigrams: bigramsOf(numbered?.number, dto.senderNumber, dto.title, dto.sourceOrg),
      });
      await manager.insert(IncomingDocument, doc);
      const label = doc.number ?? '（待登记）';
      await this.files.attach(manager, dto.attachmentIds ?? [], { type: INCOMING_DOCUMENT, id: doc.id }, ctx);
      // Body text for search, extracted after commit; never for a classified document (DOC-8).
      if (dto.attachmentIds?.length) await this.documentTexts.filesAttached(manager, { type: INCOMING_DOCUMENT, id: doc.id }, secrecy);
      if (doc.major) {
        doc.majorRequestId = await this.approvals.submit(
          manager,
          {
            kind: MAJOR_INCOMING_APPROVAL_KIND,
            title: `重要收文：${label} ${doc.title}`,
            subjectType: INCOMING_DOCUMENT,
            subjectId: doc.id,
            data: { number: doc.number, title: doc.title, sourceOrg: doc.sourceOrg },
          },
          ctx,
        );
        await manager.update(IncomingDocument, { id: doc.id }, { majorRequestId: doc.majorRequestId });
      }
      if (doc.responsibleId) {
        await this.inbox.open(manager, {
          assigneeId: doc.responsibleId,
          sourceType: INCOMING_DOCUMENT,
          sourceId: doc.id,
          title: `收文 ${label}：${doc.title}`,
          link: link(doc.id),
          urgency: INBOX_URGENCY[urgency],
        });
        if (isUrgent(urgency)) {
          // Urgent documents reach the responsible person on every channel, whatever their preferences (DOC-2).
          await this.notifications.notify(manager, {
            recipientIds: [doc.responsibleId],
            kind: 'document.incoming.urgent',
            title: `【${DOCUMENT_URGENCY_LABELS[urgency]['zh-CN']}】收文 ${label}`,
            body: `${doc.sourceOrg}来文「${doc.title}」已登记，请及时处理。`,
            link: link(doc.id),
            mandatory: true,
          });
        }
      }
      await this.audit.record(manager, ctx, {
        action: signOnly ? 'document.incoming.sign-for' : 'document.incoming.register',
        objectType: INCOMING_DOCUMENT,
        objectId: doc.id,
        details: { number: doc.number, secrecy, urgency, major: doc.major },
      });
      return doc.id;
    });
    return this.get(id, ctx);
  }

  /**
   * The next internal number of the year, from the year's counter row, in the caller's
   * transaction: gap-free, since a rollback takes the number back with it (never a sequence).
   */
  private async nextNumber(manager: EntityManager): Promise<{ year: number; seq: number; number: string }> {
    const year = Number(this.today().slice(0, 4));
    const [counter] = returnedRows<{ last_seq: number }>(
      await manager.query(
        `INSERT INTO incoming_document_counters (year, last_seq) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last_seq = incoming_document_counters.last_seq + 1
         RETURNING last_seq`,
        [year],
      ),
    );
    const seq = Number(counter.last_seq);
    return { year, seq, number: formatIncomingNumber(year, seq) };
  }

  /** 登记 of a document that was only signed for: it gets its number now. */
  async registerSigned(id: string, note: string | undefined, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.move(id, 'register', ctx, async (manager, doc) => {
      // The number and the status change together: the table's check ties them.
      const numbered = await this.nextNumber(manager);
      await manager.update(
        IncomingDocument,
        { id },
        {
          ...numbered,
          status: 'registered',
          registeredAt: new Date(),
          searchBigrams: bigramsOf(numbered.number, doc.senderNumber, doc.title, doc.sourceOrg),
        },
      );
      return { number: numbered.number, note: note ?? null };
    });
  }

  // ---------- reading (DOC-2, DOC-8, DOC-12) ----------

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<IncomingDocumentDetailDto> {
    const viewer = ctx.actor!;
    await this.access.assertCanRead(viewer, { type: INCOMING_DOCUMENT, id }, ctx, manager);
    const doc = await this.baseQuery(manager).where('d.id = :id', { id }).getOne();
    if (!doc) throw notFound(INCOMING_DOCUMENT);
    const routes = await manager.find(IncomingDocumentRoute, {
      where: { documentId: id },
      relations: { department: true, user: true, router: true, confirmer: true, handler: true },
      order: { routedAt: 'ASC', id: 'ASC' },
    });
    const attachments = (await this.files.attachmentsOf(manager, INCOMING_DOCUMENT, [id])).get(id) ?? [];
    const mine = await this.receiverRoutes(manager, viewer, routes);
    const receiverActions: ReceiverAction[] = [];
    if (doc.status === 'handling' && viewer.permissions.has(PERMISSIONS.DOCUMENTS_INCOMING_HANDLE)) {
      if (mine.some((r) => !r.confirmedAt)) receiverActions.push('confirm');
      if (mine.some((r) => !r.handledAt)) receiverActions.push('opinion');
    }
    return toIncomingDetailDto(doc, this.allowedActions(doc, viewer), routes, attachments, receiverActions);
  }

  /**
   * 解密 (REQ-3): the office declassifies a document it may read. The decision is recorded in the
   * audit log with its reason and what the document was (level, period, 份号); the document then
   * follows the unclassified rule. Grants given for it (loans, routes) stay as they were.
   */
  async declassify(id: string, reason: string, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: INCOMING_DOCUMENT, id }, ctx, manager);
      const doc = await manager.findOneOrFail(IncomingDocument, {
        where: { id },
        select: { id: true, secrecy: true, secrecyPeriod: true, copyNumber: true },
      });
      if (doc.secrecy === 'none') throw conflict(DOCUMENT_ERRORS.ILLEGAL_TRANSITION, 'The document is not classified');
      await manager.update(IncomingDocument, { id }, { secrecy: 'none', secrecyPeriod: null, copyNumber: null });
      await this.audit.record(manager, ctx, {
        action: 'documents.incoming.declassify',
        objectType: INCOMING_DOCUMENT,
        objectId: id,
        details: { reason, secrecy: doc.secrecy, secrecyPeriod: doc.secrecyPeriod, copyNumber: doc.copyNumber },
      });
      return this.get(id, ctx, manager);
    });
  }

  /**
   * What classified lending (ADM-10) shows of a document on a loan: its title (with its number)
   * and secrecy level; null when there is none. No access check: the lending service checks that
   * the applicant may see it, and the borrower gets read only through the approved loan's grant.
   */
  async describeForLoan(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ title: string; secrecy: SecrecyLevel } | null> {
    const doc = await manager.findOne(IncomingDocument, { where: { id }, select: { id: true, title: true, number: true, secrecy: true } });
    return doc ? { title: doc.number ? `${doc.number} ${doc.title}` : doc.title, secrecy: doc.secrecy } : null;
  }

  async list(query: QueryIncomingDto, viewer: Principal): Promise<Page<IncomingDocumentDto>> {
    const term = query.q?.trim();
    const load = (ids: string[]) => this.pageRows.read(ids);
    const toDto = (doc: IncomingDocument) => toIncomingDto(doc, this.allowedActions(doc, viewer));
    if (!term) return paginateThenLoad(this.listQuery(query, viewer, { withRelations: false }), query, load, toDto, LIST_TOTAL_CAP);
    // Why the order of the steps (measured in bench/, 50,000 and 1,000,000 documents): PostgreSQL
    // cannot tell a common term from a rare one (it multiplies the bigrams' frequencies and the
    // (I)LIKE's), so the metadata matches are counted first, along the newest-first walk for a
    // term its statistics call common, else through the bigram index. Past the cap the total is
    // known. The page of a common term is found by walking the list's order (its matches are dense
    // there: 3–6 ms, where the index would fetch and sort every match, 30–60 ms for a term in 1–2%
    // of a million titles), the body texts probed row by row along the walk; the page of a rarer
    // one through the index and a sort of its few thousand matches.
    const share = await this.bigrams.rarestShare('incoming_documents', 'search_bigrams', bigramsOf(term));
    const metadataCount =
      (share >= WALK_COUNT_SHARE ? await this.countAlongTheWalk(query, viewer, term) : undefined) ??
      (await this.countMetadataMatches(query, viewer));
    const walk = (bodies: BodyMatches) => this.listQuery(query, viewer, { withRelations: false, bodies, narrow: false });
    if (metadataCount > SEARCH_TOTAL_CAP && share >= WALK_PAGE_SHARE) {
      return paginateThenLoad(walk('many'), query, load, toDto, SEARCH_TOTAL_CAP, { counted: metadataCount });
    }
    // Body matches are looked up first: an OR across the two tables defeats both bigram indexes (body-search.ts).
    const body = await this.documentTexts.lookUpBodyMatches(INCOMING_DOCUMENT, term);
    const bodies = body.matches;
    if (metadataCount > SEARCH_TOTAL_CAP) {
      const page = bodies === 'many' ? walk('many') : this.listQuery(query, viewer, { withRelations: false, bodies });
      return paginateThenLoad(page, query, load, toDto, SEARCH_TOTAL_CAP, { counted: metadataCount });
    }
    // More body matches than the cap: when the person may see more than the cap of those read, the
    // total is capped, without counting along the walk (40–110 ms for a term in 10–20% of 50,000 bodies).
    if (bodies === 'many' && body.documents.length > 0 && (await this.countVisible(query, viewer, body.documents)) > SEARCH_TOTAL_CAP) {
      return paginateThenLoad(walk('many'), query, load, toDto, SEARCH_TOTAL_CAP, { counted: SEARCH_TOTAL_CAP + 1 });
    }
    // No body matches: the metadata count is the total, and the page is found through the bigram index.
    const counted = Array.isArray(bodies) && bodies.length === 0 ? metadataCount : undefined;
    return paginateThenLoad(this.listQuery(query, viewer, { withRelations: false, bodies }), query, load, toDto, SEARCH_TOTAL_CAP, {
      counted,
      pageQueryFor: counted === undefined ? (n) => (n > SEARCH_TOTAL_CAP ? walk(bodies) : undefined) : undefined,
    });
  }

  /** The documents whose metadata holds the term, up to the cap + 1, through the bigram index. */
  private countMetadataMatches(query: QueryIncomingDto, viewer: Principal): Promise<number> {
    // Without the list's order: counted in any order, the index stops at the cap (with it, 86 ms for a term in 2% of 1M titles).
    return countUpTo(this.listQuery(query, viewer, { withRelations: false, bodies: [] }).orderBy().select('d.id'), SEARCH_TOTAL_CAP + 1);
  }

  /** How many of `ids` the person sees within the list's filters, up to the cap + 1. */
  private countVisible(query: QueryIncomingDto, viewer: Principal, ids: string[]): Promise<number> {
    const visible = this.listQuery({ ...query, q: undefined }, viewer, { withRelations: false })
      .orderBy()
      .select('d.id');
    return countUpTo(visible.andWhere('d.id IN (:...visibleIds)', { visibleIds: ids }), SEARCH_TOTAL_CAP + 1);
  }

  /**
   * For a common term: the metadata matches among the newest WALK_COUNT_ROWS visible documents of
   * the list's filters, when they reach the cap + 1 (the total is then capped, and the walk read
   * far fewer rows than the bigram index holds for the term); undefined when they do not, and the
   * index must count. At 1,000,000 documents: 8–12 ms against 30–45 ms for a term in 5–9% of them.
   */
  private async countAlongTheWalk(query: QueryIncomingDto, viewer: Principal, term: string): Promise<number | undefined> {
    // Newest first without the list's tie-break on id: the index gives that order without a sort.
    const newest = this.listQuery({ ...query, q: undefined }, viewer, { withRelations: false })
      .orderBy('d.registeredAt', 'DESC')
      .select('d.id', 'id')
      .limit(WALK_COUNT_ROWS);
    for (const column of SEARCH.columns) newest.addSelect(`d.${column}`, column);
    const match = matchCondition(SEARCH, 'walked', term, [], { narrow: false });
    const counted = await countUpTo(
      this.dataSource
        .createQueryBuilder()
        .select('walked.id')
        .from(`(${newest.getQuery()})`, 'walked')
        .setParameters(newest.getParameters())
        .where(match.sql, match.params),
      SEARCH_TOTAL_CAP + 1,
    );
    return counted > SEARCH_TOTAL_CAP ? counted : undefined;
  }

  /** The register (收文登记簿, DOC-12): every visible row of the list's filters, for the Excel export. */
  exportRows(query: QueryIncomingDto, viewer: Principal): RowSource<IncomingDocumentDto> {
    return rowSource(this.listQuery(query, viewer), (docs) => docs.map((doc) => toIncomingDto(doc, this.allowedActions(doc, viewer))));
  }

  /** Today's registrations, 特急 then 加急 then the rest, newest first within each (DOC-2). */
  async intake(query: QueryIncomingDto, viewer: Principal): Promise<Page<IncomingDocumentDto>> {
    const today = this.today();
    const qb = this.listQuery(query, viewer)
      .andWhere('d.registered_at >= :dayStart AND d.registered_at < :dayEnd', {
        dayStart: schoolTimeToInstant(today, '00:00:00', this.config.schoolTimeZone),
        dayEnd: schoolTimeToInstant(addDays(today, 1), '00:00:00', this.config.schoolTimeZone),
      })
      .orderBy('d.urgencyRank', 'ASC')
      .addOrderBy('d.registeredAt', 'DESC')
      .addOrderBy('d.id', 'ASC');
    return paginate(qb, query, (doc) => toIncomingDto(doc, this.allowedActions(doc, viewer)));
  }

  private baseQuery(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<IncomingDocument> {
    const qb = manager.createQueryBuilder(IncomingDocument, 'd');
    joinRef(qb, 'd.responsible', 'responsible');
    joinRef(qb, 'd.department', 'department');
    joinRef(qb, 'd.registrar', 'registrar');
    return joinRef(qb, 'd.leader', 'leader');
  }

  /** `bodies`: the documents whose body text matches `q`, looked up beforehand (see matchCondition). */
  private listQuery(
    query: QueryIncomingDto,
    viewer: Principal,
    { withRelations = true, bodies, narrow = true }: { withRelations?: boolean; bodies?: BodyMatches; narrow?: boolean } = {},
  ): SelectQueryBuilder<IncomingDocument> {
    const visible = this.access.visibleWhere(viewer, INCOMING_DOCUMENT, 'd');
    const base = withRelations ? this.baseQuery() : this.dataSource.manager.createQueryBuilder(IncomingDocument, 'd');
    const qb = base.where(visible.sql, visible.params).orderBy('d.registeredAt', 'DESC').addOrderBy('d.id', 'ASC');
    if (query.docType) qb.andWhere('d.doc_type = :docType', { docType: query.docType });
    if (query.urgency) qb.andWhere('d.urgency = :urgency', { urgency: query.urgency });
    if (query.secrecy) qb.andWhere('d.secrecy = :secrecy', { secrecy: query.secrecy });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.major !== undefined) qb.andWhere('d.major = :major', { major: query.major });
    if (query.receivedFrom) qb.andWhere('d.received_on >= :receivedFrom', { receivedFrom: query.receivedFrom });
    if (query.receivedTo) qb.andWhere('d.received_on <= :receivedTo', { receivedTo: query.receivedTo });
    if (query.number) {
      qb.andWhere('(d.number = :number OR d.sender_number = :number)', { number: query.number.trim() });
    }
    const term = query.q?.trim();
    // Title, numbers, source or body text, as a substring; bigram indexes then a LIKE recheck (DOC-8).
    if (term) {
      const match = matchCondition(SEARCH, 'd', term, bodies, { narrow });
      qb.andWhere(match.sql, match.params);
    }
    return qb;
  }

  /** The flow's next actions that this person may take (the panel's buttons). */
  private allowedActions(doc: IncomingDocument, viewer: Principal): IncomingAction[] {
    if (doc.destroyedAt) return [];
    return incomingActionsFrom(doc.status).filter((action) => {
      if (!viewer.permissions.has(ACTION_PERMISSION[action])) return false;
      if (action === 'route' && doc.major && doc.majorStatus !== 'approved') return false;
      return true;
    });
  }

  // ---------- the flow (DOC-3 and the rest of 收文) ----------

  async review(id: string, note: string | undefined, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.move(id, 'review', ctx, async (manager, doc) => {
      await manager.update(IncomingDocument, { id }, { reviewNote: note ?? null });
      return { note: note ?? null, doc };
    });
  }

  /** 退文 (DOC-3): the document goes back to its sender; the reason is kept. */
  async returnToSender(id: string, reason: string, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.move(id, 'return', ctx, async (manager, doc) => {
      await manager.update(IncomingDocument, { id }, { returnReason: reason });
      if (doc.responsibleId) await this.inbox.close(manager, { sourceType: INCOMING_DOCUMENT, sourceId: id }, 'cancelled');
      return { reason };
    });
  }

  async propose(id: string, dto: ProposeIncomingDto, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.move(id, 'propose', ctx, async (manager, doc) => {
      await this.assertUser(manager, dto.leaderId, 'leaderId');
      await manager.update(IncomingDocument, { id }, { proposal: dto.proposal, leaderId: dto.leaderId ?? null });
      if (dto.leaderId) {
        await this.access.grant(manager, { objectType: INCOMING_DOCUMENT, objectId: id, userId: dto.leaderId, reason: 'router' }, ctx);
        await this.inbox.open(manager, {
          assigneeId: dto.leaderId,
          sourceType: INCOMING_DOCUMENT,
          sourceId: id,
          title: `收文批办 ${doc.number}：${doc.title}`,
          link: link(id),
          urgency: INBOX_URGENCY[doc.urgency],
        });
      }
      return { proposal: dto.proposal, leaderId: dto.leaderId ?? null };
    });
  }

  async instruct(id: string, dto: InstructIncomingDto, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.move(id, 'instruct', ctx, async (manager, doc) => {
      await manager.update(IncomingDocument, { id }, { instruction: dto.instruction });
      if (doc.leaderId) await this.inbox.close(manager, { sourceType: INCOMING_DOCUMENT, sourceId: id, assigneeId: doc.leaderId });
      return { instruction: dto.instruction };
    });
  }

  /**
   * 分送 (DOC-4): one transfer per receiver with its time and method, need-to-know grants, inbox
   * items with the handling deadline in working days (DOC-6). Routing again during 承办 adds
   * receivers (传阅); the lead (主办) stays one.
   */
  async route(id: string, dto: RouteIncomingDto, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.move(id, 'route', ctx, async (manager, doc) => {
      if (doc.major && doc.majorStatus !== 'approved') throw awaitingApproval();
      const receivers = dto.receivers;
      const errors: Record<string, string[]> = {};
      receivers.forEach((r, i) => {
        if (Boolean(r.departmentId) === Boolean(r.userId)) errors[`receivers[${i}]`] = ['name a department or a person, not both'];
      });
      if (Object.keys(errors).length) throw badRequest('Some receivers are wrong', errors);
      const keys = receivers.map((r) => r.departmentId ?? r.userId);
      if (new Set(keys).size !== keys.length) throw badRequest('A receiver is named twice', { receivers: ['a receiver is named twice'] });
      const [existingLead] = await manager.query('SELECT 1 FROM incoming_document_routes WHERE document_id = $1 AND lead', [id]);
      const departments = receivers.filter((r) => r.departmentId);
      let leads = receivers.filter((r) => r.lead);
      if (leads.length > 1 || (existingLead && leads.length > 0)) {
        throw badRequest('A document has one lead', { receivers: ['only one receiver may lead (主办)'] });
      }
      if (!existingLead && leads.length === 0) {
        if (departments.length > 1) throw badRequest('Name the lead', { receivers: ['several departments: name one lead (主办)'] });
        // A single department (or, without departments, a single person) leads by itself.
        const only = departments.length === 1 ? departments[0] : receivers.length === 1 ? receivers[0] : undefined;
        if (only) leads = [only];
      }
      const heads = new Map<string, string | null>();
      for (const r of departments) {
        const [dept] = await manager.query('SELECT head_id FROM departments WHERE id = $1', [r.departmentId]);
        if (!dept) throw badRequest('No such department', { receivers: [`department ${r.departmentId} does not exist`] });
        heads.set(r.departmentId!, dept.head_id);
      }
      for (const r of receivers.filter((x) => x.userId)) await this.assertUser(manager, r.userId, 'receivers');

      let dueOn = doc.handlingDueOn;
      if (!dueOn) {
        dueOn = await this.calendar.deadline(this.today(), dto.handlingDays ?? DEFAULT_HANDLING_DAYS, manager);
        await manager.update(IncomingDocument, { id }, { handlingDueOn: dueOn });
      }
      const dueAt = schoolTimeToInstant(dueOn, '23:59:59', this.config.schoolTimeZone);
      const now = new Date();
      for (const r of receivers) {
        await manager.insert(IncomingDocumentRoute, {
          documentId: id,
          departmentId: r.departmentId ?? null,
          userId: r.userId ?? null,
          lead: leads.includes(r),
          method: r.method ?? 'system',
          note: dto.note ?? null,
          routedAt: now,
          routedBy: ctx.actor!.id,
        });
        // A department's work lands with its head; the department's members see the document too.
        const person = r.userId ?? heads.get(r.departmentId!) ?? null;
        if (!person) continue;
        await this.access.grant(manager, { objectType: INCOMING_DOCUMENT, objectId: id, userId: person, reason: 'recipient' }, ctx);
        await this.inbox.open(manager, {
          assigneeId: person,
          sourceType: INCOMING_DOCUMENT,
          sourceId: id,
          title: `收文承办 ${doc.number}：${doc.title}`,
          link: link(id),
          urgency: INBOX_URGENCY[doc.urgency],
          dueAt,
        });
      }
      // The one who routed keeps sight of what they sent.
      await this.access.grant(manager, { objectType: INCOMING_DOCUMENT, objectId: id, userId: ctx.actor!.id, reason: 'router' }, ctx);
      return { receivers: receivers.map((r) => ({ ...r, lead: leads.includes(r) })), handlingDueOn: dueOn };
    });
  }

  /** 催办: a reminder to the receivers who have not yet given their opinion; the status stays. */
  async remind(id: string, note: string | undefined, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.move(id, 'remind', ctx, async (manager, doc) => {
      const people = await this.pendingReceivers(manager, [id]);
      await this.notifyReminder(manager, doc, people.get(id) ?? [], '催办', note);
      return { reminded: people.get(id) ?? [], note: note ?? null };
    });
  }

  async complete(id: string, note: string | undefined, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.move(id, 'complete', ctx, async (manager) => {
      await manager.update(IncomingDocument, { id }, { completedAt: new Date() });
      await this.inbox.close(manager, { sourceType: INCOMING_DOCUMENT, sourceId: id }, 'cancelled');
      return { note: note ?? null };
    });
  }

  /** Marks the document filed (DOC-11); moving it into the archive is the administration module's. */
  async file(id: string, note: string | undefined, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.move(id, 'file', ctx, async (manager) => {
      await manager.update(IncomingDocument, { id }, { filedAt: new Date() });
      return { note: note ?? null };
    });
  }

  /**
   * One flow move: the person may see the document (else 404) and holds the action's permission
   * (else 403, by the guard); the row is locked, the table of libs/shared decides (else 409), the
   * effect and the audit entry commit together.
   */
  private async move(
    id: string,
    action: IncomingAction,
    ctx: RequestContext,
    effect: (manager: EntityManager, doc: IncomingDocument) => Promise<Record<string, unknown>>,
  ): Promise<IncomingDocumentDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: INCOMING_DOCUMENT, id }, ctx, manager);
      const doc = await manager.createQueryBuilder(IncomingDocument, 'd').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
      if (!doc) throw notFound(INCOMING_DOCUMENT);
      const next = nextIncomingStatus(doc.status, action);
      // A destroyed document (DOC-10) keeps its metadata but moves no more.
      if (!next || doc.destroyedAt) throw illegalTransition(doc.status, action);
      const details = await effect(manager, doc);
      await manager.query('UPDATE incoming_documents SET status = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, next]);
      await this.audit.record(manager, ctx, {
        action: `document.incoming.${action}`,
        objectType: INCOMING_DOCUMENT,
        objectId: id,
        details: { from: doc.status, to: next, ...details },
      });
      return this.get(id, ctx, manager);
    });
  }

  // ---------- receivers (DOC-4, DOC-6) ----------

  /** A receiver confirms they have the document (签收 of the transfer). */
  async confirmReceipt(id: string, note: string | undefined, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.asReceiver(id, ctx, async (manager, mine) => {
      const open = mine.filter((r) => !r.confirmedAt);
      if (open.length === 0) throw alreadyDone('confirmed');
      await manager.update(
        IncomingDocumentRoute,
        { id: In(open.map((r) => r.id)) },
        { confirmedAt: new Date(), confirmedBy: ctx.actor!.id },
      );
      return { action: 'document.incoming.confirm', details: { routeIds: open.map((r) => r.id), note: note ?? null } };
    });
  }

  /** A receiver records the handling opinion (承办意见, DOC-6); their inbox item is done. */
  async recordOpinion(id: string, dto: IncomingOpinionDto, ctx: RequestContext): Promise<IncomingDocumentDetailDto> {
    return this.asReceiver(id, ctx, async (manager, mine) => {
      const open = mine.filter((r) => !r.handledAt);
      if (open.length === 0) throw alreadyDone('handled');
      const now = new Date();
      await manager.update(
        IncomingDocumentRoute,
        { id: In(open.map((r) => r.id)) },
        { opinion: dto.opinion, handledAt: now, handledBy: ctx.actor!.id, confirmedAt: open[0].confirmedAt ?? now },
      );
      // Confirming by handling: a receiver who never pressed 签收 has obviously received it.
      await manager.query('UPDATE incoming_document_routes SET confirmed_by = $2 WHERE id = ANY($1::uuid[]) AND confirmed_by IS NULL', [
        open.map((r) => r.id),
        ctx.actor!.id,
      ]);
      await this.inbox.close(manager, { sourceType: INCOMING_DOCUMENT, sourceId: id, assigneeId: ctx.actor!.id });
      return { action: 'document.incoming.opinion', details: { routeIds: open.map((r) => r.id) } };
    });
  }

  private async asReceiver(
    id: string,
    ctx: RequestContext,
    effect: (manager: EntityManager, mine: IncomingDocumentRoute[]) => Promise<{ action: string; details: Record<string, unknown> }>,
  ): Promise<IncomingDocumentDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: INCOMING_DOCUMENT, id }, ctx, manager);
      const doc = await manager.createQueryBuilder(IncomingDocument, 'd').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
      if (!doc) throw notFound(INCOMING_DOCUMENT);
      const routes = await manager.find(IncomingDocumentRoute, { where: { documentId: id } });
      const mine = await this.receiverRoutes(manager, ctx.actor!, routes);
      if (mine.length === 0) throw notAReceiver();
      if (doc.status !== 'handling') throw illegalTransition(doc.status, 'route');
      const { action, details } = await effect(manager, mine);
      await this.audit.record(manager, ctx, { action, objectType: INCOMING_DOCUMENT, objectId: id, details });
      return this.get(id, ctx, manager);
    });
  }

  /** The transfers addressed to this person: to them, or to their department. */
  private async receiverRoutes(
    manager: EntityManager,
    viewer: Principal,
    routes: IncomingDocumentRoute[],
  ): Promise<IncomingDocumentRoute[]> {
    if (routes.length === 0) return [];
    // Their own department's, and those of the departments they head (a head need not be a member).
    const rows: { id: string }[] = await manager.query(
      'SELECT department_id AS id FROM users WHERE id = $1 AND department_id IS NOT NULL UNION SELECT id FROM departments WHERE head_id = $1',
      [viewer.id],
    );
    const departments = new Set(rows.map((r) => r.id));
    return routes.filter((r) => r.userId === viewer.id || (r.departmentId !== null && departments.has(r.departmentId)));
  }

  // ---------- reminders (DOC-6) ----------

  /**
   * The daily reminders: one the working day before the deadline (and on the day itself if that
   * was missed), then one each day after it while the opinion is missing. Returns how many
   * transfers were reminded. `today` is for tests.
   */
  async sendHandlingReminders(today: string = this.today()): Promise<{ before: number; overdue: number }> {
    return this.dataSource.transaction(async (manager) => {
      const tomorrow = await this.calendar.deadline(today, 1, manager);
      const due: { id: string; document_id: string; overdue: boolean }[] = await manager.query(
        `SELECT r.id, r.document_id, d.handling_due_on < $1::date AS overdue
           FROM incoming_document_routes r JOIN incoming_documents d ON d.id = r.document_id
          WHERE d.status = 'handling' AND r.handled_at IS NULL AND d.handling_due_on IS NOT NULL
            AND ((d.handling_due_on >= $1::date AND d.handling_due_on <= $2::date AND r.reminded_before_at IS NULL)
              OR (d.handling_due_on < $1::date AND (r.reminded_overdue_on IS NULL OR r.reminded_overdue_on < $1::date)))
          FOR UPDATE OF r SKIP LOCKED`,
        [today, tomorrow],
      );
      if (due.length === 0) return { before: 0, overdue: 0 };
      const docs = await manager.findBy(IncomingDocument, { id: In([...new Set(due.map((r) => r.document_id))]) });
      const people = await this.pendingReceivers(
        manager,
        docs.map((d) => d.id),
        due.map((r) => r.id),
      );
      for (const doc of docs) {
        const overdue = due.some((r) => r.document_id === doc.id && r.overdue);
        await this.notifyReminder(manager, doc, people.get(doc.id) ?? [], overdue ? '逾期提醒' : '到期提醒');
      }
      const before = due.filter((r) => !r.overdue).map((r) => r.id);
      const overdue = due.filter((r) => r.overdue).map((r) => r.id);
      if (before.length)
        await manager.query('UPDATE incoming_document_routes SET reminded_before_at = now() WHERE id = ANY($1::uuid[])', [before]);
      if (overdue.length) {
        await manager.query('UPDATE incoming_document_routes SET reminded_overdue_on = $2 WHERE id = ANY($1::uuid[])', [overdue, today]);
      }
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'document.incoming.reminders',
        objectType: INCOMING_DOCUMENT,
        details: { before: before.length, overdue: overdue.length },
      });
      return { before: before.length, overdue: overdue.length };
    });
  }

  /** Persons holding transfers without an opinion, by document: the person, or the department's head. */
  private async pendingReceivers(manager: EntityManager, documentIds: string[], routeIds?: string[]): Promise<Map<string, string[]>> {
    const rows: { document_id: string; person: string | null }[] = await manager.query(
      `SELECT r.document_id, COALESCE(r.user_id, dep.head_id) AS person
         FROM incoming_document_routes r LEFT JOIN departments dep ON dep.id = r.department_id
        WHERE r.document_id = ANY($1::uuid[]) AND r.handled_at IS NULL AND ($2::uuid[] IS NULL OR r.id = ANY($2::uuid[]))`,
      [documentIds, routeIds ?? null],
    );
    const result = new Map<string, string[]>();
    for (const row of rows) if (row.person) result.set(row.document_id, [...new Set([...(result.get(row.document_id) ?? []), row.person])]);
    return result;
  }

  private async notifyReminder(
    manager: EntityManager,
    doc: IncomingDocument,
    people: string[],
    what: string,
    note?: string,
  ): Promise<void> {
    if (people.length === 0) return;
    await this.notifications.notify(manager, {
      recipientIds: people,
      kind: 'document.incoming.reminder',
      title: `【${what}】收文 ${doc.number}`,
      body: `「${doc.title}」的承办意见${doc.handlingDueOn ? `应于${doc.handlingDueOn}前` : ''}反馈，请及时办理。${note ? `\n${note}` : ''}`,
      link: link(doc.id),
    });
  }

  // ---------- major documents (DOC-5) ----------

  /** The leader's decision: approved releases routing; the 批示 (their comment) is kept either way. */
  private async onMajorOutcome(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== INCOMING_DOCUMENT || !outcome.subjectId) return;
    const [decision] = await manager.query(
      `SELECT comment FROM approval_events WHERE request_id = $1 AND action IN ('approve', 'reject') ORDER BY id DESC LIMIT 1`,
      [outcome.requestId],
    );
    const status = outcome.status === 'approved' ? 'approved' : 'rejected';
    await manager.update(
      IncomingDocument,
      { id: outcome.subjectId },
      { majorStatus: status, majorInstruction: decision?.comment ?? null, version: () => 'version + 1' },
    );
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: 'document.incoming.major-decided',
      objectType: INCOMING_DOCUMENT,
      objectId: outcome.subjectId,
      details: { requestId: outcome.requestId, status },
    });
    this.logger.log(`Major incoming document ${outcome.subjectId}: ${status}`);
  }

  // ---------- helpers ----------

  private async assertUser(manager: EntityManager, userId: string | undefined, field: string): Promise<void> {
    if (!userId) return;
    const [row] = await manager.query('SELECT 1 FROM users WHERE id = $1 AND active', [userId]);
    if (!row) throw badRequest('No such person', { [field]: ['no active account has this id'] });
  }

  private async assertDepartment(manager: EntityManager, departmentId: string | undefined, field: string): Promise<void> {
    if (!departmentId) return;
    const [row] = await manager.query('SELECT 1 FROM departments WHERE id = $1', [departmentId]);
    if (!row) throw badRequest('No such department', { [field]: ['no department has this id'] });
  }
}
