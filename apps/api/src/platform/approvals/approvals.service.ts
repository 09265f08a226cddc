import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPROVAL_TRANSITIONS,
  isFinalApprovalStatus,
  stepApplies,
  type ApprovalAction,
  type ApprovalStatus,
  type ApprovalStep,
  type ApproverRule,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { rowSource, type RowSource } from '../excel/row-source';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, notFound } from '../http/api-error';
import { paginate, type Page } from '../http/pagination';
import type { RequestContext } from '../http/request-context';
import { escapeLike, returnedRows } from '../http/sql';
import { InboxService } from '../inbox/inbox.service';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ApprovalKindRegistry, GENERAL_REQUEST, type ApprovalOutcome } from './approval-kinds';
import { ApprovalChain, ApprovalRequest, ApprovalTask } from './approval.entities';
import { toApprovalRequestDto, toApprovalSummaryDto } from './approvals.mapper';
import type { ApprovalRequestDto, ApprovalSummaryDto, QueryApprovalsDto } from './approvals.dto';

const OUTCOME_QUEUE = 'approval-outcome';
const REMINDER_QUEUE = 'approval-reminders';
const TASK_SOURCE = 'approval-task';
const RESUBMIT_SOURCE = 'approval-resubmit';

export interface SubmitApproval {
  kind: string;
  title: string;
  subjectType?: string | null;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

const stepConflict = () => conflict('APPROVAL_STEP_DECIDED', 'This step has already been decided or is not yours to decide');
const illegal = (action: string, status: string) =>
  conflict('APPROVAL_ILLEGAL_ACTION', `A request that is ${status} cannot be acted on with "${action}"`);

/**
 * Approval chains (审批流, PLT-2). A request walks the steps of its kind's chain; each step's
 * approvers get a task in their inbox; every action is recorded; the final outcome reaches the
 * module through a durable job written in the deciding transaction.
 *
 * Concurrency: every action locks the request row first and then changes its task with a
 * conditional update, so two approvers acting at once produce one decision and one 409.
 */
@Injectable()
export class ApprovalsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Approvals');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kinds: ApprovalKindRegistry,
    private readonly jobs: JobsService,
    private readonly inbox: InboxService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    // REQ-3: a request is seen by its applicant, its approvers (any round) and the people it was
    // copied to; holders of approvals.read-all see all (declared in libs/shared visibility.ts).
    this.access.register('approval-request', {
      table: 'approval_requests',
      named: (r, me) =>
        `${r}.applicant_id = ${me}
         OR EXISTS (SELECT 1 FROM approval_tasks t WHERE t.request_id = ${r}.id AND t.assignee_id = ${me})
         OR EXISTS (SELECT 1 FROM approval_copies c WHERE c.request_id = ${r}.id AND c.user_id = ${me})`,
      // Changes go through the actions, each with its own rule (APPROVAL_TRANSITIONS).
      changers: () => 'false',
    });
    this.kinds.register(GENERAL_REQUEST);
    this.jobs.register({
      name: OUTCOME_QUEUE,
      handler: (data) => this.handleOutcome((data as { requestId: string }).requestId),
      retryLimit: 10,
      retryDelay: 2,
      expireInSeconds: 300,
    });
    this.jobs.register({ name: REMINDER_QUEUE, cron: '*/10 * * * *', handler: () => this.sendReminders().then(() => undefined) });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureChains();
  }

  /** Creates the default chain of every registered kind that has none yet. */
  async ensureChains(): Promise<void> {
    for (const kind of this.kinds.all()) {
      await this.dataSource.query(`INSERT INTO approval_chains (kind, steps) VALUES ($1, $2) ON CONFLICT (kind) DO NOTHING`, [
        kind.kind,
        JSON.stringify(kind.defaultSteps),
      ]);
    }
  }

  // ---------- submitting ----------

  /** Submits a request in the caller's transaction (modules submit with their own change). */
  async submit(manager: EntityManager, input: SubmitApproval, ctx: RequestContext): Promise<string> {
    const kind = this.kinds.get(input.kind);
    if (!kind) throw badRequest(`Unknown kind of request: ${input.kind}`, { kind: ['unknown kind of request'] });
    const applicant = ctx.actor!;
    const chain = await manager.findOne(ApprovalChain, { where: { kind: kind.kind } });
    const data = input.data ?? {};
    const steps = (chain?.steps ?? kind.defaultSteps).filter((step) => stepApplies(step, data));
    const [row] = await manager.query(
      `INSERT INTO approval_requests (kind, title, applicant_id, subject_type, subject_id, data, steps, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending') RETURNING id`,
      [
        kind.kind,
        input.title,
        applicant.id,
        input.subjectType ?? null,
        input.subjectId ?? null,
        JSON.stringify(data),
        JSON.stringify(steps),
      ],
    );
    const request = await manager.findOneOrFail(ApprovalRequest, { where: { id: row.id } });
    await this.event(manager, request, applicant.id, 'submit', null);
    await this.startStep(manager, request, 0, ctx);
    await this.audit.record(manager, ctx, {
      action: 'approval.submit',
      objectType: 'approval-request',
      objectId: request.id,
      details: { kind: kind.kind },
    });
    return request.id;
  }

  /** A general request (事项请示), written in the panel by the applicant. */
  async submitGeneralRequest(title: string, content: string, ctx: RequestContext): Promise<ApprovalRequestDto> {
    const id = await this.dataSource.transaction((manager) =>
      this.submit(manager, { kind: GENERAL_REQUEST.kind, title, data: { content } }, ctx),
    );
    return this.get(id, ctx.actor!);
  }

  /** Opens the tasks of a step, skipping on to the end when no steps remain (then approved). */
  private async startStep(manager: EntityManager, request: ApprovalRequest, stepIndex: number, ctx: RequestContext): Promise<void> {
    if (stepIndex >= request.steps.length) {
      await this.finish(manager, request, 'approved', ctx);
      return;
    }
    const step = request.steps[stepIndex];
    const approvers = await this.resolveApprovers(manager, step.approvers, request.applicantId);
    if (approvers.length === 0) {
      throw conflict('APPROVAL_NO_APPROVER', `Nobody can approve the step "${step.name}"; ask an administrator to check the chain`);
    }
    await manager.query('UPDATE approval_requests SET current_step = $2, version = version + 1 WHERE id = $1', [request.id, stepIndex]);
    request.currentStep = stepIndex;
    const dueAt = step.timeLimitHours ? new Date(Date.now() + step.timeLimitHours * 3600_000) : null;
    for (const assigneeId of approvers) await this.openTask(manager, request, stepIndex, assigneeId, dueAt);
  }

  private async openTask(
    manager: EntityManager,
    request: ApprovalRequest,
    stepIndex: number,
    assigneeId: string,
    dueAt: Date | null,
  ): Promise<void> {
    const [task] = await manager.query(
      `INSERT INTO approval_tasks (request_id, round, step_index, assignee_id, due_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [request.id, request.round, stepIndex, assigneeId, dueAt],
    );
    const step = request.steps[stepIndex];
    await this.inbox.open(manager, {
      assigneeId,
      sourceType: TASK_SOURCE,
      sourceId: task.id,
      title: `审批：${request.title}（${step.name}）`,
      link: `/approvals/${request.id}`,
      dueAt,
    });
    await this.notifications.notify(manager, {
      recipientIds: [assigneeId],
      kind: 'approval.task',
      title: `待审批：${request.title}`,
      body: `您有一项待审批事项「${request.title}」，当前环节：${step.name}。`,
      link: `/approvals/${request.id}`,
    });
  }

  /** Who approves under a rule; never the applicant themself. */
  async resolveApprovers(manager: EntityManager, rule: ApproverRule, applicantId: string): Promise<string[]> {
    let rows: { id: string }[] = [];
    switch (rule.type) {
      case 'role':
        rows = await manager.query(
          `SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
            WHERE r.code = $1 AND u.active ORDER BY u.username`,
          [rule.role],
        );
        break;
      case 'users':
        rows = await manager.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active ORDER BY username', [rule.userIds]);
        break;
      case 'department-head':
      case 'parent-department-head': {
        // Walk up from the applicant's department (or its parent) to the nearest head who is not the applicant.
        const [head] = await manager.query(
          `WITH RECURSIVE up AS (
             SELECT d.id, d.parent_id, d.head_id, 0 AS depth FROM departments d
              WHERE d.id = (SELECT CASE WHEN $2 THEN p.parent_id ELSE u.department_id END
                              FROM users u LEFT JOIN departments p ON p.id = u.department_id WHERE u.id = $1)
             UNION ALL
             SELECT d.id, d.parent_id, d.head_id, up.depth + 1 FROM departments d JOIN up ON d.id = up.parent_id)
           SELECT up.head_id AS id FROM up JOIN users h ON h.id = up.head_id
            WHERE h.active AND h.id <> $1 ORDER BY up.depth LIMIT 1`,
          [applicantId, rule.type === 'parent-department-head'],
        );
        rows = head ? [head] : [];
        break;
      }
    }
    return rows.map((r) => r.id).filter((id) => id !== applicantId);
  }

  // ---------- acting ----------

  async approve(requestId: string, comment: string | undefined, ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.act(requestId, 'approve', ctx, async (manager, request, task) => {
      await this.closeTask(manager, task, 'approved', comment ?? null);
      await this.event(manager, request, ctx.actor!.id, 'approve', comment ?? null);
      const step = request.steps[request.currentStep];
      const [{ pending }] = await manager.query(
        `SELECT count(*)::int AS pending FROM approval_tasks WHERE request_id = $1 AND round = $2 AND step_index = $3 AND status = 'pending'`,
        [request.id, request.round, request.currentStep],
      );
      // 会签 (all) waits for every approver; otherwise one approval decides the step.
      if (step.mode === 'all' && pending > 0) return;
      await this.cancelOpenTasks(manager, request);
      await this.startStep(manager, request, request.currentStep + 1, ctx);
    });
  }

  async reject(requestId: string, reason: string, ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.act(requestId, 'reject', ctx, async (manager, request, task) => {
      await this.closeTask(manager, task, 'rejected', reason);
      await this.event(manager, request, ctx.actor!.id, 'reject', reason);
      await this.cancelOpenTasks(manager, request);
      await this.finish(manager, request, 'rejected', ctx);
    });
  }

  /** 退回: back to the applicant with a reason; they change it and resubmit. */
  async returnForChanges(requestId: string, reason: string, ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.act(requestId, 'return', ctx, async (manager, request, task) => {
      await this.closeTask(manager, task, 'returned', reason);
      await this.event(manager, request, ctx.actor!.id, 'return', reason);
      await this.cancelOpenTasks(manager, request);
      await this.setStatus(manager, request, 'returned');
      await this.inbox.open(manager, {
        assigneeId: request.applicantId,
        sourceType: RESUBMIT_SOURCE,
        sourceId: request.id,
        title: `退回修改：${request.title}`,
        link: `/approvals/${request.id}`,
      });
      await this.notifications.notify(manager, {
        recipientIds: [request.applicantId],
        kind: 'approval.returned',
        title: `已退回：${request.title}`,
        body: `您的申请「${request.title}」被退回修改。理由：${reason}`,
        link: `/approvals/${request.id}`,
      });
    });
  }

  async resubmit(
    requestId: string,
    changes: { title?: string; data?: Record<string, unknown> },
    ctx: RequestContext,
  ): Promise<ApprovalRequestDto> {
    return this.act(requestId, 'resubmit', ctx, async (manager, request) => {
      const kind = this.kinds.get(request.kind);
      const chain = await manager.findOne(ApprovalChain, { where: { kind: request.kind } });
      const data = { ...request.data, ...(changes.data ?? {}) };
      const steps = (chain?.steps ?? kind?.defaultSteps ?? request.steps).filter((step) => stepApplies(step, data));
      await manager.query(
        `UPDATE approval_requests SET title = $2, data = $3, steps = $4, status = 'pending', round = round + 1, current_step = 0,
                version = version + 1, updated_at = now() WHERE id = $1`,
        [request.id, changes.title ?? request.title, JSON.stringify(data), JSON.stringify(steps)],
      );
      const fresh = await manager.findOneOrFail(ApprovalRequest, { where: { id: request.id } });
      await this.inbox.close(manager, { sourceType: RESUBMIT_SOURCE, sourceId: request.id }, 'done');
      await this.event(manager, fresh, ctx.actor!.id, 'resubmit', null);
      await this.startStep(manager, fresh, 0, ctx);
    });
  }

  /** The applicant takes the request back, before anyone has decided on it. */
  async withdraw(requestId: string, ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.act(requestId, 'withdraw', ctx, async (manager, request) => {
      const [{ decided }] = await manager.query(
        `SELECT count(*)::int AS decided FROM approval_tasks WHERE request_id = $1 AND round = $2 AND status IN ('approved', 'rejected', 'returned')`,
        [request.id, request.round],
      );
      if (request.status === 'pending' && decided > 0) {
        throw conflict('APPROVAL_ALREADY_DECIDED', 'An approver has already decided on this request; it can no longer be withdrawn');
      }
      await this.event(manager, request, ctx.actor!.id, 'withdraw', null);
      await this.cancelOpenTasks(manager, request);
      await this.inbox.close(manager, { sourceType: RESUBMIT_SOURCE, sourceId: request.id }, 'cancelled');
      await this.finish(manager, request, 'withdrawn', ctx);
    });
  }

  /** 转办: the approver hands their task to someone else. */
  async transfer(requestId: string, toUserId: string, comment: string | undefined, ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.act(requestId, 'transfer', ctx, async (manager, request, task) => {
      if (toUserId === ctx.actor!.id || toUserId === request.applicantId) {
        throw badRequest('Transfer to someone else than yourself and the applicant', { toUserId: ['choose another person'] });
      }
      const [target] = await manager.query('SELECT id FROM users WHERE id = $1 AND active', [toUserId]);
      if (!target) throw badRequest('Unknown person', { toUserId: ['person does not exist or is inactive'] });
      const [already] = await manager.query(
        `SELECT 1 FROM approval_tasks WHERE request_id = $1 AND round = $2 AND step_index = $3 AND assignee_id = $4 AND status = 'pending'`,
        [request.id, request.round, request.currentStep, toUserId],
      );
      if (already)
        throw conflict('APPROVAL_ALREADY_ASSIGNED', 'That person already has this step to decide', {
          toUserId: ['already an approver of this step'],
        });
      await this.closeTask(manager, task, 'transferred', comment ?? null);
      await this.event(manager, request, ctx.actor!.id, 'transfer', comment ?? null, [toUserId]);
      await this.openTask(manager, request, request.currentStep, toUserId, task.dueAt);
    });
  }

  /** 抄送: let others follow the request. */
  async copy(requestId: string, userIds: string[], ctx: RequestContext): Promise<ApprovalRequestDto> {
    return this.act(requestId, 'copy', ctx, async (manager, request) => {
      const found: { id: string }[] = await manager.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active', [userIds]);
      if (found.length !== new Set(userIds).size)
        throw badRequest('Unknown person', { userIds: ['one or more people do not exist or are inactive'] });
      await manager.query(`INSERT INTO approval_copies (request_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
        request.id,
        userIds,
      ]);
      await this.event(manager, request, ctx.actor!.id, 'copy', null, userIds);
      await this.notifications.notify(manager, {
        recipientIds: userIds,
        kind: 'approval.copied',
        title: `抄送：${request.title}`,
        body: `${ctx.actor!.name} 将审批事项「${request.title}」抄送给您。`,
        link: `/approvals/${request.id}`,
      });
    });
  }

  /**
   * The frame of every action: lock the request, check the move is legal for this person, run
   * it, audit it, answer with the request as it now stands.
   */
  private async act(
    requestId: string,
    action: ApprovalAction,
    ctx: RequestContext,
    run: (manager: EntityManager, request: ApprovalRequest, task: ApprovalTask) => Promise<void>,
  ): Promise<ApprovalRequestDto> {
    const actor = ctx.actor!;
    await this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(ApprovalRequest, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request || !(await this.canSee(manager, request, actor))) throw notFound('approval request');
      const who = APPROVAL_TRANSITIONS[request.status][action];
      if (!who) throw illegal(action, request.status);
      let task: ApprovalTask | null = null;
      if (who === 'applicant' && request.applicantId !== actor.id)
        throw conflict('APPROVAL_NOT_APPLICANT', 'Only the applicant can do this');
      if (who === 'approver') {
        task = await manager.findOne(ApprovalTask, {
          where: { requestId: request.id, round: request.round, stepIndex: request.currentStep, assigneeId: actor.id, status: 'pending' },
        });
        if (!task) throw stepConflict();
      }
      if (who === 'party' && !(await this.isParty(manager, request, actor.id))) {
        throw conflict('APPROVAL_NOT_PARTY', 'Only the applicant and the approvers can copy a request');
      }
      await run(manager, request, task!);
      await this.audit.record(manager, ctx, { action: `approval.${action}`, objectType: 'approval-request', objectId: request.id });
    });
    return this.get(requestId, actor);
  }

  /** Decides a task with a conditional update: a task someone else already closed is a 409. */
  private async closeTask(
    manager: EntityManager,
    task: ApprovalTask,
    status: ApprovalTask['status'],
    comment: string | null,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(ApprovalTask)
      .set({ status, comment, decidedAt: () => 'now()' })
      .where(`id = :id AND status = 'pending'`, { id: task.id })
      .execute();
    if (result.affected !== 1) throw stepConflict();
    await this.inbox.close(manager, { sourceType: TASK_SOURCE, sourceId: task.id }, 'done');
  }

  private async cancelOpenTasks(manager: EntityManager, request: ApprovalRequest): Promise<void> {
    const open: { id: string }[] = await manager
      .query(
        `UPDATE approval_tasks SET status = 'cancelled', decided_at = now() WHERE request_id = $1 AND status = 'pending' RETURNING id`,
        [request.id],
      )
      .then((r) => returnedRows<{ id: string }>(r));
    for (const task of open) await this.inbox.close(manager, { sourceType: TASK_SOURCE, sourceId: task.id }, 'cancelled');
  }

  private async setStatus(manager: EntityManager, request: ApprovalRequest, status: ApprovalStatus): Promise<void> {
    await manager.query(
      `UPDATE approval_requests SET status = $2, version = version + 1, updated_at = now(),
              decided_at = CASE WHEN $3 THEN now() ELSE decided_at END WHERE id = $1`,
      [request.id, status, isFinalApprovalStatus(status)],
    );
    request.status = status;
  }

  /** The final outcome: recorded, told to the applicant, and queued for the module in this transaction. */
  private async finish(
    manager: EntityManager,
    request: ApprovalRequest,
    status: 'approved' | 'rejected' | 'withdrawn',
    ctx: RequestContext,
  ): Promise<void> {
    await this.setStatus(manager, request, status);
    await this.event(manager, request, ctx.actor?.id ?? null, 'complete', status);
    await this.jobs.sendWithin(manager, OUTCOME_QUEUE, { requestId: request.id }, { singletonKey: request.id });
    if (status !== 'withdrawn') {
      const verdict = status === 'approved' ? '已通过' : '未通过';
      await this.notifications.notify(manager, {
        recipientIds: [request.applicantId],
        kind: 'approval.decided',
        title: `审批${verdict}：${request.title}`,
        body: `您的申请「${request.title}」${verdict}。`,
        link: `/approvals/${request.id}`,
      });
    }
  }

  /** Runs the kind's outcome handler once: its effect and the receipt commit together. */
  async handleOutcome(requestId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(ApprovalRequest, { where: { id: requestId } });
      if (!request || !isFinalApprovalStatus(request.status)) return;
      const [fresh] = await manager.query(
        'INSERT INTO approval_outcome_receipts (request_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING request_id',
        [requestId],
      );
      if (!fresh) return; // handled before: a repeated or retried job
      const outcome: ApprovalOutcome = {
        requestId,
        kind: request.kind,
        status: request.status as ApprovalOutcome['status'],
        subjectType: request.subjectType,
        subjectId: request.subjectId,
        data: request.data,
      };
      await this.kinds.get(request.kind)?.onOutcome?.(outcome, manager);
    });
  }

  private async event(
    manager: EntityManager,
    request: ApprovalRequest,
    actorId: string | null,
    action: string,
    comment: string | null,
    targetUserIds: string[] = [],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO approval_events (request_id, round, step_index, actor_id, action, comment, target_user_ids) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [request.id, request.round, request.status === 'pending' ? request.currentStep : null, actorId, action, comment, targetUserIds],
    );
  }

  // ---------- reading ----------

  private canSee(manager: EntityManager, request: ApprovalRequest, actor: Principal): Promise<boolean> {
    return this.access.canRead(actor, { type: 'approval-request', id: request.id }, manager);
  }

  private async isParty(manager: EntityManager, request: ApprovalRequest, userId: string): Promise<boolean> {
    if (request.applicantId === userId) return true;
    const [row] = await manager.query(
      `SELECT 1 FROM approval_tasks WHERE request_id = $1 AND assignee_id = $2
       UNION ALL SELECT 1 FROM approval_copies WHERE request_id = $1 AND user_id = $2 LIMIT 1`,
      [request.id, userId],
    );
    return Boolean(row);
  }

  async get(requestId: string, actor: Principal): Promise<ApprovalRequestDto> {
    const manager = this.dataSource.manager;
    const request = await manager.findOne(ApprovalRequest, { where: { id: requestId }, relations: { applicant: true } });
    if (!request || !(await this.canSee(manager, request, actor))) throw notFound('approval request');
    const tasks = await manager.find(ApprovalTask, {
      where: { requestId },
      relations: { assignee: true },
      order: { round: 'ASC', stepIndex: 'ASC', createdAt: 'ASC' },
    });
    const events: {
      id: string;
      round: number;
      step_index: number | null;
      actor_id: string | null;
      actor_name: string | null;
      action: string;
      comment: string | null;
      target_user_ids: string[];
      created_at: Date;
    }[] = await manager.query(
      `SELECT e.id::text, e.round, e.step_index, e.actor_id, u.name AS actor_name, e.action, e.comment, e.target_user_ids, e.created_at
           FROM approval_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.request_id = $1 ORDER BY e.id`,
      [requestId],
    );
    const copies: { id: string; name: string }[] = await manager.query(
      'SELECT u.id, u.name FROM approval_copies c JOIN users u ON u.id = c.user_id WHERE c.request_id = $1 ORDER BY u.name',
      [requestId],
    );
    const names = new Map<string, string>(
      (await manager.query('SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [events.flatMap((e) => e.target_user_ids)])).map(
        (u: { id: string; name: string }) => [u.id, u.name],
      ),
    );
    const kind = this.kinds.get(request.kind);
    const allowed = await this.allowedActions(manager, request, actor, tasks);
    return toApprovalRequestDto(request, kind, tasks, events, copies, names, allowed);
  }

  /** The buttons the panel shows this person: the legal moves they may make now. */
  private async allowedActions(
    manager: EntityManager,
    request: ApprovalRequest,
    actor: Principal,
    tasks: ApprovalTask[],
  ): Promise<ApprovalAction[]> {
    const moves = APPROVAL_TRANSITIONS[request.status];
    const mine = tasks.some(
      (t) => t.assigneeId === actor.id && t.status === 'pending' && t.round === request.round && t.stepIndex === request.currentStep,
    );
    const decidedThisRound = tasks.some((t) => t.round === request.round && ['approved', 'rejected', 'returned'].includes(t.status));
    const party = await this.isParty(manager, request, actor.id);
    return (Object.entries(moves) as [ApprovalAction, string][])
      .filter(([action, who]) => {
        if (who === 'approver') return mine;
        if (who === 'applicant')
          return request.applicantId === actor.id && !(action === 'withdraw' && request.status === 'pending' && decidedThisRound);
        return party;
      })
      .map(([action]) => action);
  }

  async list(query: QueryApprovalsDto, actor: Principal): Promise<Page<ApprovalSummaryDto>> {
    return paginate(this.listQuery(query, actor), query, (r) => toApprovalSummaryDto(r, this.kinds.get(r.kind)));
  }

  /** Every request the list would show the person, unpaged, for an Excel export (PLT-7). */
  exportRows(query: QueryApprovalsDto, actor: Principal): RowSource<ApprovalSummaryDto> {
    return rowSource(this.listQuery(query, actor), (requests) => requests.map((r) => toApprovalSummaryDto(r, this.kinds.get(r.kind))));
  }

  private listQuery(query: QueryApprovalsDto, actor: Principal) {
    const qb = this.dataSource.manager
      .createQueryBuilder(ApprovalRequest, 'r')
      .leftJoinAndSelect('r.applicant', 'a')
      .orderBy('r.created_at', 'DESC');
    const scope = query.scope ?? 'mine';
    if (scope === 'mine') qb.andWhere('r.applicant_id = :me', { me: actor.id });
    if (scope === 'to-me')
      qb.andWhere('EXISTS (SELECT 1 FROM approval_tasks t WHERE t.request_id = r.id AND t.assignee_id = :me)', { me: actor.id });
    if (scope === 'copied')
      qb.andWhere('EXISTS (SELECT 1 FROM approval_copies c WHERE c.request_id = r.id AND c.user_id = :me)', { me: actor.id });
    // Every scope shows only what the person may see (REQ-3); "all" is everything visible to them.
    const visible = this.access.visibleWhere(actor, 'approval-request', 'r');
    qb.andWhere(`(${visible.sql})`, visible.params);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere('r.title ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    return qb;
  }

  // ---------- chains ----------

  async listChains(): Promise<{ kind: string; name: string; nameEn: string; steps: ApprovalStep[]; version: number }[]> {
    const chains = new Map((await this.dataSource.manager.find(ApprovalChain)).map((c) => [c.kind, c]));
    return this.kinds.all().map((k) => ({
      kind: k.kind,
      name: k.name,
      nameEn: k.nameEn,
      steps: chains.get(k.kind)?.steps ?? k.defaultSteps,
      version: chains.get(k.kind)?.version ?? 0,
    }));
  }

  async updateChain(kindName: string, steps: ApprovalStep[], version: number, ctx: RequestContext) {
    const kind = this.kinds.get(kindName);
    if (!kind) throw notFound('approval kind');
    await this.dataSource.transaction(async (manager) => {
      await this.checkSteps(manager, steps);
      const before = await manager.findOne(ApprovalChain, { where: { kind: kindName } });
      const result = await manager.query(
        `INSERT INTO approval_chains (kind, steps, version) VALUES ($1, $2, 1)
         ON CONFLICT (kind) DO UPDATE SET steps = EXCLUDED.steps, version = approval_chains.version + 1, updated_at = now()
           WHERE approval_chains.version = $3
         RETURNING version`,
        [kindName, JSON.stringify(steps), version],
      );
      if (result.length === 0) throw conflict('VERSION_CONFLICT', 'The chain was changed by someone else; reload it and try again');
      await this.audit.record(manager, ctx, {
        action: 'approval-chain.update',
        objectType: 'approval-chain',
        objectId: kindName,
        before: { steps: before?.steps ?? null },
        after: { steps },
      });
    });
    return (await this.listChains()).find((c) => c.kind === kindName)!;
  }

  /** Roles and people named in a chain must exist, or the chain could strand a request. */
  private async checkSteps(manager: EntityManager, steps: ApprovalStep[]): Promise<void> {
    const errors: Record<string, string[]> = {};
    for (const [i, step] of steps.entries()) {
      const rule = step.approvers;
      if (rule.type === 'role') {
        const [role] = await manager.query('SELECT 1 FROM roles WHERE code = $1', [rule.role]);
        if (!role) errors[`steps[${i}].approvers.role`] = ['role does not exist'];
      }
      if (rule.type === 'users') {
        const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[]) AND active', [rule.userIds]);
        if (n !== new Set(rule.userIds).size) errors[`steps[${i}].approvers.userIds`] = ['one or more people do not exist or are inactive'];
      }
    }
    if (Object.keys(errors).length) throw badRequest('Validation failed', errors);
  }

  // ---------- reminders (催办) ----------

  /**
   * Reminds approvers before a step's time limit (when a fifth of it, at least an hour, is
   * left) and once it has passed, then daily while it stays overdue.
   */
  async sendReminders(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: { id: string; request_id: string; assignee_id: string; due_at: Date; overdue: boolean; title: string }[] =
        await manager.query(
          `SELECT t.id, t.request_id, t.assignee_id, t.due_at, t.due_at < $1 AS overdue, r.title
           FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id
          WHERE t.status = 'pending' AND t.due_at IS NOT NULL AND (
                (t.due_at >= $1 AND t.reminded_before_at IS NULL
                   AND t.due_at - greatest(interval '1 hour', (t.due_at - t.created_at) / 5) <= $1)
             OR (t.due_at < $1 AND (t.reminded_after_at IS NULL OR t.reminded_after_at < $1::timestamptz - interval '1 day')))
          FOR UPDATE OF t SKIP LOCKED`,
          [now],
        );
      for (const task of due) {
        await manager.query(`UPDATE approval_tasks SET ${task.overdue ? 'reminded_after_at' : 'reminded_before_at'} = $2 WHERE id = $1`, [
          task.id,
          now,
        ]);
        await this.notifications.notify(manager, {
          recipientIds: [task.assignee_id],
          kind: task.overdue ? 'approval.overdue' : 'approval.due-soon',
          title: `${task.overdue ? '已超期' : '即将到期'}：${task.title}`,
          body: `审批事项「${task.title}」${task.overdue ? '已超过办理期限' : '即将到期'}，请尽快处理。`,
          link: `/approvals/${task.request_id}`,
        });
      }
      if (due.length) this.logger.log(`sent ${due.length} approval reminder(s)`);
      return due.length;
    });
  }
}
