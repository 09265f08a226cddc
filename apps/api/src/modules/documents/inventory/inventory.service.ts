import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INVENTORY_ERRORS, clearanceCovers, inventoryItemState, inventoryPeriodOf, schoolDateOf, tallyInventory } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { ApiError, badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page, type PageQueryDto } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { JobsService } from '../../../platform/jobs/jobs.service';
import type {
  AddExtraInventoryItemDto,
  DamageInventoryItemDto,
  InventoryDto,
  InventoryItemDto,
  InventoryScanResultDto,
  QueryInventoryItemsDto,
  RemedyInventoryItemDto,
  ScanInventoryDto,
} from './inventory.dto';
import { DocumentInventory, DocumentInventoryItem } from './inventory.entities';
import type { InventoryKind } from './inventory-kinds';
import { toRef } from '../../../platform/org/refs';

/** The resource type of inventories in the audit log. */
export const DOCUMENT_INVENTORY = 'document-inventory';
/** Monthly, on the 1st: opens the month's checklist (DOC-9). */
export const INVENTORY_MONTHLY_JOB = 'document-inventory-monthly';

const notOpen = () => conflict(INVENTORY_ERRORS.NOT_OPEN, 'No inventory is open; open one first');

/**
 * The monthly inventory of paper documents (清点, DOC-9): a checklist generated from the records of
 * every registered kind, counted by scanning each item's QR label on a phone; items found but not
 * expected (多出) and damaged ones are recorded, with the repair or copy made. Closing it fixes the
 * result: missing, extra and damaged.
 */
