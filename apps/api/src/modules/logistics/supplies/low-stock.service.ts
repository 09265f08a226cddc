import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PERMISSIONS, suggestedReorder } from '@xiaoban/shared';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { StockItemRefDto } from './catalogue.dto';
import { LowStockAlert } from './distribution.entities';
import type { QueryLowStockAlertsDto } from './distribution.dto';
import { StockLedgerService } from './stock-ledger.service';

export class LowStockAlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: StockItemRefDto }) item: StockItemRefDto;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  /** The figures the alert fired on. */
  @ApiProperty() onHand: number;
  @ApiProperty() reserved: number;
  @ApiProperty() available: number;
  @ApiProperty() safetyStock: number;
  /** 建议补货量: safety + max(safety, monthly quota sum) − available. */
  @ApiProperty() suggestedQuantity: number;
  /** Available now. */
  @ApiProperty() currentAvailable: number;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
}

/**
 * Low-stock alerts (库存预警, LOG-6). The rule runs after every ledger movement, in its
 * transaction, and after the safety level or exclusion of an item changes. It looks at *available*
 * stock (on hand minus reserved for waiting lines and events): at or below the safety level an
 * alert opens and the storekeepers (holders of logistics.supplies.manage) are notified once, with
 * a suggested reorder; it closes when available rises above the level again, so an item that stays
 * low does not alert on every movement. Excluded and inactive items never alert.
 */
@Injectable()
export class LowStockService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: StockLedgerService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.ledger.onMovement((manager, itemId) => this.evaluate(manager, itemId));
  }

  async evaluate(manager: EntityManager, itemId: string): Promise<void> {
    const [row] = await manager.query<
      {
        name: string;
        specification: string;
        unit: string;
        safety_stock: number;
        alerts_excluded: boolean;
        active: boolean;
        on_hand: number;
        reserved: number;
        quota_sum: number;
      }[]
    >(
      `SELECT i.name, i.specification, i.unit, i.safety_stock, i.alerts_excluded, i.active, b.on_hand, b.reserved,
              (SELECT coalesce(sum(q.monthly_quantity), 0)::int FROM supply_item_quotas q WHERE q.item_id = i.id) AS quota_sum
         FROM supply_items i JOIN stock_balances b ON b.item_id = i.id
        WHERE i.id = $1`,
      [itemId],
    );
    if (!row) return;
    const available = row.on_hand - row.reserved;
    const low = row.active && !row.alerts_excluded && available <= row.safety_stock;
    if (low) {
      const suggested = suggestedReorder(row.safety_stock, available, row.quota_sum);
      const [opened] = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO low_stock_alerts (item_id, on_hand, reserved, available, safety_stock, suggested_quantity)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (item_id) WHERE status = 'open' DO NOTHING
           RETURNING id`,
          [itemId, row.on_hand, row.reserved, available, row.safety_stock, suggested],
        ),
      );
      if (!opened) return; // still low: alerted already
      const keepers = await manager.query<{ id: string }[]>(
        `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
          WHERE u.active AND $1 = ANY(r.permissions)`,
        [PERMISSIONS.LOGISTICS_SUPPLIES_MANAGE],
      );
      const label = `${row.name}${row.specification ? `（${row.specification}）` : ''}`;
      if (keepers.length)
        await this.notifications.notify(manager, {
          recipientIds: keepers.map((k) => k.id),
          kind: 'logistics.supplies.low-stock',
          title: `【库存预警】${label}`,
          body:
            `可用库存${available}${row.unit}（在库${row.on_hand}，预留${row.reserved}），已不高于安全库存${row.safety_stock}${row.unit}；` +
            `建议补货${suggested}${row.unit}。`,
          link: `/logistics/supplies/alerts`,
        });
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'logistics.supplies.low-stock.open',
        objectType: 'supply-item',
        objectId: itemId,
        details: { alertId: opened.id, onHand: row.on_hand, reserved: row.reserved, available, safetyStock: row.safety_stock, suggested },
      });
    } else {
      const closed = returnedRows<{ id: string }>(
        await manager.query(
          `UPDATE low_stock_alerts SET status = 'closed', closed_at = now() WHERE item_id = $1 AND status = 'open' RETURNING id`,
          [itemId],
        ),
      );
      if (closed.length)
        await this.audit.record(manager, SYSTEM_CONTEXT, {
          action: 'logistics.supplies.low-stock.close',
          objectType: 'supply-item',
          objectId: itemId,
          details: { alertId: closed[0].id, available },
        });
    }
  }

  async list(query: QueryLowStockAlertsDto): Promise<Page<LowStockAlertDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(LowStockAlert, 'a')
      .innerJoinAndSelect('a.item', 'item')
      .innerJoinAndSelect('item.balance', 'balance')
      .orderBy('a.openedAt', 'DESC')
      .addOrderBy('a.id', 'DESC');
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.itemId) qb.andWhere('a.itemId = :itemId', { itemId: query.itemId });
    return paginate(qb, query, (a) => ({
      id: a.id,
      item: { id: a.itemId, name: a.item!.name, specification: a.item!.specification, unit: a.item!.unit },
      status: a.status,
      onHand: a.onHand,
      reserved: a.reserved,
      available: a.available,
      safetyStock: a.safetyStock,
      suggestedQuantity: a.suggestedQuantity,
      currentAvailable: (a.item!.balance?.onHand ?? 0) - (a.item!.balance?.reserved ?? 0),
      openedAt: a.openedAt.toISOString(),
      closedAt: a.closedAt?.toISOString() ?? null,
    }));
  }
}
