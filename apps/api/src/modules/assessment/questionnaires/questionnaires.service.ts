import { createHash, createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  QUERY_CODE_ALPHABET,
  QUESTIONNAIRE_ERRORS,
  QUESTIONNAIRE_TRANSITIONS,
  questionnaireActionsFrom,
  schoolDateOf,
  type QuestionnaireAction,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import { loadExcelJS } from '../../../platform/excel/load-exceljs';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { escapeLike } from '../../../platform/http/sql';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { checkAnswers, checkDefinition, tally } from './questionnaire-rules';
import { Questionnaire, QuestionnaireResponse } from './questionnaire.entities';
import type {
  DistributeQuestionnaireDto,
  PublicQuestionnaireDto,
  QueryQuestionnairesDto,
  QuestionnaireDistributionDto,
  QuestionnaireDto,
  QuestionnaireReceiptDto,
  QuestionnaireResultsDto,
  QuestionnaireTokenDto,
  SaveQuestionnaireDto,
  SubmitQuestionnaireResponseDto,
  UpdateQuestionnaireDto,
} from './questionnaires.dto';

/** The resource type of questionnaires, in the audit log. */
export const QUESTIONNAIRE = 'questionnaire';
export const QUESTIONNAIRE_CLOSING_JOB = 'assessment-questionnaire-closing';

const CODE_LENGTH = 10;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const b64url = (buffer: Buffer) => buffer.toString('base64url');

/** The audit context of an anonymous answer: no actor, no IP, and a fresh request id that no access log line shares. */
const anonymousContext = () => ({ actor: null, ip: null, requestId: randomUUID() });

/**
 * Questionnaires (问卷, ASM-3): built and run by the office; answered by signed-in staff (named),
 * by staff through one-time tokens (anonymous, one each), or by anyone through the public link.
 *
 * How token mode stays unlinkable. Taking a token writes only "this person took one" (no time, no
 * token) to questionnaire_token_holders; the token is a random nonce signed with the
 * questionnaire's secret, so the server need not remember it to check it later. Using it writes the
 * token's hash to questionnaire_used_tokens (its primary key makes it answer once) and the answers
 * to questionnaire_responses, which carries no token, no person, only the day, and a random id.
 * Taking and using happen in different requests, and submitting goes through the public route,
 * which reads no sign-in at all. What remains is timing: someone watching the database live could
 * see a token taken and a response arrive moments apart; the page lets people take a token first
 * and answer later, and nothing stored keeps the times.
 *
 * A questionnaire past its closes_at refuses answers at once (accepting); a job every few minutes
 * then closes it as the office would, so its status and closedAt say so too.
 */
@Injectable()
export class QuestionnairesService implements OnModuleInit {
  private readonly logger = new Logger('Questionnaires');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: QUESTIONNAIRE_CLOSING_JOB,
      cron: '*/5 * * * *',
      handler: async () => {
        await this.closeExpired();
      },
    });
  }

  // ---------- building (the office) ----------

  async create(dto: SaveQuestionnaireDto, ctx: RequestContext): Promise<QuestionnaireDto> {
    const fields = this.checked(dto);
    const id = await this.dataSource.transaction(async (manager) => {
      const questionnaire = manager.create(Questionnaire, {
        ...fields,
        code: Array.from({ length: CODE_LENGTH }, () => QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]).join(''),
        status: 'draft',
        tokenSecret: randomBytes(32).toString('hex'),
        createdById: ctx.actor!.id,
      });
      await manager.insert(Questionnaire, questionnaire);
      await this.audit.record(manager, ctx, {
        action: 'assessment.questionnaire.create',
        objectType: QUESTIONNAIRE,
        objectId: questionnaire.id,
        details: { title: fields.title, responseMode: fields.responseMode, anonymous: fields.anonymous },
      });
      return questionnaire.id;
    });
    return this.get(id);
  }

  /** Only a draft changes: once open, answers refer to its questions by position. */
  async update(id: string, dto: UpdateQuestionnaireDto, ctx: RequestContext): Promise<QuestionnaireDto> {
    const fields = this.checked(dto);
    await this.dataSource.transaction(async (manager) => {
      const questionnaire = await this.lock(manager, id);
      if (questionnaire.status !== 'draft') {
        throw conflict(QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_FROZEN, 'An open or closed questionnaire can no longer change');
      }
      await updateVersioned(manager, Questionnaire, id, dto.version, { ...fields }, QUESTIONNAIRE);
      await this.audit.record(manager, ctx, { action: 'assessment.questionnaire.update', objectType: QUESTIONNAIRE, objectId: id });
    });
    return this.get(id);
  }

  /** Opening freezes the questions; closing stops responses. */
  async move(id: string, action: QuestionnaireAction, version: number, ctx: RequestContext): Promise<QuestionnaireDto> {
    await this.dataSource.transaction(async (manager) => {
      const questionnaire = await this.lock(manager, id);
      if (!QUESTIONNAIRE_TRANSITIONS[action].from.includes(questionnaire.status)) {
        throw conflict(
          QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_ILLEGAL_MOVE,
          `A questionnaire that is ${questionnaire.status} cannot be ${action}ed`,
        );
      }
      await this.applyMove(manager, id, action, version, ctx);
    });
    return this.get(id);
  }

  /** The state change and audit entry of a move, shared by the office's move and the closing job. */
  private async applyMove(
    manager: EntityManager,
    id: string,
    action: QuestionnaireAction,
    version: number,
    ctx: RequestContext,
    at = new Date(),
    details?: Record<string, unknown>,
  ): Promise<void> {
    const changes = action === 'open' ? { status: 'open', openedAt: at } : { status: 'closed', closedAt: at };
    await updateVersioned(manager, Questionnaire, id, version, changes, QUESTIONNAIRE);
    await this.audit.record(manager, ctx, {
      action: `assessment.questionnaire.${action}`,
      objectType: QUESTIONNAIRE,
      objectId: id,
      details,
    });
  }

  /**
   * The closing job: every open questionnaire whose closes_at has passed is closed as the office's
   * close does, in the system's name. Rows being moved by the office meanwhile are skipped; the
   * next run takes them if they are still open. `now` is for tests.
   */
  async closeExpired(now: Date = new Date()): Promise<{ closed: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const due: { id: string; version: number; closes_at: Date }[] = await manager.query(
        `SELECT id, version, closes_at FROM questionnaires
          WHERE status = 'open' AND closes_at IS NOT NULL AND closes_at <= $1
          ORDER BY closes_at, id
          FOR UPDATE SKIP LOCKED`,
        [now],
      );
      for (const q of due) {
        await this.applyMove(manager, q.id, 'close', q.version, SYSTEM_CONTEXT, now, { closesAt: q.closes_at });
      }
      if (due.length) this.logger.log(`Closed ${due.length} questionnaire(s) past their closing time`);
      return { closed: due.map((q) => q.id) };
    });
  }

  private checked(dto: SaveQuestionnaireDto) {
    const { questions, errors } = checkDefinition(dto.questions);
    if (dto.responseMode === 'named' && dto.anonymous)
      errors.anonymous = ['a named questionnaire keeps who answered: it cannot be anonymous'];
    if (dto.responseMode === 'token' && !dto.anonymous) errors.anonymous = ['one-time tokens are for anonymous questionnaires'];
    const opensAt = dto.opensAt ?? null;
    const closesAt = dto.closesAt ?? null;
    if (opensAt && closesAt && opensAt >= closesAt) errors.closesAt = ['must be after it opens'];
    if (Object.keys(errors).length) throw badRequest('The questionnaire is not valid', errors);
    return {
      title: dto.title,
      description: dto.description ?? '',
      anonymous: dto.anonymous,
      responseMode: dto.responseMode,
      opensAt,
      closesAt,
      questions,
    };
  }

  private async lock(manager: EntityManager, id: string): Promise<Questionnaire> {
    const questionnaire = await manager.findOne(Questionnaire, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!questionnaire) throw notFound(QUESTIONNAIRE);
    return questionnaire;
  }

  // ---------- reading (the office) ----------

  async list(query: QueryQuestionnairesDto): Promise<Page<QuestionnaireDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Questionnaire, 'q')
      .leftJoinAndSelect('q.createdBy', 'createdBy')
      .orderBy('q.createdAt', 'DESC')
      .addOrderBy('q.id', 'ASC');
    if (query.status) qb.andWhere('q.status = :status', { status: query.status });
    if (query.q) qb.andWhere('q.title ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, (q) => this.toDto(q, 0));
    const counts = await this.responseCounts(page.items.map((q) => q.id));
    for (const item of page.items) item.responseCount = counts.get(item.id) ?? 0;
    return page;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<QuestionnaireDto> {
    const questionnaire = await manager.findOne(Questionnaire, { where: { id }, relations: { createdBy: true } });
    if (!questionnaire) throw notFound(QUESTIONNAIRE);
    const counts = await this.responseCounts([id], manager);
    return this.toDto(questionnaire, counts.get(id) ?? 0);
  }

  private async responseCounts(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows: { id: string; n: number }[] = await manager.query(
      `SELECT questionnaire_id AS id, count(*)::int AS n FROM questionnaire_responses WHERE questionnaire_id = ANY($1) GROUP BY questionnaire_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** The figures per question, from every response so far (the panel polls it for live charts). */
  async results(id: string): Promise<QuestionnaireResultsDto> {
    const questionnaire = await this.dataSource.manager.findOneBy(Questionnaire, { id });
    if (!questionnaire) throw notFound(QUESTIONNAIRE);
    const rows = await this.dataSource.manager.find(QuestionnaireResponse, {
      select: { id: true, answers: true },
      where: { questionnaireId: id },
    });
    return {
      responseCount: rows.length,
      questions: tally(
        questionnaire.questions,
        rows.map((r) => r.answers),
      ),
    };
  }

  /**
   * Every response in a workbook: one row each, one column per question. An anonymous
   * questionnaire's sheet has no respondent column and only the day; rows follow the random ids,
   * so even the order says nothing about who answered when.
   */
  async exportAnswers(id: string, ctx: RequestContext): Promise<{ buffer: Buffer; fileName: string; asciiFileName: string; rows: number }> {
    const questionnaire = await this.dataSource.manager.findOneBy(Questionnaire, { id });
    if (!questionnaire) throw notFound(QUESTIONNAIRE);
    const responses = await this.dataSource.manager.find(QuestionnaireResponse, {
      where: { questionnaireId: id },
      relations: { respondent: true },
      order: { id: 'ASC' },
    });
    const { Workbook } = await loadExcelJS();
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('答卷');
    const named = !questionnaire.anonymous;
    sheet.addRow(['序号', '提交日期', ...(named ? ['答题人'] : []), ...questionnaire.questions.map((q, i) => `${i + 1}. ${q.title}`)]);
    responses.forEach((r, n) => {
      const cells = questionnaire.questions.map((q, i) => {
        const a = r.answers[i] ?? null;
        if (a === null) return null;
        if (q.type === 'single') return q.options?.[a as number] ?? null;
        if (q.type === 'multiple') return (a as number[]).map((o) => q.options?.[o]).join('、');
        return a as string | number;
      });
      sheet.addRow([n + 1, r.submittedOn, ...(named ? [r.respondent?.name ?? null] : []), ...cells]);
    });
    sheet.getRow(1).font = { bold: true };
    await this.audit.record(this.dataSource.manager, ctx, {
      action: 'excel.export',
      objectType: QUESTIONNAIRE,
      objectId: id,
      details: { rows: responses.length },
    });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const date = schoolDateOf(new Date(), this.config.schoolTimeZone).replaceAll('-', '');
    return {
      buffer,
      fileName: `问卷答卷-${questionnaire.title}-${date}.xlsx`,
      asciiFileName: `questionnaire-${date}.xlsx`,
      rows: responses.length,
    };
  }

  // ---------- distribution ----------

  /** Notifies the chosen departments' members and people of the link (an open questionnaire only). */
  async distribute(id: string, dto: DistributeQuestionnaireDto, ctx: RequestContext): Promise<QuestionnaireDistributionDto> {
    const departmentIds = dto.departmentIds ?? [];
    const userIds = dto.userIds ?? [];
    if (!departmentIds.length && !userIds.length) throw badRequest('Nobody chosen', { departmentIds: ['choose departments or people'] });
    return this.dataSource.transaction(async (manager) => {
      const questionnaire = await manager.findOneBy(Questionnaire, { id });
      if (!questionnaire) throw notFound(QUESTIONNAIRE);
      if (questionnaire.status !== 'open')
        throw conflict(QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_NOT_ACCEPTING, 'Open it before sending it out');
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM users WHERE active AND (department_id = ANY($1::uuid[]) OR id = ANY($2::uuid[]))`,
        [departmentIds, userIds],
      );
      const recipientIds = rows.map((r) => r.id);
      if (recipientIds.length) {
        await this.notifications.notify(manager, {
          recipientIds,
          kind: 'assessment.questionnaire',
          title: `【问卷】${questionnaire.title}`,
          body: questionnaire.anonymous ? '本问卷为匿名问卷，请点击链接填写。' : '请点击链接填写问卷。',
          link: `/q/${questionnaire.code}`,
        });
      }
      await this.audit.record(manager, ctx, {
        action: 'assessment.questionnaire.distribute',
        objectType: QUESTIONNAIRE,
        objectId: id,
        details: { departmentIds, userIds, recipients: recipientIds.length },
      });
      return { recipients: recipientIds.length };
    });
  }

  // ---------- answering ----------

  async publicDefinition(code: string): Promise<PublicQuestionnaireDto> {
    const q = await this.byCode(code);
    return {
      code: q.code,
      title: q.title,
      description: q.description,
      anonymous: q.anonymous,
      responseMode: q.responseMode,
      questions: q.questions,
      accepting: this.accepting(q),
      closesAt: q.closesAt,
    };
  }

  /**
   * A response through the public link: open mode, or token mode with its token. The public
   * route reads no sign-in and the request's IP is not passed on, so nothing of who sent it can
   * reach the row or the audit log.
   */
  async submitPublic(code: string, dto: SubmitQuestionnaireResponseDto): Promise<QuestionnaireReceiptDto> {
    const q = await this.byCode(code);
    if (q.responseMode === 'named') {
      throw badRequest('Sign in to answer this questionnaire', { token: [QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_WRONG_MODE] });
    }
    if (q.responseMode === 'token' && !dto.token)
      throw badRequest('This questionnaire is answered with a one-time token', { token: ['required'] });
    if (q.responseMode === 'open' && dto.token) throw badRequest('This questionnaire takes no token', { token: ['leave it out'] });
    return this.receive(q, dto, null);
  }

  /** A signed-in person's response: named mode, or open mode (recorded as theirs unless anonymous). */
  async submitSignedIn(code: string, dto: SubmitQuestionnaireResponseDto, ctx: RequestContext): Promise<QuestionnaireReceiptDto> {
    const q = await this.byCode(code);
    if (q.responseMode === 'token' || dto.token) {
      throw badRequest('Take a token and answer through the public link', { token: [QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_WRONG_MODE] });
    }
    return this.receive(q, dto, q.anonymous ? null : ctx);
  }

  private async receive(
    q: Questionnaire,
    dto: SubmitQuestionnaireResponseDto,
    named: RequestContext | null,
  ): Promise<QuestionnaireReceiptDto> {
    const { answers, errors } = checkAnswers(q.questions, dto.answers);
    if (Object.keys(errors).length) throw badRequest('The answers are not valid', errors);
    if (q.responseMode === 'token' && !this.tokenIsGenuine(q, dto.token!))
      throw badRequest('Not a token of this questionnaire', { token: ['not valid'] });
    const submittedOn = schoolDateOf(new Date(), this.config.schoolTimeZone);
    return this.dataSource.transaction(async (manager) => {
      // Read under a share lock, so that a close committing meanwhile cannot let a late answer in.
      const [current] = await manager.query(`SELECT status, opens_at, closes_at FROM questionnaires WHERE id = $1 FOR SHARE`, [q.id]);
      if (!this.accepting({ status: current.status, opensAt: current.opens_at, closesAt: current.closes_at })) {
        throw conflict(QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_NOT_ACCEPTING, 'This questionnaire does not accept responses now');
      }
      if (q.responseMode === 'token') {
        const used = await manager.query(
          `INSERT INTO questionnaire_used_tokens (questionnaire_id, token_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
          [q.id, sha256(dto.token!)],
        );
        if (!used.length) throw conflict(QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_ALREADY_ANSWERED, 'This token has been used');
      }
      const respondentId = named?.actor?.id ?? null;
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO questionnaire_responses (questionnaire_id, anonymous, respondent_id, answers, submitted_on, submitted_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6)
         ON CONFLICT (questionnaire_id, respondent_id) WHERE respondent_id IS NOT NULL DO NOTHING RETURNING id`,
        [q.id, q.anonymous, respondentId, JSON.stringify(answers), submittedOn, q.anonymous ? null : new Date()],
      );
      if (!inserted.length)
        throw conflict(QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_ALREADY_ANSWERED, 'You have answered this questionnaire already');
      if (q.anonymous) {
        // Recorded that an answer came, against the questionnaire, not the response: the audit row's
        // precise time must not be attached to one particular anonymous response.
        await this.audit.record(manager, anonymousContext(), {
          action: 'assessment.questionnaire.answer',
          objectType: QUESTIONNAIRE,
          objectId: q.id,
        });
      } else {
        await this.audit.record(manager, named ?? anonymousContext(), {
          action: 'assessment.questionnaire.answer',
          objectType: 'questionnaire-response',
          objectId: inserted[0].id,
          details: { questionnaireId: q.id },
        });
      }
      return { submittedOn };
    });
  }

  /**
   * Token mode: a signed-in person takes their one token. Only "has taken one" is stored; the
   * token is returned once and kept nowhere. Not audited: an audit row would put a time on it.
   */
  async takeToken(code: string, ctx: RequestContext): Promise<QuestionnaireTokenDto> {
    const q = await this.byCode(code);
    if (q.responseMode !== 'token')
      throw badRequest('This questionnaire takes no token', { token: [QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_WRONG_MODE] });
    if (!this.accepting(q))
      throw conflict(QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_NOT_ACCEPTING, 'This questionnaire does not accept responses now');
    const taken = await this.dataSource.query(
      `INSERT INTO questionnaire_token_holders (questionnaire_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
      [q.id, ctx.actor!.id],
    );
    if (!taken.length)
      throw conflict(QUESTIONNAIRE_ERRORS.QUESTIONNAIRE_TOKEN_TAKEN, 'You have taken your token for this questionnaire already');
    const nonce = b64url(randomBytes(18));
    return { token: `${nonce}.${this.signature(q, nonce)}` };
  }

  private signature(q: Questionnaire, nonce: string): string {
    return b64url(createHmac('sha256', q.tokenSecret).update(`${q.id}.${nonce}`).digest().subarray(0, 18));
  }

  private tokenIsGenuine(q: Questionnaire, token: string): boolean {
    const [nonce, signature, extra] = token.split('.');
    if (!nonce || !signature || extra !== undefined) return false;
    const expected = Buffer.from(this.signature(q, nonce));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private async byCode(code: string): Promise<Questionnaire> {
    const q = /^[A-Z0-9]{1,16}$/.test(code)
      ? await this.dataSource.manager
          .createQueryBuilder(Questionnaire, 'q')
          .addSelect('q.tokenSecret')
          .where('q.code = :code', { code })
          .getOne()
      : null;
    // A draft is not there yet for anyone answering.
    if (!q || q.status === 'draft') throw notFound(QUESTIONNAIRE);
    return q;
  }

  private accepting(q: Pick<Questionnaire, 'status' | 'opensAt' | 'closesAt'>, now = new Date()): boolean {
    return q.status === 'open' && (!q.opensAt || new Date(q.opensAt) <= now) && (!q.closesAt || now < new Date(q.closesAt));
  }

  // ---------- information collection (INF-1) ----------

  /** A collection request may use a named questionnaire as its form; 400 keyed `questionnaireId` otherwise. */
  async assertCollectionForm(questionnaireId: string, manager: EntityManager): Promise<{ id: string; title: string; code: string }> {
    const q = await manager.findOneBy(Questionnaire, { id: questionnaireId });
    if (!q) throw badRequest('No such questionnaire', { questionnaireId: ['no questionnaire has this id'] });
    if (q.responseMode !== 'named')
      throw badRequest('Not a named questionnaire', { questionnaireId: ['only a named questionnaire can be a collection form'] });
    return { id: q.id, title: q.title, code: q.code };
  }

  /** The person's named response to a questionnaire, if they have answered it. */
  async namedResponseOf(questionnaireId: string, userId: string, manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query(`SELECT id FROM questionnaire_responses WHERE questionnaire_id = $1 AND respondent_id = $2`, [
      questionnaireId,
      userId,
    ]);
    return (row?.id as string | undefined) ?? null;
  }

  /** Titles and codes for showing a collection request's form. */
  async summaries(ids: string[]): Promise<Map<string, { id: string; title: string; code: string }>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.manager.find(Questionnaire, {
      select: { id: true, title: true, code: true },
      where: ids.map((id) => ({ id })),
    });
    return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, code: r.code }]));
  }

  private toDto(q: Questionnaire, responseCount: number): QuestionnaireDto {
    return {
      id: q.id,
      code: q.code,
      title: q.title,
      description: q.description,
      anonymous: q.anonymous,
      responseMode: q.responseMode,
      status: q.status,
      questions: q.questions,
      opensAt: q.opensAt,
      closesAt: q.closesAt,
      openedAt: q.openedAt,
      closedAt: q.closedAt,
      accepting: this.accepting(q),
      responseCount,
      createdBy: { id: q.createdBy!.id, name: q.createdBy!.name },
      createdAt: q.createdAt,
      actions: questionnaireActionsFrom(q.status),
      version: q.version,
    };
  }
}
