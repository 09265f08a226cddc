import type { DestructionListStatus, DestructionMethod, DocumentSecrecy } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../org/user.entity';

/**
 * A destruction list (销毁清册, DOC-10): the expired records proposed together, their approval,
 * and — once approved — the destruction record: method, date, place and the witnesses (监销人).
 */
@Entity('destruction_lists')
@Index('IDX_destruction_lists_status', ['status', 'createdAt'])
@Check('CHK_destruction_lists_status', `status IN ('draft', 'pending', 'approved', 'rejected', 'completed')`)
@Check('CHK_destruction_lists_method', `method IS NULL OR method IN ('burn', 'shred', 'pulp', 'degauss')`)
@Check('CHK_destruction_lists_completed', `(status = 'completed') = (completed_at IS NOT NULL)`)
export class DestructionList {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  status: DestructionListStatus;

  /** The day the proposal looked for expired records (YYYY-MM-DD). */
  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_destruction_lists_created_by' })
  createdBy?: User | null;

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  /** The approver's comment on the decision. */
  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  method: DestructionMethod | null;

  @Column({ name: 'destroyed_on', type: 'date', nullable: true })
  destroyedOn: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'completed_by', foreignKeyConstraintName: 'FK_destruction_lists_completed_by' })
  completedBy?: User | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * One record on a list, described as it was when proposed: the list stays readable whatever
 * happens to the record later. A record is on at most one list that is not rejected.
 */
@Entity('destruction_list_items')
@Index('UQ_destruction_list_items_record', ['listId', 'recordKind', 'recordId'], { unique: true })
@Index('IDX_destruction_list_items_record', ['recordKind', 'recordId'])
export class DestructionListItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @ManyToOne('DestructionList', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'FK_destruction_list_items_list' })
  list?: DestructionList;

  @Column({ name: 'record_kind', type: 'varchar', length: 60 })
  recordKind: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  number: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 30 })
  retention: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 20, default: 'none' })
  secrecy: DocumentSecrecy;
}

/** A witness (监销人) of a destruction, who confirms it with their own sign-in. */
@Entity('destruction_witnesses')
@Index('UQ_destruction_witnesses_user', ['listId', 'userId'], { unique: true })
export class DestructionWitness {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @ManyToOne('DestructionList', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id', foreignKeyConstraintName: 'FK_destruction_witnesses_list' })
  list?: DestructionList;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_destruction_witnesses_user' })
  user?: User;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}
