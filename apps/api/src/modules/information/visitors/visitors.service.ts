import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PERMISSIONS,
  RECEPTION_ERRORS,
  VISITOR_QUESTION_DEFAULT_DAYS,
  VISIT_PURPOSES,
  VISIT_PURPOSE_LABELS,
  daysBetween,
  maskIdCardNumber,
  schoolTimeToInstant,
  addDays,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { escapeLike, returnedRows } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { Visit, VisitorQuestion } from './visitor.entities';
import type {
  QueryVisitorQuestionsDto,
  QueryVisitsDto,
  QueryVisitStatsDto,
  RegisterVisitDto,
  SignOutVisitDto,
  VisitDto,
  VisitorQuestionDto,
  VisitorQuestionInputDto,
  VisitStatsDto,
} from './visitors.dto';
import { toRef } from '../../../platform/org/refs';

export const VISIT = 'visit';
export const VISITOR_QUESTION = 'visitor-question';

const questionLink = (id: string) => `/information/visitors?question=${id}`;

/**
 * The visitor log (来访接待, INF-7). The full ID number exists only in the request: it is checked
 * by its checksum, masked to its last four digits, and only the mask is stored, audited and
 * answered. Questions are answered on the spot, or transferred to a department (an inbox item for
 * its head and members, with a deadline) and tracked until the department answers; an unanswered
 * transferred question past its deadline is flagged overdue (computed on every read).
 */
