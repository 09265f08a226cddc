import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DESTRUCTION_LIST_APPROVAL_KIND,
  DESTRUCTION_METHOD_LABELS,
  MIN_DESTRUCTION_WITNESSES,
  PERMISSIONS,
  nextDestructionListStatus,
  schoolDateOf,
  type DestructionListAction,
} from '@xiaoban/shared';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { updateVersioned } from '../../database/versioned-update';
import { ApprovalKindRegistry, type ApprovalOutcome } from '../approvals/approval-kinds';
import { ApprovalsService } from '../approvals/approvals.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { rowSource, type RowSource } from '../excel/row-source';
import { badRequest, notFound } from '../http/api-error';
import { paginate, type Page, type PageQueryDto } from '../http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../http/request-context';
import { InboxService } from '../inbox/inbox.service';
import { DestructionList, DestructionListItem, DestructionWitness } from './destruction.entities';
import type {
  DestructionListDetailDto,
  DestructionListDto,
  DestructionListItemDto,
  ProposeDestructionListDto,
  QueryDestructionListsDto,
  RecordDestructionDto,
  UpdateDestructionListDto,
} from './destruction.dto';
import { toDestructionItemDto, toDestructionListDetailDto, toDestructionListDto } from './destruction.mapper';
import { RetentionKindRegistry } from './retention-kinds';
import { illegalListMove, notAWitness, notApproved, nothingExpired, notRecorded, tooFewWitnesses } from './retention.errors';

/** The resource type of destruction lists in the audit log, approvals and inbox items. */
export const DESTRUCTION_LIST = 'destruction-list';
/** Lists whose records are spoken for: a record is proposed again only once its list was rejected. */
const LIVE_STATUSES = ['draft', 'pending', 'approved', 'completed'];

const link = (id: string) => `/retention/destruction-lists/${id}`;

/**
 * Destruction of records past their retention (销毁, DOC-10), once for every kind of record: the
 * list of expired records (销毁清册), its approval (`destruction-list`), and the destruction record
 * with at least two witnesses who confirm it themselves. Only then does each record's module mark
 * its records destroyed — nothing is deleted without that record, and nothing here deletes a row.
 */
