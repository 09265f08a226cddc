import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PERMISSIONS, STOCKTAKE_ACTIONS, SUPPLIES_STATE_ERRORS, type StocktakeAction, type StocktakeStatus } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, PageQueryDto, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { Stocktake, StocktakeLine } from './distribution.entities';
import type { CreateStocktakeDto, RecordCountsDto, StocktakeDto } from './distribution.dto';
import { StockLedgerService } from './stock-ledger.service';
import { toRef } from '../../../platform/org/refs';

export const STOCKTAKE = 'stocktake';

const illegal = (status: StocktakeStatus, action: StocktakeAction) =>
  conflict(SUPPLIES_STATE_ERRORS.STOCKTAKE_ILLEGAL_ACTION, `A ${status} stocktake does not allow ${action}`);

/**
 * Stocktaking (盘点, LOG-7). A count sheet lists every active item with its book quantity; the
 * storekeeper enters the counted quantities and a reason for each variance and submits the sheet.
 * The approver is a second person: a holder of logistics.supplies.stocktake.approve (the office
 * director) who did not submit it — a four-eyes check the database holds too
 * (CHK_stocktakes_second_person). Chosen over an approval chain because a variance is one yes/no
 * decision by the person responsible for the store, and its adjustment must be written at that
 * moment in the same transaction. Approval writes one `adjustment` movement per variance, carrying
 * the line's reason; the variance is counted − book as of the sheet, so movements since then stay.
 */
