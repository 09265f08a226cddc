import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { GrantReason } from '@xiaoban/shared';
import type { User } from '../org/user.entity';

/**
 * A need-to-know grant (REQ-3): one person may see one object, for a reason, until it expires.
 * Modules create them as their work names people (a named recipient, the one a document is routed
 * to, an approved loan, a meeting attendee); the access service honours them for reads and lists.
 */
@Entity('access_grants')
@Index('UQ_access_grants_object_user_reason', ['objectType', 'objectId', 'userId', 'reason'], { unique: true })
@Check('CHK_access_grants_reason', `reason IN ('recipient', 'router', 'loan', 'attendee')`)
export class AccessGrant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'object_type', type: 'varchar', length: 60 })
  objectType: string;

  @Column({ name: 'object_id', type: 'uuid' })
  objectId: string;

  @Index('IDX_access_grants_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_access_grants_user' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  reason: GrantReason;

  /** Null: until revoked. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Null when the system granted it (e.g. a module's job). */
  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'granted_by', foreignKeyConstraintName: 'FK_access_grants_granted_by' })
  granter?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
