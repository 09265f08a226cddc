import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  BOARD_ERRORS,
  BOARD_POSTING_TRANSITIONS,
  boardPostingActions,
  isoWeekday,
  schoolDateOf,
  type BoardPostingAction,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { FilesService } from '../../../platform/files/files.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { returnedRows } from '../../../platform/http/sql';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { BoardCheck, BoardCleaning, BulletinBoard } from './boards.entities';
import type {
  BoardCheckDto,
  BoardCleaningDto,
  BoardDto,
  CreateBoardCheckDto,
  CreateBoardDto,
  CreateCleaningDto,
  CreatePostingDto,
  PostingDto,
  QueryBoardsDto,
  QueryPostingsDto,
  UpdateBoardDto,
} from './boards.dto';
import { toRef } from '../../../platform/org/refs';

export const BULLETIN_BOARD = 'bulletin-board';
export const BOARD_CHECK = 'board-check';
/** Daily: postings past their expiry are flagged for removal and their boards' keepers told (INF-6). */
export const BOARD_EXPIRY_JOB = 'notice-board-expiry';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

interface PostingRow {
  id: string;
  board_id: string;
  board_name: string;
  notice_id: string;
  notice_title: string;
  status: PostingDto['status'];
  expires_at: Date | null;
  created_at: Date;
  posted_at: Date | null;
  posted_by: string | null;
  posted_by_name: string | null;
  flagged_at: Date | null;
  removed_at: Date | null;
  removed_by: string | null;
  removed_by_name: string | null;
}

const POSTING_SELECT = `
  SELECT p.id, p.board_id, b.name AS board_name, p.notice_id, n.title AS notice_title, p.status, p.expires_at, p.created_at,
         p.posted_at, p.posted_by, pu.name AS posted_by_name, p.flagged_at, p.removed_at, p.removed_by, ru.name AS removed_by_name
    FROM board_postings p
    JOIN bulletin_boards b ON b.id = p.board_id
    JOIN notices n ON n.id = p.notice_id
    LEFT JOIN users pu ON pu.id = p.posted_by
    LEFT JOIN users ru ON ru.id = p.removed_by`;

export function toPostingDto(r: PostingRow): PostingDto {
  return {
    id: r.id,
    board: { id: r.board_id, name: r.board_name },
    notice: { id: r.notice_id, name: r.notice_title },
    status: r.status,
    expiresAt: iso(r.expires_at),
    createdAt: iso(r.created_at)!,
    postedAt: iso(r.posted_at),
    postedBy: r.posted_by ? { id: r.posted_by, name: r.posted_by_name ?? '' } : null,
    flaggedAt: iso(r.flagged_at),
    removedAt: iso(r.removed_at),
    removedBy: r.removed_by ? { id: r.removed_by, name: r.removed_by_name ?? '' } : null,
    actions: boardPostingActions(r.status),
  };
}

/**
 * Bulletin boards (公告栏, INF-6): boards with their locations and keepers; postings of notices
 * (one per notice per board, made when a notice is published on the `board` channel, or by hand),
 * each moving to_post → posted → (flagged by the daily expiry job) → removed, who and when
 * recorded; a daily check (tidy, undamaged, remark, photo); a weekly cleaning schedule and its records.
 */
