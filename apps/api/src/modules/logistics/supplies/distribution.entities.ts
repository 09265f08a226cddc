import type { LowStockAlertStatus, StocktakeStatus, SupplyRequestStatus } from '@xiaoban/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';
import type { SupplyItem } from './catalogue.entities';

/** A department's request for supplies (领用申请, LOG-5). */
@Entity('supply_requests')
@Index('IDX_supply_requests_department', ['departmentId', 'createdAt'])
@Index('IDX_supply_requests_status', ['status', 'createdAt'])
@Check('CHK_supply_requests_status', `status IN ('submitted', 'waiting', 'issued', 'cancelled')`)
export class SupplyRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_supply_requests' })
  id: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne('Department', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_supply_requests_department' })
  department?: Relation<Department>;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requester_id', foreignKeyConstraintName: 'FK_supply_requests_requester' })
  requester?: Relation<User>;

  /** 用途 */
  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ type: 'varchar', length: 20, default: 'submitted' })
  status: SupplyRequestStatus;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany('SupplyRequestLine', (l: SupplyRequestLine) => l.request)
  lines?: Relation<SupplyRequestLine[]>;

  @OneToMany('SupplyIssue', (i: SupplyIssue) => i.request)
  issues?: Relation<SupplyIssue[]>;
}

/**
 * One item of a request. What is neither issued nor cancelled waits (待补发); once a request has
 * been issued in part, its waiting quantity is held as a reservation in the ledger (`reserved`).
 */
@Entity('supply_request_lines')
@Index('UQ_supply_request_lines_item', ['requestId', 'itemId'], { unique: true })
@Index('IDX_supply_request_lines_item', ['itemId'])
@Check('CHK_supply_request_lines_quantities', `quantity > 0 AND issued >= 0 AND cancelled >= 0 AND issued + cancelled <= quantity`)
@Check('CHK_supply_request_lines_reserved', `reserved >= 0 AND reserved <= quantity - issued - cancelled`)
export class SupplyRequestLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_supply_request_lines' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne('SupplyRequest', (r: SupplyRequest) => r.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_supply_request_lines_request' })
  request?: Relation<SupplyRequest>;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne('SupplyItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_supply_request_lines_item' })
  item?: Relation<SupplyItem>;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'integer', default: 0 })
  issued: number;

  @Column({ type: 'integer', default: 0 })
  cancelled: number;

  @Column({ type: 'integer', default: 0 })
  reserved: number;
}

/** One issue action (发放单): what the storekeeper handed out, signed for by the department (签收). */
@Entity('supply_issues')
@Index('IDX_supply_issues_request', ['requestId'])
@Check('CHK_supply_issues_signed', `(signed_at IS NULL) = (signed_by IS NULL)`)
export class SupplyIssue {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_supply_issues' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne('SupplyRequest', (r: SupplyRequest) => r.issues, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_supply_issues_request' })
  request?: Relation<SupplyRequest>;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'FK_supply_issues_issued_by' })
  issuedBy?: Relation<User>;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ name: 'signed_by', type: 'uuid', nullable: true })
  signedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_by', foreignKeyConstraintName: 'FK_supply_issues_signed_by' })
  signedBy?: Relation<User> | null;

  @OneToMany('SupplyIssueLine', (l: SupplyIssueLine) => l.issue)
  lines?: Relation<SupplyIssueLine[]>;
}

@Entity('supply_issue_lines')
@Index('IDX_supply_issue_lines_issue', ['issueId'])
@Check('CHK_supply_issue_lines_quantity', `quantity > 0`)
export class SupplyIssueLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_supply_issue_lines' })
  id: string;

  @Column({ name: 'issue_id', type: 'uuid' })
  issueId: string;

  @ManyToOne('SupplyIssue', (i: SupplyIssue) => i.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issue_id', foreignKeyConstraintName: 'FK_supply_issue_lines_issue' })
  issue?: Relation<SupplyIssue>;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId: string;

  @ManyToOne('SupplyRequestLine', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'line_id', foreignKeyConstraintName: 'FK_supply_issue_lines_line' })
  line?: Relation<SupplyRequestLine>;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne('SupplyItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_supply_issue_lines_item' })
  item?: Relation<SupplyItem>;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'movement_id', type: 'uuid' })
  movementId: string;
}

/** A low-stock alert (库存预警, LOG-6): at most one open per item; closed when available rises above the level. */
@Entity('low_stock_alerts')
@Index('UQ_low_stock_alerts_open', ['itemId'], { unique: true, where: `status = 'open'` })
@Index('IDX_low_stock_alerts_status', ['status', 'openedAt'])
@Check('CHK_low_stock_alerts_status', `status IN ('open', 'closed')`)
@Check('CHK_low_stock_alerts_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
export class LowStockAlert {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_low_stock_alerts' })
  id: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne('SupplyItem', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_low_stock_alerts_item' })
  item?: Relation<SupplyItem>;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: LowStockAlertStatus;

  @Column({ name: 'on_hand', type: 'integer' })
  onHand: number;

  @Column({ type: 'integer' })
  reserved: number;

  /** on_hand − reserved when the alert opened: the figure it fired on. */
  @Column({ type: 'integer' })
  available: number;

  @Column({ name: 'safety_stock', type: 'integer' })
  safetyStock: number;

  @Column({ name: 'suggested_quantity', type: 'integer' })
  suggestedQuantity: number;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

/** A stocktake (盘点, LOG-7): the count sheet of all active items with their book quantity. */
@Entity('stocktakes')
@Index('IDX_stocktakes_created', ['createdAt'])
@Check('CHK_stocktakes_status', `status IN ('counting', 'submitted', 'approved')`)
@Check('CHK_stocktakes_second_person', `approved_by IS NULL OR approved_by <> submitted_by`)
export class Stocktake {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_stocktakes' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20, default: 'counting' })
  status: StocktakeStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_stocktakes_created_by' })
  createdBy?: Relation<User>;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'FK_stocktakes_submitted_by' })
  submittedBy?: Relation<User> | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'FK_stocktakes_approved_by' })
  approvedBy?: Relation<User> | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany('StocktakeLine', (l: StocktakeLine) => l.stocktake)
  lines?: Relation<StocktakeLine[]>;
}

@Entity('stocktake_lines')
@Index('UQ_stocktake_lines_item', ['stocktakeId', 'itemId'], { unique: true })
@Check('CHK_stocktake_lines_counted', `counted_quantity IS NULL OR counted_quantity >= 0`)
export class StocktakeLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_stocktake_lines' })
  id: string;

  @Column({ name: 'stocktake_id', type: 'uuid' })
  stocktakeId: string;

  @ManyToOne('Stocktake', (s: Stocktake) => s.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stocktake_id', foreignKeyConstraintName: 'FK_stocktake_lines_stocktake' })
  stocktake?: Relation<Stocktake>;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne('SupplyItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_stocktake_lines_item' })
  item?: Relation<SupplyItem>;

  /** 账面数: on hand when the sheet was generated. */
  @Column({ name: 'book_quantity', type: 'integer' })
  bookQuantity: number;

  /** 实盘数 */
  @Column({ name: 'counted_quantity', type: 'integer', nullable: true })
  countedQuantity: number | null;

  /** 差异原因: required for a variance. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** The adjustment movement written on approval. */
  @Column({ name: 'movement_id', type: 'uuid', nullable: true })
  movementId: string | null;
}

export const SUPPLIES_DISTRIBUTION_ENTITIES = [
  SupplyRequest,
  SupplyRequestLine,
  SupplyIssue,
  SupplyIssueLine,
  LowStockAlert,
  Stocktake,
  StocktakeLine,
];