@Injectable()
export class StocktakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ledger: StockLedgerService,
  ) {}

  async create(dto: CreateStocktakeDto, ctx: RequestContext): Promise<StocktakeDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const stocktake = manager.create(Stocktake, { title: dto.title, createdById: ctx.actor!.id, status: 'counting' });
      await manager.insert(Stocktake, stocktake);
      await manager.query(
        `INSERT INTO stocktake_lines (stocktake_id, item_id, book_quantity)
         SELECT $1, i.id, b.on_hand FROM supply_items i JOIN stock_balances b ON b.item_id = i.id WHERE i.active`,
        [stocktake.id],
      );
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.stocktake.create',
        objectType: STOCKTAKE,
        objectId: stocktake.id,
        details: { title: dto.title },
      });
      return stocktake.id;
    });
    return this.get(id, ctx.actor!);
  }

  private async lock(manager: EntityManager, id: string): Promise<{ status: StocktakeStatus; submitted_by: string | null }> {
    const [row] = await manager.query<{ status: StocktakeStatus; submitted_by: string | null }[]>(
      'SELECT status, submitted_by FROM stocktakes WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!row) throw notFound(STOCKTAKE);
    return row;
  }

  async recordCounts(id: string, dto: RecordCountsDto, ctx: RequestContext): Promise<StocktakeDto> {
    await this.dataSource.transaction(async (manager) => {
      const { status } = await this.lock(manager, id);
      if (!STOCKTAKE_ACTIONS[status].includes('count')) throw illegal(status, 'count');
      for (const line of dto.lines) {
        const updated = await manager.update(
          StocktakeLine,
          { id: line.lineId, stocktakeId: id },
          { countedQuantity: line.countedQuantity, reason: line.reason || null },
        );
        if (updated.affected !== 1) throw badRequest('No such line', { lines: ['a line of another stocktake'] });
      }
      await manager.query('UPDATE stocktakes SET version = version + 1 WHERE id = $1', [id]);
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.stocktake.count',
        objectType: STOCKTAKE,
        objectId: id,
        details: { lines: dto.lines.length },
      });
    });
    return this.get(id, ctx.actor!);
  }

  async submit(id: string, ctx: RequestContext): Promise<StocktakeDto> {
    await this.dataSource.transaction(async (manager) => {
      const { status } = await this.lock(manager, id);
      if (!STOCKTAKE_ACTIONS[status].includes('submit')) throw illegal(status, 'submit');
      const [open] = await manager.query<{ uncounted: number; unexplained: number }[]>(
        `SELECT count(*) FILTER (WHERE counted_quantity IS NULL)::int AS uncounted,
                count(*) FILTER (WHERE counted_quantity <> book_quantity AND coalesce(reason, '') = '')::int AS unexplained
           FROM stocktake_lines WHERE stocktake_id = $1`,
        [id],
      );
      if (open.uncounted) throw badRequest('Every line must be counted', { lines: [`${open.uncounted} line(s) not counted`] });
      if (open.unexplained)
        throw badRequest('Each variance needs a reason', { lines: [`${open.unexplained} variance(s) without a reason`] });
      await manager.query(`UPDATE stocktakes SET status = 'submitted', submitted_by = $2, version = version + 1 WHERE id = $1`, [
        id,
        ctx.actor!.id,
      ]);
      await this.audit.record(manager, ctx, { action: 'logistics.supplies.stocktake.submit', objectType: STOCKTAKE, objectId: id });
    });
    return this.get(id, ctx.actor!);
  }

  async returnToCounting(id: string, ctx: RequestContext): Promise<StocktakeDto> {
    await this.dataSource.transaction(async (manager) => {
      const { status } = await this.lock(manager, id);
      if (!STOCKTAKE_ACTIONS[status].includes('return')) throw illegal(status, 'return');
      await manager.query(`UPDATE stocktakes SET status = 'counting', submitted_by = NULL, version = version + 1 WHERE id = $1`, [id]);
      await this.audit.record(manager, ctx, { action: 'logistics.supplies.stocktake.return', objectType: STOCKTAKE, objectId: id });
    });
    return this.get(id, ctx.actor!);
  }

  async approve(id: string, ctx: RequestContext): Promise<StocktakeDto> {
    const actor = ctx.actor!;
    await this.dataSource.transaction(async (manager) => {
      const { status, submitted_by } = await this.lock(manager, id);
      if (!STOCKTAKE_ACTIONS[status].includes('approve')) throw illegal(status, 'approve');
      if (submitted_by === actor.id)
        throw conflict(
          SUPPLIES_STATE_ERRORS.STOCKTAKE_SAME_PERSON,
          'A second person approves the variances, not the one who submitted them',
        );
      const variances = await manager.query<{ id: string; item_id: string; variance: number; reason: string }[]>(
        `SELECT id, item_id, counted_quantity - book_quantity AS variance, reason
           FROM stocktake_lines WHERE stocktake_id = $1 AND counted_quantity <> book_quantity ORDER BY item_id`,
        [id],
      );
      for (const line of variances) {
        const movement = await this.ledger.record(manager, ctx, {
          itemId: line.item_id,
          kind: 'adjustment',
          quantity: line.variance,
          reason: `盘点调整：${line.reason}`,
          sourceType: STOCKTAKE,
          sourceId: id,
        });
        await manager.query('UPDATE stocktake_lines SET movement_id = $2 WHERE id = $1', [line.id, movement.id]);
      }
      await manager.query(
        `UPDATE stocktakes SET status = 'approved', approved_by = $2, approved_at = now(), version = version + 1 WHERE id = $1`,
        [id, actor.id],
      );
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.stocktake.approve',
        objectType: STOCKTAKE,
        objectId: id,
        details: { adjustments: variances.map((v) => ({ itemId: v.item_id, variance: v.variance, reason: v.reason })) },
      });
    });
    return this.get(id, actor);
  }

  private toDto(s: Stocktake, viewer: Principal, withLines: boolean): StocktakeDto {
    const lines = s.lines ?? [];
    const keeper = viewer.permissions.has(PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE);
    const approver = viewer.permissions.has(PERMISSIONS.LOGISTICS_STOCKTAKE_APPROVE);
    return {
      id: s.id,
      title: s.title,
      status: s.status,
      createdBy: toRef(s.createdBy) ?? { id: s.createdById, name: '—' },
      submittedBy: toRef(s.submittedBy),
      approvedBy: toRef(s.approvedBy),
      approvedAt: s.approvedAt?.toISOString() ?? null,
      lineCount: lines.length,
      countedCount: lines.filter((l) => l.countedQuantity !== null).length,
      varianceCount: lines.filter((l) => l.countedQuantity !== null && l.countedQuantity !== l.bookQuantity).length,
      lines: withLines
        ? lines
            .map((l) => ({
              id: l.id,
              item: { id: l.itemId, name: l.item?.name ?? '', specification: l.item?.specification ?? '', unit: l.item?.unit ?? '' },
              bookQuantity: l.bookQuantity,
              countedQuantity: l.countedQuantity,
              variance: l.countedQuantity === null ? null : l.countedQuantity - l.bookQuantity,
              reason: l.reason,
              movementId: l.movementId,
            }))
            .sort((a, b) => a.item.name.localeCompare(b.item.name, 'zh-CN'))
        : [],
      actions: STOCKTAKE_ACTIONS[s.status].filter((a) =>
        a === 'approve' ? approver && s.submittedById !== viewer.id : a === 'return' ? approver || keeper : keeper,
      ),
      createdAt: s.createdAt.toISOString(),
      version: s.version,
    };
  }

  private query(manager: EntityManager = this.dataSource.manager) {
    return manager
      .createQueryBuilder(Stocktake, 's')
      .innerJoinAndSelect('s.createdBy', 'createdBy')
      .leftJoinAndSelect('s.submittedBy', 'submittedBy')
      .leftJoinAndSelect('s.approvedBy', 'approvedBy')
      .leftJoinAndSelect('s.lines', 'lines')
      .leftJoinAndSelect('lines.item', 'item');
  }

  async get(id: string, viewer: Principal): Promise<StocktakeDto> {
    const s = await this.query().where('s.id = :id', { id }).getOne();
    if (!s) throw notFound(STOCKTAKE);
    return this.toDto(s, viewer, true);
  }

  async list(query: PageQueryDto, viewer: Principal): Promise<Page<StocktakeDto>> {
    const qb = this.query().orderBy('s.createdAt', 'DESC').addOrderBy('s.id', 'DESC');
    return paginate(qb, query, (s) => this.toDto(s, viewer, false));
  }
}
