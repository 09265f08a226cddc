import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EVENT_PLANNING_STATUSES,
  EVENT_TRANSITIONS,
  SUPPLIES_ERRORS,
  canMoveEvent,
  eventMaterialActions,
  eventMaterialUnaccounted,
  type EventStatus,
  type EventMaterialAction,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { escapeLike, returnedRows } from '../../../platform/http/sql';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { User } from '../../../platform/org/user.entity';
import { CatalogueService } from '../supplies/catalogue.service';
import { StockLedgerService } from '../supplies/stock-ledger.service';
import type {
  AccountMaterialDto,
  AddDecorationDto,
  AddDutyDto,
  AddMaterialDto,
  AddRehearsalCheckDto,
  CreateEventDto,
  EventDetailDto,
  EventMaterialDto,
  EventSummaryDto,
  LogIncidentDto,
  MoveEventDto,
  PlaceLayoutPieceDto,
  QueryEventsDto,
  ReconcileEventDto,
  ReconciliationLineDto,
  ReconciliationReportDto,
  SetRehearsalCheckDto,
  UpdateEventDto,
} from './event.dto';
import {
  EventDecoration,
  EventDuty,
  EventIncident,
  EventLayoutPiece,
  EventMaterial,
  EventRehearsalCheck,
  LogisticsEvent,
} from './event.entities';
import { cellTaken, eventIllegalStatus, eventLocked, linesUnaccounted, materialIllegalAction } from './event-logistics.errors';
import { toRef } from '../../../platform/org/refs';

/** The resource type of events (visibility in libs/shared) and the source type of their stock movements. */
export const LOGISTICS_EVENT = 'logistics-event';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Event logistics (活动后勤, LOG-11). The office (logistics.events.manage) creates an event and names
 * its owner; the owner and the office plan it: material list, layout grid, decorations, rehearsal
 * checklist, duty roster. Stock lines go through the stock ledger: confirming a line reserves it
 * (available stock falls), issuing it releases the reservation and takes it out (on hand falls),
 * and at the clean-up what comes back is a `return` movement. Every stock and rented line must be
 * accounted for (returned, consumed, missing or damaged, the last two with the person responsible)
 * before the event is reconciled; the report lists what is left and what was lost.
 */
