import { HttpStatus, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  MEETING_MINUTES_ERRORS,
  MINUTES_REVIEW_APPROVAL_KIND,
  MINUTES_STATUS_LABELS,
  minutesActionsFrom,
  nextMinutesStatus,
  schoolDateOf,
  type ApprovalStep,
  type MinutesAction,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { ApprovalKindRegistry, type ApprovalOutcome } from '../../../platform/approvals/approval-kinds';
import { ApprovalsService } from '../../../platform/approvals/approvals.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { ApiError, badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import type { RefDto } from '../../../platform/org/org.dto';
import { MEETING, hhmm } from '../bookings/bookings.service';
import { MeetingsService } from '../meetings/meetings.service';
import { ResolutionsService } from '../resolutions/resolutions.service';
import { attendanceLists } from './attendance-lists';
import type { MinutesDto, MinutesFeedbackInputDto, UpdateMinutesDto } from './minutes.dto';
import { MeetingMinutes, MeetingMinutesFeedback } from './minutes.entity';
import type { MinutesLayout } from './minutes-layout';
import { toRefOrDash } from '../../../platform/org/refs';

/** The inbox source type of published minutes to read (and approval subject type of the review). */
export const MEETING_MINUTES = 'meeting-minutes';

/** The default chain of `minutes-review`: a school leader reviews (审核). Admins edit it in the panel. */
export const MINUTES_REVIEW_DEFAULT_STEPS: ApprovalStep[] = [
  { name: '校领导审核', approvers: { type: 'role', role: 'school-leader' }, mode: 'any', timeLimitHours: 48 },
];

const link = (meetingId: string) => `/meetings/${meetingId}?tab=minutes`;

const illegal = (status: MeetingMinutes['status'], action: MinutesAction) =>
  conflict(
    MEETING_MINUTES_ERRORS.ILLEGAL_TRANSITION,
    `Minutes that are ${MINUTES_STATUS_LABELS[status]['zh-CN']} cannot be acted on with ${action}`,
  );

/**
 * Minutes (会议纪要, MTG-8): drafted from a template filled from the meeting, reviewed by a leader
 * (`minutes-review`), published to the attendees and the named departments, who may give
 * feedback. They follow the meeting's visibility: whoever may not see the meeting gets 404; a
 * draft is further only for those who may change the meeting and the reviewers of its request.
 */
@Injectable()
export class MinutesService implements OnModuleInit {
  private readonly logger = new Logger('MeetingMinutes');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly notifications: NotificationsService,
    private readonly inbox: InboxService,
    private readonly meetings: MeetingsService,
    private readonly resolutions: ResolutionsService,
  ) {}

  onModuleInit(): void {
    this.approvalKinds.register({
      kind: MINUTES_REVIEW_APPROVAL_KIND,
      name: '会议纪要审核',
      nameEn: 'Meeting minutes review',
      defaultSteps: MINUTES_REVIEW_DEFAULT_STEPS,
      onOutcome: (outcome, manager) => this.onOutcome(outcome, manager),
    });
  }

  // ---------- drafting ----------

  /** The draft from the template: time, place, host, 出席/请假/列席, one section per agenda topic. */
  async draft(meetingId: string, ctx: RequestContext): Promise<MinutesDto> {
    const { meeting, place, topics } = await this.meetings.forCalendar(meetingId, ctx);
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: MEETING, id: meetingId }, ctx, manager);
      if (meeting.status === 'cancelled') throw conflict(MEETING_MINUTES_ERRORS.ILLEGAL_TRANSITION, 'A cancelled meeting has no minutes');
      const lists = await attendanceLists(manager, meetingId);
      const zone = this.config.schoolTimeZone;
      const inserted = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO meeting_minutes (meeting_id, title, status, header, topics, drafted_by)
           VALUES ($1, $2, 'draft', $3, $4, $5) ON CONFLICT (meeting_id) DO NOTHING RETURNING id`,
          [
            meetingId,
            `${meeting.title}纪要`.slice(0, 200),
            JSON.stringify({
              time: `${schoolDateOf(meeting.startsAt, zone)} ${hhmm(meeting.startsAt, zone)}–${hhmm(meeting.endsAt, zone)}`,
              place,
              host: meeting.host?.name ?? null,
              ...lists,
            }),
            JSON.stringify(topics.map((t) => ({ title: t.title, text: '' }))),
            ctx.actor!.id,
          ],
        ),
      );
      if (!inserted.length) throw conflict(MEETING_MINUTES_ERRORS.EXISTS, 'The meeting already has minutes');
      await this.audit.record(manager, ctx, {
        action: 'meeting.minutes.draft',
        objectType: MEETING,
        objectId: meetingId,
        details: { minutesId: inserted[0].id },
      });
    });
    return this.get(meetingId, ctx);
  }

  async update(meetingId: string, dto: UpdateMinutesDto, ctx: RequestContext): Promise<MinutesDto> {
    await this.dataSource.transaction(async (manager) => {
      const minutes = await this.forChange(manager, meetingId, 'edit', ctx);
      if (dto.departmentIds?.length) {
        const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM departments WHERE id = ANY($1::uuid[])', [dto.departmentIds]);
        if (n !== new Set(dto.departmentIds).size)
          throw badRequest('No such department', { departmentIds: ['one or more departments do not exist'] });
      }
      const changes: Record<string, unknown> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.header !== undefined) changes.header = dto.header;
      if (dto.topics !== undefined) changes.topics = dto.topics;
      if (dto.otherText !== undefined) changes.otherText = dto.otherText || null;
      if (dto.departmentIds !== undefined) changes.departmentIds = [...new Set(dto.departmentIds)];
      await updateVersioned(manager, MeetingMinutes, minutes.id, dto.version, changes, MEETING_MINUTES);
      await this.audit.record(manager, ctx, {
        action: 'meeting.minutes.edit',
        objectType: MEETING,
        objectId: meetingId,
        details: { minutesId: minutes.id, fields: Object.keys(changes) },
      });
    });
    return this.get(meetingId, ctx);
  }

  /** Sends the draft to the leader's review (`minutes-review`); it is locked meanwhile. */
  async submit(meetingId: string, ctx: RequestContext): Promise<MinutesDto> {
    await this.dataSource.transaction(async (manager) => {
      const minutes = await this.forChange(manager, meetingId, 'submit', ctx);
      const requestId = await this.approvals.submit(
        manager,
        {
          kind: MINUTES_REVIEW_APPROVAL_KIND,
          title: `纪要审核：${minutes.title}`,
          subjectType: MEETING_MINUTES,
          subjectId: minutes.id,
          data: { meetingId, title: minutes.title },
        },
        ctx,
      );
      await manager.query(
        `UPDATE meeting_minutes SET status = 'in-review', approval_request_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [minutes.id, requestId],
      );
      await this.audit.record(manager, ctx, {
        action: 'meeting.minutes.submit',
        objectType: MEETING,
        objectId: meetingId,
        details: { minutesId: minutes.id, requestId },
      });
    });
    return this.get(meetingId, ctx);
  }

  /** The review's outcome: approved may be published; rejected or withdrawn goes back to draft. */
  private async onOutcome(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== MEETING_MINUTES || !outcome.subjectId) return;
    const status = outcome.status === 'approved' ? 'approved' : 'draft';
    const rows = returnedRows<{ meeting_id: string; drafted_by: string; title: string }>(
      await manager.query(
        `UPDATE meeting_minutes SET status = $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'in-review' AND approval_request_id = $3 RETURNING meeting_id, drafted_by, title`,
        [outcome.subjectId, status, outcome.requestId],
      ),
    );
    const [row] = rows;
    if (!row) return;
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: 'meeting.minutes.reviewed',
      objectType: MEETING,
      objectId: row.meeting_id,
      details: { minutesId: outcome.subjectId, requestId: outcome.requestId, outcome: outcome.status },
    });
    this.logger.log(`Minutes ${outcome.subjectId}: ${outcome.status}`);
  }

  /**
   * Publishes approved minutes (409 MINUTES_NOT_APPROVED before): a notification and an inbox
   * item to read them for every attendee and 列席 and every member of the named departments.
   */
  async publish(meetingId: string, ctx: RequestContext): Promise<MinutesDto> {
    await this.dataSource.transaction(async (manager) => {
      const minutes = await this.lockMinutes(manager, meetingId, ctx);
      if (minutes.status === 'draft' || minutes.status === 'in-review') {
        throw conflict(MEETING_MINUTES_ERRORS.NOT_APPROVED, 'The minutes are published only after the leader’s approval');
      }
      if (!nextMinutesStatus(minutes.status, 'publish')) throw illegal(minutes.status, 'publish');
      const recipients = await this.recipientsOf(manager, minutes);
      const [meeting] = await manager.query('SELECT secrecy FROM meetings WHERE id = $1', [meetingId]);
      const classified = meeting.secrecy !== 'none';
      await this.notifications.notify(manager, {
        recipientIds: recipients,
        kind: 'meeting.minutes.published',
        title: classified ? '【会议纪要】您有一份会议纪要待阅' : `【会议纪要】${minutes.title}`,
        body: classified ? '请登录系统阅读会议纪要，如有意见请反馈。' : `《${minutes.title}》已发布，请阅读，如有意见请在系统中反馈。`,
        link: link(meetingId),
      });
      for (const userId of recipients) {
        await this.inbox.open(manager, {
          assigneeId: userId,
          sourceType: MEETING_MINUTES,
          sourceId: minutes.id,
          title: classified ? '阅读会议纪要' : `阅读会议纪要：${minutes.title}`.slice(0, 200),
          link: link(meetingId),
        });
      }
      await manager.query(
        `UPDATE meeting_minutes SET status = 'published', published_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [minutes.id],
      );
      await this.audit.record(manager, ctx, {
        action: 'meeting.minutes.publish',
        objectType: MEETING,
        objectId: meetingId,
        details: { minutesId: minutes.id, recipients: recipients.length },
      });
    });
    return this.get(meetingId, ctx);
  }

  /** Feedback (反馈) by a recipient of the published minutes; the organiser is told, and the reader's inbox item is done. */
  async giveFeedback(meetingId: string, dto: MinutesFeedbackInputDto, ctx: RequestContext): Promise<MinutesDto> {
    const me = ctx.actor!;
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(me, { type: MEETING, id: meetingId }, ctx, manager);
      const minutes = await manager.findOneBy(MeetingMinutes, { meetingId });
      if (!minutes || minutes.status !== 'published') throw notFound(MEETING_MINUTES);
      const recipients = await this.recipientsOf(manager, minutes);
      if (!recipients.includes(me.id)) {
        throw new ApiError(HttpStatus.FORBIDDEN, MEETING_MINUTES_ERRORS.NOT_A_RECIPIENT, 'Only recipients of the minutes give feedback');
      }
      await manager.insert(MeetingMinutesFeedback, { minutesId: minutes.id, authorId: me.id, body: dto.body });
      await this.inbox.close(manager, { sourceType: MEETING_MINUTES, sourceId: minutes.id, assigneeId: me.id });
      const [meeting] = await manager.query('SELECT organiser_id, secrecy FROM meetings WHERE id = $1', [meetingId]);
      await this.notifications.notify(manager, {
        recipientIds: [meeting.organiser_id],
        kind: 'meeting.minutes.feedback',
        title: `【纪要反馈】${meeting.secrecy === 'none' ? minutes.title : '会议纪要'}`,
        body: meeting.secrecy === 'none' ? `${me.name}：${dto.body}` : `${me.name}对会议纪要提出了反馈意见，请登录系统查看。`,
        link: link(meetingId),
      });
      await this.audit.record(manager, ctx, {
        action: 'meeting.minutes.feedback',
        objectType: MEETING,
        objectId: meetingId,
        details: { minutesId: minutes.id },
      });
    });
    return this.get(meetingId, ctx);
  }

  // ---------- reading ----------

  async get(meetingId: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<MinutesDto> {
    const { minutes, canChange } = await this.forRead(manager, meetingId, ctx);
    const me = ctx.actor!;
    const departments: RefDto[] = minutes.departmentIds.length
      ? await manager.query('SELECT id, name FROM departments WHERE id = ANY($1::uuid[]) ORDER BY name', [minutes.departmentIds])
      : [];
    const feedback = await manager.find(MeetingMinutesFeedback, {
      where: canChange ? { minutesId: minutes.id } : { minutesId: minutes.id, authorId: me.id },
      relations: { author: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const published = minutes.status === 'published';
    return {
      id: minutes.id,
      meetingId,
      title: minutes.title,
      status: minutes.status,
      header: minutes.header,
      topics: minutes.topics,
      otherText: minutes.otherText,
      departments,
      resolutions: await this.resolutions.resolutionsOf(manager, await this.resolutionIds(manager, meetingId)),
      approvalRequestId: minutes.approvalRequestId,
      publishedAt: minutes.publishedAt?.toISOString() ?? null,
      draftedBy: toRefOrDash(minutes.draftedBy),
      feedback: feedback.map((f) => ({ id: f.id, author: toRefOrDash(f.author), body: f.body, createdAt: f.createdAt.toISOString() })),
      allowedActions: canChange ? minutesActionsFrom(minutes.status) : [],
      canGiveFeedback: published && (await this.recipientsOf(manager, minutes)).includes(me.id),
      version: minutes.version,
    };
  }

  /** The minutes in the 纪要 layout, for the PDF and DOCX exports. */
  async layout(meetingId: string, ctx: RequestContext): Promise<MinutesLayout> {
    const m = await this.get(meetingId, ctx);
    const h = m.header;
    const names = (list: string[]) => (list.length ? list.join('、') : '无');
    const sections: MinutesLayout['sections'] = m.topics.map((t, i) => ({
      heading: `议题${i + 1}：${t.title}`,
      paragraphs: t.text ? t.text.split('\n').filter(Boolean) : [],
    }));
    sections.push({
      heading: '决议事项',
      paragraphs: m.resolutions.length
        ? m.resolutions.map(
            (r) =>
              `${r.seq}. ${r.text}${r.tasks.length ? `（${r.tasks.map((t) => `${t.owner.name}负责，${t.dueOn}前完成`).join('；')}）` : ''}`,
          )
        : ['无'],
    });
    if (m.otherText) sections.push({ heading: '其他事项', paragraphs: m.otherText.split('\n').filter(Boolean) });
    return {
      title: m.title,
      facts: [
        `时间：${h.time}`,
        `地点：${h.place}`,
        `主持：${h.host ?? '—'}`,
        `出席：${names(h.present)}`,
        `请假：${names(h.leave)}`,
        `列席：${names(h.observers)}`,
      ],
      sections,
    };
  }

  // ---------- helpers ----------

  /**
   * The minutes as the viewer may see them: the meeting visible (else 404); a draft or a review
   * in progress only for those who may change the meeting and the reviewers (else 404 too).
   */
  private async forRead(manager: EntityManager, meetingId: string, ctx: RequestContext) {
    const me = ctx.actor!;
    await this.access.assertCanRead(me, { type: MEETING, id: meetingId }, ctx, manager);
    const minutes = await manager.findOne(MeetingMinutes, { where: { meetingId }, relations: { draftedBy: true } });
    if (!minutes) throw notFound(MEETING_MINUTES);
    const canChange = await this.access.canChange(me, { type: MEETING, id: meetingId }, manager);
    if (minutes.status !== 'published' && !canChange) {
      const [reviewer] = minutes.approvalRequestId
        ? await manager.query('SELECT 1 FROM approval_tasks WHERE request_id = $1 AND assignee_id = $2 LIMIT 1', [
            minutes.approvalRequestId,
            me.id,
          ])
        : [];
      if (!reviewer) throw notFound(MEETING_MINUTES);
    }
    return { minutes, canChange };
  }

  private async lockMinutes(manager: EntityManager, meetingId: string, ctx: RequestContext): Promise<MeetingMinutes> {
    await this.access.assertCanChange(ctx.actor!, { type: MEETING, id: meetingId }, ctx, manager);
    const minutes = await manager
      .createQueryBuilder(MeetingMinutes, 'm')
      .setLock('pessimistic_write')
      .where('m.meeting_id = :meetingId', { meetingId })
      .getOne();
    if (!minutes) throw notFound(MEETING_MINUTES);
    return minutes;
  }

  private async forChange(manager: EntityManager, meetingId: string, action: MinutesAction, ctx: RequestContext): Promise<MeetingMinutes> {
    const minutes = await this.lockMinutes(manager, meetingId, ctx);
    if (!nextMinutesStatus(minutes.status, action)) throw illegal(minutes.status, action);
    return minutes;
  }

  /**
   * Who receives the published minutes: the meeting's invitees, and the active members and heads
   * of the named departments. A classified meeting's minutes go to its invitees only: they follow
   * the meeting's visibility, which a department's members outside the invitation do not have.
   */
  private async recipientsOf(manager: EntityManager, minutes: MeetingMinutes): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT user_id AS id FROM meeting_attendees WHERE meeting_id = $1
       UNION SELECT u.id FROM users u, meetings m
              WHERE m.id = $1 AND m.secrecy = 'none' AND u.active AND u.department_id = ANY($2::uuid[])
       UNION SELECT d.head_id FROM departments d, meetings m
              WHERE m.id = $1 AND m.secrecy = 'none' AND d.id = ANY($2::uuid[]) AND d.head_id IS NOT NULL`,
      [minutes.meetingId, minutes.departmentIds],
    );
    return rows.map((r) => r.id);
  }

  private async resolutionIds(manager: EntityManager, meetingId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM meeting_resolutions WHERE meeting_id = $1 ORDER BY seq', [
      meetingId,
    ]);
    return rows.map((r) => r.id);
  }
}
