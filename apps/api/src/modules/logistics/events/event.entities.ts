import type { EventStatus, LayoutPieceKind, EventMaterialSource, EventMaterialStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/**
 * An event whose logistics the office organises (活动后勤, LOG-11): a date, a venue and an owner,
 * moving planning → ready → held → reconciled.
 */
@Entity('logistics_events')
@Index('IDX_logistics_events_owner', ['ownerId'])
@Index('IDX_logistics_events_starts', ['startsAt'])
@Check('CHK_logistics_events_status', `status IN ('planning', 'ready', 'held', 'reconciled')`)
@Check('CHK_logistics_events_period', `ends_at >= starts_at`)
@Check('CHK_logistics_events_grid', `layout_rows BETWEEN 1 AND 30 AND layout_cols BETWEEN 1 AND 30`)
export class LogisticsEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_logistics_events' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** The venue in words (礼堂, 操场东侧…). */
  @Column({ type: 'varchar', length: 200 })
  venue: string;

  /** A meeting room, when the event takes place in one. */
  @Column({ name: 'room_id', type: 'uuid', nullable: true })
  roomId: string | null;

  @ManyToOne('MeetingRoom', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'room_id', foreignKeyConstraintName: 'FK_logistics_events_room' })
  room?: { id: string; name: string } | null;

  /** 负责人 */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'FK_logistics_events_owner' })
  owner?: User;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_logistics_events_created_by' })
  createdBy?: User;

  @Column({ type: 'varchar', length: 1000, default: '' })
  note: string;

  @Column({ type: 'varchar', length: 20, default: 'planning' })
  status: EventStatus;

  @Column({ name: 'layout_rows', type: 'integer', default: 8 })
  layoutRows: number;

  @Column({ name: 'layout_cols', type: 'integer', default: 12 })
  layoutCols: number;

  @Column({ name: 'reconciled_at', type: 'timestamptz', nullable: true })
  reconciledAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A line of an event's material list: from stock (a catalogue item, reserved then issued through
 * the stock ledger), to buy (a note), or to rent (supplier, cost in fen, return date). At the
 * clean-up each stock and rented line is accounted for: returned, consumed, missing or damaged,
 * the last two with the person responsible.
 */
@Entity('logistics_event_materials')
@Index('IDX_logistics_event_materials_event', ['eventId'])
@Index('IDX_logistics_event_materials_item', ['itemId'])
@Check('CHK_logistics_event_materials_source', `source IN ('stock', 'buy', 'rent')`)
@Check('CHK_logistics_event_materials_status', `status IN ('planned', 'reserved', 'issued', 'accounted')`)
@Check('CHK_logistics_event_materials_quantity', `quantity > 0`)
@Check('CHK_logistics_event_materials_stock_item', `(source = 'stock') = (item_id IS NOT NULL)`)
@Check(
  'CHK_logistics_event_materials_counts',
  `returned_quantity >= 0 AND consumed_quantity >= 0 AND missing_quantity >= 0 AND damaged_quantity >= 0`,
)
@Check(
  'CHK_logistics_event_materials_accounted',
  `status <> 'accounted' OR returned_quantity + consumed_quantity + missing_quantity + damaged_quantity = quantity`,
)
@Check('CHK_logistics_event_materials_responsible', `missing_quantity + damaged_quantity = 0 OR responsible_id IS NOT NULL`)
@Check('CHK_logistics_event_materials_cost', `cost_fen IS NULL OR cost_fen >= 0`)
export class EventMaterial {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_logistics_event_materials' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne('LogisticsEvent', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_logistics_event_materials_event' })
  event?: LogisticsEvent;

  @Column({ type: 'varchar', length: 10 })
  source: EventMaterialSource;

  /** What it is (for a stock line, the catalogue item's name when added). */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 规格 */
  @Column({ type: 'varchar', length: 200, default: '' })
  specification: string;

  @Column({ type: 'integer' })
  quantity: number;

  /** The catalogue item of a stock line. */
  @Column({ name: 'item_id', type: 'uuid', nullable: true })
  itemId: string | null;

  @ManyToOne('SupplyItem', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'FK_logistics_event_materials_item' })
  item?: { id: string; name: string } | null;

  /** A note (what to buy, where; anything else). */
  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  /** Rental: the supplier (租赁方). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  supplier: string | null;

  /** Rental: the cost, in integer fen. */
  @Column({ name: 'cost_fen', type: 'integer', nullable: true })
  costFen: number | null;

  /** Rental: the date it goes back to the supplier. */
  @Column({ name: 'return_on', type: 'date', nullable: true })
  returnOn: string | null;

  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status: EventMaterialStatus;

  @Column({ name: 'returned_quantity', type: 'integer', default: 0 })
  returnedQuantity: number;

  @Column({ name: 'consumed_quantity', type: 'integer', default: 0 })
  consumedQuantity: number;

  @Column({ name: 'missing_quantity', type: 'integer', default: 0 })
  missingQuantity: number;

  @Column({ name: 'damaged_quantity', type: 'integer', default: 0 })
  damagedQuantity: number;

  /** Who answers for what is missing or damaged. */
  @Column({ name: 'responsible_id', type: 'uuid', nullable: true })
  responsibleId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_id', foreignKeyConstraintName: 'FK_logistics_event_materials_responsible' })
  responsible?: User | null;

  @Column({ name: 'accounting_note', type: 'varchar', length: 500, nullable: true })
  accountingNote: string | null;

  @Column({ name: 'accounted_at', type: 'timestamptz', nullable: true })
  accountedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A piece of the venue layout (a table, chairs, a screen…) on a grid cell. */