@Injectable()
export class EventLogisticsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly ledger: StockLedgerService,
    private readonly catalogue: CatalogueService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.access.register(LOGISTICS_EVENT, {
      table: 'logistics_events',
      named: (o, me) => `${o}.owner_id = ${me}`,
    });
  }

  // ---------- the event ----------

  async create(dto: CreateEventDto, ctx: RequestContext): Promise<EventDetailDto> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt < startsAt) throw badRequest('The event ends before it starts', { endsAt: ['not before startsAt'] });
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertUser(manager, dto.ownerId, 'ownerId');
      if (dto.roomId) await this.assertRoom(manager, dto.roomId);
      const event = manager.create(LogisticsEvent, {
        title: dto.title,
        startsAt,
        endsAt,
        venue: dto.venue,
        roomId: dto.roomId ?? null,
        ownerId: dto.ownerId,
        createdById: ctx.actor!.id,
        note: dto.note ?? '',
        status: 'planning',
        layoutRows: dto.layoutRows ?? 8,
        layoutCols: dto.layoutCols ?? 12,
      });
      await manager.insert(LogisticsEvent, event);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.create',
        objectType: LOGISTICS_EVENT,
        objectId: event.id,
        details: { title: dto.title, ownerId: dto.ownerId, startsAt: dto.startsAt },
      });
      // The owner needs no permission to work on their event; the notice is how they find it.
      if (dto.ownerId !== ctx.actor!.id) await this.notifyOwner(manager, event);
      return event.id;
    });
    return this.get(id, ctx);
  }

  async update(id: string, dto: UpdateEventDto, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (event.status === 'reconciled') throw eventLocked();
      const startsAt = dto.startsAt ? new Date(dto.startsAt) : event.startsAt;
      const endsAt = dto.endsAt ? new Date(dto.endsAt) : event.endsAt;
      if (endsAt < startsAt) throw badRequest('The event ends before it starts', { endsAt: ['not before startsAt'] });
      if (dto.ownerId) await this.assertUser(manager, dto.ownerId, 'ownerId');
      if (dto.roomId) await this.assertRoom(manager, dto.roomId);
      const rows = dto.layoutRows ?? event.layoutRows;
      const cols = dto.layoutCols ?? event.layoutCols;
      if (rows < event.layoutRows || cols < event.layoutCols) {
        const [outside] = await manager.query(
          'SELECT 1 FROM logistics_event_layout_pieces WHERE event_id = $1 AND (grid_row >= $2 OR grid_col >= $3) LIMIT 1',
          [id, rows, cols],
        );
        if (outside) throw badRequest('Pieces stand outside the smaller grid', { layoutRows: ['remove the pieces outside first'] });
      }
      const changes: Partial<LogisticsEvent> = {
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.venue !== undefined && { venue: dto.venue }),
        ...(dto.note !== undefined && { note: dto.note }),
        ...(dto.ownerId !== undefined && { ownerId: dto.ownerId }),
        ...(dto.roomId !== undefined && { roomId: dto.roomId }),
        startsAt,
        endsAt,
        layoutRows: rows,
        layoutCols: cols,
      };
      await updateVersioned(manager, LogisticsEvent, id, dto.version, changes, LOGISTICS_EVENT);
      if (dto.ownerId && dto.ownerId !== event.ownerId && dto.ownerId !== ctx.actor!.id)
        await this.notifyOwner(manager, { ...event, ...changes } as LogisticsEvent);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.update',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        before: { title: event.title, venue: event.venue, ownerId: event.ownerId, note: event.note },
        after: {
          title: changes.title ?? event.title,
          venue: changes.venue ?? event.venue,
          ownerId: changes.ownerId ?? event.ownerId,
          note: changes.note ?? event.note,
        },
      });
    });
    return this.get(id, ctx);
  }

  async move(id: string, dto: MoveEventDto, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (!canMoveEvent(event.status, dto.to)) throw eventIllegalStatus(event.status, dto.to);
      await updateVersioned(manager, LogisticsEvent, id, dto.version, { status: dto.to }, LOGISTICS_EVENT);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.status',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { from: event.status, to: dto.to },
      });
    });
    return this.get(id, ctx);
  }

  // ---------- reading ----------

  async list(query: QueryEventsDto, viewer: Principal): Promise<Page<EventSummaryDto>> {
    const visible = this.access.visibleWhere(viewer, LOGISTICS_EVENT, 'e');
    const qb = this.dataSource.manager
      .createQueryBuilder(LogisticsEvent, 'e')
      .leftJoinAndSelect('e.owner', 'owner')
      .leftJoinAndSelect('e.room', 'room')
      .where(visible.sql, visible.params)
      .orderBy('e.startsAt', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.q) qb.andWhere('(e.title ILIKE :q OR e.venue ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query, (e) => this.toSummary(e));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<EventDetailDto> {
    await this.access.assertCanRead(ctx.actor!, { type: LOGISTICS_EVENT, id }, ctx, manager);
    const event = await manager
      .createQueryBuilder(LogisticsEvent, 'e')
      .leftJoinAndSelect('e.owner', 'owner')
      .leftJoinAndSelect('e.room', 'room')
      .where('e.id = :id', { id })
      .getOne();
    if (!event) throw notFound(LOGISTICS_EVENT);
    const canChange = await this.access.canChange(ctx.actor!, { type: LOGISTICS_EVENT, id }, manager);
    const [materials, layout, decorations, checks, duties, incidents] = await Promise.all([
      manager.find(EventMaterial, {
        where: { eventId: id },
        relations: { responsible: true },
        order: { position: 'ASC', createdAt: 'ASC' },
      }),
      manager.find(EventLayoutPiece, { where: { eventId: id }, order: { row: 'ASC', col: 'ASC' } }),
      manager.find(EventDecoration, { where: { eventId: id }, order: { createdAt: 'ASC' } }),
      manager.find(EventRehearsalCheck, { where: { eventId: id }, relations: { checkedBy: true }, order: { createdAt: 'ASC' } }),
      manager.find(EventDuty, { where: { eventId: id }, relations: { person: true }, order: { startsAt: 'ASC' } }),
      manager.find(EventIncident, { where: { eventId: id }, relations: { reporter: true }, order: { occurredAt: 'ASC' } }),
    ]);
    return {
      ...this.toSummary(event),
      note: event.note,
      layoutRows: event.layoutRows,
      layoutCols: event.layoutCols,
      reconciledAt: iso(event.reconciledAt),
      canChange,
      transitions: canChange ? EVENT_TRANSITIONS[event.status].filter((s) => s !== 'reconciled') : [],
      materials: materials.map((m) => this.toMaterial(m, event.status, canChange)),
      layout: layout.map((p) => ({ id: p.id, kind: p.kind, label: p.label, row: p.row, col: p.col })),
      decorations: decorations.map((d) => ({ id: d.id, name: d.name, quantity: d.quantity, note: d.note })),
      checks: checks.map((c) => ({ id: c.id, text: c.text, checkedBy: toRef(c.checkedBy), checkedAt: iso(c.checkedAt) })),
      duties: duties.map((d) => ({
        id: d.id,
        person: toRef(d.person) ?? { id: d.personId, name: '—' },
        role: d.role,
        startsAt: d.startsAt.toISOString(),
        endsAt: d.endsAt.toISOString(),
      })),
      incidents: incidents.map((i) => ({
        id: i.id,
        occurredAt: i.occurredAt.toISOString(),
        description: i.description,
        action: i.actionTaken,
        reporter: toRef(i.reporter) ?? { id: i.reporterId, name: '—' },
      })),
    };
  }

  // ---------- material list ----------

  async addMaterial(id: string, dto: AddMaterialDto, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (!EVENT_PLANNING_STATUSES.includes(event.status)) throw eventLocked();
      let name = dto.name;
      let specification = dto.specification ?? '';
      if (dto.source === 'stock') {
        const item = await this.catalogue.get(manager, dto.itemId!);
        if (!item || !item.active) throw badRequest('No such supply item', { itemId: ['no active supply item has this id'] });
        name ??= item.name;
        if (!specification) specification = item.specification;
      }
      const [{ position }] = await manager.query<{ position: number }[]>(
        'SELECT COALESCE(max(position), 0) + 1 AS position FROM logistics_event_materials WHERE event_id = $1',
        [id],
      );
      const line = manager.create(EventMaterial, {
        eventId: id,
        source: dto.source,
        name: name!,
        specification,
        quantity: dto.quantity,
        itemId: dto.source === 'stock' ? dto.itemId! : null,
        note: dto.note ?? '',
        supplier: dto.source === 'rent' ? dto.supplier! : null,
        costFen: dto.source === 'rent' ? dto.costFen! : null,
        returnOn: dto.source === 'rent' ? dto.returnOn! : null,
        status: 'planned',
        position,
      });
      await manager.insert(EventMaterial, line);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.material.add',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { materialId: line.id, source: dto.source, name, quantity: dto.quantity, itemId: line.itemId },
      });
    });
    return this.get(id, ctx);
  }

  /** Removes a planned or reserved line; a reserved one gives its reservation back first. */
  async removeMaterial(id: string, materialId: string, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      const line = await this.lockLine(manager, id, materialId);
      this.assertAction(line, event.status, 'remove');
      if (line.status === 'reserved') {
        await this.ledger.record(manager, ctx, {
          itemId: line.itemId!,
          kind: 'release',
          quantity: line.quantity,
          reason: `活动「${event.title}」取消领用：${line.name}`,
          sourceType: LOGISTICS_EVENT,
          sourceId: id,
        });
      }
      await manager.delete(EventMaterial, { id: materialId });
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.material.remove',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { materialId, name: line.name, released: line.status === 'reserved' ? line.quantity : 0 },
      });
    });
    return this.get(id, ctx);
  }

  /**
   * Confirms a stock line: the ledger reserves its quantity, so available stock falls. Refused with
   * 409 INSUFFICIENT_STOCK when less than that is available (the reservation is rolled back).
   */
  async confirmMaterial(id: string, materialId: string, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      const line = await this.lockLine(manager, id, materialId);
      this.assertAction(line, event.status, 'confirm');
      const after = await this.ledger.record(manager, ctx, {
        itemId: line.itemId!,
        kind: 'reservation',
        quantity: line.quantity,
        reason: `活动「${event.title}」预留：${line.name}`,
        sourceType: LOGISTICS_EVENT,
        sourceId: id,
      });
      // The ledger takes any reservation (a waiting line may wait for stock); an event takes only what is there.
      if (after.reservedAfter > after.onHandAfter) {
        const available = after.onHandAfter - (after.reservedAfter - line.quantity);
        throw conflict(SUPPLIES_ERRORS.INSUFFICIENT_STOCK, `Only ${Math.max(available, 0)} available, ${line.quantity} asked`, {
          quantity: [`at most ${Math.max(available, 0)} available`],
        });
      }
      await manager.update(EventMaterial, { id: materialId }, { status: 'reserved' });
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.material.confirm',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { materialId, itemId: line.itemId, quantity: line.quantity },
      });
    });
    return this.get(id, ctx);
  }

  /** Issues a reserved stock line: the reservation is released and the quantity goes out (on hand falls). */
  async issueMaterial(id: string, materialId: string, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      const line = await this.lockLine(manager, id, materialId);
      this.assertAction(line, event.status, 'issue');
      const movement = { itemId: line.itemId!, quantity: line.quantity, sourceType: LOGISTICS_EVENT, sourceId: id };
      await this.ledger.record(manager, ctx, {
        ...movement,
        kind: 'release',
        reason: `活动「${event.title}」出库，释放预留：${line.name}`,
      });
      await this.ledger.record(manager, ctx, { ...movement, kind: 'out', reason: `活动「${event.title}」出库：${line.name}` });
      await manager.update(EventMaterial, { id: materialId }, { status: 'issued' });
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.material.issue',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { materialId, itemId: line.itemId, quantity: line.quantity },
      });
    });
    return this.get(id, ctx);
  }

  /**
   * The clean-up of one line (清点): what came back (stock: a `return` movement; rental: marked
   * returned), what was used up, and what is missing or damaged, with the person responsible.
   */
  async accountMaterial(id: string, materialId: string, dto: AccountMaterialDto, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      const line = await this.lockLine(manager, id, materialId);
      this.assertAction(line, event.status, 'account');
      const consumed = dto.consumed ?? 0;
      const missing = dto.missing ?? 0;
      const damaged = dto.damaged ?? 0;
      if (dto.returned + consumed + missing + damaged !== line.quantity)
        throw badRequest('The counts do not add up to the line’s quantity', {
          returned: [`returned, consumed, missing and damaged add up to ${line.quantity}`],
        });
      if (line.source === 'rent' && consumed > 0) throw badRequest('A rental is not consumed', { consumed: ['0 for a rental'] });
      if (missing + damaged > 0 && !dto.responsibleId)
        throw badRequest('Missing or damaged items need the person responsible', {
          responsibleId: ['required when items are missing or damaged'],
        });
      if (dto.responsibleId) await this.assertUser(manager, dto.responsibleId, 'responsibleId');
      if (line.source === 'stock' && dto.returned > 0) {
        await this.ledger.record(manager, ctx, {
          itemId: line.itemId!,
          kind: 'return',
          quantity: dto.returned,
          reason: `活动「${event.title}」归还：${line.name}`,
          sourceType: LOGISTICS_EVENT,
          sourceId: id,
        });
      }
      await manager.update(
        EventMaterial,
        { id: materialId },
        {
          status: 'accounted',
          returnedQuantity: dto.returned,
          consumedQuantity: consumed,
          missingQuantity: missing,
          damagedQuantity: damaged,
          responsibleId: missing + damaged > 0 ? dto.responsibleId! : null,
          accountingNote: dto.note || null,
          accountedAt: new Date(),
        },
      );
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.material.account',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { materialId, returned: dto.returned, consumed, missing, damaged, responsibleId: dto.responsibleId ?? null },
      });
    });
    return this.get(id, ctx);
  }

  // ---------- reconciliation ----------

  async report(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<ReconciliationReportDto> {
    await this.access.assertCanRead(ctx.actor!, { type: LOGISTICS_EVENT, id }, ctx, manager);
    const event = await manager.findOneBy(LogisticsEvent, { id });
    if (!event) throw notFound(LOGISTICS_EVENT);
    const lines = await manager.find(EventMaterial, {
      where: { eventId: id },
      relations: { responsible: true },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    const toLine = (m: EventMaterial): ReconciliationLineDto => ({
      materialId: m.id,
      source: m.source,
      name: m.name,
      specification: m.specification,
      quantity: m.quantity,
      missing: m.missingQuantity,
      damaged: m.damagedQuantity,
      responsible: toRef(m.responsible),
      supplier: m.supplier,
      note: m.accountingNote,
    });
    const unaccounted = lines.filter((m) => eventMaterialUnaccounted(m.source, m.status)).map(toLine);
    return {
      eventId: id,
      status: event.status,
      unaccounted,
      losses: lines.filter((m) => m.missingQuantity + m.damagedQuantity > 0).map(toLine),
      returnedStockUnits: lines.filter((m) => m.source === 'stock').reduce((sum, m) => sum + m.returnedQuantity, 0),
      returnedRentals: lines.filter((m) => m.source === 'rent' && m.status === 'accounted' && m.returnedQuantity > 0).length,
      rentalCostFen: lines.filter((m) => m.source === 'rent').reduce((sum, m) => sum + (m.costFen ?? 0), 0),
      complete: unaccounted.length === 0,
    };
  }

  /** held → reconciled, only when every stock and rented line is accounted for (409 listing them otherwise). */
  async reconcile(id: string, dto: ReconcileEventDto, ctx: RequestContext): Promise<ReconciliationReportDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (!canMoveEvent(event.status, 'reconciled')) throw eventIllegalStatus(event.status, 'reconciled');
      const report = await this.report(id, ctx, manager);
      if (!report.complete) throw linesUnaccounted(report.unaccounted.map((l) => `${l.name}（${l.quantity}）`));
      await updateVersioned(manager, LogisticsEvent, id, dto.version, { status: 'reconciled', reconciledAt: new Date() }, LOGISTICS_EVENT);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.reconcile',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: {
          losses: report.losses.map((l) => ({
            name: l.name,
            missing: l.missing,
            damaged: l.damaged,
            responsibleId: l.responsible?.id ?? null,
          })),
        },
      });
    });
    return this.report(id, ctx);
  }

  // ---------- venue: layout and decorations ----------

  async placePiece(id: string, dto: PlaceLayoutPieceDto, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (!EVENT_PLANNING_STATUSES.includes(event.status)) throw eventLocked();
      if (dto.row >= event.layoutRows) throw badRequest('Outside the grid', { row: [`below ${event.layoutRows}`] });
      if (dto.col >= event.layoutCols) throw badRequest('Outside the grid', { col: [`below ${event.layoutCols}`] });
      const inserted = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO logistics_event_layout_pieces (event_id, kind, label, grid_row, grid_col) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (event_id, grid_row, grid_col) DO NOTHING RETURNING id`,
          [id, dto.kind, dto.label ?? '', dto.row, dto.col],
        ),
      );
      if (!inserted.length) throw cellTaken(dto.row, dto.col);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.layout.place',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { pieceId: inserted[0].id, kind: dto.kind, row: dto.row, col: dto.col },
      });
    });
    return this.get(id, ctx);
  }

  async removePiece(id: string, pieceId: string, ctx: RequestContext): Promise<EventDetailDto> {
    await this.removePart(id, pieceId, ctx, EventLayoutPiece, 'layout.remove', true);
    return this.get(id, ctx);
  }

  async addDecoration(id: string, dto: AddDecorationDto, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (!EVENT_PLANNING_STATUSES.includes(event.status)) throw eventLocked();
      const row = manager.create(EventDecoration, { eventId: id, name: dto.name, quantity: dto.quantity ?? 1, note: dto.note ?? '' });
      await manager.insert(EventDecoration, row);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.decoration.add',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { decorationId: row.id, name: dto.name, quantity: row.quantity },
      });
    });
    return this.get(id, ctx);
  }

  async removeDecoration(id: string, decorationId: string, ctx: RequestContext): Promise<EventDetailDto> {
    await this.removePart(id, decorationId, ctx, EventDecoration, 'decoration.remove', true);
    return this.get(id, ctx);
  }

  // ---------- on the day ----------

  async addCheck(id: string, dto: AddRehearsalCheckDto, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (event.status === 'reconciled') throw eventLocked();
      const row = manager.create(EventRehearsalCheck, { eventId: id, text: dto.text, checkedById: null, checkedAt: null });
      await manager.insert(EventRehearsalCheck, row);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.check.add',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { checkId: row.id, text: dto.text },
      });
    });
    return this.get(id, ctx);
  }

  /** Ticks (or unticks) a rehearsal item: who and when are the caller and now. */
  async setCheck(id: string, checkId: string, dto: SetRehearsalCheckDto, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (event.status === 'reconciled') throw eventLocked();
      const result = await manager.update(
        EventRehearsalCheck,
        { id: checkId, eventId: id },
        dto.checked ? { checkedById: ctx.actor!.id, checkedAt: new Date() } : { checkedById: null, checkedAt: null },
      );
      if (!result.affected) throw notFound('rehearsal check');
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.check.set',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { checkId, checked: dto.checked },
      });
    });
    return this.get(id, ctx);
  }

  async removeCheck(id: string, checkId: string, ctx: RequestContext): Promise<EventDetailDto> {
    await this.removePart(id, checkId, ctx, EventRehearsalCheck, 'check.remove', false);
    return this.get(id, ctx);
  }

  async addDuty(id: string, dto: AddDutyDto, ctx: RequestContext): Promise<EventDetailDto> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt) throw badRequest('The slot ends before it starts', { endsAt: ['after startsAt'] });
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (event.status === 'reconciled') throw eventLocked();
      await this.assertUser(manager, dto.personId, 'personId');
      const row = manager.create(EventDuty, { eventId: id, personId: dto.personId, role: dto.role, startsAt, endsAt });
      await manager.insert(EventDuty, row);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.duty.add',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { dutyId: row.id, personId: dto.personId, role: dto.role, startsAt: dto.startsAt, endsAt: dto.endsAt },
      });
    });
    return this.get(id, ctx);
  }

  async removeDuty(id: string, dutyId: string, ctx: RequestContext): Promise<EventDetailDto> {
    await this.removePart(id, dutyId, ctx, EventDuty, 'duty.remove', false);
    return this.get(id, ctx);
  }

  /** An entry of the incident log; the reporter is the caller. Entries are never edited or removed. */
  async logIncident(id: string, dto: LogIncidentDto, ctx: RequestContext): Promise<EventDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (event.status === 'reconciled') throw eventLocked();
      const row = manager.create(EventIncident, {
        eventId: id,
        occurredAt: new Date(dto.occurredAt),
        description: dto.description,
        actionTaken: dto.action ?? '',
        reporterId: ctx.actor!.id,
      });
      await manager.insert(EventIncident, row);
      await this.audit.record(manager, ctx, {
        action: 'logistics.events.incident',
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { incidentId: row.id, occurredAt: dto.occurredAt, description: dto.description },
      });
    });
    return this.get(id, ctx);
  }

  // ---------- helpers ----------

  private async notifyOwner(manager: EntityManager, event: LogisticsEvent): Promise<void> {
    await this.notifications.notify(manager, {
      recipientIds: [event.ownerId],
      kind: 'logistics.events.owner',
      title: `【活动后勤】您是「${event.title}」的负责人`,
      body: `活动地点：${event.venue}。请在活动页面维护物资清单、场地布置、彩排检查和现场值守。`,
      link: `/logistics/events/${event.id}`,
    });
  }

  /** The event, locked for the change: 404 for who may not see it, 403 for who sees but may not change it. */
  private async lockForChange(manager: EntityManager, id: string, ctx: RequestContext): Promise<LogisticsEvent> {
    await this.access.assertCanChange(ctx.actor!, { type: LOGISTICS_EVENT, id }, ctx, manager);
    const event = await manager.findOne(LogisticsEvent, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!event) throw notFound(LOGISTICS_EVENT);
    return event;
  }

  private async lockLine(manager: EntityManager, eventId: string, materialId: string): Promise<EventMaterial> {
    const line = await manager.findOne(EventMaterial, { where: { id: materialId, eventId }, lock: { mode: 'pessimistic_write' } });
    if (!line) throw notFound('material line');
    return line;
  }

  private assertAction(line: EventMaterial, status: EventStatus, action: EventMaterialAction): void {
    if (!eventMaterialActions(line.source, line.status, status).includes(action)) throw materialIllegalAction(action, line.status, status);
  }

  private async removePart(
    id: string,
    partId: string,
    ctx: RequestContext,
    entity: typeof EventLayoutPiece | typeof EventDecoration | typeof EventRehearsalCheck | typeof EventDuty,
    action: string,
    planningOnly: boolean,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.lockForChange(manager, id, ctx);
      if (planningOnly ? !EVENT_PLANNING_STATUSES.includes(event.status) : event.status === 'reconciled') throw eventLocked();
      const result = await manager.delete(entity, { id: partId, eventId: id });
      if (!result.affected) throw notFound('event part');
      await this.audit.record(manager, ctx, {
        action: `logistics.events.${action}`,
        objectType: LOGISTICS_EVENT,
        objectId: id,
        details: { partId },
      });
    });
  }

  private async assertUser(manager: EntityManager, userId: string, field: string): Promise<void> {
    if (!(await manager.existsBy(User, { id: userId, active: true })))
      throw badRequest('No such person', { [field]: ['no active account has this id'] });
  }

  private async assertRoom(manager: EntityManager, roomId: string): Promise<void> {
    const [room] = await manager.query('SELECT 1 FROM meeting_rooms WHERE id = $1', [roomId]);
    if (!room) throw badRequest('No such room', { roomId: ['no meeting room has this id'] });
  }

  private toSummary(e: LogisticsEvent): EventSummaryDto {
    return {
      id: e.id,
      title: e.title,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      venue: e.venue,
      room: e.room ? { id: e.room.id, name: e.room.name } : null,
      owner: toRef(e.owner) ?? { id: e.ownerId, name: '—' },
      status: e.status,
      version: e.version,
    };
  }

  private toMaterial(m: EventMaterial, status: EventStatus, canChange: boolean): EventMaterialDto {
    return {
      id: m.id,
      source: m.source,
      name: m.name,
      specification: m.specification,
      quantity: m.quantity,
      itemId: m.itemId,
      note: m.note,
      supplier: m.supplier,
      costFen: m.costFen,
      returnOn: m.returnOn,
      status: m.status,
      returnedQuantity: m.returnedQuantity,
      consumedQuantity: m.consumedQuantity,
      missingQuantity: m.missingQuantity,
      damagedQuantity: m.damagedQuantity,
      responsible: toRef(m.responsible),
      accountingNote: m.accountingNote,
      accountedAt: iso(m.accountedAt),
      actions: canChange ? eventMaterialActions(m.source, m.status, status) : [],
    };
  }
}