@Injectable()
export class InventoryService implements OnModuleInit {
  private readonly kinds = new Map<string, InventoryKind>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: INVENTORY_MONTHLY_JOB,
      cron: '0 7 1 * *',
      handler: async () => {
        await this.openMonthly();
      },
    });
  }

  /** Called by each kind of paper record while the app starts (onModuleInit). */
  register(kind: InventoryKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`Inventory kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  private today(): string {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  /** The job's run: opens this month's inventory unless it exists. Returns its id, or null if it existed. */
  async openMonthly(today: string = this.today()): Promise<string | null> {
    const period = inventoryPeriodOf(today);
    const [exists] = await this.dataSource.query('SELECT 1 FROM document_inventories WHERE period = $1', [period]);
    if (exists) return null;
    try {
      return (await this.open(period, SYSTEM_CONTEXT)).id;
    } catch (error) {
      if (error instanceof ApiError && error.code === INVENTORY_ERRORS.ALREADY_OPEN) return null;
      throw error;
    }
  }

  /** Opens the inventory of `period` (YYYY-MM, default this month) with its checklist. */
  async open(period: string = inventoryPeriodOf(this.today()), ctx: RequestContext): Promise<InventoryDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO document_inventories (period, status, opened_by) VALUES ($1, 'open', $2)
         ON CONFLICT (period) DO NOTHING RETURNING id`,
        [period, ctx.actor?.id ?? null],
      );
      if (inserted.length === 0) throw conflict(INVENTORY_ERRORS.ALREADY_OPEN, `The inventory of ${period} exists already`);
      const inventoryId = inserted[0].id;
      let count = 0;
      for (const kind of this.kinds.values()) {
        const records = await kind.paperItems(manager);
        for (let i = 0; i < records.length; i += 500) {
          await manager.insert(
            DocumentInventoryItem,
            records.slice(i, i + 500).map((r) => ({
              inventoryId,
              recordKind: kind.kind,
              recordId: r.id,
              number: r.number,
              title: r.title,
              copies: r.copies,
              secrecy: r.secrecy,
              expected: true,
            })),
          );
        }
        count += records.length;
      }
      await this.audit.record(manager, ctx, {
        action: 'document.inventory.open',
        objectType: DOCUMENT_INVENTORY,
        objectId: inventoryId,
        details: { period, items: count },
      });
      return inventoryId;
    });
    return this.get(id);
  }

  /**
   * A scanned label (or a record entered by hand): counted if it is on the open checklist, else
   * added as found but not expected (多出). Scanning twice counts once.
   */
  async scan(dto: ScanInventoryDto, ctx: RequestContext): Promise<InventoryScanResultDto> {
    const kind = this.kinds.get(dto.kind);
    if (!kind) throw badRequest('Unknown kind of record', { kind: ['no such kind of paper record'] });
    return this.dataSource.transaction(async (manager) => {
      const inventory = await this.lockOpen(manager);
      const line = await manager.findOneBy(DocumentInventoryItem, {
        inventoryId: inventory.id,
        recordKind: dto.kind,
        recordId: dto.recordId,
      });
      let itemId: string;
      let alreadyCounted = false;
      if (line) {
        itemId = line.id;
        alreadyCounted = line.countedAt !== null;
        if (!alreadyCounted)
          await manager.update(DocumentInventoryItem, { id: line.id }, { countedAt: new Date(), countedById: ctx.actor!.id });
      } else {
        const record = await kind.describe(manager, dto.recordId);
        if (!record) throw notFound(dto.kind);
        const extra = manager.create(DocumentInventoryItem, {
          inventoryId: inventory.id,
          recordKind: dto.kind,
          recordId: record.id,
          number: record.number,
          title: record.title,
          copies: record.copies,
          secrecy: record.secrecy,
          expected: false,
          countedAt: new Date(),
          countedById: ctx.actor!.id,
        });
        await manager.insert(DocumentInventoryItem, extra);
        itemId = extra.id;
      }
      if (!alreadyCounted) {
        await this.audit.record(manager, ctx, {
          action: line ? 'document.inventory.count' : 'document.inventory.extra',
          objectType: DOCUMENT_INVENTORY,
          objectId: inventory.id,
          details: { itemId, kind: dto.kind, recordId: dto.recordId },
        });
      }
      return { item: await this.item(manager, itemId, ctx.actor!), alreadyCounted, period: inventory.period };
    });
  }

  /** A paper found on the shelf that the system does not know (多出), described by hand. */
  async addExtra(inventoryId: string, dto: AddExtraInventoryItemDto, ctx: RequestContext): Promise<InventoryItemDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockOpen(manager, inventoryId);
      const extra = manager.create(DocumentInventoryItem, {
        inventoryId,
        recordKind: null,
        recordId: null,
        number: dto.number || null,
        title: dto.title,
        copies: 1,
        secrecy: 'none',
        expected: false,
        countedAt: new Date(),
        countedById: ctx.actor!.id,
        note: dto.note ?? null,
      });
      await manager.insert(DocumentInventoryItem, extra);
      await this.audit.record(manager, ctx, {
        action: 'document.inventory.extra',
        objectType: DOCUMENT_INVENTORY,
        objectId: inventoryId,
        details: { itemId: extra.id, title: dto.title, number: dto.number ?? null },
      });
      return this.item(manager, extra.id, ctx.actor!);
    });
  }

  /** Marks a line damaged (破损) with what is wrong. */
  async markDamaged(itemId: string, dto: DamageInventoryItemDto, ctx: RequestContext): Promise<InventoryItemDto> {
    return this.changeItem(itemId, ctx, 'document.inventory.damage', async (manager, item) => {
      await manager.update(DocumentInventoryItem, { id: item.id }, { damaged: true, damageNote: dto.note });
      return { note: dto.note };
    });
  }

  /** Records the repair of a damaged item or the copy made of it; allowed after closing too, as repairs take time. */
  async recordRemedy(itemId: string, dto: RemedyInventoryItemDto, ctx: RequestContext): Promise<InventoryItemDto> {
    return this.changeItem(
      itemId,
      ctx,
      'document.inventory.remedy',
      async (manager, item) => {
        if (!item.damaged) throw badRequest('The item is not damaged', { remedy: ['mark the item damaged first'] });
        await manager.update(
          DocumentInventoryItem,
          { id: item.id },
          { remedy: dto.remedy, remedyNote: dto.note ?? null, remediedAt: new Date() },
        );
        return { remedy: dto.remedy, note: dto.note ?? null };
      },
      true,
    );
  }

  private async changeItem(
    itemId: string,
    ctx: RequestContext,
    action: string,
    effect: (manager: EntityManager, item: DocumentInventoryItem) => Promise<Record<string, unknown>>,
    closedToo = false,
  ): Promise<InventoryItemDto> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager
        .createQueryBuilder(DocumentInventoryItem, 'i')
        .setLock('pessimistic_write')
        .where('i.id = :itemId', { itemId })
        .getOne();
      if (!item) throw notFound('inventory item');
      const inventory = await manager.findOneByOrFail(DocumentInventory, { id: item.inventoryId });
      if (inventory.status !== 'open' && !closedToo) throw notOpen();
      const details = await effect(manager, item);
      await this.audit.record(manager, ctx, {
        action,
        objectType: DOCUMENT_INVENTORY,
        objectId: inventory.id,
        details: { itemId, ...details },
      });
      return this.item(manager, itemId, ctx.actor!);
    });
  }

  /** Closes the inventory: what was not counted is missing (未清点到) from now on. */
  async close(id: string, version: number, ctx: RequestContext): Promise<InventoryDto> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockOpen(manager, id);
      await updateVersioned(
        manager,
        DocumentInventory,
        id,
        version,
        { status: 'closed', closedAt: new Date(), closedById: ctx.actor!.id },
        DOCUMENT_INVENTORY,
      );
      await this.audit.record(manager, ctx, {
        action: 'document.inventory.close',
        objectType: DOCUMENT_INVENTORY,
        objectId: id,
        details: { ...(await this.tally(manager, id)) },
      });
    });
    return this.get(id);
  }

  private async lockOpen(manager: EntityManager, id?: string): Promise<DocumentInventory> {
    const qb = manager.createQueryBuilder(DocumentInventory, 'v').setLock('pessimistic_write');
    if (id) {
      const found = await qb.where('v.id = :id', { id }).getOne();
      if (!found) throw notFound(DOCUMENT_INVENTORY);
      if (found.status !== 'open') throw notOpen();
      return found;
    }
    // The scan of a label counts in the newest open inventory.
    const open = await qb.where(`v.status = 'open'`).orderBy('v.period', 'DESC').limit(1).getOne();
    if (!open) throw notOpen();
    return open;
  }

  // ---------- reading ----------

  async list(query: PageQueryDto): Promise<Page<InventoryDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(DocumentInventory, 'v')
      .leftJoinAndSelect('v.openedBy', 'openedBy')
      .leftJoinAndSelect('v.closedBy', 'closedBy')
      .orderBy('v.period', 'DESC')
      .addOrderBy('v.id', 'ASC');
    const page = await paginate(qb, query, (v) => v);
    const items: InventoryDto[] = [];
    for (const v of page.items) items.push(this.toDto(v, await this.tally(this.dataSource.manager, v.id)));
    return { ...page, items };
  }

  async get(id: string): Promise<InventoryDto> {
    const inventory = await this.dataSource.manager.findOne(DocumentInventory, {
      where: { id },
      relations: { openedBy: true, closedBy: true },
    });
    if (!inventory) throw notFound(DOCUMENT_INVENTORY);
    return this.toDto(inventory, await this.tally(this.dataSource.manager, id));
  }

  async items(id: string, query: QueryInventoryItemsDto, viewer: Principal): Promise<Page<InventoryItemDto>> {
    const exists = await this.dataSource.manager.existsBy(DocumentInventory, { id });
    if (!exists) throw notFound(DOCUMENT_INVENTORY);
    const qb = this.dataSource.manager
      .createQueryBuilder(DocumentInventoryItem, 'i')
      .leftJoinAndSelect('i.countedBy', 'countedBy')
      .where('i.inventory_id = :id', { id })
      .orderBy('i.expected', 'DESC')
      .addOrderBy('i.number', 'ASC', 'NULLS LAST')
      .addOrderBy('i.id', 'ASC');
    switch (query.state) {
      case 'pending':
      case 'missing':
        qb.andWhere('i.expected AND i.counted_at IS NULL');
        break;
      case 'counted':
        qb.andWhere('i.expected AND i.counted_at IS NOT NULL');
        break;
      case 'extra':
        qb.andWhere('NOT i.expected');
        break;
      case 'damaged':
        qb.andWhere('i.damaged');
        break;
    }
    if (query.q?.trim()) {
      const like = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(i.title ILIKE :like OR i.number ILIKE :like)', { like });
    }
    return paginate(qb, query, (i) => this.toItemDto(i, viewer));
  }

  private async item(manager: EntityManager, id: string, viewer: Principal): Promise<InventoryItemDto> {
    const item = await manager.findOneOrFail(DocumentInventoryItem, { where: { id }, relations: { countedBy: true } });
    return this.toItemDto(item, viewer);
  }

  private async tally(manager: EntityManager, id: string) {
    const rows: { expected: boolean; counted: boolean; damaged: boolean; n: number }[] = await manager.query(
      `SELECT expected, counted_at IS NOT NULL AS counted, damaged, count(*)::int AS n
         FROM document_inventory_items WHERE inventory_id = $1 GROUP BY 1, 2, 3`,
      [id],
    );
    // The shared tally counts facts; each group stands for n identical items.
    const tally = tallyInventory([]);
    for (const row of rows) {
      const one = tallyInventory([{ expected: row.expected, countedAt: row.counted ? 'x' : null, damaged: row.damaged }]);
      for (const key of Object.keys(tally) as (keyof typeof tally)[]) tally[key] += one[key] * row.n;
    }
    return tally;
  }

  private toDto(v: DocumentInventory, tally: InventoryDto['tally']): InventoryDto {
    return {
      id: v.id,
      period: v.period,
      status: v.status,
      openedBy: toRef(v.openedBy),
      createdAt: v.createdAt,
      closedAt: v.closedAt,
      closedBy: toRef(v.closedBy),
      tally,
      version: v.version,
    };
  }

  private toItemDto(i: DocumentInventoryItem, viewer: Principal): InventoryItemDto {
    const visible = clearanceCovers(viewer.clearance, i.secrecy);
    return {
      id: i.id,
      recordKind: i.recordKind,
      kindLabel: i.recordKind ? (this.kinds.get(i.recordKind)?.label ?? i.recordKind) : null,
      recordId: i.recordId,
      number: i.number,
      title: visible ? i.title : '',
      titleHidden: !visible,
      copies: i.copies,
      secrecy: i.secrecy,
      state: inventoryItemState(i),
      countedAt: i.countedAt,
      countedBy: toRef(i.countedBy),
      damaged: i.damaged,
      damageNote: i.damageNote,
      remedy: i.remedy,
      remedyNote: i.remedyNote,
      note: i.note,
    };
  }
}
