import type { DocumentSecrecy, InventoryRemedy, InventoryStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/** One month's inventory of the office's paper documents (清点, DOC-9). */
@Entity('document_inventories')
@Index('UQ_document_inventories_period', ['period'], { unique: true })
@Check('CHK_document_inventories_status', `status IN ('open', 'closed')`)
@Check('CHK_document_inventories_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
export class DocumentInventory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** YYYY-MM */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 10 })
  status: InventoryStatus;

  /** Null when the monthly job opened it. */
  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'opened_by', foreignKeyConstraintName: 'FK_document_inventories_opened_by' })
  openedBy?: User | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'closed_by', foreignKeyConstraintName: 'FK_document_inventories_closed_by' })
  closedBy?: User | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One line of the checklist: a record expected on the shelf (generated when the inventory opens),
 * or one found that was not expected (多出, `expected` false) — a record of the system, or a paper
 * described by hand. Damage, and the repair or copy made for it, are recorded on the line.
 */
@Entity('document_inventory_items')
@Index('UQ_document_inventory_items_record', ['inventoryId', 'recordKind', 'recordId'], { unique: true, where: 'record_id IS NOT NULL' })
@Index('IDX_document_inventory_items_inventory', ['inventoryId', 'expected'])
@Check('CHK_document_inventory_items_record', `(record_kind IS NULL) = (record_id IS NULL)`)
@Check('CHK_document_inventory_items_extra', `expected OR counted_at IS NOT NULL`)
@Check('CHK_document_inventory_items_remedy', `remedy IS NULL OR (damaged AND remedy IN ('repaired', 'copied'))`)
export class DocumentInventoryItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'inventory_id', type: 'uuid' })
  inventoryId: string;

  @ManyToOne('DocumentInventory', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inventory_id', foreignKeyConstraintName: 'FK_document_inventory_items_inventory' })
  inventory?: DocumentInventory;

  @Column({ name: 'record_kind', type: 'varchar', length: 60, nullable: true })
  recordKind: string | null;

  @Column({ name: 'record_id', type: 'uuid', nullable: true })
  recordId: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'integer', default: 1 })
  copies: number;

  @Column({ type: 'varchar', length: 20, default: 'none' })
  secrecy: DocumentSecrecy;

  /** On the checklist as generated; false for an item found but not expected (多出). */
  @Column({ type: 'boolean' })
  expected: boolean;

  @Column({ name: 'counted_at', type: 'timestamptz', nullable: true })
  countedAt: Date | null;

  @Column({ name: 'counted_by', type: 'uuid', nullable: true })
  countedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'counted_by', foreignKeyConstraintName: 'FK_document_inventory_items_counted_by' })
  countedBy?: User | null;

  @Column({ type: 'boolean', default: false })
  damaged: boolean;

  @Column({ name: 'damage_note', type: 'text', nullable: true })
  damageNote: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  remedy: InventoryRemedy | null;

  @Column({ name: 'remedy_note', type: 'text', nullable: true })
  remedyNote: string | null;

  @Column({ name: 'remedied_at', type: 'timestamptz', nullable: true })
  remediedAt: Date | null;

  /** Where an extra item was found, or anything else the counter noted. */
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
