import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../org/user.entity';

/**
 * An internal message (站内信, ADM-2): from a person to persons and departments, or from the
 * system (sender null) as the in-app channel of notifications (PLT-4).
 */
@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_messages_sender')
  @Column({ name: 'sender_id', type: 'uuid', nullable: true })
  senderId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sender_id', foreignKeyConstraintName: 'FK_messages_sender' })
  sender?: User | null;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** The message this one replies to; replies keep the thread of the first message. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne('Message', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_messages_parent' })
  parent?: Message | null;

  @Index('IDX_messages_thread')
  @Column({ name: 'thread_id', type: 'uuid' })
  threadId: string;

  /** Departments it was addressed to, as written; their members at sending time are recipients. */
  @Column({ name: 'to_department_ids', type: 'uuid', array: true, default: () => "'{}'" })
  toDepartmentIds: string[];

  /** A path in the admin panel the message is about (notifications link to their object). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  /** For a notification: its delivery (outbox) id, so that opening the message marks it read. */
  @Column({ name: 'delivery_id', type: 'uuid', nullable: true })
  deliveryId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One recipient of a message, with the moment they first opened it. */
@Entity('message_recipients')
@Index('IDX_message_recipients_user', ['userId', 'readAt'])
export class MessageRecipient {
  @Column({ name: 'message_id', type: 'uuid', primary: true })
  messageId: string;

  @ManyToOne('Message', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'FK_message_recipients_message' })
  message?: Message;

  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_message_recipients_user' })
  user?: User;

  /** The department through which they received it, when it was sent to a department. */
  @Column({ name: 'via_department_id', type: 'uuid', nullable: true })
  viaDepartmentId: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