@Injectable()
export class VisitorsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarService,
  ) {}

  onModuleInit(): void {
    // Visits are the reception office's (readAll); nobody else is named by one.
    this.access.register(VISIT, { table: 'visits', named: () => 'false', changers: () => 'false' });
    this.access.register(VISITOR_QUESTION, { table: 'visitor_questions', departmentColumn: 'department_id' });
  }

  // ---------- registering ----------

  async register(dto: RegisterVisitDto, ctx: RequestContext): Promise<VisitDto> {
    if (!dto.hostUserId && !dto.hostDepartmentId)
      throw badRequest('Name the person or department visited', { hostUserId: ['choose a host person or department'] });
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertExists(manager, 'users', dto.hostUserId, 'hostUserId');
      await this.assertExists(manager, 'departments', dto.hostDepartmentId, 'hostDepartmentId');
      const masked = dto.idNumber ? maskIdCardNumber(dto.idNumber.toUpperCase()) : null;
      const visit = manager.create(Visit, {
        visitorName: dto.visitorName,
        organisation: dto.organisation || null,
        idNumberMasked: masked,
        purposeCategory: dto.purposeCategory,
        purpose: dto.purpose,
        hostUserId: dto.hostUserId ?? null,
        hostDepartmentId: dto.hostDepartmentId ?? null,
        timeIn: dto.timeIn ? new Date(dto.timeIn) : new Date(),
        confidentialityAcknowledgedAt: new Date(),
        registeredById: ctx.actor!.id,
      });
      await manager.insert(Visit, visit);
      // The audit names the visit and the masked number only: never the full one.
      await this.audit.record(manager, ctx, {
        action: 'information.visit.register',
        objectType: VISIT,
        objectId: visit.id,
        details: { visitorName: visit.visitorName, idNumberMasked: masked, purposeCategory: visit.purposeCategory },
      });
      for (const q of dto.questions ?? []) await this.addQuestionIn(manager, visit, q, ctx);
      return visit.id;
    });
    return this.get(id, ctx);
  }

  private async assertExists(manager: EntityManager, table: 'users' | 'departments', id: string | undefined, field: string) {
    if (!id) return;
    const [row] = await manager.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    if (!row) throw badRequest('No such ' + (table === 'users' ? 'person' : 'department'), { [field]: ['does not exist'] });
  }

  async signOut(id: string, dto: SignOutVisitDto, ctx: RequestContext): Promise<VisitDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: VISIT, id }, ctx, manager);
      const timeOut = dto.timeOut ? new Date(dto.timeOut) : new Date();
      const [row] = returnedRows<{ time_in: Date }>(
        await manager.query(
          `UPDATE visits SET time_out = GREATEST($2::timestamptz, time_in), version = version + 1 WHERE id = $1 AND time_out IS NULL RETURNING time_in`,
          [id, timeOut],
        ),
      );
      if (!row) throw conflict(RECEPTION_ERRORS.VISIT_SIGNED_OUT, 'The visitor has signed out already');
      await this.audit.record(manager, ctx, { action: 'information.visit.sign-out', objectType: VISIT, objectId: id });
    });
    return this.get(id, ctx);
  }

  // ---------- questions ----------

  async addQuestion(visitId: string, dto: VisitorQuestionInputDto, ctx: RequestContext): Promise<VisitorQuestionDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: VISIT, id: visitId }, ctx, manager);
      const visit = await manager.findOneByOrFail(Visit, { id: visitId });
      return this.addQuestionIn(manager, visit, dto, ctx);
    });
    return this.getQuestion(id, ctx);
  }

  private async addQuestionIn(manager: EntityManager, visit: Visit, q: VisitorQuestionInputDto, ctx: RequestContext): Promise<string> {
    if (!q.answer === !q.departmentId)
      throw badRequest('Answer the question on the spot, or transfer it to a department', {
        'questions.answer': ['give an answer, or a department to transfer it to (not both)'],
      });
    await this.assertExists(manager, 'departments', q.departmentId, 'questions.departmentId');
    const now = new Date();
    const dueAt = q.departmentId
      ? q.dueAt
        ? new Date(q.dueAt)
        : await this.calendar.deadlineEnd(now, VISITOR_QUESTION_DEFAULT_DAYS, manager)
      : null;
    const question = manager.create(VisitorQuestion, {
      visitId: visit.id,
      question: q.question,
      status: q.answer ? 'answered' : 'transferred',
      departmentId: q.departmentId ?? null,
      dueAt,
      answer: q.answer ?? null,
      answeredById: q.answer ? ctx.actor!.id : null,
      answeredAt: q.answer ? now : null,
      createdById: ctx.actor!.id,
    });
    await manager.insert(VisitorQuestion, question);
    if (q.departmentId) {
      const title = `【来访问题转办】${visit.visitorName}：${q.question.slice(0, 60)}`;
      for (const assigneeId of await this.departmentAnswerers(manager, q.departmentId)) {
        await this.inbox.open(manager, {
          assigneeId,
          sourceType: VISITOR_QUESTION,
          sourceId: question.id,
          title,
          link: questionLink(question.id),
          dueAt,
        });
      }
    }
    await this.audit.record(manager, ctx, {
      action: q.departmentId ? 'information.visitor-question.transfer' : 'information.visitor-question.answer',
      objectType: VISITOR_QUESTION,
      objectId: question.id,
      details: { visitId: visit.id, departmentId: q.departmentId ?? null },
    });
    return question.id;
  }

  /** The department's head, or its active members when it has none. */
  private async departmentAnswerers(manager: EntityManager, departmentId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM departments d JOIN users u ON u.id = d.head_id AND u.active WHERE d.id = $1
       UNION SELECT u.id FROM users u WHERE u.department_id = $1 AND u.active
         AND NOT EXISTS (SELECT 1 FROM departments d JOIN users h ON h.id = d.head_id AND h.active WHERE d.id = $1)`,
      [departmentId],
    );
    return rows.map((r) => r.id);
  }

  /** The department answers a question transferred to it (or the reception office does). */
  async answerQuestion(id: string, answer: string, ctx: RequestContext): Promise<VisitorQuestionDto> {
    const viewer = ctx.actor!;
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(viewer, { type: VISITOR_QUESTION, id }, ctx, manager);
      const [row] = returnedRows<{ visit_id: string; created_by: string; question: string }>(
        await manager.query(
          `UPDATE visitor_questions SET status = 'answered', answer = $2, answered_by = $3, answered_at = now()
            WHERE id = $1 AND status = 'transferred' RETURNING visit_id, created_by, question`,
          [id, answer, viewer.id],
        ),
      );
      if (!row) throw conflict(RECEPTION_ERRORS.VISITOR_QUESTION_ANSWERED, 'The question is answered already');
      await this.inbox.close(manager, { sourceType: VISITOR_QUESTION, sourceId: id, assigneeId: viewer.id }, 'done');
      await this.inbox.close(manager, { sourceType: VISITOR_QUESTION, sourceId: id }, 'cancelled');
      // The receptionist who took it down passes the answer on to the visitor.
      await this.notifications.notify(manager, {
        recipientIds: [row.created_by],
        kind: 'information.visitor-question.answered',
        title: `【来访问题已答复】${row.question.slice(0, 60)}`,
        body: answer,
        link: questionLink(id),
      });
      await this.audit.record(manager, ctx, { action: 'information.visitor-question.answer', objectType: VISITOR_QUESTION, objectId: id });
    });
    return this.getQuestion(id, ctx);
  }

  // ---------- reading ----------

  private questionQuery(manager: EntityManager = this.dataSource.manager) {
    return manager
      .createQueryBuilder(VisitorQuestion, 'q')
      .innerJoinAndSelect('q.visit', 'visit')
      .leftJoinAndSelect('q.department', 'department')
      .leftJoinAndSelect('q.answeredBy', 'answeredBy');
  }

  async listQuestions(query: QueryVisitorQuestionsDto, viewer: Principal): Promise<Page<VisitorQuestionDto>> {
    const visible = this.access.visibleWhere(viewer, VISITOR_QUESTION, 'q');
    const qb = this.questionQuery().where(visible.sql, visible.params).orderBy('q.createdAt', 'DESC').addOrderBy('q.id', 'DESC');
    if (query.status) qb.andWhere('q.status = :status', { status: query.status });
    if (query.overdue) qb.andWhere(`q.status = 'transferred' AND q.due_at < now()`);
    if (query.q) qb.andWhere('q.question ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const now = new Date();
    return paginate(qb, query, (q) => this.toQuestionDto(q, now));
  }

  async getQuestion(id: string, ctx: RequestContext): Promise<VisitorQuestionDto> {
    await this.access.assertCanRead(ctx.actor!, { type: VISITOR_QUESTION, id }, ctx);
    const q = await this.questionQuery().where('q.id = :id', { id }).getOne();
    if (!q) throw notFound(VISITOR_QUESTION);
    return this.toQuestionDto(q, new Date());
  }

  private visitQuery(manager: EntityManager = this.dataSource.manager) {
    return manager
      .createQueryBuilder(Visit, 'v')
      .leftJoinAndSelect('v.hostUser', 'hostUser')
      .leftJoinAndSelect('v.hostDepartment', 'hostDepartment')
      .leftJoinAndSelect('v.registeredBy', 'registeredBy');
  }

  private dayStart(date: string): Date {
    return schoolTimeToInstant(date, '00:00:00', this.config.schoolTimeZone);
  }

  async list(query: QueryVisitsDto, viewer: Principal): Promise<Page<VisitDto>> {
    const visible = this.access.visibleWhere(viewer, VISIT, 'v');
    const qb = this.visitQuery().where(visible.sql, visible.params).orderBy('v.timeIn', 'DESC').addOrderBy('v.id', 'DESC');
    if (query.from) qb.andWhere('v.time_in >= :from', { from: this.dayStart(query.from) });
    if (query.to) qb.andWhere('v.time_in < :to', { to: this.dayStart(addDays(query.to, 1)) });
    if (query.purposeCategory) qb.andWhere('v.purpose_category = :pc', { pc: query.purposeCategory });
    if (query.inside) qb.andWhere('v.time_out IS NULL');
    if (query.q)
      qb.andWhere('(v.visitor_name ILIKE :q OR v.organisation ILIKE :q OR v.purpose ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, (v) => this.toDto(v, []));
    await this.attachQuestions(page.items);
    return page;
  }

  async get(id: string, ctx: RequestContext): Promise<VisitDto> {
    await this.access.assertCanRead(ctx.actor!, { type: VISIT, id }, ctx);
    const visit = await this.visitQuery().where('v.id = :id', { id }).getOne();
    if (!visit) throw notFound(VISIT);
    const dto = this.toDto(visit, []);
    await this.attachQuestions([dto]);
    return dto;
  }

  private async attachQuestions(visits: VisitDto[]): Promise<void> {
    if (!visits.length) return;
    const questions = await this.questionQuery()
      .where('q.visit_id IN (:...ids)', { ids: visits.map((v) => v.id) })
      .orderBy('q.createdAt', 'ASC')
      .getMany();
    const now = new Date();
    for (const v of visits) v.questions = questions.filter((q) => q.visitId === v.id).map((q) => this.toQuestionDto(q, now));
  }

  // ---------- statistics ----------

  async statistics(query: QueryVisitStatsDto, viewer: Principal): Promise<VisitStatsDto> {
    if (query.to < query.from) throw badRequest('The range ends before it starts', { to: ['on or after from'] });
    if (daysBetween(query.from, query.to) > 366) throw badRequest('At most a year at once', { to: ['within 366 days of from'] });
    if (!viewer.permissions.has(PERMISSIONS.INFO_RECEPTION_MANAGE))
      return { total: 0, byPurpose: [], byDepartment: [], byDay: [], byMonth: [] };
    const tz = this.config.schoolTimeZone;
    const params = [this.dayStart(query.from), this.dayStart(addDays(query.to, 1)), tz];
    const base = `FROM visits v WHERE v.time_in >= $1 AND v.time_in < $2`;
    const run = (sql: string): Promise<{ key: string | null; label: string | null; count: number }[]> => this.dataSource.query(sql, params);
    const [purpose, department, day, month] = await Promise.all([
      run(`SELECT v.purpose_category AS key, NULL AS label, count(*)::int AS count ${base} AND $3::text IS NOT NULL GROUP BY 1 ORDER BY 1`),
      run(
        `SELECT d.id AS key, d.name AS label, count(*)::int AS count
           FROM visits v LEFT JOIN users hu ON hu.id = v.host_user_id
           LEFT JOIN departments d ON d.id = COALESCE(v.host_department_id, hu.department_id)
          WHERE v.time_in >= $1 AND v.time_in < $2 AND $3::text IS NOT NULL GROUP BY d.id, d.name ORDER BY count DESC, d.name`,
      ),
      run(
        `SELECT to_char(v.time_in AT TIME ZONE $3, 'YYYY-MM-DD') AS key, NULL AS label, count(*)::int AS count ${base} GROUP BY 1 ORDER BY 1`,
      ),
      run(
        `SELECT to_char(v.time_in AT TIME ZONE $3, 'YYYY-MM') AS key, NULL AS label, count(*)::int AS count ${base} GROUP BY 1 ORDER BY 1`,
      ),
    ]);
    const byPurpose = VISIT_PURPOSES.map((p) => ({
      key: p,
      label: VISIT_PURPOSE_LABELS[p]['zh-CN'],
      count: purpose.find((r) => r.key === p)?.count ?? 0,
    }));
    return {
      total: byPurpose.reduce((n, p) => n + p.count, 0),
      byPurpose,
      byDepartment: department.map((r) => ({ key: r.key ?? '', label: r.label ?? '—', count: r.count })),
      byDay: day.map((r) => ({ key: r.key!, label: r.key!, count: r.count })),
      byMonth: month.map((r) => ({ key: r.key!, label: r.key!, count: r.count })),
    };
  }

  // ---------- mapping ----------

  private toQuestionDto(q: VisitorQuestion, now: Date): VisitorQuestionDto {
    return {
      id: q.id,
      visitId: q.visitId,
      visitorName: q.visit?.visitorName ?? '',
      question: q.question,
      status: q.status,
      department: toRef(q.department),
      dueAt: q.dueAt?.toISOString() ?? null,
      overdue: q.status === 'transferred' && !!q.dueAt && q.dueAt < now,
      answer: q.answer,
      answeredBy: toRef(q.answeredBy),
      answeredAt: q.answeredAt?.toISOString() ?? null,
      createdAt: q.createdAt.toISOString(),
    };
  }

  private toDto(v: Visit, questions: VisitorQuestionDto[]): VisitDto {
    return {
      id: v.id,
      visitorName: v.visitorName,
      organisation: v.organisation,
      idNumberMasked: v.idNumberMasked,
      purposeCategory: v.purposeCategory,
      purpose: v.purpose,
      hostUser: toRef(v.hostUser),
      hostDepartment: toRef(v.hostDepartment),
      timeIn: v.timeIn.toISOString(),
      timeOut: v.timeOut?.toISOString() ?? null,
      confidentialityAcknowledgedAt: v.confidentialityAcknowledgedAt.toISOString(),
      registeredBy: toRef(v.registeredBy) ?? { id: '', name: '—' },
      questions,
    };
  }
}
