import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PERMISSIONS, PLATFORM_ERRORS, RECEPTION_ERRORS } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { ApiError, conflict, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { NOTICE } from '../notices/notices.service';
import type { CreateNoticeCommentDto, NoticeCommentDto } from './comments.dto';
import { NoticeComment } from './notice-comment.entity';

const NOTICE_COMMENT = 'notice-comment';
const link = (noticeId: string) => `/information/notices/${noticeId}`;

/**
 * Comments and questions on a notice (INF-4). Whoever may read the notice (its recipients, its
 * author, the office) reads its comments; a non-recipient gets 404, as for the notice itself.
 * Comments are taken on published notices only. The office or the notice's author answers a
 * question, and the answer notifies the one who asked.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  private async noticeOf(manager: EntityManager, noticeId: string, ctx: RequestContext) {
    await this.access.assertCanRead(ctx.actor!, { type: NOTICE, id: noticeId }, ctx, manager);
    const [notice] = await manager.query(`SELECT id, title, status, created_by FROM notices WHERE id = $1`, [noticeId]);
    if (!notice) throw notFound('notice');
    return notice as { id: string; title: string; status: string; created_by: string };
  }

  private mayAnswer(viewer: Principal, notice: { created_by: string }): boolean {
    return viewer.permissions.has(PERMISSIONS.INFO_NOTICES_MANAGE) || notice.created_by === viewer.id;
  }

  async list(noticeId: string, ctx: RequestContext): Promise<NoticeCommentDto[]> {
    const manager = this.dataSource.manager;
    const notice = await this.noticeOf(manager, noticeId, ctx);
    const rows = await manager.find(NoticeComment, {
      where: { noticeId },
      relations: { author: true, answeredBy: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const mayAnswer = this.mayAnswer(ctx.actor!, notice);
    return rows.map((c) => this.toDto(c, mayAnswer));
  }

  async create(noticeId: string, dto: CreateNoticeCommentDto, ctx: RequestContext): Promise<NoticeCommentDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const notice = await this.noticeOf(manager, noticeId, ctx);
      if (notice.status !== 'published')
        throw conflict(RECEPTION_ERRORS.NOTICE_COMMENT_NOT_PUBLISHED, 'Comments are taken on published notices');
      const comment = manager.create(NoticeComment, { noticeId, kind: dto.kind, body: dto.body, authorId: ctx.actor!.id });
      await manager.insert(NoticeComment, comment);
      if (dto.kind === 'question' && notice.created_by !== ctx.actor!.id) {
        await this.notifications.notify(manager, {
          recipientIds: [notice.created_by],
          kind: 'information.notice.question',
          title: `【通知公告·提问】${notice.title}`,
          body: dto.body,
          link: link(noticeId),
        });
      }
      await this.audit.record(manager, ctx, {
        action: `information.notice.${dto.kind}`,
        objectType: NOTICE,
        objectId: noticeId,
        details: { commentId: comment.id },
      });
      return comment.id;
    });
    return this.get(id, ctx);
  }

  async answer(noticeId: string, commentId: string, answer: string, ctx: RequestContext): Promise<NoticeCommentDto> {
    await this.dataSource.transaction(async (manager) => {
      const notice = await this.noticeOf(manager, noticeId, ctx);
      const [comment] = await manager.query(`SELECT author_id FROM notice_comments WHERE id = $1 AND notice_id = $2`, [
        commentId,
        noticeId,
      ]);
      if (!comment) throw notFound(NOTICE_COMMENT);
      // Readers who are not the office or the author cannot answer: the comment exists for them, the action does not.
      if (!this.mayAnswer(ctx.actor!, notice))
        throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'The office or the notice’s author answers questions');
      const [row] = returnedRows<{ author_id: string }>(
        await manager.query(
          `UPDATE notice_comments SET answer = $2, answered_by = $3, answered_at = now()
            WHERE id = $1 AND kind = 'question' AND answer IS NULL RETURNING author_id`,
          [commentId, answer, ctx.actor!.id],
        ),
      );
      if (!row) throw conflict(RECEPTION_ERRORS.NOTICE_COMMENT_ILLEGAL_STATE, 'Only an unanswered question is answered');
      await this.notifications.notify(manager, {
        recipientIds: [row.author_id],
        kind: 'information.notice.answer',
        title: `【通知公告·答复】${notice.title}`,
        body: answer,
        link: link(noticeId),
      });
      await this.audit.record(manager, ctx, {
        action: 'information.notice.answer',
        objectType: NOTICE,
        objectId: noticeId,
        details: { commentId },
      });
    });
    return this.get(commentId, ctx);
  }

  private async get(id: string, ctx: RequestContext): Promise<NoticeCommentDto> {
    const c = await this.dataSource.manager.findOneOrFail(NoticeComment, { where: { id }, relations: { author: true, answeredBy: true } });
    const notice = await this.noticeOf(this.dataSource.manager, c.noticeId, ctx);
    return this.toDto(c, this.mayAnswer(ctx.actor!, notice));
  }

  private toDto(c: NoticeComment, mayAnswer: boolean): NoticeCommentDto {
    return {
      id: c.id,
      noticeId: c.noticeId,
      kind: c.kind,
      body: c.body,
      author: { id: c.author!.id, name: c.author!.name },
      createdAt: c.createdAt.toISOString(),
      answer: c.answer,
      answeredBy: c.answeredBy ? { id: c.answeredBy.id, name: c.answeredBy.name } : null,
      answeredAt: c.answeredAt?.toISOString() ?? null,
      canAnswer: mayAnswer && c.kind === 'question' && c.answer === null,
    };
  }
}
