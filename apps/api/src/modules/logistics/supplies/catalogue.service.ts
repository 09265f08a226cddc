import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { escapeLike } from '../../../platform/http/sql';
import { LowStockService } from './low-stock.service';
import { StockBalance as StockBalanceRow, StockMovement, SupplyItem, SupplyItemQuota } from './catalogue.entities';
import type {
  CreateSupplyItemDto,
  QueryStockMovementsDto,
  QuerySupplyItemsDto,
  QuotaDto,
  SetQuotasDto,
  StockMovementDto,
  SupplyItemDto,
  UpdateSupplyItemDto,
} from './catalogue.dto';

export const SUPPLY_ITEM = 'supply-item';

/** What other modules see of a catalogue item (entities never leave this module). */
export interface CatalogueItem {
  id: string;
  name: string;
  specification: string;
  unit: string;
  category: string;
  consumable: boolean;
  safetyStock: number;
  alertsExcluded: boolean;
  active: boolean;
}

export interface DepartmentQuota {
  itemId: string;
  departmentId: string;
  monthlyQuantity: number;
}

const catalogueItem = (i: SupplyItem): CatalogueItem => ({
  id: i.id,
  name: i.name,
  specification: i.specification,
  unit: i.unit,
  category: i.category,
  consumable: i.consumable,
  safetyStock: i.safetyStock,
  alertsExcluded: i.alertsExcluded,
  active: i.active,
});

export function toSupplyItemDto(i: SupplyItem): SupplyItemDto {
  const onHand = i.balance?.onHand ?? 0;
  const reserved = i.balance?.reserved ?? 0;
  const available = onHand - reserved;
  return {
    ...catalogueItem(i),
    onHand,
    reserved,
    available,
    low: available <= i.safetyStock,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
  };
}

export function toStockMovementDto(m: StockMovement): StockMovementDto {
  return {
    id: m.id,
    item: { id: m.itemId, name: m.item?.name ?? '', specification: m.item?.specification ?? '', unit: m.item?.unit ?? '' },
    kind: m.kind,
    quantity: m.quantity,
    onHandAfter: m.onHandAfter,
    reservedAfter: m.reservedAfter,
    reason: m.reason,
    department: m.department ? { id: m.department.id, name: m.department.name } : null,
    sourceType: m.sourceType,
    sourceId: m.sourceId,
    actor: m.actor ? { id: m.actor.id, name: m.actor.name } : null,
    createdAt: m.createdAt.toISOString(),
  };
}

/**
 * The supplies catalogue (办公用品目录, LOG-1): items with their unit, category, consumable flag
 * and safety stock, and each department's monthly quota. An item gets its balance row (zero) when
 * it is created, so the ledger only ever updates balances.
 */