@Entity('logistics_event_layout_pieces')
@Index('UQ_logistics_event_layout_cell', ['eventId', 'row', 'col'], { unique: true })
@Check('CHK_logistics_event_layout_cell', `grid_row >= 0 AND grid_col >= 0`)
export class EventLayoutPiece {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_logistics_event_layout_pieces' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne('LogisticsEvent', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_logistics_event_layout_pieces_event' })
  event?: LogisticsEvent;

  @Column({ type: 'varchar', length: 20 })
  kind: LayoutPieceKind;

  @Column({ type: 'varchar', length: 60, default: '' })
  label: string;

  @Column({ name: 'grid_row', type: 'integer' })
  row: number;

  @Column({ name: 'grid_col', type: 'integer' })
  col: number;
}

/** A decoration of the venue (横幅, 气球, 桌布…). */
@Entity('logistics_event_decorations')
@Index('IDX_logistics_event_decorations_event', ['eventId'])
@Check('CHK_logistics_event_decorations_quantity', `quantity > 0`)
export class EventDecoration {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_logistics_event_decorations' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne('LogisticsEvent', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_logistics_event_decorations_event' })
  event?: LogisticsEvent;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'integer', default: 1 })
  quantity: number;

  /** Where it goes, its text (a banner's words), colour… */
  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An item of the rehearsal checklist (彩排检查), checked by someone at some time. */
@Entity('logistics_event_checks')
@Index('IDX_logistics_event_checks_event', ['eventId'])
@Check('CHK_logistics_event_checks_checked', `(checked_at IS NULL) = (checked_by IS NULL)`)
export class EventRehearsalCheck {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_logistics_event_checks' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne('LogisticsEvent', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_logistics_event_checks_event' })
  event?: LogisticsEvent;

  @Column({ type: 'varchar', length: 300 })
  text: string;

  @Column({ name: 'checked_by', type: 'uuid', nullable: true })
  checkedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'checked_by', foreignKeyConstraintName: 'FK_logistics_event_checks_checked_by' })
  checkedBy?: User | null;

  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true })
  checkedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A shift of the on-site duty roster (现场值守): a person, their role, a time slot. */
@Entity('logistics_event_duties')
@Index('IDX_logistics_event_duties_event', ['eventId'])
@Check('CHK_logistics_event_duties_slot', `ends_at > starts_at`)
export class EventDuty {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_logistics_event_duties' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne('LogisticsEvent', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_logistics_event_duties_event' })
  event?: LogisticsEvent;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_logistics_event_duties_person' })
  person?: User;

  /** 岗位 (签到, 音响, 引导…). */
  @Column({ type: 'varchar', length: 100 })
  role: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;
}

/** An entry of the incident log (现场情况记录): when, what, what was done, who reported it. */
@Entity('logistics_event_incidents')
@Index('IDX_logistics_event_incidents_event', ['eventId', 'occurredAt'])
export class EventIncident {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_logistics_event_incidents' })
  id: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne('LogisticsEvent', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_logistics_event_incidents_event' })
  event?: LogisticsEvent;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  @Column({ name: 'action_taken', type: 'varchar', length: 1000, default: '' })
  actionTaken: string;

  @Column({ name: 'reporter_id', type: 'uuid' })
  reporterId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'FK_logistics_event_incidents_reporter' })
  reporter?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const EVENT_LOGISTICS_ENTITIES = [
  LogisticsEvent,
  EventMaterial,
  EventLayoutPiece,
  EventDecoration,
  EventRehearsalCheck,
  EventDuty,
  EventIncident,
];