@Injectable()
export class DestructionService implements OnModuleInit {
  private readonly logger = new Logger('Destruction');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly kinds: RetentionKindRegistry,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
  ) {}

  onModuleInit(): void {
    this.approvalKinds.register({
      kind: DESTRUCTION_LIST_APPROVAL_KIND,
      name: '销毁清册审批',
      nameEn: 'Destruction list',
      defaultSteps: [{ name: '校领导审批', approvers: { type: 'role', role: 'school-leader' }, mode: 'any', timeLimitHours: 72 }],
      onOutcome: (outcome, manager) => this.onDecision(outcome, manager),
    });
  }

  private today(): string {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  // ---------- the list (销毁清册) ----------

  /** Proposes every expired record of the registered kinds that no live list holds yet. */
  async propose(dto: ProposeDestructionListDto, ctx: RequestContext): Promise<DestructionListDetailDto> {
    const asOf = dto.asOf ?? this.today();
    const kinds = this.kinds.all().filter((k) => !dto.kinds || dto.kinds.includes(k.kind));
    const unknown = (dto.kinds ?? []).filter((k) => !this.kinds.get(k));
    if (unknown.length) throw badRequest('Unknown record kinds', { kinds: [`no such record kind: ${unknown.join(', ')}`] });
    const id = await this.dataSource.transaction(async (manager) => {
      // One proposal at a time: two at once would both find the same records free and list them twice.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('destruction-list-proposal'))`);
      const onLists = new Set(
        (
          (await manager.query(
            `SELECT i.record_kind || ':' || i.record_id AS key FROM destruction_list_items i
               JOIN destruction_lists l ON l.id = i.list_id WHERE l.status = ANY($1::text[])`,
            [LIVE_STATUSES],
          )) as { key: string }[]
        ).map((r) => r.key),
      );
      const items: Omit<DestructionListItem, 'id' | 'listId' | 'list'>[] = [];
      for (const kind of kinds) {
        for (const c of await kind.findExpired(manager, asOf)) {
          if (onLists.has(`${kind.kind}:${c.id}`)) continue;
          items.push({
            recordKind: kind.kind,
            recordId: c.id,
            number: c.number,
            title: c.title,
            retention: c.retention,
            dueOn: c.dueOn,
            secrecy: c.secrecy,
          });
        }
      }
      if (items.length === 0) throw nothingExpired();
      const list = manager.create(DestructionList, {
        title: dto.title ?? `${asOf.slice(0, 4)}年到期档案资料销毁清册`,
        status: 'draft',
        asOf,
        createdById: ctx.actor!.id,
      });
      await manager.insert(DestructionList, list);
      for (let i = 0; i < items.length; i += 500) {
        await manager.insert(
          DestructionListItem,
          items.slice(i, i + 500).map((item) => ({ ...item, listId: list.id })),
        );
      }
      await this.audit.record(manager, ctx, {
        action: 'retention.destruction.propose',
        objectType: DESTRUCTION_LIST,
        objectId: list.id,
        details: { asOf, items: items.length, kinds: kinds.map((k) => k.kind) },
      });
      return list.id;
    });
    return this.get(id, ctx.actor!);
  }

  /** A draft's title, and records taken off it (编辑清册). */
  async update(id: string, dto: UpdateDestructionListDto, ctx: RequestContext): Promise<DestructionListDetailDto> {
    return this.move(id, 'edit', ctx, async (manager, list) => {
      await updateVersioned(manager, DestructionList, id, dto.version, { title: dto.title ?? list.title }, DESTRUCTION_LIST);
      let removed = 0;
      if (dto.removeItemIds?.length) {
        const result = await manager.delete(DestructionListItem, { listId: id, id: In(dto.removeItemIds) });
        removed = result.affected ?? 0;
      }
      return { before: { title: list.title }, after: { title: dto.title ?? list.title }, details: { removedItems: removed } };
    });
  }

  /** Sends the list for approval (kind `destruction-list`). */
  async submit(id: string, version: number, ctx: RequestContext): Promise<DestructionListDetailDto> {
    return this.move(id, 'submit', ctx, async (manager, list) => {
      const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM destruction_list_items WHERE list_id = $1', [id]);
      if (count === 0) throw badRequest('The list is empty', { items: ['a destruction list needs at least one record'] });
      const requestId = await this.approvals.submit(
        manager,
        {
          kind: DESTRUCTION_LIST_APPROVAL_KIND,
          title: `销毁清册：${list.title}（${count}件）`,
          subjectType: DESTRUCTION_LIST,
          subjectId: id,
          data: { items: count, asOf: list.asOf },
        },
        ctx,
      );
      await updateVersioned(manager, DestructionList, id, version, { status: 'pending', approvalRequestId: requestId }, DESTRUCTION_LIST);
      return { details: { requestId, items: count } };
    });
  }

  /** A rejected list goes back to a draft, to be changed and submitted again. */
  async revise(id: string, version: number, ctx: RequestContext): Promise<DestructionListDetailDto> {
    return this.move(id, 'revise', ctx, async (manager) => {
      await updateVersioned(manager, DestructionList, id, version, { status: 'draft', approvalRequestId: null }, DESTRUCTION_LIST);
      return {};
    });
  }

  /**
   * The destruction record: method, date, place and witnesses. Recording it again starts the
   * witnesses' confirmations afresh: each confirmed the facts as they stood.
   */
  async record(id: string, dto: RecordDestructionDto, ctx: RequestContext): Promise<DestructionListDetailDto> {
    const witnessIds = [...new Set(dto.witnessIds)];
    return this.move(id, 'record', ctx, async (manager, list) => {
      const active: { id: string }[] = await manager.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active', [witnessIds]);
      if (active.length !== witnessIds.length)
        throw badRequest('Unknown witnesses', { witnessIds: ['every witness must be an active account'] });
      await updateVersioned(
        manager,
        DestructionList,
        id,
        dto.version,
        { method: dto.method, destroyedOn: dto.destroyedOn, location: dto.location, note: dto.note ?? null },
        DESTRUCTION_LIST,
      );
      await manager.delete(DestructionWitness, { listId: id });
      await manager.insert(
        DestructionWitness,
        witnessIds.map((userId) => ({ listId: id, userId, confirmedAt: null })),
      );
      await this.inbox.close(manager, { sourceType: DESTRUCTION_LIST, sourceId: id }, 'cancelled');
      if (list.status === 'approved') await this.askWitnesses(manager, list, witnessIds);
      return {
        before: { method: list.method, destroyedOn: list.destroyedOn, location: list.location },
        after: { method: dto.method, destroyedOn: dto.destroyedOn, location: dto.location },
        details: { witnessIds },
      };
    });
  }

  /** A witness (监销人) confirms the destruction with their own sign-in. */
  async confirmAsWitness(id: string, ctx: RequestContext): Promise<DestructionListDetailDto> {
    const me = ctx.actor!;
    await this.dataSource.transaction(async (manager) => {
      const list = await this.lockVisible(manager, id, me);
      const mine = await manager.findOneBy(DestructionWitness, { listId: id, userId: me.id });
      if (!mine) throw notAWitness();
      if (!nextDestructionListStatus(list.status, 'witness'))
        throw list.status === 'completed' ? illegalListMove(list.status, 'witness') : notApproved();
      if (!list.method) throw notRecorded();
      if (mine.confirmedAt) throw illegalListMove(list.status, 'witness');
      await manager.update(DestructionWitness, { id: mine.id }, { confirmedAt: new Date() });
      await this.inbox.close(manager, { sourceType: DESTRUCTION_LIST, sourceId: id, assigneeId: me.id });
      await this.audit.record(manager, ctx, {
        action: 'retention.destruction.witness',
        objectType: DESTRUCTION_LIST,
        objectId: id,
        details: { method: list.method, destroyedOn: list.destroyedOn, location: list.location },
      });
    });
    return this.get(id, me);
  }

  /**
   * 销毁完成: refused (409) before approval, before the record, or with fewer than two confirmed
   * witnesses. Then each record's module marks its records destroyed, in this transaction.
   */
  async complete(id: string, version: number, ctx: RequestContext): Promise<DestructionListDetailDto> {
    return this.move(id, 'complete', ctx, async (manager, list) => {
      if (!list.method || !list.destroyedOn || !list.location) throw notRecorded();
      const [{ confirmed }] = await manager.query(
        'SELECT count(*)::int AS confirmed FROM destruction_witnesses WHERE list_id = $1 AND confirmed_at IS NOT NULL',
        [id],
      );
      if (confirmed < MIN_DESTRUCTION_WITNESSES) throw tooFewWitnesses(confirmed, MIN_DESTRUCTION_WITNESSES);
      const items = await manager.find(DestructionListItem, { where: { listId: id } });
      const byKind = new Map<string, string[]>();
      for (const item of items) byKind.set(item.recordKind, [...(byKind.get(item.recordKind) ?? []), item.recordId]);
      for (const [kind, ids] of byKind) {
        const provider = this.kinds.get(kind);
        // A kind that is no longer registered cannot mark its records: refuse rather than half-destroy.
        if (!provider) throw new Error(`Retention kind ${kind} is not registered; cannot complete destruction list ${id}`);
        await provider.markDestroyed(manager, ids, id, ctx);
      }
      await updateVersioned(
        manager,
        DestructionList,
        id,
        version,
        { status: 'completed', completedAt: new Date(), completedById: ctx.actor!.id },
        DESTRUCTION_LIST,
      );
      return {
        details: {
          items: items.length,
          method: `${list.method} ${DESTRUCTION_METHOD_LABELS[list.method]['zh-CN']}`,
          destroyedOn: list.destroyedOn,
          location: list.location,
          witnesses: confirmed,
        },
      };
    });
  }

  /**
   * One move of the list's flow: the row is locked, the table of libs/shared decides (409), the
   * effect and its audit entry commit together. Completing a list that is not approved says so.
   */
  private async move(
    id: string,
    action: DestructionListAction,
    ctx: RequestContext,
    effect: (
      manager: EntityManager,
      list: DestructionList,
    ) => Promise<{ before?: object; after?: object; details?: Record<string, unknown> }>,
  ): Promise<DestructionListDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const list = await this.lockVisible(manager, id, ctx.actor!);
      if (!nextDestructionListStatus(list.status, action)) {
        if (action === 'complete' && list.status !== 'completed') throw notApproved();
        throw illegalListMove(list.status, action);
      }
      const { before, after, details } = await effect(manager, list);
      await this.audit.record(manager, ctx, {
        action: `retention.destruction.${action}`,
        objectType: DESTRUCTION_LIST,
        objectId: id,
        before,
        after,
        details: { status: list.status, ...details },
      });
    });
    return this.get(id, ctx.actor!);
  }

  /** The list, locked; 404 for a person who neither manages destruction nor witnesses it. */
  private async lockVisible(manager: EntityManager, id: string, viewer: Principal): Promise<DestructionList> {
    const list = await manager.createQueryBuilder(DestructionList, 'l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
    if (!list || !(await this.canSee(manager, id, viewer))) throw notFound(DESTRUCTION_LIST);
    return list;
  }

  private async canSee(manager: EntityManager, id: string, viewer: Principal): Promise<boolean> {
    if (viewer.permissions.has(PERMISSIONS.RETENTION_DESTRUCTION_MANAGE)) return true;
    return manager.exists(DestructionWitness, { where: { listId: id, userId: viewer.id } });
  }

  private async askWitnesses(manager: EntityManager, list: DestructionList, witnessIds: string[]): Promise<void> {
    for (const assigneeId of witnessIds) {
      await this.inbox.open(manager, {
        assigneeId,
        sourceType: DESTRUCTION_LIST,
        sourceId: list.id,
        title: `监销确认：${list.title}`,
        link: link(list.id),
      });
    }
  }

  // ---------- the approval's decision ----------

  private async onDecision(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== DESTRUCTION_LIST || !outcome.subjectId) return;
    const list = await manager.findOneBy(DestructionList, { id: outcome.subjectId });
    // Only the request the list waits for decides it (a withdrawn old request must not).
    if (!list || list.status !== 'pending' || list.approvalRequestId !== outcome.requestId) return;
    const [decision] = await manager.query(
      `SELECT comment FROM approval_events WHERE request_id = $1 AND action IN ('approve', 'reject') ORDER BY id DESC LIMIT 1`,
      [outcome.requestId],
    );
    const status = outcome.status === 'approved' ? 'approved' : 'rejected';
    await manager.update(
      DestructionList,
      { id: list.id },
      { status, decisionComment: decision?.comment ?? null, version: () => 'version + 1' },
    );
    if (status === 'approved') {
      const witnesses = await manager.findBy(DestructionWitness, { listId: list.id });
      await this.askWitnesses(
        manager,
        list,
        witnesses.map((w) => w.userId),
      );
    }
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: 'retention.destruction.decided',
      objectType: DESTRUCTION_LIST,
      objectId: list.id,
      details: { requestId: outcome.requestId, status },
    });
    this.logger.log(`Destruction list ${list.id}: ${status}`);
  }

  // ---------- reading ----------

  async get(id: string, viewer: Principal): Promise<DestructionListDetailDto> {
    const manager = this.dataSource.manager;
    if (!(await this.canSee(manager, id, viewer))) throw notFound(DESTRUCTION_LIST);
    const list = await manager.findOne(DestructionList, { where: { id }, relations: { createdBy: true, completedBy: true } });
    if (!list) throw notFound(DESTRUCTION_LIST);
    const items = await manager.find(DestructionListItem, {
      where: { listId: id },
      order: { recordKind: 'ASC', dueOn: 'ASC', number: 'ASC' },
    });
    const witnesses = await this.witnessesOf(manager, [id]);
    return toDestructionListDetailDto(
      list,
      items.map((i) => toDestructionItemDto(i, this.kindLabel(i.recordKind), viewer)),
      witnesses.get(id) ?? [],
      viewer,
    );
  }

  async list(query: QueryDestructionListsDto, viewer: Principal): Promise<Page<DestructionListDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(DestructionList, 'l')
      .leftJoinAndSelect('l.createdBy', 'createdBy')
      .leftJoinAndSelect('l.completedBy', 'completedBy')
      .orderBy('l.createdAt', 'DESC')
      .addOrderBy('l.id', 'ASC');
    if (!viewer.permissions.has(PERMISSIONS.RETENTION_DESTRUCTION_MANAGE)) {
      qb.where('EXISTS (SELECT 1 FROM destruction_witnesses w WHERE w.list_id = l.id AND w.user_id = :me)', { me: viewer.id });
    }
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    if (query.q?.trim()) qb.andWhere('l.title ILIKE :q', { q: `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const page = await paginate(qb, query, (l) => l);
    const ids = page.items.map((l) => l.id);
    const witnesses = await this.witnessesOf(this.dataSource.manager, ids);
    const counts = new Map<string, number>(
      ids.length
        ? (
            (await this.dataSource.query(
              'SELECT list_id, count(*)::int AS n FROM destruction_list_items WHERE list_id = ANY($1::uuid[]) GROUP BY list_id',
              [ids],
            )) as { list_id: string; n: number }[]
          ).map((r) => [r.list_id, r.n])
        : [],
    );
    return { ...page, items: page.items.map((l) => toDestructionListDto(l, counts.get(l.id) ?? 0, witnesses.get(l.id) ?? [], viewer)) };
  }

  /** A page of the list's records, or all of them for the Excel export (销毁清册). */
  async items(id: string, query: PageQueryDto, viewer: Principal): Promise<Page<DestructionListItemDto>> {
    const source = await this.exportItems(id, viewer);
    return paginate(source.qb as SelectQueryBuilder<DestructionListItem>, query, (i) =>
      toDestructionItemDto(i, this.kindLabel(i.recordKind), viewer),
    );
  }

  async exportItems(id: string, viewer: Principal): Promise<RowSource<DestructionListItemDto>> {
    if (!(await this.canSee(this.dataSource.manager, id, viewer))) throw notFound(DESTRUCTION_LIST);
    const qb = this.dataSource.manager
      .createQueryBuilder(DestructionListItem, 'i')
      .where('i.list_id = :id', { id })
      .orderBy('i.recordKind', 'ASC')
      .addOrderBy('i.dueOn', 'ASC')
      .addOrderBy('i.id', 'ASC');
    return rowSource(qb, (items) => items.map((i) => toDestructionItemDto(i, this.kindLabel(i.recordKind), viewer)));
  }

  private kindLabel(kind: string): string {
    return this.kinds.get(kind)?.label ?? kind;
  }

  private async witnessesOf(manager: EntityManager, listIds: string[]): Promise<Map<string, DestructionWitness[]>> {
    const result = new Map<string, DestructionWitness[]>();
    if (listIds.length === 0) return result;
    const rows = await manager.find(DestructionWitness, {
      where: { listId: In(listIds) },
      relations: { user: true },
      order: { id: 'ASC' },
    });
    for (const w of rows) result.set(w.listId, [...(result.get(w.listId) ?? []), w]);
    return result;
  }
}
