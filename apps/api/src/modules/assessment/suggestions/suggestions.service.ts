import { createHash, randomInt } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IMPROVEMENT_ERRORS,
  PERMISSIONS,
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  SUGGESTION_ERRORS,
  SUGGESTION_RESPONSE_WORKING_DAYS,
  SUGGESTION_TRANSITIONS,
  formatQueryCode,
  normaliseQueryCode,
  suggestionActionsFrom,
  type SuggestionAction,
  type SuggestionSource,
} from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { escapeLike } from '../../../platform/http/sql';
import type { RequestContext } from '../../../platform/http/request-context';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { ImprovementService } from '../improvement/improvement.service';
import { Suggestion } from './suggestion.entity';
import type {
  AnswerSuggestionDto,
  AssignSuggestionDto,
  CloseSuggestionDto,
  LogHotlineCallDto,
  PromoteSuggestionDto,
  QuerySuggestionsDto,
  SubmitSuggestionDto,
  SuggestionDto,
  SuggestionReceiptDto,
  SuggestionReplyDto,
} from './suggestions.dto';
import { toRef } from '../../../platform/org/refs';

/** The resource type of suggestions and hotline calls. */
export const SUGGESTION = 'suggestion';

const hashOf = (code: string) => createHash('sha256').update(code).digest('hex');
const link = (id: string) => `/assessment/suggestions?open=${id}`;

/**
 * Suggestions and the hotline (意见箱/热线, ASM-4): the public page and logged calls come in; the
 * office assigns each to someone, who answers; the office closes it. The response-time clock runs
 * from arrival to the answer, against a due time in working days by the school calendar.
 */