@Injectable()
export class CatalogueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly lowStock: LowStockService,
  ) {}

  // ---------- for other modules ----------

  /** An item by id, or null. */
  async get(manager: EntityManager, itemId: string): Promise<CatalogueItem | null> {
    const item = await manager.findOneBy(SupplyItem, { id: itemId });
    return item ? catalogueItem(item) : null;
  }

  /** A department's monthly quota of an item, or null when it has none. */
  async quota(manager: EntityManager, itemId: string, departmentId: string): Promise<number | null> {
    const quota = await manager.findOneBy(SupplyItemQuota, { itemId, departmentId });
    return quota?.monthlyQuantity ?? null;
  }

  /** Every quota of a department (the monthly demand checks against them, LOG-2). */
  async quotasOfDepartment(manager: EntityManager, departmentId: string): Promise<DepartmentQuota[]> {
    const rows = await manager.findBy(SupplyItemQuota, { departmentId });
    return rows.map((q) => ({ itemId: q.itemId, departmentId: q.departmentId, monthlyQuantity: q.monthlyQuantity }));
  }

  // ---------- the catalogue ----------

  async create(dto: CreateSupplyItemDto, ctx: RequestContext): Promise<SupplyItemDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const item = manager.create(SupplyItem, {
        name: dto.name,
        specification: dto.specification ?? '',
        unit: dto.unit,
        category: dto.category,
        consumable: dto.consumable ?? true,
        safetyStock: dto.safetyStock ?? 0,
        alertsExcluded: dto.alertsExcluded ?? false,
      });
      await manager.insert(SupplyItem, item);
      await manager.insert(StockBalanceRow, { itemId: item.id, onHand: 0, reserved: 0 });
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.item.create',
        objectType: SUPPLY_ITEM,
        objectId: item.id,
        after: dto,
      });
      return item.id;
    });
    return this.getDto(id);
  }

  async update(id: string, dto: UpdateSupplyItemDto, ctx: RequestContext): Promise<SupplyItemDto> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(SupplyItem, { id });
      if (!before) throw notFound(SUPPLY_ITEM);
      const { version, ...changes } = dto;
      await updateVersioned(manager, SupplyItem, id, version, changes, SUPPLY_ITEM);
      // A new safety level or exclusion may open or close the item's alert (LOG-6).
      await this.lowStock.evaluate(manager, id);
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.item.update',
        objectType: SUPPLY_ITEM,
        objectId: id,
        before: catalogueItem(before),
        after: { ...catalogueItem(before), ...changes },
      });
    });
    return this.getDto(id);
  }

  private itemQuery(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<SupplyItem> {
    return manager.createQueryBuilder(SupplyItem, 'i').leftJoinAndSelect('i.balance', 'b');
  }

  async getDto(id: string): Promise<SupplyItemDto> {
    const item = await this.itemQuery().where('i.id = :id', { id }).getOne();
    if (!item) throw notFound(SUPPLY_ITEM);
    return toSupplyItemDto(item);
  }

  async list(query: QuerySupplyItemsDto): Promise<Page<SupplyItemDto>> {
    const qb = this.itemQuery().orderBy('i.category', 'ASC').addOrderBy('i.name', 'ASC').addOrderBy('i.id', 'ASC');
    if (query.q) qb.andWhere('(i.name ILIKE :q OR i.specification ILIKE :q OR i.category ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    if (query.category) qb.andWhere('i.category = :category', { category: query.category });
    if (query.active !== undefined) qb.andWhere('i.active = :active', { active: query.active });
    if (query.low !== undefined) qb.andWhere(`(b.on_hand - b.reserved <= i.safety_stock) = :low`, { low: query.low });
    return paginate(qb, query, toSupplyItemDto);
  }

  /** The categories in use, for the filter and the form's suggestions. */
  async categories(): Promise<string[]> {
    const rows = await this.dataSource.query<{ category: string }[]>('SELECT DISTINCT category FROM supply_items ORDER BY category');
    return rows.map((r) => r.category);
  }

  // ---------- quotas (部门月度限额) ----------

  async listQuotas(itemId: string): Promise<QuotaDto[]> {
    if (!(await this.dataSource.manager.existsBy(SupplyItem, { id: itemId }))) throw notFound(SUPPLY_ITEM);
    const rows = await this.dataSource.manager
      .createQueryBuilder(SupplyItemQuota, 'q')
      .innerJoinAndSelect('q.department', 'd')
      .where('q.itemId = :itemId', { itemId })
      .orderBy('d.name', 'ASC')
      .getMany();
    return rows.map((q) => ({ department: { id: q.department!.id, name: q.department!.name }, monthlyQuantity: q.monthlyQuantity }));
  }

  async setQuotas(itemId: string, dto: SetQuotasDto, ctx: RequestContext): Promise<QuotaDto[]> {
    const departmentIds = dto.quotas.map((q) => q.departmentId);
    if (new Set(departmentIds).size !== departmentIds.length)
      throw badRequest('A department appears twice', { quotas: ['one quota per department'] });
    await this.dataSource.transaction(async (manager) => {
      // Lock the item so two editors of its quotas take turns.
      const [item] = await manager.query<{ id: string }[]>('SELECT id FROM supply_items WHERE id = $1 FOR UPDATE', [itemId]);
      if (!item) throw notFound(SUPPLY_ITEM);
      if (departmentIds.length) {
        const found = await manager.query<{ id: string }[]>('SELECT id FROM departments WHERE id = ANY($1::uuid[])', [departmentIds]);
        if (found.length !== departmentIds.length) throw badRequest('No such department', { quotas: ['department does not exist'] });
      }
      const before = await manager.findBy(SupplyItemQuota, { itemId });
      await manager.delete(SupplyItemQuota, { itemId });
      if (dto.quotas.length)
        await manager.insert(
          SupplyItemQuota,
          dto.quotas.map((q) => ({ itemId, departmentId: q.departmentId, monthlyQuantity: q.monthlyQuantity })),
        );
      await this.audit.record(manager, ctx, {
        action: 'logistics.supplies.item.quotas',
        objectType: SUPPLY_ITEM,
        objectId: itemId,
        details: {
          before: before.map((q) => ({ departmentId: q.departmentId, monthlyQuantity: q.monthlyQuantity })),
          after: dto.quotas,
        },
      });
    });
    return this.listQuotas(itemId);
  }

  // ---------- the ledger, read ----------

  private movementQuery(query: QueryStockMovementsDto): SelectQueryBuilder<StockMovement> {
    const qb = this.dataSource.manager
      .createQueryBuilder(StockMovement, 'm')
      .innerJoinAndSelect('m.item', 'item')
      .leftJoinAndSelect('m.department', 'department')
      .leftJoinAndSelect('m.actor', 'actor')
      .orderBy('m.seq', 'DESC');
    if (query.itemId) qb.andWhere('m.itemId = :itemId', { itemId: query.itemId });
    if (query.kind) qb.andWhere('m.kind = :kind', { kind: query.kind });
    if (query.departmentId) qb.andWhere('m.departmentId = :departmentId', { departmentId: query.departmentId });
    const tz = this.config.schoolTimeZone;
    if (query.from) qb.andWhere(`m.createdAt >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE :tz`, { from: query.from, tz });
    if (query.to) qb.andWhere(`m.createdAt < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE :tz`, { to: query.to, tz });
    if (query.q) qb.andWhere('(item.name ILIKE :q OR m.reason ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return qb;
  }

  async getMovement(id: string): Promise<StockMovementDto> {
    const m = await this.movementQuery({ page: 1, pageSize: 1 }).andWhere('m.id = :id', { id }).getOne();
    if (!m) throw notFound('stock movement');
    return toStockMovementDto(m);
  }

  listMovements(query: QueryStockMovementsDto): Promise<Page<StockMovementDto>> {
    return paginate(this.movementQuery(query), query, toStockMovementDto);
  }
}
