import { HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PERMISSIONS,
  PLATFORM_ERRORS,
  SUPPLIES_STATE_ERRORS,
  SUPPLY_REQUEST_ACTIONS,
  supplyRequestStatusAfter,
  type SupplyRequestAction,
  type SupplyRequestStatus,
} from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { ApiError, badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { SupplyIssue, SupplyIssueLine, SupplyRequest, SupplyRequestLine } from './distribution.entities';
import type {
  CancelSupplyRequestDto,
  CreateSupplyRequestDto,
  IssueSupplyRequestDto,
  QuerySupplyRequestsDto,
  SupplyIssueDto,
  SupplyRequestDto,
} from './distribution.dto';
import { StockLedgerService } from './stock-ledger.service';
import { toRefOrDash } from '../../../platform/org/refs';

export const SUPPLY_REQUEST = 'supply-request';
const itemRef = (i: { id: string; name: string; specification: string; unit: string } | undefined) =>
  i ? { id: i.id, name: i.name, specification: i.specification, unit: i.unit } : { id: '', name: '—', specification: '', unit: '' };

const illegal = (status: SupplyRequestStatus, action: SupplyRequestAction) =>
  conflict(
    SUPPLIES_STATE_ERRORS.SUPPLY_REQUEST_ILLEGAL_ACTION,
    `A ${status} request cannot be ${action === 'issue' ? 'issued' : 'cancelled'}`,
  );

/**
 * Distribution (领用/分发, LOG-5). A member of a department requests items for it; the storekeeper
 * issues them, in one action or in parts. Each issue action is one transaction of `out` movements:
 * if any line asks for more than is on hand, the whole action is refused with 409
 * INSUFFICIENT_STOCK and nothing changes. After a part issue, what is left waits (待补发) and is
 * held as a reservation in the ledger, so the low-stock rule sees it (LOG-6); a later issue or a
 * cancellation releases it. Each issue action makes an issue slip (发放单) that a member of the
 * department signs for on a phone (签收; the slip's QR code opens the sign page, and signing is by login).
 */
@Injectable()
export class DistributionService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly ledger: StockLedgerService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.access.register(SUPPLY_REQUEST, {
      table: 'supply_requests',
      departmentColumn: 'department_id',
      named: (o, me) => `${o}.requester_id = ${me}`,
    });
    this.access.register('supply-item', { table: 'supply_items' });
  }

  async create(dto: CreateSupplyRequestDto, ctx: RequestContext): Promise<SupplyRequestDto> {
    const actor = ctx.actor!;
    if (!actor.departmentId) throw badRequest('You belong to no department', { departmentId: ['the requester belongs to no department'] });
    const itemIds = dto.lines.map((l) => l.itemId);
    if (new Set(itemIds).size !== itemIds.length) throw badRequest('An item appears twice', { lines: ['one line per item'] });
    const id = await this.dataSource.transaction(async (manager) => {
      const found = await manager.query<{ id: string }[]>('SELECT id FROM supply_items WHERE id = ANY($1::uuid[]) AND active', [itemIds]);
      if (found.length !== itemIds.length) throw badRequest('No such item', { lines: ['every item must be an active catalogue item'] });
      const request = manager.create(SupplyRequest, {
        departmentId: actor.departmentId!,
        requesterId: actor.id,
        note: dto.note ?? '',
        status: 'submitted',
      });
      await manager.insert(SupplyRequest, request);
      await manager.insert(
        SupplyRequestLine,
        dto.lines.map((l) => ({ requestId: request.id, itemId: l.itemId, quantity: l.quantity })),
      );
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.request.create',
        objectType: SUPPLY_REQUEST,
        objectId: request.id,
        details: { departmentId: actor.departmentId, lines: dto.lines },
      });
      return request.id;
    });
    return this.get(id, ctx);
  }

  /** Locks the request and its lines; 404 when the caller may not see it. */
  private async lockRequest(manager: EntityManager, id: string, ctx: RequestContext) {
    await this.access.assertCanRead(ctx.actor!, { type: SUPPLY_REQUEST, id }, ctx, manager);
    const [request] = await manager.query<
      { id: string; department_id: string; requester_id: string; status: SupplyRequestStatus; name: string }[]
    >(
      `SELECT r.id, r.department_id, r.requester_id, r.status, d.name
         FROM supply_requests r JOIN departments d ON d.id = r.department_id WHERE r.id = $1 FOR UPDATE OF r`,
      [id],
    );
    if (!request) throw notFound(SUPPLY_REQUEST);
    const lines = await manager.query<
      { id: string; item_id: string; quantity: number; issued: number; cancelled: number; reserved: number }[]
    >('SELECT id, item_id, quantity, issued, cancelled, reserved FROM supply_request_lines WHERE request_id = $1 ORDER BY item_id', [id]);
    return { request, lines };
  }

  async issue(id: string, dto: IssueSupplyRequestDto, ctx: RequestContext): Promise<SupplyRequestDto> {
    const lineIds = dto.lines.map((l) => l.lineId);
    if (new Set(lineIds).size !== lineIds.length) throw badRequest('A line appears twice', { lines: ['one entry per line'] });
    await this.dataSource.transaction(async (manager) => {
      const { request, lines } = await this.lockRequest(manager, id, ctx);
      if (!SUPPLY_REQUEST_ACTIONS[request.status].includes('issue')) throw illegal(request.status, 'issue');
      const asked = new Map(dto.lines.map((l) => [l.lineId, l.quantity]));
      for (const lineId of asked.keys())
        if (!lines.some((l) => l.id === lineId)) throw badRequest('No such line', { lines: ['a line of another request'] });
      const issue = manager.create(SupplyIssue, { requestId: id, issuedById: ctx.actor!.id });
      await manager.insert(SupplyIssue, issue);
      // Lines in item order: two issue actions touching the same items lock their balances in the same order.
      for (const line of lines) {
        const quantity = asked.get(line.id);
        if (!quantity) continue;
        const waiting = line.quantity - line.issued - line.cancelled;
        if (quantity > waiting) throw badRequest('More than the line waits for', { lines: [`at most ${waiting} for this line`] });
        const movement = await this.ledger.record(manager, ctx, {
          itemId: line.item_id,
          kind: 'out',
          quantity,
          reason: `领用发放：${request.name}`,
          departmentId: request.department_id,
          sourceType: SUPPLY_REQUEST,
          sourceId: id,
        });
        line.issued += quantity;
        await manager.insert(SupplyIssueLine, {
          issueId: issue.id,
          lineId: line.id,
          itemId: line.item_id,
          quantity,
          movementId: movement.id,
        });
      }
      // What is left of every line now waits, held as a reservation (LOG-6 counts it).
      for (const line of lines) {
        await this.holdWaiting(manager, ctx, request, line, line.quantity - line.issued - line.cancelled);
        await manager.query('UPDATE supply_request_lines SET issued = $2, reserved = $3 WHERE id = $1', [
          line.id,
          line.issued,
          line.reserved,
        ]);
      }
      const status = supplyRequestStatusAfter(lines);
      await manager.query(`UPDATE supply_requests SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, status]);
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.request.issue',
        objectType: SUPPLY_REQUEST,
        objectId: id,
        details: { issueId: issue.id, lines: dto.lines, status },
      });
      await this.notifications.notify(manager, {
        recipientIds: [request.requester_id],
        kind: 'logistics.supplies.issued',
        title: '【办公用品】已发放，请签收',
        body:
          status === 'waiting'
            ? '部分物品已发放，其余待补发。请到库房领取并在手机上签收。'
            : '申领的物品已发放，请到库房领取并在手机上签收。',
        link: `/m/supplies/sign/${issue.id}`,
      });
    });
    return this.get(id, ctx);
  }

  /** Brings a line's reservation to `target` with a reservation or release movement. */
  private async holdWaiting(
    manager: EntityManager,
    ctx: RequestContext,
    request: { id: string; department_id: string },
    line: { id: string; item_id: string; reserved: number },
    target: number,
  ): Promise<void> {
    const delta = target - line.reserved;
    if (delta === 0) return;
    await this.ledger.record(manager, ctx, {
      itemId: line.item_id,
      kind: delta > 0 ? 'reservation' : 'release',
      quantity: Math.abs(delta),
      reason: delta > 0 ? '领用待补发' : '待补发已发放或取消',
      departmentId: request.department_id,
      sourceType: SUPPLY_REQUEST,
      sourceId: request.id,
    });
    line.reserved = target;
  }

  async cancel(id: string, dto: CancelSupplyRequestDto, ctx: RequestContext): Promise<SupplyRequestDto> {
    const actor = ctx.actor!;
    await this.dataSource.transaction(async (manager) => {
      const { request, lines } = await this.lockRequest(manager, id, ctx);
      const keeper = actor.permissions.has(PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE);
      if (!keeper && actor.departmentId !== request.department_id)
        throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'Only the department or the storekeeper cancels a request');
      if (!SUPPLY_REQUEST_ACTIONS[request.status].includes('cancel')) throw illegal(request.status, 'cancel');
      for (const line of lines) {
        await this.holdWaiting(manager, ctx, request, line, 0);
        line.cancelled = line.quantity - line.issued;
        await manager.query('UPDATE supply_request_lines SET cancelled = $2, reserved = 0 WHERE id = $1', [line.id, line.cancelled]);
      }
      const status = supplyRequestStatusAfter(lines);
      await manager.query(`UPDATE supply_requests SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, status]);
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.request.cancel',
        objectType: SUPPLY_REQUEST,
        objectId: id,
        details: { reason: dto.reason ?? null, status },
      });
    });
    return this.get(id, ctx);
  }

  // ---------- receipt (签收) ----------

  async getIssue(issueId: string, ctx: RequestContext): Promise<SupplyIssueDto> {
    const issue = await this.issueQuery(this.dataSource.manager).where('i.id = :issueId', { issueId }).getOne();
    if (!issue || !(await this.access.canRead(ctx.actor!, { type: SUPPLY_REQUEST, id: issue.requestId }))) throw notFound('supply issue');
    return this.toIssueDto(issue, ctx.actor!);
  }

  async sign(issueId: string, ctx: RequestContext): Promise<SupplyIssueDto> {
    const actor = ctx.actor!;
    await this.dataSource.transaction(async (manager) => {
      const [issue] = await manager.query<{ request_id: string; department_id: string }[]>(
        `SELECT i.request_id, r.department_id FROM supply_issues i JOIN supply_requests r ON r.id = i.request_id WHERE i.id = $1`,
        [issueId],
      );
      if (!issue || !(await this.access.canRead(actor, { type: SUPPLY_REQUEST, id: issue.request_id }, manager)))
        throw notFound('supply issue');
      if (actor.departmentId !== issue.department_id)
        throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'A member of the receiving department signs for it');
      const signed = returnedRows(
        await manager.query(`UPDATE supply_issues SET signed_at = now(), signed_by = $2 WHERE id = $1 AND signed_at IS NULL RETURNING id`, [
          issueId,
          actor.id,
        ]),
      );
      if (!signed.length) throw conflict(SUPPLIES_STATE_ERRORS.SUPPLY_ISSUE_ALREADY_SIGNED, 'The issue slip is signed already');
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.issue.sign',
        objectType: SUPPLY_REQUEST,
        objectId: issue.request_id,
        details: { issueId },
      });
    });
    return this.getIssue(issueId, ctx);
  }

  // ---------- reading ----------

  private issueQuery(manager: EntityManager): SelectQueryBuilder<SupplyIssue> {
    return manager
      .createQueryBuilder(SupplyIssue, 'i')
      .innerJoinAndSelect('i.request', 'request')
      .innerJoinAndSelect('request.department', 'department')
      .innerJoinAndSelect('i.issuedBy', 'issuedBy')
      .leftJoinAndSelect('i.signedBy', 'signedBy')
      .leftJoinAndSelect('i.lines', 'lines')
      .leftJoinAndSelect('lines.item', 'item');
  }

  private toIssueDto(i: SupplyIssue, viewer: Principal): SupplyIssueDto {
    const department = i.request!.department!;
    return {
      id: i.id,
      requestId: i.requestId,
      department: toRefOrDash(department),
      issuedBy: toRefOrDash(i.issuedBy),
      issuedAt: i.issuedAt.toISOString(),
      lines: (i.lines ?? []).map((l) => ({ item: itemRef(l.item), quantity: l.quantity })),
      signedAt: i.signedAt?.toISOString() ?? null,
      signedBy: i.signedBy ? toRefOrDash(i.signedBy) : null,
      canSign: !i.signedAt && viewer.departmentId === department.id,
    };
  }

  private requestQuery(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<SupplyRequest> {
    return manager
      .createQueryBuilder(SupplyRequest, 'r')
      .innerJoinAndSelect('r.department', 'department')
      .innerJoinAndSelect('r.requester', 'requester')
      .leftJoinAndSelect('r.lines', 'lines')
      .leftJoinAndSelect('lines.item', 'item')
      .leftJoinAndSelect('item.balance', 'balance')
      .leftJoinAndSelect('r.issues', 'issues')
      .leftJoinAndSelect('issues.issuedBy', 'issuedBy')
      .leftJoinAndSelect('issues.signedBy', 'signedBy')
      .leftJoinAndSelect('issues.lines', 'issueLines')
      .leftJoinAndSelect('issueLines.item', 'issueItem');
  }

  private toDto(r: SupplyRequest, viewer: Principal): SupplyRequestDto {
    const keeper = viewer.permissions.has(PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE);
    const member = viewer.departmentId === r.departmentId;
    const actions = SUPPLY_REQUEST_ACTIONS[r.status].filter((a) => (a === 'issue' ? keeper : keeper || member));
    return {
      id: r.id,
      department: toRefOrDash(r.department),
      requester: toRefOrDash(r.requester),
      note: r.note,
      status: r.status,
      lines: (r.lines ?? [])
        .map((l) => ({
          id: l.id,
          item: itemRef(l.item),
          quantity: l.quantity,
          issued: l.issued,
          cancelled: l.cancelled,
          waiting: l.quantity - l.issued - l.cancelled,
          reserved: l.reserved,
          onHand: l.item?.balance?.onHand ?? 0,
        }))
        .sort((a, b) => a.item.name.localeCompare(b.item.name, 'zh-CN')),
      issues: (r.issues ?? [])
        .map((i) => this.toIssueDto(Object.assign(i, { request: r }), viewer))
        .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt)),
      actions,
      createdAt: r.createdAt.toISOString(),
      version: r.version,
    };
  }

  async get(id: string, ctx: RequestContext): Promise<SupplyRequestDto> {
    await this.access.assertCanRead(ctx.actor!, { type: SUPPLY_REQUEST, id }, ctx);
    const request = await this.requestQuery().where('r.id = :id', { id }).getOne();
    if (!request) throw notFound(SUPPLY_REQUEST);
    return this.toDto(request, ctx.actor!);
  }

  async list(query: QuerySupplyRequestsDto, viewer: Principal): Promise<Page<SupplyRequestDto>> {
    const visible = this.access.visibleWhere(viewer, SUPPLY_REQUEST, 'r');
    const qb = this.requestQuery().where(visible.sql, visible.params).orderBy('r.createdAt', 'DESC').addOrderBy('r.id', 'DESC');
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.departmentId) qb.andWhere('r.departmentId = :departmentId', { departmentId: query.departmentId });
    if (query.mine)
      qb.andWhere('r.departmentId = :myDepartment', { myDepartment: viewer.departmentId ?? '00000000-0000-0000-0000-000000000000' });
    return paginate(qb, query, (r) => this.toDto(r, viewer));
  }
}
