import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isPersonalChannel,
  isReached,
  NOTICE_ERRORS,
  NOTICE_REMINDER_CAP,
  type ApprovalStep,
  type NoticeChannel,
  type NoticeDeliveryStatus,
  type NoticePersonalChannel,
} from '@xiaoban/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { ApprovalKindRegistry, type ApprovalOutcome } from '../../../platform/approvals/approval-kinds';
import { ApprovalsService } from '../../../platform/approvals/approvals.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { ApiError, badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginateThenLoad, type Page } from '../../../platform/http/pagination';
import { escapeLike, returnedRows } from '../../../platform/http/sql';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import type { RefDto } from '../../../platform/org/org.dto';
import { BoardsService } from '../boards/boards.service';
import { RobotsService } from '../boards/robots.service';
import { DesensitisationService } from '../desensitisation/desensitisation.service';
import type { FindingDecisionDto } from '../desensitisation/desensitisation.dto';
import { Notice, NoticeRevision, type NoticeAudience, type StoredDecision } from './notice.entities';
import type {
  CorrectNoticeDto,
  NoticeCoverageDto,
  NoticeDetailDto,
  NoticeDraftDto,
  NoticeDto,
  QueryNoticesDto,
  ResendNoticeDto,
  ResendResultDto,
  UpdateNoticeDto,
} from './notices.dto';
import { toRefOrDash } from '../../../platform/org/refs';

/** The resource type of notices (libs/shared visibility.ts). */
export const NOTICE = 'notice';
export const NOTICE_PUBLISH_APPROVAL_KIND = 'notice-publish';

/** 核稿: the office director verifies what the school publishes; admins edit the chain. */
const NOTICE_PUBLISH_DEFAULT_STEPS: ApprovalStep[] = [
  { name: '办公室主任审核', approvers: { type: 'role', role: 'office-director' }, mode: 'any', timeLimitHours: 24 },
];

const link = (id: string) => `/information/notices/${id}`;

const illegalState = (message: string) => conflict(NOTICE_ERRORS.NOTICE_ILLEGAL_STATE, message);

/**
 * Notices and announcements (通知公告, INF-3, INF-4): drafted, checked for personal data (INF-2),
 * verified through approval kind `notice-publish`, then published in one action to every chosen
 * channel. Recipients are resolved to persons at publish time and kept; each person's deliveries
 * are the platform's, so their statuses come from real signals. Coverage counts a person reached by
 * the one rule in libs/shared (isReached); a resend reaches exactly the unreached, within a cap.
 */