@Injectable()
export class SuggestionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly inbox: InboxService,
    private readonly improvement: ImprovementService,
  ) {}

  onModuleInit(): void {
    this.access.register(SUGGESTION, {
      table: 'suggestions',
      named: (o, me) => `${o}.assignee_id = ${me} OR ${o}.logged_by = ${me}`,
    });
  }

  /**
   * A suggestion from the public page. Whoever sends it, the request's IP and any signed-in
   * person are left out of the row and of its audit entry: the page is anonymous by construction,
   * and a named submitter is only the name they chose to give.
   */
  submit(dto: SubmitSuggestionDto, requestId: string): Promise<SuggestionReceiptDto> {
    return this.receive(dto, 'public-page', { actor: null, ip: null, requestId });
  }

  /** A call to the hotline, logged by the staff member who took it. */
  logCall(dto: LogHotlineCallDto, ctx: RequestContext): Promise<SuggestionReceiptDto> {
    return this.receive(dto, 'hotline', ctx, dto.receivedAt);
  }

  private async receive(dto: SubmitSuggestionDto, source: SuggestionSource, ctx: RequestContext, at?: Date): Promise<SuggestionReceiptDto> {
    const submitterName = dto.submitterName?.trim() || null;
    const submitterContact = dto.submitterContact?.trim() || null;
    if (dto.anonymous && (submitterName || submitterContact)) {
      const field = submitterName ? 'submitterName' : 'submitterContact';
      throw badRequest('An anonymous suggestion takes no name and no contact', {
        [field]: ['leave it empty, or do not send it anonymously'],
      });
    }
    const receivedAt = at ?? new Date();
    if (receivedAt.getTime() > Date.now() + 60_000) throw badRequest('The call cannot be in the future', { receivedAt: ['in the future'] });
    const code = Array.from({ length: QUERY_CODE_LENGTH }, () => QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]).join('');
    return this.dataSource.transaction(async (manager) => {
      const dueAt = await this.calendar.deadlineEnd(receivedAt, SUGGESTION_RESPONSE_WORKING_DAYS, manager);
      const suggestion = manager.create(Suggestion, {
        source,
        category: dto.category,
        subject: dto.subject,
        content: dto.content,
        anonymous: dto.anonymous,
        submitterName,
        submitterContact,
        queryCodeHash: hashOf(code),
        status: 'received',
        receivedAt,
        dueAt,
        loggedById: source === 'hotline' ? ctx.actor!.id : null,
      });
      await manager.insert(Suggestion, suggestion);
      await this.audit.record(manager, ctx, {
        action: source === 'hotline' ? 'assessment.suggestion.log-call' : 'assessment.suggestion.submit',
        objectType: SUGGESTION,
        objectId: suggestion.id,
        details: { source, category: dto.category, anonymous: dto.anonymous },
      });
      return { queryCode: formatQueryCode(code), receivedAt, dueAt };
    });
  }

  /** What the query code shows: the status and the reply. A wrong code is 404, like any unknown one. */
  async reply(typed: string): Promise<SuggestionReplyDto> {
    const code = normaliseQueryCode(typed);
    const suggestion = code ? await this.dataSource.manager.findOneBy(Suggestion, { queryCodeHash: hashOf(code) }) : null;
    if (!suggestion) throw notFound('suggestion');
    const answered = suggestion.status === 'answered' || suggestion.status === 'closed';
    return {
      status: suggestion.status,
      subject: suggestion.subject,
      receivedAt: suggestion.receivedAt,
      answer: answered ? suggestion.answer : null,
      answeredAt: answered ? suggestion.answeredAt : null,
    };
  }

  private query(manager: EntityManager): SelectQueryBuilder<Suggestion> {
    return manager
      .createQueryBuilder(Suggestion, 's')
      .leftJoinAndSelect('s.loggedBy', 'loggedBy')
      .leftJoinAndSelect('s.assignee', 'assignee')
      .leftJoinAndSelect('s.answeredBy', 'answeredBy');
  }

  async list(query: QuerySuggestionsDto, viewer: Principal): Promise<Page<SuggestionDto>> {
    const visible = this.access.visibleWhere(viewer, SUGGESTION, 's');
    const qb = this.query(this.dataSource.manager)
      .where(visible.sql, visible.params)
      .orderBy('s.receivedAt', 'DESC')
      .addOrderBy('s.id', 'ASC');
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.source) qb.andWhere('s.source = :source', { source: query.source });
    if (query.mine) qb.andWhere('s.assignee_id = :me', { me: viewer.id });
    if (query.overdue) {
      qb.andWhere(`((s.answered_at IS NULL AND s.due_at < now()) OR s.answered_at > s.due_at)`);
    }
    if (query.q) {
      qb.andWhere('(s.subject ILIKE :q OR s.content ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    return paginate(qb, query, (s) => this.toDto(s, viewer));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<SuggestionDto> {
    await this.access.assertCanRead(ctx.actor!, { type: SUGGESTION, id }, ctx, manager);
    const suggestion = await this.query(manager).where('s.id = :id', { id }).getOne();
    if (!suggestion) throw notFound('suggestion');
    return this.toDto(suggestion, ctx.actor!);
  }

  /** The office gives it to someone to answer; it lands in their inbox (and leaves a previous assignee's). */
  async assign(id: string, dto: AssignSuggestionDto, ctx: RequestContext): Promise<SuggestionDto> {
    return this.dataSource.transaction(async (manager) => {
      const suggestion = await this.lockForMove(manager, id, 'assign', ctx);
      const [assignee] = await manager.query(`SELECT id, name FROM users WHERE id = $1 AND active`, [dto.assigneeId]);
      if (!assignee) throw badRequest('No such person', { assigneeId: ['no active account has this id'] });
      await updateVersioned(
        manager,
        Suggestion,
        id,
        dto.version,
        { status: 'assigned', assigneeId: dto.assigneeId, assignedAt: new Date() },
        SUGGESTION,
      );
      if (suggestion.assigneeId && suggestion.assigneeId !== dto.assigneeId) {
        await this.inbox.close(manager, { sourceType: SUGGESTION, sourceId: id, assigneeId: suggestion.assigneeId }, 'cancelled');
      }
      await this.inbox.open(manager, {
        assigneeId: dto.assigneeId,
        sourceType: SUGGESTION,
        sourceId: id,
        title: `【意见建议】${suggestion.subject}`,
        link: link(id),
        dueAt: suggestion.dueAt,
      });
      await this.audit.record(manager, ctx, {
        action: 'assessment.suggestion.assign',
        objectType: SUGGESTION,
        objectId: id,
        details: { assigneeId: dto.assigneeId, previous: suggestion.assigneeId },
      });
      return this.get(id, ctx, manager);
    });
  }

  /** The assignee (or the office) answers; the answer is what the query code shows. */
  async answer(id: string, dto: AnswerSuggestionDto, ctx: RequestContext): Promise<SuggestionDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForMove(manager, id, 'answer', ctx);
      await updateVersioned(
        manager,
        Suggestion,
        id,
        dto.version,
        { status: 'answered', answer: dto.answer, answeredAt: new Date(), answeredById: ctx.actor!.id },
        SUGGESTION,
      );
      await this.inbox.close(manager, { sourceType: SUGGESTION, sourceId: id });
      await this.audit.record(manager, ctx, { action: 'assessment.suggestion.answer', objectType: SUGGESTION, objectId: id });
      return this.get(id, ctx, manager);
    });
  }

  async close(id: string, dto: CloseSuggestionDto, ctx: RequestContext): Promise<SuggestionDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForMove(manager, id, 'close', ctx);
      await updateVersioned(manager, Suggestion, id, dto.version, { status: 'closed', closedAt: new Date() }, SUGGESTION);
      await this.audit.record(manager, ctx, { action: 'assessment.suggestion.close', objectType: SUGGESTION, objectId: id });
      return this.get(id, ctx, manager);
    });
  }

  /**
   * Promotes a suggestion to an improvement problem (ASM-4 → ASM-5), in one transaction, once.
   * Only the subject and content go over: never the submitter's name or contact, so an anonymous
   * suggestion stays anonymous in the improvement register and its audit entry.
   */
  async promote(id: string, dto: PromoteSuggestionDto, ctx: RequestContext): Promise<SuggestionDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: SUGGESTION, id }, ctx, manager);
      const suggestion = await manager.findOne(Suggestion, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!suggestion) throw notFound('suggestion');
      if (suggestion.improvementProblemId) {
        throw conflict(IMPROVEMENT_ERRORS.IMPROVEMENT_SOURCE_TAKEN, 'This suggestion was already promoted to an improvement problem');
      }
      const problemId = await this.improvement.createWithin(manager, ctx, {
        title: dto.title ?? suggestion.subject,
        description: suggestion.content,
        source: 'suggestion',
        sourceRefId: suggestion.id,
      });
      await updateVersioned(manager, Suggestion, id, dto.version, { improvementProblemId: problemId }, SUGGESTION);
      await this.audit.record(manager, ctx, {
        action: 'assessment.suggestion.promote',
        objectType: SUGGESTION,
        objectId: id,
        details: { improvementProblemId: problemId },
      });
      return this.get(id, ctx, manager);
    });
  }

  /** Reads and locks the suggestion for a move: 404 when unseen or not this person's to make, 409 when illegal. */
  private async lockForMove(manager: EntityManager, id: string, action: SuggestionAction, ctx: RequestContext): Promise<Suggestion> {
    await this.access.assertCanRead(ctx.actor!, { type: SUGGESTION, id }, ctx, manager);
    const suggestion = await manager.findOne(Suggestion, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!suggestion) throw notFound('suggestion');
    if (!this.mayAct(suggestion, action, ctx.actor!)) throw notFound('suggestion');
    if (!SUGGESTION_TRANSITIONS[action].from.includes(suggestion.status)) {
      throw conflict(SUGGESTION_ERRORS.SUGGESTION_ILLEGAL_MOVE, `A suggestion that is ${suggestion.status} cannot be ${action}ed`);
    }
    return suggestion;
  }

  /** The office does everything; an assignee only answers what is theirs. */
  private mayAct(suggestion: Suggestion, action: SuggestionAction, viewer: Principal): boolean {
    if (viewer.permissions.has(PERMISSIONS.ASSESSMENT_SUGGESTIONS_MANAGE)) return true;
    return action === 'answer' && suggestion.assigneeId === viewer.id;
  }

  private toDto(s: Suggestion, viewer: Principal): SuggestionDto {
    const now = Date.now();
    return {
      id: s.id,
      source: s.source,
      category: s.category,
      subject: s.subject,
      content: s.content,
      anonymous: s.anonymous,
      submitterName: s.submitterName,
      submitterContact: s.submitterContact,
      status: s.status,
      receivedAt: s.receivedAt,
      dueAt: s.dueAt,
      loggedBy: toRef(s.loggedBy),
      assignee: toRef(s.assignee),
      assignedAt: s.assignedAt,
      answer: s.answer,
      answeredAt: s.answeredAt,
      answeredBy: toRef(s.answeredBy),
      closedAt: s.closedAt,
      improvementProblemId: s.improvementProblemId,
      responseMinutes: s.answeredAt ? Math.round((s.answeredAt.getTime() - s.receivedAt.getTime()) / 60_000) : null,
      overdue: s.answeredAt ? s.answeredAt > s.dueAt : now > s.dueAt.getTime(),
      actions: suggestionActionsFrom(s.status).filter((action) => this.mayAct(s, action, viewer)),
      version: s.version,
    };
  }
}
