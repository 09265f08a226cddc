import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../access/access.service';
import { AuditService } from '../../audit/audit.service';
import { rowSource, type RowSource } from '../../excel/row-source';
import type { Principal } from '../../auth/principal';
import { FilesService } from '../../files/files.service';
import { badRequest, notFound } from '../../http/api-error';
import { paginate, type Page } from '../../http/pagination';
import type { RequestContext } from '../../http/request-context';
import { escapeLike, returnedRows } from '../../http/sql';
import { Message } from './message.entity';
import type { MessageDto, MessageReceiptDto, QueryMessagesDto, SendMessageDto } from './messages.dto';

interface NewMessage {
  senderId: string | null;
  subject: string;
  body: string;
  /** People addressed by name, and departments whose members (sub-departments included) receive it. */
  toUserIds: string[];
  toDepartmentIds: string[];
  parent?: { id: string; threadId: string } | null;
  link?: string | null;
  deliveryId?: string | null;
}

/**
 * Internal messages (站内信, ADM-2), which are also the in-app channel of notifications (PLT-4):
 * a notification delivered in-app is a message from the system, and opening it is the real
 * signal that it was read.
 */
@Injectable()
export class MessagesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly files: FilesService,
  ) {}

  /** A message is seen by its sender and its recipients (REQ-3: named persons), and never changed once sent. */
  onModuleInit(): void {
    this.access.register('message', {
      table: 'messages',
      named: (m, me) =>
        `${m}.sender_id = ${me} OR EXISTS (SELECT 1 FROM message_recipients mr WHERE mr.message_id = ${m}.id AND mr.user_id = ${me})`,
      changers: () => 'false',
    });
  }

  async send(dto: SendMessageDto, ctx: RequestContext): Promise<MessageDto> {
    const toUserIds = [...new Set(dto.toUserIds ?? [])];
    const toDepartmentIds = [...new Set(dto.toDepartmentIds ?? [])];
    if (toUserIds.length + toDepartmentIds.length === 0) {
      throw badRequest('A message needs at least one recipient', { toUserIds: ['choose at least one person or department'] });
    }
    return this.dataSource.transaction(async (manager) => {
      await this.checkRecipients(manager, toUserIds, toDepartmentIds);
      const id = await this.write(manager, { senderId: ctx.actor!.id, subject: dto.subject, body: dto.body, toUserIds, toDepartmentIds });
      await this.files.attach(manager, dto.attachmentIds ?? [], { type: 'message', id }, ctx);
      await this.audit.record(manager, ctx, {
        action: 'message.send',
        objectType: 'message',
        objectId: id,
        details: { toUserIds, toDepartmentIds },
      });
      return this.view(manager, id, ctx.actor!.id);
    });
  }

  async reply(messageId: string, body: string, ctx: RequestContext, attachmentIds: string[] = []): Promise<MessageDto> {
    const me = ctx.actor!.id;
    return this.dataSource.transaction(async (manager) => {
      const original = await this.visibleMessage(manager, messageId, ctx.actor!);
      if (original.senderId === null)
        throw badRequest('A system notification cannot be replied to', { body: ['this message cannot be replied to'] });
      // The sender's reply goes to everyone who received the message; a recipient's to the sender.
      const toUserIds =
        original.senderId === me
          ? (await manager.query('SELECT user_id FROM message_recipients WHERE message_id = $1', [original.id])).map(
              (r: { user_id: string }) => r.user_id,
            )
          : [original.senderId];
      const subject = original.subject.startsWith('回复：') ? original.subject : `回复：${original.subject}`.slice(0, 200);
      const id = await this.write(manager, {
        senderId: me,
        subject,
        body,
        toUserIds,
        toDepartmentIds: [],
        parent: { id: original.id, threadId: original.threadId },
      });
      await this.files.attach(manager, attachmentIds, { type: 'message', id }, ctx);
      await this.audit.record(manager, ctx, {
        action: 'message.reply',
        objectType: 'message',
        objectId: id,
        details: { parentId: original.id },
      });
      return this.view(manager, id, me);
    });
  }

  /**
   * Writes a message and its recipients. Used for people's messages and, by the notification
   * outbox, for in-app notifications (in the caller's transaction).
   */
  async write(manager: EntityManager, message: NewMessage): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO messages (sender_id, subject, body, parent_id, thread_id, to_department_ids, link, delivery_id)
       VALUES ($1, $2, $3, $4, gen_random_uuid(), $5, $6, $7) RETURNING id`,
      [
        message.senderId,
        message.subject,
        message.body,
        message.parent?.id ?? null,
        message.toDepartmentIds,
        message.link ?? null,
        message.deliveryId ?? null,
      ],
    );
    const threadId = message.parent?.threadId ?? row.id;
    await manager.query('UPDATE messages SET thread_id = $2 WHERE id = $1', [row.id, threadId]);
    // Named people first, then the active members of each department and its sub-departments.
    await manager.query(
      `INSERT INTO message_recipients (message_id, user_id, via_department_id)
       SELECT $1, u.id, NULL FROM users u WHERE u.id = ANY($2::uuid[]) AND u.id IS DISTINCT FROM $3
       ON CONFLICT DO NOTHING`,
      [row.id, message.toUserIds, message.senderId],
    );
    if (message.toDepartmentIds.length) {
      await manager.query(
        `WITH RECURSIVE targets AS (
           SELECT id, id AS root FROM departments WHERE id = ANY($2::uuid[])
           UNION SELECT d.id, t.root FROM departments d JOIN targets t ON d.parent_id = t.id)
         INSERT INTO message_recipients (message_id, user_id, via_department_id)
         SELECT DISTINCT ON (u.id) $1, u.id, t.root FROM users u JOIN targets t ON u.department_id = t.id
          WHERE u.active AND u.id IS DISTINCT FROM $3
         ORDER BY u.id
         ON CONFLICT DO NOTHING`,
        [row.id, message.toDepartmentIds, message.senderId],
      );
    }
    return row.id;
  }

  async list(userId: string, query: QueryMessagesDto): Promise<Page<MessageDto>> {
    const page = await paginate(this.listQuery(userId, query), query, (m) => m);
    const views = await this.views(this.dataSource.manager, page.items, userId);
    return { ...page, items: views };
  }

  /** Every message of my box, unpaged, for an Excel export (PLT-7). */
  exportRows(userId: string, query: QueryMessagesDto): RowSource<MessageDto> {
    return rowSource(this.listQuery(userId, query), (messages) => this.views(this.dataSource.manager, messages, userId));
  }

  private listQuery(userId: string, query: QueryMessagesDto) {
    const qb = this.dataSource.manager.createQueryBuilder(Message, 'm').orderBy('m.created_at', 'DESC');
    if (query.box === 'sent') {
      qb.where('m.sender_id = :userId', { userId });
    } else {
      qb.innerJoin('message_recipients', 'r', 'r.message_id = m.id AND r.user_id = :userId', { userId });
      if (query.unread === true) qb.andWhere('r.read_at IS NULL');
      if (query.unread === false) qb.andWhere('r.read_at IS NOT NULL');
    }
    if (query.q) qb.andWhere('(m.subject ILIKE :q OR m.body ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return qb;
  }

  /** Opens a message: the first opening by a recipient marks it read (and its notification). */
  async open(messageId: string, ctx: RequestContext): Promise<MessageDto> {
    const me = ctx.actor!.id;
    return this.dataSource.transaction(async (manager) => {
      const message = await this.visibleMessage(manager, messageId, ctx.actor!);
      const opened = await manager.query(
        `UPDATE message_recipients SET read_at = now() WHERE message_id = $1 AND user_id = $2 AND read_at IS NULL RETURNING read_at`,
        [message.id, me],
      );
      if (returnedRows(opened).length && message.deliveryId) {
        await manager.query(`UPDATE notification_deliveries SET status = 'read', read_at = now() WHERE id = $1 AND read_at IS NULL`, [
          message.deliveryId,
        ]);
      }
      return this.view(manager, message.id, me);
    });
  }

  /** Who has read a message: for its sender only. */
  async receipts(messageId: string, ctx: RequestContext): Promise<MessageReceiptDto[]> {
    const message = await this.dataSource.manager.findOne(Message, { where: { id: messageId } });
    if (!message || message.senderId !== ctx.actor!.id) throw notFound('message');
    const rows: { user_id: string; user_name: string; dept_id: string | null; dept_name: string | null; read_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT r.user_id, u.name AS user_name, d.id AS dept_id, d.name AS dept_name, r.read_at
           FROM message_recipients r JOIN users u ON u.id = r.user_id LEFT JOIN departments d ON d.id = r.via_department_id
          WHERE r.message_id = $1 ORDER BY r.read_at NULLS LAST, u.name`,
        [messageId],
      );
    return rows.map((r) => ({
      user: { id: r.user_id, name: r.user_name },
      viaDepartment: r.dept_id ? { id: r.dept_id, name: r.dept_name! } : null,
      readAt: r.read_at?.toISOString() ?? null,
    }));
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.dataSource.query('SELECT count(*)::int AS n FROM message_recipients WHERE user_id = $1 AND read_at IS NULL', [
      userId,
    ]);
    return row.n;
  }

  /** A message its sender or one of its recipients asks for; anyone else gets 404 (the access service's rule). */
  private async visibleMessage(manager: EntityManager, messageId: string, viewer: Principal): Promise<Message> {
    const visible = this.access.visibleWhere(viewer, 'message', 'm');
    const message = await manager
      .createQueryBuilder(Message, 'm')
      .where('m.id = :messageId', { messageId })
      .andWhere(visible.sql, visible.params)
      .getOne();
    if (!message) throw notFound('message');
    return message;
  }

  private async checkRecipients(manager: EntityManager, userIds: string[], departmentIds: string[]): Promise<void> {
    const errors: Record<string, string[]> = {};
    if (userIds.length) {
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[]) AND active', [userIds]);
      if (n !== userIds.length) errors.toUserIds = ['one or more people do not exist or are inactive'];
    }
    if (departmentIds.length) {
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM departments WHERE id = ANY($1::uuid[])', [departmentIds]);
      if (n !== departmentIds.length) errors.toDepartmentIds = ['one or more departments do not exist'];
    }
    if (Object.keys(errors).length) throw badRequest('Validation failed', errors);
  }

  private async view(manager: EntityManager, id: string, userId: string): Promise<MessageDto> {
    const message = await manager.findOneOrFail(Message, { where: { id } });
    return (await this.views(manager, [message], userId))[0];
  }

  /** Turns messages into their DTOs with names, counts and my read state, in three queries. */
  private async views(manager: EntityManager, messages: Message[], userId: string): Promise<MessageDto[]> {
    if (messages.length === 0) return [];
    const ids = messages.map((m) => m.id);
    const stats: { message_id: string; total: number; read: number; mine: Date | null; direct: { id: string; name: string }[] }[] =
      await manager.query(
        `SELECT r.message_id, count(*)::int AS total, count(r.read_at)::int AS read,
              max(r.read_at) FILTER (WHERE r.user_id = $2) AS mine,
              COALESCE(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name) FILTER (WHERE r.via_department_id IS NULL), '[]') AS direct
         FROM message_recipients r JOIN users u ON u.id = r.user_id
        WHERE r.message_id = ANY($1::uuid[]) GROUP BY r.message_id`,
        [ids, userId],
      );
    const names: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM users WHERE id = ANY($1::uuid[]) UNION ALL SELECT id, name FROM departments WHERE id = ANY($2::uuid[])`,
      [messages.map((m) => m.senderId).filter(Boolean), messages.flatMap((m) => m.toDepartmentIds)],
    );
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const attachments = await this.files.attachmentsOf(manager, 'message', ids);
    const statsOf = new Map(stats.map((s) => [s.message_id, s]));
    return messages.map((m) => {
      const s = statsOf.get(m.id);
      return {
        id: m.id,
        sender: m.senderId ? { id: m.senderId, name: nameOf.get(m.senderId) ?? '' } : null,
        subject: m.subject,
        body: m.body,
        parentId: m.parentId,
        threadId: m.threadId,
        link: m.link,
        toUsers: s?.direct ?? [],
        toDepartments: m.toDepartmentIds.map((id) => ({ id, name: nameOf.get(id) ?? '' })),
        recipientCount: s?.total ?? 0,
        attachments: attachments.get(m.id) ?? [],
        readCount: s?.read ?? 0,
        readAt: s?.mine ? new Date(s.mine).toISOString() : null,
        createdAt: m.createdAt.toISOString(),
      };
    });
  }
}
