import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../org/user.entity';

/**
 * One thing waiting for one person (待办, PLT-3): a pending approval, a document to handle, a task
 * or a repair. Modules open and close items through InboxService; the done list (已办) is the
 * same rows once closed.
 */
@Entity('inbox_items')
@Index('IDX_inbox_items_todo', ['assigneeId', 'status', 'urgency', 'dueAt'])
@Index('UQ_inbox_items_source', ['sourceType', 'sourceId', 'assigneeId'], { unique: true })
export class InboxItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assignee_id', type: 'uuid' })
  assigneeId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'FK_inbox_items_assignee' })
  assignee?: User;

  /** What kind of work, e.g. `approval-task`, `incoming-document`. */
  @Column({ name: 'source_type', type: 'varchar', length: 50 })
  sourceType: string;

  @Column({ name: 'source_id', type: 'varchar', length: 100 })
  sourceId: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** Where the work is done, as a path in the admin panel. */
  @Column({ type: 'varchar', length: 300 })
  link: string;

  /** 0 normal, 1 urgent (加急), 2 very urgent (特急): the list shows higher first. */
  @Column({ type: 'smallint', default: 0 })
  urgency: number;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: 'open' | 'done' | 'cancelled';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