@Injectable()
export class NoticesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly notifications: NotificationsService,
    private readonly desensitisation: DesensitisationService,
    private readonly boards: BoardsService,
    private readonly robots: RobotsService,
  ) {}

  onModuleInit(): void {
    this.access.register(NOTICE, {
      table: 'notices',
      // The author; once published, the persons it was resolved to.
      named: (o, me) =>
        `${o}.created_by = ${me} OR (${o}.status = 'published' AND EXISTS (SELECT 1 FROM notice_recipients r WHERE r.notice_id = ${o}.id AND r.user_id = ${me}))`,
      changers: (o, me) => `${o}.created_by = ${me}`,
    });
    this.approvalKinds.register({
      kind: NOTICE_PUBLISH_APPROVAL_KIND,
      name: '通知公告审核',
      nameEn: 'Notice verification',
      defaultSteps: NOTICE_PUBLISH_DEFAULT_STEPS,
      onOutcome: (outcome, manager) => this.onOutcome(outcome, manager),
    });
  }

  // ---------- drafting ----------

  private channelsOf(dto: NoticeDraftDto): NoticeChannel[] {
    const channels = [...new Set(dto.channels)];
    // A website posting reaches nobody in person: coverage needs a channel that does.
    if (!channels.some(isPersonalChannel)) {
      throw badRequest('Choose a channel that reaches persons', { channels: ['choose in-app, email, SMS or WeChat as well'] });
    }
    return channels;
  }

  private audienceOf(dto: NoticeDraftDto): NoticeAudience {
    const a = dto.audience;
    return {
      allStaff: a.allStaff,
      departmentIds: [...new Set(a.departmentIds ?? [])],
      roleIds: [...new Set(a.roleIds ?? [])],
      userIds: [...new Set(a.userIds ?? [])],
    };
  }

  /** Every department, role and person named must exist: a wrong id is a field error, not a silent gap in coverage. */
  private async assertAudience(manager: EntityManager, audience: NoticeAudience): Promise<void> {
    const missing = async (table: string, ids: string[]) => {
      if (!ids.length) return false;
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
      return n !== ids.length;
    };
    const errors: Record<string, string[]> = {};
    if (await missing('departments', audience.departmentIds)) errors['audience.departmentIds'] = ['a department does not exist'];
    if (await missing('roles', audience.roleIds)) errors['audience.roleIds'] = ['a role does not exist'];
    if (await missing('users', audience.userIds)) errors['audience.userIds'] = ['a person does not exist'];
    if (Object.keys(errors).length) throw badRequest('The audience names something that does not exist', errors);
    if (!audience.allStaff && !audience.departmentIds.length && !audience.roleIds.length && !audience.userIds.length) {
      throw badRequest('Choose who the notice is for', { audience: ['choose all staff, departments, roles or persons'] });
    }
  }

  private decisionsOf(decisions: FindingDecisionDto[] | undefined): StoredDecision[] {
    return (decisions ?? []).map((d) =>
      d.action === 'keep' ? { key: d.key, action: 'keep', reason: d.reason ?? '' } : { key: d.key, action: 'mask' },
    );
  }

  async create(dto: NoticeDraftDto, ctx: RequestContext): Promise<NoticeDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const audience = this.audienceOf(dto);
      await this.assertAudience(manager, audience);
      const channels = this.channelsOf(dto);
      const notice = manager.create(Notice, {
        title: dto.title,
        body: dto.body,
        status: 'draft',
        audience,
        channels,
        asksConfirmation: dto.asksConfirmation ?? false,
        isPublic: channels.includes('website'),
        expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
        decisions: this.decisionsOf(dto.decisions),
        createdById: ctx.actor!.id,
      });
      await manager.insert(Notice, notice);
      await this.audit.record(manager, ctx, { action: 'information.notice.create', objectType: NOTICE, objectId: notice.id });
      return notice.id;
    });
    return this.get(id, ctx);
  }

  async update(id: string, dto: UpdateNoticeDto, ctx: RequestContext): Promise<NoticeDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const notice = await this.changeable(manager, id, ctx);
      if (notice.status !== 'draft') throw illegalState('Only a draft can be edited; a published notice is corrected');
      const audience = this.audienceOf(dto);
      await this.assertAudience(manager, audience);
      const channels = this.channelsOf(dto);
      await updateVersioned(
        manager,
        Notice,
        id,
        dto.version,
        {
          title: dto.title,
          body: dto.body,
          audience,
          channels,
          asksConfirmation: dto.asksConfirmation ?? false,
          isPublic: channels.includes('website'),
          expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
          decisions: this.decisionsOf(dto.decisions),
        },
        'notice',
      );
      await this.audit.record(manager, ctx, { action: 'information.notice.update', objectType: NOTICE, objectId: id });
    });
    return this.get(id, ctx);
  }

  /** The notice, if the viewer may change it (its author, or the office); 404 if they may not see it. */
  private async changeable(manager: EntityManager, id: string, ctx: RequestContext, lock = false): Promise<Notice> {
    await this.access.assertCanChange(ctx.actor!, { type: NOTICE, id }, ctx, manager);
    const qb = manager.createQueryBuilder(Notice, 'n').where('n.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const notice = await qb.getOne();
    if (!notice) throw notFound('notice');
    return notice;
  }

  /**
   * Applies the author's decisions to title and body (INF-2): 422 keyed by finding while any finding
   * has none. Runs when the notice goes to verification and again at publish (a name list may have
   * grown in between).
   */
  private async desensitised(manager: EntityManager, notice: Notice): Promise<{ title: string; body: string }> {
    const [title, body] = await this.desensitisation.maskAll(
      [notice.title, notice.body],
      notice.decisions as FindingDecisionDto[],
      manager,
    );
    return { title, body };
  }

  /** Persons the audience names now: active staff in the departments (and their sub-departments), roles and persons. */
  private async resolveAudience(manager: EntityManager, audience: NoticeAudience): Promise<{ id: string; department_id: string | null }[]> {
    return manager.query(
      `WITH RECURSIVE chosen(id) AS (
         SELECT id FROM departments WHERE id = ANY($2::uuid[])
         UNION SELECT d.id FROM departments d JOIN chosen c ON d.parent_id = c.id
       )
       SELECT u.id, u.department_id FROM users u
        WHERE u.active AND (
          $1::boolean
          OR u.department_id IN (SELECT id FROM chosen)
          OR EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role_id = ANY($3::uuid[]))
          OR u.id = ANY($4::uuid[]))
        ORDER BY u.id`,
      [audience.allStaff, audience.departmentIds, audience.roleIds, audience.userIds],
    );
  }

  // ---------- verification (审核) ----------

  async submit(id: string, ctx: RequestContext): Promise<NoticeDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const notice = await this.changeable(manager, id, ctx, true);
      if (notice.status !== 'draft') throw illegalState('Only a draft goes to verification');
      const { title, body } = await this.desensitised(manager, notice);
      if (!(await this.resolveAudience(manager, notice.audience)).length) {
        throw new ApiError(422, NOTICE_ERRORS.NOTICE_NO_RECIPIENTS, 'Nobody is in the chosen audience', {
          audience: ['the chosen departments, roles and persons hold no active staff'],
        });
      }
      const requestId = await this.approvals.submit(
        manager,
        {
          kind: NOTICE_PUBLISH_APPROVAL_KIND,
          title: `通知公告审核：${title}`,
          subjectType: NOTICE,
          subjectId: id,
          data: { channels: notice.channels, isPublic: notice.isPublic },
        },
        ctx,
      );
      await manager.update(
        Notice,
        { id },
        { title, body, status: 'pending', approvalRequestId: requestId, rejectionNote: null, version: () => 'version + 1' },
      );
      await this.audit.record(manager, ctx, {
        action: 'information.notice.submit',
        objectType: NOTICE,
        objectId: id,
        details: {
          requestId,
          kept: notice.decisions.filter((d) => d.action === 'keep').map((d) => ({ kind: d.key.split(':')[0], reason: d.reason })),
        },
      });
    });
    return this.get(id, ctx);
  }

  private async onOutcome(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== NOTICE || !outcome.subjectId) return;
    const approved = outcome.status === 'approved';
    const [row] = returnedRows<{ created_by: string; title: string }>(
      await manager.query(
        `UPDATE notices SET status = $2, rejection_note = $3, version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'pending' RETURNING created_by, title`,
        [
          outcome.subjectId,
          approved ? 'verified' : 'draft',
          approved ? null : outcome.status === 'rejected' ? '审核未通过，请修改后重新提交' : '已撤回审核',
        ],
      ),
    );
    if (!row) return;
    await this.notifications.notify(manager, {
      recipientIds: [row.created_by],
      kind: approved ? 'information.notice.verified' : 'information.notice.rejected',
      title: approved ? `【通知公告】已审核，可以发布：${row.title}` : `【通知公告】审核未通过：${row.title}`,
      body: approved ? '审核已通过，请到通知公告中发布。' : '请查看审批意见，修改后重新提交。',
      link: link(outcome.subjectId),
    });
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: 'information.notice.verification',
      objectType: NOTICE,
      objectId: outcome.subjectId,
      details: { requestId: outcome.requestId, status: outcome.status },
    });
  }

  // ---------- publishing (发布) ----------

  async publish(id: string, ctx: RequestContext): Promise<NoticeDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      // Locked: two clicks on publish deliver once.
      const notice = await this.changeable(manager, id, ctx, true);
      if (notice.status === 'published') throw illegalState('The notice is published already');
      if (notice.status !== 'verified')
        throw conflict(NOTICE_ERRORS.NOTICE_NOT_VERIFIED, 'A notice is published only after its verification');
      const { title, body } = await this.desensitised(manager, notice);
      const recipients = await this.resolveAudience(manager, notice.audience);
      if (!recipients.length) throw new ApiError(422, NOTICE_ERRORS.NOTICE_NO_RECIPIENTS, 'Nobody is in the chosen audience');
      await manager.query(
        `INSERT INTO notice_recipients (notice_id, user_id, department_id)
         SELECT $1, r.user_id, r.department_id FROM unnest($2::uuid[], $3::uuid[]) AS r(user_id, department_id)`,
        [id, recipients.map((r) => r.id), recipients.map((r) => r.department_id)],
      );
      await this.deliver(
        manager,
        { ...notice, title, body },
        recipients.map((r) => r.id),
        this.personalChannels(notice),
        '通知',
      );
      // Broadcast channels: one posting per active board, one per active robot of each chosen kind.
      if (notice.channels.includes('board')) await this.boards.postNotice(manager, notice);
      await this.robots.queueNotice(manager, id, notice.channels);
      await manager.update(Notice, { id }, {
        title,
        body,
        status: 'published',
        publishedAt: () => 'now()',
        publishedById: ctx.actor!.id,
        version: () => 'version + 1',
      } as never);
      await this.audit.record(manager, ctx, {
        action: 'information.notice.publish',
        objectType: NOTICE,
        objectId: id,
        details: { recipients: recipients.length, channels: notice.channels },
      });
    });
    return this.get(id, ctx);
  }

  private personalChannels(notice: Pick<Notice, 'channels'>): NoticePersonalChannel[] {
    return notice.channels.filter(isPersonalChannel);
  }

  /** Queues the deliveries and records which notice they carry. */
  private async deliver(
    manager: EntityManager,
    notice: Pick<Notice, 'id' | 'title' | 'body' | 'asksConfirmation'>,
    recipientIds: string[],
    channels: NoticePersonalChannel[],
    label: string,
  ): Promise<number> {
    const made = await this.notifications.notifyVia(
      manager,
      {
        recipientIds,
        kind: 'information.notice',
        title: `【${label}】${notice.title}`,
        body: notice.asksConfirmation ? `${notice.body}\n\n（请阅读后确认回执）` : notice.body,
        link: link(notice.id),
      },
      channels,
    );
    if (made.length) {
      await manager.query(
        `INSERT INTO notice_deliveries (delivery_id, notice_id, recipient_id, channel)
         SELECT d.id, $1, d.recipient_id, d.channel FROM unnest($2::uuid[], $3::uuid[], $4::varchar[]) AS d(id, recipient_id, channel)`,
        [notice.id, made.map((m) => m.id), made.map((m) => m.recipientId), made.map((m) => m.channel)],
      );
    }
    return made.length;
  }

  /** 回执: a recipient confirms they have read it; a second confirmation changes nothing. */
  async confirm(id: string, ctx: RequestContext): Promise<NoticeDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: NOTICE, id }, ctx, manager);
      const notice = await manager.findOneByOrFail(Notice, { id });
      const [recipient] = await manager.query(`SELECT confirmed_at FROM notice_recipients WHERE notice_id = $1 AND user_id = $2`, [
        id,
        ctx.actor!.id,
      ]);
      if (!notice.asksConfirmation || notice.status !== 'published' || !recipient) {
        throw conflict(NOTICE_ERRORS.NOTICE_CONFIRMATION_NOT_ASKED, 'This notice asks you for no read confirmation');
      }
      const [, changed] = await manager.query(
        `UPDATE notice_recipients SET confirmed_at = now() WHERE notice_id = $1 AND user_id = $2 AND confirmed_at IS NULL`,
        [id, ctx.actor!.id],
      );
      if (changed) await this.audit.record(manager, ctx, { action: 'information.notice.confirm', objectType: NOTICE, objectId: id });
      await this.markRead(manager, id, ctx.actor!.id);
    });
    return this.get(id, ctx);
  }

  /**
   * A recipient opened the notice in the panel (or confirmed it): their in-app deliveries of it
   * are read, the real signal the effect report (INF-8) counts. Once; later opens change nothing.
   */
  private async markRead(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE notification_deliveries x SET status = 'read', read_at = now()
         FROM notice_deliveries nd
        WHERE nd.delivery_id = x.id AND nd.notice_id = $1 AND nd.recipient_id = $2 AND nd.channel = 'in-app' AND x.read_at IS NULL`,
      [id, userId],
    );
  }

  // ---------- coverage and resend (送达与补发) ----------

  private async recipientStates(manager: EntityManager, notice: Notice) {
    const rows: {
      user_id: string;
      user_name: string;
      department_id: string | null;
      department_name: string | null;
      confirmed_at: Date | null;
      reminders: number;
      deliveries: { channel: string; status: NoticeDeliveryStatus; lastError: string | null }[] | null;
    }[] = await manager.query(
      `SELECT r.user_id, u.name AS user_name, r.department_id, d.name AS department_name, r.confirmed_at, r.reminders,
              (SELECT json_agg(json_build_object('channel', nd.channel, 'status', x.status, 'lastError', x.last_error) ORDER BY x.created_at)
                 FROM notice_deliveries nd JOIN notification_deliveries x ON x.id = nd.delivery_id
                WHERE nd.notice_id = r.notice_id AND nd.recipient_id = r.user_id) AS deliveries
         FROM notice_recipients r
         JOIN users u ON u.id = r.user_id
         LEFT JOIN departments d ON d.id = r.department_id
        WHERE r.notice_id = $1
        ORDER BY d.name NULLS LAST, u.name, r.user_id`,
      [notice.id],
    );
    return rows.map((r) => ({
      ...r,
      deliveries: r.deliveries ?? [],
      reached: isReached({ asksConfirmation: notice.asksConfirmation, confirmedAt: r.confirmed_at, deliveries: r.deliveries ?? [] }),
    }));
  }

  private async publishedForOffice(manager: EntityManager, id: string, ctx: RequestContext, lock = false): Promise<Notice> {
    const notice = await this.changeable(manager, id, ctx, lock);
    if (notice.status !== 'published') throw illegalState('The notice is not published');
    return notice;
  }

  async coverage(id: string, ctx: RequestContext): Promise<NoticeCoverageDto> {
    const manager = this.dataSource.manager;
    const notice = await this.publishedForOffice(manager, id, ctx);
    const states = await this.recipientStates(manager, notice);
    const byDepartment = new Map<string, { department: RefDto | null; intended: number; reached: number }>();
    for (const s of states) {
      const key = s.department_id ?? '';
      const entry = byDepartment.get(key) ?? {
        department: s.department_id ? { id: s.department_id, name: s.department_name ?? '' } : null,
        intended: 0,
        reached: 0,
      };
      entry.intended += 1;
      if (s.reached) entry.reached += 1;
      byDepartment.set(key, entry);
    }
    const channels = this.personalChannels(notice).map((channel) => {
      const counts = { channel, queued: 0, sent: 0, delivered: 0, read: 0, failed: 0 };
      for (const s of states) for (const d of s.deliveries) if (d.channel === channel) counts[d.status] += 1;
      return counts;
    });
    return {
      intended: states.length,
      reached: states.filter((s) => s.reached).length,
      confirmed: states.filter((s) => s.confirmed_at).length,
      byDepartment: [...byDepartment.values()],
      channels,
      onWebsite: notice.isPublic && (!notice.expiresAt || notice.expiresAt > new Date()),
      unreached: states
        .filter((s) => !s.reached)
        .map((s) => ({
          user: { id: s.user_id, name: s.user_name },
          department: s.department_id ? { id: s.department_id, name: s.department_name ?? '' } : null,
          reminders: s.reminders,
          deliveries: s.deliveries.map((d) => ({ channel: d.channel, status: d.status, lastError: d.lastError ?? null })),
        })),
    };
  }

  /**
   * 补发: one action reaches exactly the persons not reached yet, on the notice's own channels or
   * on one fallback channel. Nobody reached is reminded; nobody is reminded more than the cap. The
   * notice row is locked, so two resends at once cannot remind anyone twice.
   */
  async resend(id: string, dto: ResendNoticeDto, ctx: RequestContext): Promise<ResendResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const notice = await this.publishedForOffice(manager, id, ctx, true);
      const unreached = (await this.recipientStates(manager, notice)).filter((s) => !s.reached);
      const due = unreached.filter((s) => s.reminders < NOTICE_REMINDER_CAP).map((s) => s.user_id);
      const channels = dto.channel ? [dto.channel] : this.personalChannels(notice);
      const deliveries = due.length ? await this.deliver(manager, notice, due, channels, '提醒') : 0;
      if (due.length) {
        await manager.query(`UPDATE notice_recipients SET reminders = reminders + 1 WHERE notice_id = $1 AND user_id = ANY($2::uuid[])`, [
          id,
          due,
        ]);
      }
      const result = { resent: due.length, capped: unreached.length - due.length, deliveries };
      await this.audit.record(manager, ctx, {
        action: 'information.notice.resend',
        objectType: NOTICE,
        objectId: id,
        details: { ...result, channels },
      });
      return result;
    });
  }

  // ---------- corrections (勘误, INF-4) ----------

  async correct(id: string, dto: CorrectNoticeDto, ctx: RequestContext): Promise<NoticeDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const notice = await this.publishedForOffice(manager, id, ctx, true);
      const corrected = {
        ...notice,
        title: dto.title ?? notice.title,
        body: dto.body,
        decisions: [...notice.decisions, ...this.decisionsOf(dto.decisions)],
      };
      const { title, body } = await this.desensitised(manager, corrected as Notice);
      await manager.insert(NoticeRevision, {
        noticeId: id,
        revision: notice.revision,
        title: notice.title,
        body: notice.body,
        correctionReason: dto.reason,
        correctedById: ctx.actor!.id,
      });
      await updateVersioned(
        manager,
        Notice,
        id,
        dto.version,
        { title, body, decisions: corrected.decisions, revision: notice.revision + 1 },
        'notice',
      );
      const recipients: { user_id: string }[] = await manager.query(`SELECT user_id FROM notice_recipients WHERE notice_id = $1`, [id]);
      await this.deliver(
        manager,
        { id, title, body: `勘误说明：${dto.reason}\n\n${body}`, asksConfirmation: false },
        recipients.map((r) => r.user_id),
        this.personalChannels(notice),
        '勘误',
      );
      await this.audit.record(manager, ctx, {
        action: 'information.notice.correct',
        objectType: NOTICE,
        objectId: id,
        details: { revision: notice.revision + 1, reason: dto.reason },
      });
    });
    return this.get(id, ctx);
  }

  // ---------- reading ----------

  async list(query: QueryNoticesDto, viewer: Principal): Promise<Page<NoticeDto>> {
    const visible = this.access.visibleWhere(viewer, NOTICE, 'n');
    // Newest first: published notices by their publish time, drafts by their creation.
    const qb = this.dataSource.manager
      .createQueryBuilder(Notice, 'n')
      .where(visible.sql, visible.params)
      .orderBy('COALESCE(n.published_at, n.created_at)', 'DESC')
      .addOrderBy('n.id', 'DESC');
    if (query.status) qb.andWhere('n.status = :status', { status: query.status });
    if (query.q) qb.andWhere('n.title ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const page = await paginateThenLoad(
      qb,
      query,
      (ids) => this.dataSource.manager.find(Notice, { where: { id: In(ids) }, relations: { createdBy: true } }),
      (n) => this.toDto(n, null),
    );
    const mine = await this.myReceipts(
      page.items.map((i) => i.id),
      viewer.id,
    );
    for (const item of page.items) {
      const receipt = mine.get(item.id);
      item.iAmRecipient = receipt !== undefined;
      item.myConfirmedAt = receipt ?? null;
    }
    return page;
  }

  private async myReceipts(ids: string[], userId: string): Promise<Map<string, string | null>> {
    if (!ids.length) return new Map();
    const rows: { notice_id: string; confirmed_at: Date | null }[] = await this.dataSource.query(
      `SELECT notice_id, confirmed_at FROM notice_recipients WHERE notice_id = ANY($1::uuid[]) AND user_id = $2`,
      [ids, userId],
    );
    return new Map(rows.map((r) => [r.notice_id, r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null]));
  }

  async get(id: string, ctx: RequestContext): Promise<NoticeDetailDto> {
    const viewer = ctx.actor!;
    const manager = this.dataSource.manager;
    await this.access.assertCanRead(viewer, { type: NOTICE, id }, ctx, manager);
    const notice = await manager.findOne(Notice, { where: { id }, relations: { createdBy: true } });
    if (!notice) throw notFound('notice');
    const receipt = (await this.myReceipts([id], viewer.id)).get(id);
    if (receipt !== undefined && notice.status === 'published') await this.markRead(manager, id, viewer.id);
    const named = async (table: string, ids: string[]): Promise<RefDto[]> =>
      ids.length ? manager.query(`SELECT id, name FROM ${table} WHERE id = ANY($1::uuid[]) ORDER BY name`, [ids]) : [];
    const revisions = await manager.find(NoticeRevision, {
      where: { noticeId: id },
      relations: { correctedBy: true },
      order: { revision: 'DESC' },
    });
    return {
      ...this.toDto(notice, receipt === undefined ? null : receipt),
      iAmRecipient: receipt !== undefined,
      body: notice.body,
      audience: {
        allStaff: notice.audience.allStaff,
        departments: await named('departments', notice.audience.departmentIds),
        roles: await named('roles', notice.audience.roleIds),
        users: await named('users', notice.audience.userIds),
      },
      decisions: notice.decisions,
      approvalRequestId: notice.approvalRequestId,
      rejectionNote: notice.rejectionNote,
      revisions: revisions.map((r) => ({
        revision: r.revision,
        title: r.title,
        body: r.body,
        correctionReason: r.correctionReason,
        correctedBy: toRefOrDash(r.correctedBy),
        correctedAt: r.correctedAt.toISOString(),
      })),
    };
  }

  private toDto(n: Notice, myConfirmedAt: string | null): NoticeDto {
    return {
      id: n.id,
      title: n.title,
      status: n.status,
      channels: n.channels,
      asksConfirmation: n.asksConfirmation,
      isPublic: n.isPublic,
      expiresAt: n.expiresAt?.toISOString() ?? null,
      expired: !!n.expiresAt && n.expiresAt <= new Date(),
      createdBy: toRefOrDash(n.createdBy),
      publishedAt: n.publishedAt?.toISOString() ?? null,
      revision: n.revision,
      version: n.version,
      myConfirmedAt,
      iAmRecipient: false,
    };
  }
}
