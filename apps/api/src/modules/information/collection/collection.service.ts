import { HttpStatus, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COLLECTION_REMIND_DAYS_BEFORE,
  PERMISSIONS,
  PLATFORM_ERRORS,
  RECEPTION_ERRORS,
  canMoveSubmission,
  schoolDateOf,
  submissionActions,
  type CollectionSubmissionAction,
} from '@xiaoban/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { FilesService } from '../../../platform/files/files.service';
import { ApiError, badRequest, conflict, notFound, versionConflict } from '../../../platform/http/api-error';
import { paginateThenLoad, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { escapeLike, returnedRows } from '../../../platform/http/sql';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import type { NoticeDraftDto } from '../notices/notices.dto';
import { NoticesService } from '../notices/notices.service';
import { QuestionnairesService } from '../../assessment/questionnaires/questionnaires.service';
import { CollectionRequest, CollectionSubmission, CollectionTarget } from './collection.entities';
import type {
  CollectionRequestDto,
  CollectionSubmissionDto,
  CreateCollectionRequestDto,
  NoticeDraftStartedDto,
  PublishingCategoryDto,
  QueryCollectionRequestsDto,
  SubmitCollectionDto,
} from './collection.dto';

export const COLLECTION_REQUEST = 'collection-request';
export const COLLECTION_SUBMISSION = 'collection-submission';
/** Daily: reminds departments that have not submitted, from two days before the deadline on. */
export const COLLECTION_REMINDER_JOB = 'collection-reminders';

const ref = (u: { id: string; name: string } | null | undefined) => (u ? { id: u.id, name: u.name } : { id: '', name: '—' });
const link = (requestId: string) => `/information/collection/${requestId}`;

/**
 * Information collection (信息采集, INF-1). The office asks departments for information by a
 * deadline; a daily job reminds the departments that have not submitted (or were returned), from
 * two days before the deadline and every day after it. Each department submits text and
 * attachments; the office reviews each submission for authenticity and relevance and accepts it
 * into a category of the publishing list, or returns it with a reason for the department to
 * resubmit (libs/shared COLLECTION_SUBMISSION_TRANSITIONS). A department sees its own submission
 * only (another's is 404). An accepted item can start a notice draft (NoticesService.create).
 */
@Injectable()
export class CollectionService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly notices: NoticesService,
    private readonly questionnaires: QuestionnairesService,
  ) {}

  onModuleInit(): void {
    this.access.register(COLLECTION_REQUEST, {
      table: 'collection_requests',
      named: (o, me) =>
        `EXISTS (SELECT 1 FROM collection_targets ct JOIN users cu ON cu.department_id = ct.department_id WHERE ct.request_id = ${o}.id AND cu.id = ${me})`,
      changers: () => 'false',
    });
    this.access.register(COLLECTION_SUBMISSION, {
      table: 'collection_submissions',
      departmentColumn: 'department_id',
      changers: () => 'false',
    });
    this.jobs.register({
      name: COLLECTION_REMINDER_JOB,
      cron: '0 8 * * *',
      handler: async () => {
        await this.sendReminders();
      },
    });
  }

  // ---------- requests (office) ----------

  async createRequest(dto: CreateCollectionRequestDto, ctx: RequestContext): Promise<CollectionRequestDto> {
    const departmentIds = [...new Set(dto.departmentIds)];
    const id = await this.dataSource.transaction(async (manager) => {
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM departments WHERE id = ANY($1::uuid[])`, [departmentIds]);
      if (n !== departmentIds.length) throw badRequest('A department does not exist', { departmentIds: ['a department does not exist'] });
      // A questionnaire as the form must be a named one: a department's answers are its submission.
      if (dto.questionnaireId) await this.questionnaires.assertCollectionForm(dto.questionnaireId, manager);
      const request = manager.create(CollectionRequest, {
        title: dto.title,
        description: dto.description,
        deadline: new Date(dto.deadline),
        status: 'open',
        createdById: ctx.actor!.id,
        questionnaireId: dto.questionnaireId ?? null,
      });
      await manager.insert(CollectionRequest, request);
      await manager.insert(
        CollectionTarget,
        departmentIds.map((departmentId) => ({ requestId: request.id, departmentId })),
      );
      const recipients = await this.submitters(manager, departmentIds);
      if (recipients.length) {
        await this.notifications.notify(manager, {
          recipientIds: recipients,
          kind: 'information.collection.request',
          title: `【信息采集】${dto.title}`,
          body: `${dto.description}\n\n报送截止：${schoolDateOf(request.deadline, this.config.schoolTimeZone)}`,
          link: link(request.id),
        });
      }
      await this.audit.record(manager, ctx, {
        action: 'information.collection.request.create',
        objectType: COLLECTION_REQUEST,
        objectId: request.id,
        details: { departmentIds, deadline: dto.deadline },
      });
      return request.id;
    });
    return this.getRequest(id, ctx);
  }

  async closeRequest(id: string, ctx: RequestContext): Promise<CollectionRequestDto> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = returnedRows(
        await manager.query(
          `UPDATE collection_requests SET status = 'closed', version = version + 1, updated_at = now() WHERE id = $1 AND status = 'open' RETURNING id`,
          [id],
        ),
      );
      if (!row) {
        const [exists] = await manager.query(`SELECT 1 FROM collection_requests WHERE id = $1`, [id]);
        if (!exists) throw notFound(COLLECTION_REQUEST);
        throw conflict(RECEPTION_ERRORS.COLLECTION_CLOSED, 'The request is closed already');
      }
      await this.audit.record(manager, ctx, {
        action: 'information.collection.request.close',
        objectType: COLLECTION_REQUEST,
        objectId: id,
      });
    });
    return this.getRequest(id, ctx);
  }

  /** Heads of the departments, and their members who may submit for them. */
  private async submitters(manager: EntityManager, departmentIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM departments d JOIN users u ON u.id = d.head_id AND u.active WHERE d.id = ANY($1::uuid[])
       UNION
       SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
        WHERE u.active AND u.department_id = ANY($1::uuid[]) AND $2 = ANY(r.permissions)`,
      [departmentIds, PERMISSIONS.INFO_COLLECTION_SUBMIT],
    );
    return rows.map((r) => r.id);
  }

  async listRequests(query: QueryCollectionRequestsDto, viewer: Principal): Promise<Page<CollectionRequestDto>> {
    const visible = this.access.visibleWhere(viewer, COLLECTION_REQUEST, 'r');
    const qb = this.dataSource.manager
      .createQueryBuilder(CollectionRequest, 'r')
      .where(visible.sql, visible.params)
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC');
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.q) qb.andWhere('r.title ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const page = await paginateThenLoad(
      qb,
      query,
      (ids) => this.dataSource.manager.find(CollectionRequest, { where: { id: In(ids) }, relations: { createdBy: true } }),
      (r) => this.toRequestDto(r, []),
    );
    await this.attachTargets(page.items, viewer);
    return page;
  }

  async getRequest(id: string, ctx: RequestContext): Promise<CollectionRequestDto> {
    await this.access.assertCanRead(ctx.actor!, { type: COLLECTION_REQUEST, id }, ctx);
    const request = await this.dataSource.manager.findOne(CollectionRequest, { where: { id }, relations: { createdBy: true } });
    if (!request) throw notFound(COLLECTION_REQUEST);
    const dto = this.toRequestDto(request, []);
    await this.attachTargets([dto], ctx.actor!);
    return dto;
  }

  private async attachTargets(requests: CollectionRequestDto[], viewer: Principal): Promise<void> {
    if (!requests.length) return;
    const forms = await this.questionnaires.summaries([...new Set(requests.flatMap((r) => (r.questionnaire ? [r.questionnaire.id] : [])))]);
    for (const r of requests) if (r.questionnaire) r.questionnaire = forms.get(r.questionnaire.id) ?? null;
    const office = viewer.permissions.has(PERMISSIONS.INFO_COLLECTION_MANAGE);
    const rows: {
      request_id: string;
      department_id: string;
      department_name: string;
      reminders: number;
      submission_id: string | null;
      status: CollectionSubmissionDto['status'] | null;
    }[] = await this.dataSource.query(
      `SELECT t.request_id, t.department_id, d.name AS department_name, t.reminders, s.id AS submission_id, s.status
         FROM collection_targets t JOIN departments d ON d.id = t.department_id
         LEFT JOIN collection_submissions s ON s.request_id = t.request_id AND s.department_id = t.department_id
        WHERE t.request_id = ANY($1::uuid[]) AND ($2::boolean OR t.department_id = $3::uuid)
        ORDER BY d.name`,
      [requests.map((r) => r.id), office, viewer.departmentId ?? null],
    );
    for (const r of requests) {
      r.targets = rows
        .filter((row) => row.request_id === r.id)
        .map((row) => ({
          department: { id: row.department_id, name: row.department_name },
          status: row.status,
          submissionId: row.submission_id,
          reminders: row.reminders,
        }));
    }
  }

  // ---------- submitting (departments) ----------

  async submit(requestId: string, dto: SubmitCollectionDto, ctx: RequestContext): Promise<CollectionSubmissionDto> {
    const actor = ctx.actor!;
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(actor, { type: COLLECTION_REQUEST, id: requestId }, ctx, manager);
      // One submits for one's own department, if it was asked.
      const [target] = actor.departmentId
        ? await manager.query(`SELECT 1 FROM collection_targets WHERE request_id = $1 AND department_id = $2`, [
            requestId,
            actor.departmentId,
          ])
        : [];
      if (!target) throw notFound(COLLECTION_REQUEST);
      const request = await manager.findOneOrFail(CollectionRequest, { where: { id: requestId }, lock: { mode: 'pessimistic_read' } });
      if (request.status !== 'open') throw conflict(RECEPTION_ERRORS.COLLECTION_CLOSED, 'The request is closed');
      // With a questionnaire as the form, the submission links the submitter's named response to it.
      const responseId = request.questionnaireId
        ? await this.questionnaires.namedResponseOf(request.questionnaireId, actor.id, manager)
        : null;
      if (request.questionnaireId && !responseId) {
        throw badRequest('Answer the questionnaire first', { questionnaireId: ['answer the request’s questionnaire before submitting'] });
      }
      const inserted = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO collection_submissions (request_id, department_id, content, status, submitted_by, submitted_at, questionnaire_response_id)
           VALUES ($1, $2, $3, 'submitted', $4, now(), $5) ON CONFLICT (request_id, department_id) DO NOTHING RETURNING id`,
          [requestId, actor.departmentId, dto.content, actor.id, responseId],
        ),
      );
      let submissionId = inserted[0]?.id;
      let action = 'information.collection.submit';
      if (!submissionId) {
        // Submitted before: only a returned submission may be submitted again.
        const existing = await manager.findOne(CollectionSubmission, {
          where: { requestId, departmentId: actor.departmentId! },
          lock: { mode: 'pessimistic_write' },
        });
        if (!existing || !canMoveSubmission('resubmit', existing.status))
          throw conflict(
            RECEPTION_ERRORS.COLLECTION_ILLEGAL_STATE,
            'Your department has submitted already; it can resubmit only once returned',
          );
        await manager.query(
          `UPDATE collection_submissions SET content = $2, status = 'submitted', round = round + 1, submitted_by = $3, submitted_at = now(),
                  questionnaire_response_id = $4, version = version + 1, updated_at = now() WHERE id = $1`,
          [existing.id, dto.content, actor.id, responseId],
        );
        submissionId = existing.id;
        action = 'information.collection.resubmit';
      }
      await this.files.attach(manager, dto.attachmentIds ?? [], { type: COLLECTION_SUBMISSION, id: submissionId }, ctx);
      await this.notifications.notify(manager, {
        recipientIds: [request.createdById],
        kind: 'information.collection.submitted',
        title: `【信息报送】${request.title}`,
        body: `有部门报送了信息，请审核。`,
        link: link(requestId),
      });
      await this.audit.record(manager, ctx, { action, objectType: COLLECTION_SUBMISSION, objectId: submissionId, details: { requestId } });
      return submissionId;
    });
    return this.getSubmission(id, ctx);
  }

  // ---------- review (office) ----------

  private async review(
    id: string,
    action: Extract<CollectionSubmissionAction, 'accept' | 'return'>,
    version: number,
    changes: { category?: string; reason?: string },
    ctx: RequestContext,
  ): Promise<CollectionSubmissionDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: COLLECTION_SUBMISSION, id }, ctx, manager);
      const submission = await manager.findOne(CollectionSubmission, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!submission) throw notFound(COLLECTION_SUBMISSION);
      const request = await manager.findOneByOrFail(CollectionRequest, { id: submission.requestId });
      if (!canMoveSubmission(action, submission.status))
        throw conflict(RECEPTION_ERRORS.COLLECTION_ILLEGAL_STATE, `A ${submission.status} submission cannot be ${action}ed`);
      if (submission.version !== version) throw versionConflict();
      await manager.query(
        `UPDATE collection_submissions SET status = $2, category = $3, return_reason = $4, reviewed_by = $5, reviewed_at = now(),
                version = version + 1, updated_at = now() WHERE id = $1`,
        [id, action === 'accept' ? 'accepted' : 'returned', changes.category ?? null, changes.reason ?? null, ctx.actor!.id],
      );
      const recipients = [...new Set([submission.submittedById, ...(await this.submitters(manager, [submission.departmentId]))])];
      await this.notifications.notify(manager, {
        recipientIds: recipients,
        kind: action === 'accept' ? 'information.collection.accepted' : 'information.collection.returned',
        title: action === 'accept' ? `【信息采集】已采用：${request.title}` : `【信息采集】已退回：${request.title}`,
        body: action === 'accept' ? `已采用，归入“${changes.category}”。` : `退回理由：${changes.reason}\n请修改后重新报送。`,
        link: link(submission.requestId),
      });
      await this.audit.record(manager, ctx, {
        action: `information.collection.${action}`,
        objectType: COLLECTION_SUBMISSION,
        objectId: id,
        details: changes,
      });
    });
    return this.getSubmission(id, ctx);
  }

  accept(id: string, category: string, version: number, ctx: RequestContext): Promise<CollectionSubmissionDto> {
    return this.review(id, 'accept', version, { category }, ctx);
  }

  returnSubmission(id: string, reason: string, version: number, ctx: RequestContext): Promise<CollectionSubmissionDto> {
    return this.review(id, 'return', version, { reason }, ctx);
  }

  // ---------- reading submissions ----------

  private submissionQuery(manager: EntityManager = this.dataSource.manager) {
    return manager
      .createQueryBuilder(CollectionSubmission, 's')
      .innerJoinAndSelect('s.request', 'request')
      .innerJoinAndSelect('s.department', 'department')
      .innerJoinAndSelect('s.submittedBy', 'submittedBy')
      .leftJoinAndSelect('s.reviewedBy', 'reviewedBy');
  }

  async listSubmissions(requestId: string, ctx: RequestContext): Promise<CollectionSubmissionDto[]> {
    const viewer = ctx.actor!;
    await this.access.assertCanRead(viewer, { type: COLLECTION_REQUEST, id: requestId }, ctx);
    const visible = this.access.visibleWhere(viewer, COLLECTION_SUBMISSION, 's');
    const rows = await this.submissionQuery()
      .where(visible.sql, visible.params)
      .andWhere('s.request_id = :requestId', { requestId })
      .orderBy('department.name', 'ASC')
      .getMany();
    return this.toSubmissionDtos(rows, viewer);
  }

  async getSubmission(id: string, ctx: RequestContext): Promise<CollectionSubmissionDto> {
    await this.access.assertCanRead(ctx.actor!, { type: COLLECTION_SUBMISSION, id }, ctx);
    const row = await this.submissionQuery().where('s.id = :id', { id }).getOne();
    if (!row) throw notFound(COLLECTION_SUBMISSION);
    return (await this.toSubmissionDtos([row], ctx.actor!))[0];
  }

  private async toSubmissionDtos(rows: CollectionSubmission[], viewer: Principal): Promise<CollectionSubmissionDto[]> {
    const attachments = await this.files.attachmentsOf(
      this.dataSource.manager,
      COLLECTION_SUBMISSION,
      rows.map((r) => r.id),
    );
    const office = viewer.permissions.has(PERMISSIONS.INFO_COLLECTION_MANAGE);
    const mayResubmit = viewer.permissions.has(PERMISSIONS.INFO_COLLECTION_SUBMIT);
    return rows.map((s) => ({
      id: s.id,
      requestId: s.requestId,
      requestTitle: s.request?.title ?? '',
      department: ref(s.department),
      content: s.content,
      status: s.status,
      round: s.round,
      returnReason: s.returnReason,
      category: s.category,
      submittedBy: ref(s.submittedBy),
      submittedAt: s.submittedAt.toISOString(),
      reviewedBy: s.reviewedBy ? ref(s.reviewedBy) : null,
      reviewedAt: s.reviewedAt?.toISOString() ?? null,
      noticeId: s.noticeId,
      questionnaireResponseId: s.questionnaireResponseId,
      attachments: attachments.get(s.id) ?? [],
      actions: [
        ...(office ? submissionActions(s.status, 'office') : []),
        ...(mayResubmit && viewer.departmentId === s.departmentId ? submissionActions(s.status, 'department') : []),
      ],
      version: s.version,
    }));
  }

  // ---------- the publishing list ----------

  async publishingList(category: string | undefined): Promise<PublishingCategoryDto[]> {
    const qb = this.submissionQuery().where(`s.status = 'accepted'`).orderBy('s.category', 'ASC').addOrderBy('s.reviewed_at', 'DESC');
    if (category) qb.andWhere('s.category = :category', { category });
    const rows = await qb.getMany();
    const byCategory = new Map<string, PublishingCategoryDto>();
    for (const s of rows) {
      const entry = byCategory.get(s.category!) ?? { category: s.category!, items: [] };
      entry.items.push({
        submissionId: s.id,
        requestId: s.requestId,
        requestTitle: s.request?.title ?? '',
        department: ref(s.department),
        content: s.content,
        acceptedAt: (s.reviewedAt ?? s.updatedAt).toISOString(),
        noticeId: s.noticeId,
      });
      byCategory.set(s.category!, entry);
    }
    return [...byCategory.values()];
  }

  /** Starts a notice draft from an accepted item, through the notices' own create (INF-3 takes over from there). */
  async startNoticeDraft(id: string, ctx: RequestContext): Promise<NoticeDraftStartedDto> {
    // The notice is drafted in the drafter's name: they need the notices' own permission as well.
    if (!ctx.actor!.permissions.has(PERMISSIONS.INFO_NOTICES_DRAFT))
      throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'Drafting notices needs information.notices.draft');
    const submission = await this.submissionQuery().where('s.id = :id', { id }).getOne();
    if (!submission) throw notFound(COLLECTION_SUBMISSION);
    if (submission.status !== 'accepted')
      throw conflict(RECEPTION_ERRORS.COLLECTION_ILLEGAL_STATE, 'Only an accepted item starts a notice draft');
    if (submission.noticeId) throw conflict(RECEPTION_ERRORS.COLLECTION_NOTICE_EXISTS, 'This item started a notice draft already');
    const draft = {
      title: `${submission.request!.title}（${submission.department!.name}）`.slice(0, 200),
      body: submission.content,
      audience: { allStaff: true },
      channels: ['in-app'],
    } as NoticeDraftDto;
    const notice = await this.notices.create(draft, ctx);
    await this.dataSource.transaction(async (manager) => {
      const [row] = returnedRows(
        await manager.query(`UPDATE collection_submissions SET notice_id = $2 WHERE id = $1 AND notice_id IS NULL RETURNING id`, [
          id,
          notice.id,
        ]),
      );
      if (!row) throw conflict(RECEPTION_ERRORS.COLLECTION_NOTICE_EXISTS, 'This item started a notice draft already');
      await this.audit.record(manager, ctx, {
        action: 'information.collection.notice-draft',
        objectType: COLLECTION_SUBMISSION,
        objectId: id,
        details: { noticeId: notice.id },
      });
    });
    return { noticeId: notice.id };
  }

  // ---------- reminders (催报) ----------

  /**
   * The daily job: every department asked by an open request that has nothing accepted or pending
   * review (nothing submitted, or returned) is reminded, from two days before the deadline and every
   * day after it, once a school day. `now` is for tests.
   */
  async sendReminders(now = new Date()): Promise<{ reminded: number }> {
    const today = schoolDateOf(now, this.config.schoolTimeZone);
    return this.dataSource.transaction(async (manager) => {
      const due: { request_id: string; department_id: string; title: string; deadline: Date }[] = await manager.query(
        `SELECT t.request_id, t.department_id, r.title, r.deadline
           FROM collection_targets t JOIN collection_requests r ON r.id = t.request_id
           LEFT JOIN collection_submissions s ON s.request_id = t.request_id AND s.department_id = t.department_id
          WHERE r.status = 'open' AND r.deadline - make_interval(days => $2) <= $1
            AND (s.id IS NULL OR s.status = 'returned')
            AND (t.reminded_on IS NULL OR t.reminded_on < $3::date)
          FOR UPDATE OF t SKIP LOCKED`,
        [now, COLLECTION_REMIND_DAYS_BEFORE, today],
      );
      for (const row of due) {
        const recipients = await this.submitters(manager, [row.department_id]);
        const late = row.deadline <= now;
        if (recipients.length) {
          await this.notifications.notify(manager, {
            recipientIds: recipients,
            kind: 'information.collection.reminder',
            title: late ? `【信息采集·已逾期】${row.title}` : `【信息采集·催报】${row.title}`,
            body: `报送截止：${schoolDateOf(row.deadline, this.config.schoolTimeZone)}。贵部门尚未报送（或被退回后未重新报送），请尽快报送。`,
            link: link(row.request_id),
          });
        }
        await manager.query(
          `UPDATE collection_targets SET reminded_on = $3::date, reminders = reminders + 1 WHERE request_id = $1 AND department_id = $2`,
          [row.request_id, row.department_id, today],
        );
      }
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'information.collection.reminders',
        objectType: COLLECTION_REQUEST,
        details: { reminded: due.length, today },
      });
      return { reminded: due.length };
    });
  }

  private toRequestDto(r: CollectionRequest, targets: CollectionRequestDto['targets']): CollectionRequestDto {
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      deadline: r.deadline.toISOString(),
      status: r.status,
      overdue: r.status === 'open' && r.deadline < new Date(),
      createdBy: ref(r.createdBy),
      createdAt: r.createdAt.toISOString(),
      targets,
      // Only the id here; attachTargets fills in its title and code.
      questionnaire: r.questionnaireId ? { id: r.questionnaireId, title: '', code: '' } : null,
    };
  }
}