@Injectable()
export class BoardsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.access.register(BULLETIN_BOARD, { table: 'bulletin_boards' });
    this.access.register(BOARD_CHECK, { table: 'board_checks', named: (o, me) => `${o}.checked_by = ${me}` });
    this.jobs.register({
      name: BOARD_EXPIRY_JOB,
      cron: '30 6 * * *',
      handler: async () => {
        await this.flagExpired();
      },
    });
  }

  private today(): string {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  // ---------- boards ----------

  private async assertKeeper(manager: EntityManager, keeperId: string | null | undefined): Promise<void> {
    if (!keeperId) return;
    const [row] = await manager.query(`SELECT 1 FROM users WHERE id = $1 AND active`, [keeperId]);
    if (!row) throw badRequest('No such person', { keeperId: ['no active account has this id'] });
  }

  private nameTaken = () =>
    conflict(BOARD_ERRORS.BOARD_NAME_TAKEN, 'A board of this name exists', { name: ['a board of this name exists'] });

  async createBoard(dto: CreateBoardDto, ctx: RequestContext): Promise<BoardDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertKeeper(manager, dto.keeperId);
      const [row] = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO bulletin_boards (name, location, keeper_id, cleaning_weekday, active) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (name) DO NOTHING RETURNING id`,
          [dto.name, dto.location, dto.keeperId ?? null, dto.cleaningWeekday ?? null, dto.active ?? true],
        ),
      );
      if (!row) throw this.nameTaken();
      await this.audit.record(manager, ctx, { action: 'information.board.create', objectType: BULLETIN_BOARD, objectId: row.id });
      return row.id;
    });
    return this.getBoard(id);
  }

  async updateBoard(id: string, dto: UpdateBoardDto, ctx: RequestContext): Promise<BoardDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.assertKeeper(manager, dto.keeperId);
      if (dto.name) {
        const [clash] = await manager.query(`SELECT 1 FROM bulletin_boards WHERE name = $1 AND id <> $2`, [dto.name, id]);
        if (clash) throw this.nameTaken();
      }
      const changes: Record<string, unknown> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.location !== undefined) changes.location = dto.location;
      if (dto.keeperId !== undefined) changes.keeperId = dto.keeperId;
      if (dto.cleaningWeekday !== undefined) changes.cleaningWeekday = dto.cleaningWeekday;
      if (dto.active !== undefined) changes.active = dto.active;
      await updateVersioned(manager, BulletinBoard, id, dto.version, changes, 'board');
      await this.audit.record(manager, ctx, {
        action: 'information.board.update',
        objectType: BULLETIN_BOARD,
        objectId: id,
        details: { fields: Object.keys(changes) },
      });
    });
    return this.getBoard(id);
  }

  private boardsQuery(manager: EntityManager) {
    return manager
      .createQueryBuilder(BulletinBoard, 'b')
      .leftJoinAndSelect('b.keeper', 'k')
      .orderBy('b.active', 'DESC')
      .addOrderBy('b.name', 'ASC')
      .addOrderBy('b.id', 'ASC');
  }

  async listBoards(query: QueryBoardsDto): Promise<Page<BoardDto>> {
    const qb = this.boardsQuery(this.dataSource.manager);
    if (query.active !== undefined) qb.andWhere('b.active = :active', { active: query.active });
    const page = await paginate(qb, query, (b) => b);
    return { ...page, items: await this.toBoardDtos(page.items) };
  }

  async getBoard(id: string): Promise<BoardDto> {
    const board = await this.boardsQuery(this.dataSource.manager).where('b.id = :id', { id }).getOne();
    if (!board) throw notFound('board');
    return (await this.toBoardDtos([board]))[0];
  }

  private async toBoardDtos(boards: BulletinBoard[]): Promise<BoardDto[]> {
    if (!boards.length) return [];
    const stats: { id: string; open: number; due: number; checked: string | null; cleaned: string | null }[] = await this.dataSource.query(
      `SELECT b.id,
              (SELECT count(*)::int FROM board_postings p WHERE p.board_id = b.id AND p.status <> 'removed') AS open,
              (SELECT count(*)::int FROM board_postings p WHERE p.board_id = b.id AND p.status = 'removal_due') AS due,
              (SELECT to_char(max(c.check_date), 'YYYY-MM-DD') FROM board_checks c WHERE c.board_id = b.id) AS checked,
              (SELECT to_char(max(c.cleaned_on), 'YYYY-MM-DD') FROM board_cleanings c WHERE c.board_id = b.id) AS cleaned
         FROM bulletin_boards b WHERE b.id = ANY($1::uuid[])`,
      [boards.map((b) => b.id)],
    );
    const byId = new Map(stats.map((s) => [s.id, s]));
    const today = this.today();
    return boards.map((b) => {
      const s = byId.get(b.id);
      return {
        id: b.id,
        name: b.name,
        location: b.location,
        keeper: toRef(b.keeper),
        cleaningWeekday: b.cleaningWeekday,
        active: b.active,
        version: b.version,
        openPostings: s?.open ?? 0,
        removalDue: s?.due ?? 0,
        lastCheckedOn: s?.checked ?? null,
        lastCleanedOn: s?.cleaned ?? null,
        nextCleaningOn: b.cleaningWeekday ? nextCleaning(today, b.cleaningWeekday, s?.cleaned ?? null) : null,
        cleaningOverdue: b.cleaningWeekday
          ? cleaningOverdue(today, b.cleaningWeekday, s?.cleaned ?? null, schoolDateOf(b.createdAt, this.config.schoolTimeZone))
          : false,
        checkedToday: s?.checked === today,
      };
    });
  }

  private async boardOrFail(manager: EntityManager, id: string): Promise<BulletinBoard> {
    const board = await manager.findOneBy(BulletinBoard, { id });
    if (!board) throw notFound('board');
    return board;
  }

  // ---------- postings ----------

  /**
   * At publish on the `board` channel: one posting of the notice on every active board, to be
   * put up, expiring with the notice. Runs in the publish transaction.
   */
  async postNotice(manager: EntityManager, notice: { id: string; expiresAt: Date | null }): Promise<number> {
    const rows = returnedRows(
      await manager.query(
        `INSERT INTO board_postings (board_id, notice_id, expires_at)
         SELECT id, $1, $2 FROM bulletin_boards WHERE active
         ON CONFLICT (board_id, notice_id) DO NOTHING RETURNING id`,
        [notice.id, notice.expiresAt],
      ),
    );
    return rows.length;
  }

  async listPostings(boardId: string, query: QueryPostingsDto): Promise<Page<PostingDto>> {
    await this.boardOrFail(this.dataSource.manager, boardId);
    const params: unknown[] = [boardId];
    let where = 'p.board_id = $1';
    if (query.status) {
      params.push(query.status);
      where += ` AND p.status = $${params.length}`;
    }
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM board_postings p WHERE ${where}`, params);
    const rows: PostingRow[] = await this.dataSource.query(
      `${POSTING_SELECT} WHERE ${where}
        ORDER BY CASE p.status WHEN 'removal_due' THEN 0 WHEN 'to_post' THEN 1 WHEN 'posted' THEN 2 ELSE 3 END, p.created_at DESC, p.id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: rows.map(toPostingDto), total, totalCapped: false, page: query.page, pageSize: query.pageSize };
  }

  /** The board postings of one notice (for its broadcast view). */
  async postingsOfNotice(noticeId: string): Promise<PostingDto[]> {
    const rows: PostingRow[] = await this.dataSource.query(`${POSTING_SELECT} WHERE p.notice_id = $1 ORDER BY b.name, p.id`, [noticeId]);
    return rows.map(toPostingDto);
  }

  private async posting(manager: EntityManager, id: string): Promise<PostingDto> {
    const [row] = (await manager.query(`${POSTING_SELECT} WHERE p.id = $1`, [id])) as PostingRow[];
    if (!row) throw notFound('posting');
    return toPostingDto(row);
  }

  /** Puts a published notice on a board by hand (e.g. a board added after it was published). */
  async addPosting(boardId: string, dto: CreatePostingDto, ctx: RequestContext): Promise<PostingDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.boardOrFail(manager, boardId);
      const [notice] = await manager.query(`SELECT id, expires_at FROM notices WHERE id = $1 AND status = 'published'`, [dto.noticeId]);
      if (!notice) throw badRequest('No such published notice', { noticeId: ['not a published notice'] });
      const [row] = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO board_postings (board_id, notice_id, expires_at) VALUES ($1, $2, $3)
           ON CONFLICT (board_id, notice_id) DO NOTHING RETURNING id`,
          [boardId, dto.noticeId, dto.expiresAt ? new Date(dto.expiresAt) : notice.expires_at],
        ),
      );
      if (!row) throw conflict(BOARD_ERRORS.BOARD_POSTING_EXISTS, 'The notice is on this board already');
      await this.audit.record(manager, ctx, {
        action: 'information.board.posting.create',
        objectType: BULLETIN_BOARD,
        objectId: boardId,
        details: { postingId: row.id, noticeId: dto.noticeId },
      });
      return this.posting(manager, row.id);
    });
  }

  /** 张贴 / 撤除: a legal move by the table in libs/shared, recorded with who and when; 409 otherwise. */
  async movePosting(id: string, action: BoardPostingAction, ctx: RequestContext): Promise<PostingDto> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT status, board_id FROM board_postings WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw notFound('posting');
      const to = BOARD_POSTING_TRANSITIONS[current.status as PostingDto['status']][action];
      if (!to) throw conflict(BOARD_ERRORS.BOARD_POSTING_ILLEGAL_STATE, `A posting that is ${current.status} cannot be ${action}ed`);
      const stamp = action === 'post' ? 'posted_at = now(), posted_by = $3' : 'removed_at = now(), removed_by = $3';
      await manager.query(`UPDATE board_postings SET status = $2, ${stamp} WHERE id = $1`, [id, to, ctx.actor!.id]);
      await this.audit.record(manager, ctx, {
        action: `information.board.posting.${action}`,
        objectType: BULLETIN_BOARD,
        objectId: current.board_id,
        details: { postingId: id, from: current.status, to },
      });
      return this.posting(manager, id);
    });
  }

  /**
   * The daily expiry job (INF-6): every posting still up (or still to put up) whose expiry has
   * passed is flagged for removal, once; each board's keeper is told which. Idempotent.
   */
  async flagExpired(now: Date = new Date()): Promise<{ flagged: number }> {
    return this.dataSource.transaction(async (manager) => {
      const flagged = returnedRows<{ id: string; board_id: string }>(
        await manager.query(
          `UPDATE board_postings SET status = 'removal_due', flagged_at = now()
            WHERE status IN ('to_post', 'posted') AND expires_at IS NOT NULL AND expires_at <= $1
           RETURNING id, board_id`,
          [now],
        ),
      );
      if (!flagged.length) return { flagged: 0 };
      const boards: { id: string; name: string; location: string; keeper_id: string | null; titles: string[] }[] = await manager.query(
        `SELECT b.id, b.name, b.location, b.keeper_id, array_agg(n.title ORDER BY n.title) AS titles
           FROM board_postings p JOIN bulletin_boards b ON b.id = p.board_id JOIN notices n ON n.id = p.notice_id
          WHERE p.id = ANY($1::uuid[]) GROUP BY b.id`,
        [flagged.map((f) => f.id)],
      );
      for (const b of boards.filter((x) => x.keeper_id)) {
        await this.notifications.notify(manager, {
          recipientIds: [b.keeper_id!],
          kind: 'information.board.expired',
          title: `【公告栏】${b.name}有${b.titles.length}份到期张贴待撤除`,
          body: `位置：${b.location}\n请撤除：\n${b.titles.map((t) => `· ${t}`).join('\n')}`,
          link: `/information/boards?board=${b.id}`,
        });
      }
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'information.board.expiry',
        objectType: BULLETIN_BOARD,
        objectId: boards[0].id,
        details: { flagged: flagged.length, boards: boards.map((b) => b.id) },
      });
      return { flagged: flagged.length };
    });
  }

  // ---------- daily checks ----------

  async listChecks(boardId: string, query: { page: number; pageSize: number }): Promise<Page<BoardCheckDto>> {
    const manager = this.dataSource.manager;
    await this.boardOrFail(manager, boardId);
    const qb = manager
      .createQueryBuilder(BoardCheck, 'c')
      .leftJoinAndSelect('c.checkedBy', 'u')
      .where('c.board_id = :boardId', { boardId })
      .orderBy('c.check_date', 'DESC')
      .addOrderBy('c.id', 'DESC');
    const page = await paginate(qb, query as never, (c) => c);
    const photos = await this.files.attachmentsOf(
      manager,
      BOARD_CHECK,
      page.items.map((c) => c.id),
    );
    return { ...page, items: page.items.map((c) => toCheckDto(c, photos.get(c.id) ?? [])) };
  }

  async recordCheck(boardId: string, dto: CreateBoardCheckDto, ctx: RequestContext): Promise<BoardCheckDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.boardOrFail(manager, boardId);
      const checkDate = dto.checkDate ?? this.today();
      if (checkDate > this.today()) throw badRequest('A check is recorded on or after its day', { checkDate: ['not in the future'] });
      const [row] = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO board_checks (board_id, check_date, tidy, undamaged, remark, checked_by) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (board_id, check_date) DO NOTHING RETURNING id`,
          [boardId, checkDate, dto.tidy, dto.undamaged, dto.remark || null, ctx.actor!.id],
        ),
      );
      if (!row) throw conflict(BOARD_ERRORS.BOARD_CHECK_EXISTS, 'The board was checked on that day', { checkDate: ['checked already'] });
      await this.files.attach(manager, dto.photoIds ?? [], { type: BOARD_CHECK, id: row.id }, ctx, 'photoIds');
      await this.audit.record(manager, ctx, {
        action: 'information.board.check',
        objectType: BOARD_CHECK,
        objectId: row.id,
        details: { boardId, checkDate, tidy: dto.tidy, undamaged: dto.undamaged },
      });
      const check = await manager.findOneOrFail(BoardCheck, { where: { id: row.id }, relations: { checkedBy: true } });
      return toCheckDto(check, (await this.files.attachmentsOf(manager, BOARD_CHECK, [row.id])).get(row.id) ?? []);
    });
  }

  // ---------- cleaning ----------

  async listCleanings(boardId: string, query: { page: number; pageSize: number }): Promise<Page<BoardCleaningDto>> {
    const manager = this.dataSource.manager;
    await this.boardOrFail(manager, boardId);
    const qb = manager
      .createQueryBuilder(BoardCleaning, 'c')
      .leftJoinAndSelect('c.cleanedBy', 'u')
      .where('c.board_id = :boardId', { boardId })
      .orderBy('c.cleaned_on', 'DESC')
      .addOrderBy('c.id', 'DESC');
    return paginate(qb, query as never, toCleaningDto);
  }

  async recordCleaning(boardId: string, dto: CreateCleaningDto, ctx: RequestContext): Promise<BoardCleaningDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.boardOrFail(manager, boardId);
      const cleanedOn = dto.cleanedOn ?? this.today();
      if (cleanedOn > this.today()) throw badRequest('A cleaning is recorded on or after its day', { cleanedOn: ['not in the future'] });
      const cleaning = manager.create(BoardCleaning, { boardId, cleanedOn, remark: dto.remark || null, cleanedById: ctx.actor!.id });
      await manager.insert(BoardCleaning, cleaning);
      await this.audit.record(manager, ctx, {
        action: 'information.board.cleaning',
        objectType: BULLETIN_BOARD,
        objectId: boardId,
        details: { cleaningId: cleaning.id, cleanedOn },
      });
      return toCleaningDto(await manager.findOneOrFail(BoardCleaning, { where: { id: cleaning.id }, relations: { cleanedBy: true } }));
    });
  }
}

/** The next day on the weekly schedule: today if it is the day and no cleaning is recorded today, else the coming one. */
export function nextCleaning(today: string, weekday: number, lastCleanedOn: string | null): string {
  const offset = (weekday - isoWeekday(today) + 7) % 7;
  if (offset === 0 && lastCleanedOn === today) return addDays(today, 7);
  return addDays(today, offset);
}

/**
 * A scheduled cleaning day has passed with no cleaning recorded on or after it (days before the
 * board existed do not count); today's is not overdue until today is over.
 */
export function cleaningOverdue(today: string, weekday: number, lastCleanedOn: string | null, since: string): boolean {
  const back = (isoWeekday(today) - weekday + 7) % 7 || 7;
  const lastDue = addDays(today, -back);
  if (lastDue < since) return false;
  return lastCleanedOn === null || lastCleanedOn < lastDue;
}

function toCheckDto(c: BoardCheck, photos: BoardCheckDto['photos']): BoardCheckDto {
  return {
    id: c.id,
    checkDate: c.checkDate,
    tidy: c.tidy,
    undamaged: c.undamaged,
    remark: c.remark,
    checkedBy: toRef(c.checkedBy) ?? { id: c.checkedById, name: '' },
    checkedAt: c.checkedAt.toISOString(),
    photos,
  };
}

function toCleaningDto(c: BoardCleaning): BoardCleaningDto {
  return {
    id: c.id,
    cleanedOn: c.cleanedOn,
    remark: c.remark,
    cleanedBy: toRef(c.cleanedBy) ?? { id: c.cleanedById, name: '' },
    recordedAt: c.recordedAt.toISOString(),
  };
}
