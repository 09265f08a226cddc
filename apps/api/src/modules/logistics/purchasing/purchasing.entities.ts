import type { DemandWindowStatus, DeliveryMismatch, PurchaseListStatus } from '@xiaoban/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';
import type { SupplyItem } from '../supplies/catalogue.entities';

/** Purchasing's settings (LOG-3): one row. */
@Entity('purchasing_settings')
@Check('CHK_purchasing_settings_single', `id = 1`)
@Check('CHK_purchasing_settings_min_quotes', `min_quotes BETWEEN 1 AND 10`)
export class PurchasingSettings {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_purchasing_settings' })
  id: number;

  /** The fewest quotes each line of a purchase list needs before it is submitted (default 3). */
  @Column({ name: 'min_quotes', type: 'integer', default: 3 })
  minQuotes: number;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** The demand window (需求征集) of one month (LOG-2), opened by the monthly job or by hand. */
@Entity('purchase_demand_windows')
@Index('UQ_purchase_demand_windows_month', ['month'], { unique: true })
@Check('CHK_purchase_demand_windows_status', `status IN ('open', 'closed')`)
@Check('CHK_purchase_demand_windows_month', `month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class PurchaseDemandWindow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_purchase_demand_windows' })
  id: string;

  /** YYYY-MM */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: DemandWindowStatus;

  /** Null when the monthly job opened it. */
  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by', foreignKeyConstraintName: 'FK_purchase_demand_windows_opened_by' })
  openedBy?: User | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A department's demand for the month (月度需求, LOG-2): one per department and window, replaced while the window is open. */
@Entity('purchase_demands')
@Index('UQ_purchase_demands_window_department', ['windowId', 'departmentId'], { unique: true })
@Index('IDX_purchase_demands_department', ['departmentId'])
export class PurchaseDemand {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_purchase_demands' })
  id: string;

  @Column({ name: 'window_id', type: 'uuid' })
  windowId: string;

  @ManyToOne('PurchaseDemandWindow', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'window_id', foreignKeyConstraintName: 'FK_purchase_demands_window' })
  window?: PurchaseDemandWindow;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne('Department', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_purchase_demands_department' })
  department?: Department;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'FK_purchase_demands_submitted_by' })
  submittedBy?: User;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One line of a department's demand; over the monthly quota only with a reason. */
@Entity('purchase_demand_lines')
@Index('UQ_purchase_demand_lines_item', ['demandId', 'itemId'], { unique: true })
@Index('IDX_purchase_demand_lines_item', ['itemId'])
@Check('CHK_purchase_demand_lines_quantity', `quantity > 0`)
@Check('CHK_purchase_demand_lines_over_quota', `quota IS NULL OR quantity <= quota OR over_quota_reason IS NOT NULL`)
export class PurchaseDemandLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_purchase_demand_lines' })
  id: string;

  @Column({ name: 'demand_id', type: 'uuid' })
  demandId: string;

  @ManyToOne('PurchaseDemand', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'demand_id', foreignKeyConstraintName: 'FK_purchase_demand_lines_demand' })
  demand?: PurchaseDemand;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne('SupplyItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_purchase_demand_lines_item' })
  item?: SupplyItem;

  @Column({ type: 'integer' })
  quantity: number;

  /** The department's monthly quota when submitted; null when the item has none. */
  @Column({ type: 'integer', nullable: true })
  quota: number | null;

  @Column({ name: 'over_quota_reason', type: 'varchar', length: 500, nullable: true })
  overQuotaReason: string | null;
}

/** A purchase list (采购清单, LOG-2–LOG-4), merged from a window's demands net of available stock. */
@Entity('purchase_lists')
@Index('UQ_purchase_lists_window', ['windowId'], { unique: true })
@Index('IDX_purchase_lists_status', ['status', 'createdAt'])
@Check('CHK_purchase_lists_status', `status IN ('draft', 'submitted', 'approved', 'ordered', 'receiving', 'received')`)
@Check('CHK_purchase_lists_amount', `amount_fen >= 0`)
export class PurchaseList {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_purchase_lists' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'window_id', type: 'uuid', nullable: true })
  windowId: string | null;

  @ManyToOne('PurchaseDemandWindow', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'window_id', foreignKeyConstraintName: 'FK_purchase_lists_window' })
  window?: PurchaseDemandWindow | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: PurchaseListStatus;

  /** The total of the chosen quotes, in fen, fixed when submitted for approval. */
  @Column({ name: 'amount_fen', type: 'integer', default: 0 })
  amountFen: number;

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_purchase_lists_created_by' })
  createdBy?: User;

  @Column({ name: 'ordered_at', type: 'timestamptz', nullable: true })
  orderedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One item of a purchase list: what the departments asked for, what was available, what is bought. */
@Entity('purchase_list_lines')
@Index('UQ_purchase_list_lines_item', ['listId', 'itemId'], { unique: true })
@Index('IDX_purchase_list_lines_item', ['itemId'])
@Check('CHK_purchase_list_lines_quantity', `quantity > 0 AND requested_quantity >= quantity`)
@Check('CHK_purchase_list_lines_received', `received_quantity >= 0 AND received_quantity <= quantity`)
export class PurchaseListLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_purchase_list_lines' })
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @ManyToOne('PurchaseList', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'FK_purchase_list_lines_list' })
  list?: PurchaseList;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne('SupplyItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_purchase_list_lines_item' })
  item?: SupplyItem;

  /** The item's specification when merged: the quotes and the deliveries are checked against it. */
  @Column({ type: 'varchar', length: 200 })
  specification: string;

  /** The sum of the departments' demands. */
  @Column({ name: 'requested_quantity', type: 'integer' })
  requestedQuantity: number;

  /** Available stock (on hand − reserved) when merged. */
  @Column({ name: 'available_quantity', type: 'integer' })
  availableQuantity: number;

  /** To buy: requested − available. */
  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'chosen_quote_id', type: 'uuid', nullable: true })
  chosenQuoteId: string | null;

  @ManyToOne('PurchaseQuote', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'chosen_quote_id', foreignKeyConstraintName: 'FK_purchase_list_lines_chosen_quote' })
  chosenQuote?: PurchaseQuote | null;

  /** Why another quote than the best matching one was chosen. */
  @Column({ name: 'choice_reason', type: 'varchar', length: 500, nullable: true })
  choiceReason: string | null;

  @Column({ name: 'received_quantity', type: 'integer', default: 0 })
  receivedQuantity: number;
}

/** A supplier (供应商, LOG-3). */
@Entity('suppliers')
@Index('UQ_suppliers_name', ['name'], { unique: true })
export class Supplier {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_suppliers' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  address: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A contact person at a supplier (联系人). */
@Entity('supplier_contacts')
@Index('IDX_supplier_contacts_supplier', ['supplierId'])
export class SupplierContact {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_supplier_contacts' })
  id: string;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @ManyToOne('Supplier', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_id', foreignKeyConstraintName: 'FK_supplier_contacts_supplier' })
  supplier?: Supplier;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 30, default: '' })
  phone: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  email: string;

  /** 职务 */
  @Column({ type: 'varchar', length: 50, default: '' })
  position: string;
}

/** A supplier's quote for one line (报价, LOG-3): the model offered and its unit price in fen. */
@Entity('purchase_quotes')
@Index('UQ_purchase_quotes_line_supplier', ['lineId', 'supplierId'], { unique: true })
@Index('IDX_purchase_quotes_supplier', ['supplierId'])
@Check('CHK_purchase_quotes_price', `unit_price_fen > 0`)
export class PurchaseQuote {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_purchase_quotes' })
  id: string;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId: string;

  @ManyToOne('PurchaseListLine', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'line_id', foreignKeyConstraintName: 'FK_purchase_quotes_line' })
  line?: PurchaseListLine;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @ManyToOne('Supplier', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id', foreignKeyConstraintName: 'FK_purchase_quotes_supplier' })
  supplier?: Supplier;

  /** The model the supplier offers; it matches the line when equal to its specification (normaliseModel). */
  @Column({ type: 'varchar', length: 200 })
  model: string;

  @Column({ name: 'unit_price_fen', type: 'integer' })
  unitPriceFen: number;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_purchase_quotes_created_by' })
  createdBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A delivery (到货验收, LOG-4) from one supplier against the ordered list. */
@Entity('purchase_deliveries')
@Index('IDX_purchase_deliveries_list', ['listId', 'receivedAt'])
export class PurchaseDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_purchase_deliveries' })
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @ManyToOne('PurchaseList', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'FK_purchase_deliveries_list' })
  list?: PurchaseList;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @ManyToOne('Supplier', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id', foreignKeyConstraintName: 'FK_purchase_deliveries_supplier' })
  supplier?: Supplier;

  @Column({ name: 'received_by', type: 'uuid' })
  receivedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'received_by', foreignKeyConstraintName: 'FK_purchase_deliveries_received_by' })
  receivedBy?: User;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;
}

/** One line of a delivery: what came, what was accepted into stock, and what did not match the order. */
@Entity('purchase_delivery_lines')
@Index('IDX_purchase_delivery_lines_delivery', ['deliveryId'])
@Index('IDX_purchase_delivery_lines_line', ['lineId'])
@Check(
  'CHK_purchase_delivery_lines_quantity',
  `delivered_quantity > 0 AND accepted_quantity >= 0 AND accepted_quantity <= delivered_quantity`,
)
export class PurchaseDeliveryLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_purchase_delivery_lines' })
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @ManyToOne('PurchaseDelivery', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'FK_purchase_delivery_lines_delivery' })
  delivery?: PurchaseDelivery;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId: string;

  @ManyToOne('PurchaseListLine', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'line_id', foreignKeyConstraintName: 'FK_purchase_delivery_lines_line' })
  line?: PurchaseListLine;

  /** The model on the delivered goods. */
  @Column({ name: 'delivered_model', type: 'varchar', length: 200 })
  deliveredModel: string;

  @Column({ name: 'delivered_quantity', type: 'integer' })
  deliveredQuantity: number;

  /** Taken into stock: nothing of another model; no more than was outstanding. */
  @Column({ name: 'accepted_quantity', type: 'integer' })
  acceptedQuantity: number;

  @Column({ type: 'varchar', array: true, length: 20, default: () => "'{}'" })
  mismatches: DeliveryMismatch[];

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;
}

export const PURCHASING_ENTITIES = [
  PurchasingSettings,
  PurchaseDemandWindow,
  PurchaseDemand,
  PurchaseDemandLine,
  PurchaseList,
  PurchaseListLine,
  Supplier,
  SupplierContact,
  PurchaseQuote,
  PurchaseDelivery,
  PurchaseDeliveryLine,
];
