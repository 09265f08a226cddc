import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';

/** An item of the supplies catalogue (办公用品目录, LOG-1). */
@Entity('supply_items')
@Index('IDX_supply_items_category', ['category', 'name'])
@Check('CHK_supply_items_safety_stock', `safety_stock >= 0`)
export class SupplyItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_supply_items' })
  id: string;

  /** 品名 */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** 规格型号 */
  @Column({ type: 'varchar', length: 200, default: '' })
  specification: string;

  /** 计量单位 (包, 支, 箱…) */
  @Column({ type: 'varchar', length: 20 })
  unit: string;

  /** 类别 (纸张, 书写工具, 清洁用品…) */
  @Column({ type: 'varchar', length: 50 })
  category: string;

  /** 是否消耗品: consumables are used up; durable items (订书机, 计算器) may come back. */
  @Column({ type: 'boolean', default: true })
  consumable: boolean;

  /** 安全库存: at or below this *available* quantity the storekeeper is alerted (LOG-6). */
  @Column({ name: 'safety_stock', type: 'integer', default: 0 })
  safetyStock: number;

  /** Never alert for this item (LOG-6). */
  @Column({ name: 'alerts_excluded', type: 'boolean', default: false })
  alertsExcluded: boolean;

  /** Inactive items stay in the ledger but are no longer requested or counted. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToOne('StockBalance', (b: StockBalance) => b.item)
  balance?: Relation<StockBalance>;
}

/** A department's monthly quota of an item (部门月度限额, LOG-1; checked by the monthly demand, LOG-2). */
@Entity('supply_item_quotas')
@Index('UQ_supply_item_quotas_item_department', ['itemId', 'departmentId'], { unique: true })
@Index('IDX_supply_item_quotas_department', ['departmentId'])
@Check('CHK_supply_item_quotas_quantity', `monthly_quantity > 0`)
export class SupplyItemQuota {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_supply_item_quotas' })
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne('SupplyItem', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_supply_item_quotas_item' })
  item?: SupplyItem;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne('Department', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_supply_item_quotas_department' })
  department?: Department;

  @Column({ name: 'monthly_quantity', type: 'integer' })
  monthlyQuantity: number;
}

/**
 * The current balance of an item: the sum of its ledger. On-hand never goes below zero (the
 * database refuses it); reserved is what waiting lines and events hold (LOG-5, LOG-6, LOG-11).
 */
@Entity('stock_balances')
@Check('CHK_stock_balances_on_hand', `on_hand >= 0`)
@Check('CHK_stock_balances_reserved', `reserved >= 0`)
export class StockBalance {
  @PrimaryColumn({ name: 'item_id', type: 'uuid', primaryKeyConstraintName: 'PK_stock_balances' })
  itemId: string;

  @OneToOne('SupplyItem', (i: SupplyItem) => i.balance, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_stock_balances_item' })
  item?: Relation<SupplyItem>;

  @Column({ name: 'on_hand', type: 'integer', default: 0 })
  onHand: number;

  @Column({ type: 'integer', default: 0 })
  reserved: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One movement of the append-only stock ledger (库存台账): who, when, why, and the balance after it. */
@Entity('stock_movements')
@Index('IDX_stock_movements_item', ['itemId', 'seq'])
@Index('IDX_stock_movements_department', ['departmentId', 'createdAt'])
@Index('IDX_stock_movements_source', ['sourceType', 'sourceId'])
@Check('CHK_stock_movements_kind', `kind IN ('in', 'out', 'adjustment', 'return', 'reservation', 'release')`)
@Check('CHK_stock_movements_quantity', `(kind = 'adjustment' AND quantity <> 0) OR quantity > 0`)
@Check('CHK_stock_movements_after', `on_hand_after >= 0 AND reserved_after >= 0`)
export class StockMovement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_stock_movements' })
  id: string;

  /** The ledger's order: movements of one item are serialised by its balance row, so seq follows them. */
  @Column({ type: 'bigint', generated: 'increment' })
  seq: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne('SupplyItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_stock_movements_item' })
  item?: SupplyItem;

  @Column({ type: 'varchar', length: 20 })
  kind: 'in' | 'out' | 'adjustment' | 'return' | 'reservation' | 'release';

  /** Positive; signed for an adjustment. */
  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'on_hand_after', type: 'integer' })
  onHandAfter: number;

  @Column({ name: 'reserved_after', type: 'integer' })
  reservedAfter: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  /** The department an out, return or reservation is for (LOG-5, LOG-8). */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_stock_movements_department' })
  department?: Department | null;

  /** What caused it (`supply-request`, `stocktake`, `purchase-receipt`, `event`…) and its id. */
  @Column({ name: 'source_type', type: 'varchar', length: 60, nullable: true })
  sourceType: string | null;

  @Column({ name: 'source_id', type: 'varchar', length: 100, nullable: true })
  sourceId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_stock_movements_actor' })
  actor?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const SUPPLIES_LEDGER_ENTITIES = [SupplyItem, SupplyItemQuota, StockBalance, StockMovement];
