import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { monthOf, schoolDateOf } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { badRequest, notFound } from '../../../platform/http/api-error';
import type { Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { StockLedgerService } from '../supplies/stock-ledger.service';
import type { DemandDto, DemandWindowDto, QueryDemandsDto, SubmitDemandDto } from './purchasing.dto';
import { overQuota, windowClosed, windowExists } from './purchasing.errors';
import { PurchaseDemand, PurchaseDemandLine, PurchaseDemandWindow, PurchaseList, PurchaseListLine } from './purchasing.entities';

/** The resource type of a department's demand (visibility in libs/shared). */
export const PURCHASE_DEMAND = 'purchase-demand';
/** On the 1st of each month at 07:00 (school time): the month's demand window opens (LOG-2). */
export const DEMAND_WINDOW_JOB = 'purchase-demand-window-open';

interface WindowRow {
  id: string;
  month: string;
  status: 'open' | 'closed';
  closed_at: Date | null;
  created_at: Date;
  demand_count: number;
  purchase_list_id: string | null;
}

const toWindowDto = (r: WindowRow): DemandWindowDto => ({
  id: r.id,
  month: r.month,
  status: r.status,
  demandCount: Number(r.demand_count),
  purchaseListId: r.purchase_list_id,
  closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * Monthly demand (月度需求, LOG-2). A monthly job opens the month's window; each department submits
 * its needs (one submission per department, replaced while the window is open), each line checked
 * against the department's monthly quota: over the quota only with a written reason (422 keyed by
 * the line otherwise), because a real one-off need (exam season, a new class) should be visible to
 * the office with its reason rather than be split or hidden. The office then merges the window into
 * a purchase list, net of the stock available (on hand − reserved).
 */
@Injectable()
export class DemandService implements OnModuleInit {
  private readonly logger = new Logger('PurchaseDemand');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly ledger: StockLedgerService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.access.register(PURCHASE_DEMAND, {
      table: 'purchase_demands',
      departmentColumn: 'department_id',
      named: (o, me) => `${o}.submitted_by = ${me}`,
    });
    this.jobs.register({
      name: DEMAND_WINDOW_JOB,
      cron: '0 7 1 * *',
      handler: async () => {
        const opened = await this.openCurrentMonth();
        if (opened) this.logger.log(`Opened the demand window of ${opened.month}`);
      },
    });
  }

  private currentMonth(): string {
    return monthOf(schoolDateOf(new Date(), this.config.schoolTimeZone));
  }

  /** The job's work: opens this month's window unless it exists (a retried or doubled tick opens one). */
  async openCurrentMonth(): Promise<DemandWindowDto | null> {
    const month = this.currentMonth();
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO purchase_demand_windows (month) VALUES ($1) ON CONFLICT (month) DO NOTHING RETURNING id`,
        [month],
      );
      if (!row) return null;
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'logistics.demand.window-open',
        objectType: 'purchase-demand-window',
        objectId: row.id,
        details: { month },
      });
      await this.announce(manager, month);
      return row.id as string;
    });
    return id ? this.getWindow(id) : null;
  }

  async openWindow(month: string, ctx: RequestContext): Promise<DemandWindowDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO purchase_demand_windows (month, opened_by) VALUES ($1, $2) ON CONFLICT (month) DO NOTHING RETURNING id`,
        [month, ctx.actor!.id],
      );
      if (!row) throw windowExists();
      await this.audit.record(manager, ctx, {
        action: 'logistics.demand.window-open',
        objectType: 'purchase-demand-window',
        objectId: row.id,
        details: { month },
      });
      await this.announce(manager, month);
      return row.id as string;
    });
    return this.getWindow(id);
  }

  /** Tells the heads of departments that the month's demand is open (they submit it). */
  private async announce(manager: EntityManager, month: string): Promise<void> {
    const heads: { id: string }[] = await manager.query(
      `SELECT DISTINCT u.id FROM departments d JOIN users u ON u.id = d.head_id WHERE u.active ORDER BY u.id`,
    );
    if (heads.length === 0) return;
    await this.notifications.notify(manager, {
      recipientIds: heads.map((h) => h.id),
      kind: 'logistics.demand.window-open',
      title: `${month} 月度办公用品需求征集已开启`,
      body: `请于本月征集截止前提报本部门 ${month} 的办公用品需求；超出部门月度限额的物品请注明理由。`,
      link: '/logistics/demand',
    });
  }

  async closeWindow(id: string, ctx: RequestContext): Promise<DemandWindowDto> {
    await this.dataSource.transaction(async (manager) => {
      const rows = returnedRows(
        await manager.query(
          `UPDATE purchase_demand_windows SET status = 'closed', closed_at = now() WHERE id = $1 AND status = 'open' RETURNING id`,
          [id],
        ),
      );
      if (rows.length === 0) {
        const exists = await manager.existsBy(PurchaseDemandWindow, { id });
        throw exists ? windowClosed() : notFound('demand window');
      }
      await this.audit.record(manager, ctx, {
        action: 'logistics.demand.window-close',
        objectType: 'purchase-demand-window',
        objectId: id,
      });
    });
    return this.getWindow(id);
  }

  private windowQuery(where: string): string {
    return `SELECT w.id, w.month, w.status, w.closed_at, w.created_at,
                   (SELECT count(*)::int FROM purchase_demands d WHERE d.window_id = w.id) AS demand_count,
                   (SELECT l.id FROM purchase_lists l WHERE l.window_id = w.id) AS purchase_list_id
              FROM purchase_demand_windows w ${where}`;
  }

  async listWindows(): Promise<DemandWindowDto[]> {
    const rows: WindowRow[] = await this.dataSource.query(`${this.windowQuery('')} ORDER BY w.month DESC LIMIT 24`);
    return rows.map(toWindowDto);
  }

  async getWindow(id: string): Promise<DemandWindowDto> {
    const [row]: WindowRow[] = await this.dataSource.query(this.windowQuery('WHERE w.id = $1'), [id]);
    if (!row) throw notFound('demand window');
    return toWindowDto(row);
  }

  // ---------- a department's demand ----------

  /** Submits (or replaces) the caller's department's demand for an open window. */
  async submit(dto: SubmitDemandDto, ctx: RequestContext): Promise<DemandDto> {
    const actor = ctx.actor!;
    if (!actor.departmentId) throw badRequest('You belong to no department', { windowId: ['your account has no department'] });
    const itemIds = dto.lines.map((l) => l.itemId);
    const duplicates = itemIds.filter((id, i) => itemIds.indexOf(id) !== i);
    if (duplicates.length) {
      throw badRequest(
        'Each item once per demand',
        Object.fromEntries(
          dto.lines.map((l, i) => [`lines.${i}.itemId`, duplicates.includes(l.itemId) ? ['listed twice'] : []]).filter(([, v]) => v.length),
        ),
      );
    }
    const id = await this.dataSource.transaction(async (manager) => {
      // The window row is locked so a merge cannot run between the check and the write.
      const [window] = await manager.query(`SELECT id, status FROM purchase_demand_windows WHERE id = $1 FOR UPDATE`, [dto.windowId]);
      if (!window) throw badRequest('No such demand window', { windowId: ['no demand window has this id'] });
      if (window.status !== 'open') throw windowClosed();
      const items: { id: string; active: boolean; quota: number | null }[] = await manager.query(
        `SELECT i.id, i.active, q.monthly_quantity AS quota FROM supply_items i
           LEFT JOIN supply_item_quotas q ON q.item_id = i.id AND q.department_id = $2
          WHERE i.id = ANY($1::uuid[])`,
        [itemIds, actor.departmentId],
      );
      const byId = new Map(items.map((i) => [i.id, i]));
      const unknown: Record<string, string[]> = {};
      const over: Record<string, string[]> = {};
      dto.lines.forEach((line, i) => {
        const item = byId.get(line.itemId);
        if (!item || !item.active) unknown[`lines.${i}.itemId`] = ['no active catalogue item has this id'];
        else if (item.quota !== null && line.quantity > item.quota && !line.reason)
          over[`lines.${i}.reason`] = [`over the monthly quota of ${item.quota}: give a reason`];
      });
      if (Object.keys(unknown).length) throw badRequest('Unknown items', unknown);
      if (Object.keys(over).length) throw overQuota(over);

      const [demand] = await manager.query(
        `INSERT INTO purchase_demands (window_id, department_id, submitted_by) VALUES ($1, $2, $3)
         ON CONFLICT (window_id, department_id) DO UPDATE SET submitted_by = EXCLUDED.submitted_by, version = purchase_demands.version + 1, updated_at = now()
         RETURNING id`,
        [dto.windowId, actor.departmentId, actor.id],
      );
      await manager.delete(PurchaseDemandLine, { demandId: demand.id });
      await manager.insert(
        PurchaseDemandLine,
        dto.lines.map((line) => {
          const quota = byId.get(line.itemId)!.quota;
          return {
            demandId: demand.id,
            itemId: line.itemId,
            quantity: line.quantity,
            quota,
            overQuotaReason: quota !== null && line.quantity > quota ? line.reason! : null,
          };
        }),
      );
      await this.audit.record(manager, ctx, {
        action: 'logistics.demand.submit',
        objectType: PURCHASE_DEMAND,
        objectId: demand.id,
        details: { windowId: dto.windowId, lines: dto.lines.map((l) => ({ itemId: l.itemId, quantity: l.quantity })) },
      });
      return demand.id as string;
    });
    return this.get(id, actor);
  }

  async list(query: QueryDemandsDto, viewer: Principal): Promise<Page<DemandDto>> {
    const qb = this.dataSource.getRepository(PurchaseDemand).createQueryBuilder('d').orderBy('d.updated_at', 'DESC').addOrderBy('d.id');
    const visible = this.access.visibleWhere(viewer, PURCHASE_DEMAND, 'd');
    qb.where(visible.sql, visible.params);
    if (query.windowId) qb.andWhere('d.window_id = :windowId', { windowId: query.windowId });
    const [rows, total] = await Promise.all([
      qb
        .clone()
        .skip((query.page - 1) * query.pageSize)
        .take(query.pageSize)
        .getMany(),
      qb.clone().getCount(),
    ]);
    return { items: await this.load(rows.map((r) => r.id)), total, totalCapped: false, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, viewer: Principal): Promise<DemandDto> {
    if (!(await this.access.canRead(viewer, { type: PURCHASE_DEMAND, id }))) throw notFound('demand');
    const [dto] = await this.load([id]);
    if (!dto) throw notFound('demand');
    return dto;
  }

  private async load(ids: string[]): Promise<DemandDto[]> {
    if (ids.length === 0) return [];
    const demands: {
      id: string;
      window_id: string;
      month: string;
      department_id: string;
      department_name: string;
      submitted_by: string;
      submitter_name: string;
      updated_at: Date;
    }[] = await this.dataSource.query(
      `SELECT d.id, d.window_id, w.month, d.department_id, dep.name AS department_name, d.submitted_by, u.name AS submitter_name, d.updated_at
           FROM purchase_demands d JOIN purchase_demand_windows w ON w.id = d.window_id
           JOIN departments dep ON dep.id = d.department_id JOIN users u ON u.id = d.submitted_by
          WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
    const lines: {
      demand_id: string;
      item_id: string;
      name: string;
      specification: string;
      unit: string;
      quantity: number;
      quota: number | null;
      over_quota_reason: string | null;
    }[] = await this.dataSource.query(
      `SELECT l.demand_id, l.item_id, i.name, i.specification, i.unit, l.quantity, l.quota, l.over_quota_reason
           FROM purchase_demand_lines l JOIN supply_items i ON i.id = l.item_id
          WHERE l.demand_id = ANY($1::uuid[]) ORDER BY i.name, i.id`,
      [ids],
    );
    const byId = new Map(demands.map((d) => [d.id, d]));
    return ids
      .filter((id) => byId.has(id))
      .map((id) => {
        const d = byId.get(id)!;
        return {
          id: d.id,
          windowId: d.window_id,
          month: d.month,
          department: { id: d.department_id, name: d.department_name },
          submittedBy: { id: d.submitted_by, name: d.submitter_name },
          updatedAt: new Date(d.updated_at).toISOString(),
          lines: lines
            .filter((l) => l.demand_id === id)
            .map((l) => ({
              itemId: l.item_id,
              itemName: l.name,
              specification: l.specification,
              unit: l.unit,
              quantity: l.quantity,
              quota: l.quota,
              overQuotaReason: l.over_quota_reason,
            })),
        };
      });
  }

  // ---------- merging ----------

  /**
   * Merges a window's demands into a purchase list (汇总): per item the sum of the demands, less
   * the stock available now (on hand − reserved, from the ledger); items fully covered by stock are
   * left out. Closes the window; a window is merged once (409 after).
   */
  async merge(windowId: string, ctx: RequestContext): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const [window] = await manager.query(`SELECT id, month, status FROM purchase_demand_windows WHERE id = $1 FOR UPDATE`, [windowId]);
      if (!window) throw notFound('demand window');
      const [merged] = await manager.query(`SELECT id FROM purchase_lists WHERE window_id = $1`, [windowId]);
      if (merged) throw windowClosed();
      const sums: { item_id: string; specification: string; requested: number }[] = await manager.query(
        `SELECT l.item_id, i.specification, sum(l.quantity)::int AS requested
           FROM purchase_demand_lines l JOIN purchase_demands d ON d.id = l.demand_id JOIN supply_items i ON i.id = l.item_id
          WHERE d.window_id = $1 GROUP BY l.item_id, i.specification, i.name ORDER BY i.name, l.item_id`,
        [windowId],
      );
      await manager.query(`UPDATE purchase_demand_windows SET status = 'closed', closed_at = coalesce(closed_at, now()) WHERE id = $1`, [
        windowId,
      ]);
      const list = manager.create(PurchaseList, {
        title: `${window.month} 办公用品采购清单`,
        windowId,
        status: 'draft',
        createdById: ctx.actor!.id,
      });
      await manager.insert(PurchaseList, list);
      const lines: Partial<PurchaseListLine>[] = [];
      for (const sum of sums) {
        const available = Math.max(0, await this.available(manager, sum.item_id));
        const quantity = sum.requested - available;
        if (quantity <= 0) continue;
        lines.push({
          listId: list.id,
          itemId: sum.item_id,
          specification: sum.specification,
          requestedQuantity: sum.requested,
          availableQuantity: available,
          quantity,
        });
      }
      if (lines.length) await manager.insert(PurchaseListLine, lines);
      await this.audit.record(manager, ctx, {
        action: 'logistics.purchase-list.merge',
        objectType: 'purchase-list',
        objectId: list.id,
        details: { windowId, month: window.month, lines: lines.length },
      });
      return list.id;
    });
  }

  private async available(manager: EntityManager, itemId: string): Promise<number> {
    const balance = await this.ledger.balance(manager, itemId);
    return balance.available;
  }
}
