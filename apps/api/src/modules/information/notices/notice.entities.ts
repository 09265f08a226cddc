import type { NoticeChannel, NoticeStatus } from '@xiaoban/shared';
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
import type { NotificationDelivery } from '../../../platform/notifications/delivery.entity';
import type { User } from '../../../platform/org/user.entity';

/** Who a notice is meant for, as the author chose it; resolved to persons when it is published. */
export interface NoticeAudience {
  allStaff: boolean;
  departmentIds: string[];
  roleIds: string[];
  userIds: string[];
}

/** The author's decision on a finding of personal data (INF-2): masked, or kept with a reason. */
export interface StoredDecision {
  key: string;
  action: 'mask' | 'keep';
  reason?: string;
}

/** A notice or announcement (通知公告, INF-3). */
@Entity('notices')
@Index('IDX_notices_status', ['status', 'publishedAt'])
@Index('IDX_notices_public', ['isPublic', 'publishedAt'])
@Check('CHK_notices_status', `status IN ('draft', 'pending', 'verified', 'published')`)
@Check('CHK_notices_published', `(status = 'published') = (published_at IS NOT NULL)`)
export class Notice {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notices' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: NoticeStatus;

  @Column({ type: 'jsonb' })
  audience: NoticeAudience;

  @Column({ type: 'varchar', length: 20, array: true })
  channels: NoticeChannel[];

  /** 回执: recipients are asked to confirm they have read it. */
  @Column({ name: 'asks_confirmation', type: 'boolean', default: false })
  asksConfirmation: boolean;

  /** On the public website feed (the `website` channel). Never for internal notices. */
  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /**
   * The author's decisions on personal data in the text (INF-2). Masking is applied when the notice
   * goes to verification; the kept findings and their reasons stay here for the record.
   */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  decisions: StoredDecision[];

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  /** Why the last verification was refused; cleared when it is submitted again. */
  @Column({ name: 'rejection_note', type: 'varchar', length: 500, nullable: true })
  rejectionNote: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_notices_created_by' })
  createdBy?: User;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by', foreignKeyConstraintName: 'FK_notices_published_by' })
  publishedBy?: User | null;

  /** 1 as published; each correction (勘误, INF-4) adds one. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A person a published notice was resolved to, kept as it was at publish time. */
@Entity('notice_recipients')
@Index('IDX_notice_recipients_user', ['userId'])
@Check('CHK_notice_recipients_reminders', `reminders >= 0`)
export class NoticeRecipient {
  @PrimaryColumn({ name: 'notice_id', type: 'uuid', primaryKeyConstraintName: 'PK_notice_recipients' })
  noticeId: string;

  @ManyToOne('Notice', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_recipients_notice' })
  notice?: Notice;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_notice_recipients' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notice_recipients_user' })
  user?: User;

  /** Their department at publish time, for coverage by department. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_notice_recipients_department' })
  department?: Department | null;

  /** 回执 */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** Resends (补发) that reached out to this person; capped. */
  @Column({ type: 'integer', default: 0 })
  reminders: number;
}

/** Which platform delivery carried which notice to whom: the coverage report reads the statuses through it. */
@Entity('notice_deliveries')
@Index('IDX_notice_deliveries_notice', ['noticeId', 'recipientId'])
export class NoticeDelivery {
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid', primaryKeyConstraintName: 'PK_notice_deliveries' })
  deliveryId: string;

  @ManyToOne('NotificationDelivery', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'FK_notice_deliveries_delivery' })
  delivery?: NotificationDelivery;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne('Notice', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_deliveries_notice' })
  notice?: Notice;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ type: 'varchar', length: 20 })
  channel: string;
}

/** The text of a notice before a correction (勘误, INF-4): the history stays visible. */
@Entity('notice_revisions')
@Index('UQ_notice_revisions', ['noticeId', 'revision'], { unique: true })
export class NoticeRevision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notice_revisions' })
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne('Notice', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_notice_revisions_notice' })
  notice?: Notice;

  /** The revision this text was. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Why it was corrected. */
  @Column({ name: 'correction_reason', type: 'varchar', length: 500 })
  correctionReason: string;

  @Column({ name: 'corrected_by', type: 'uuid' })
  correctedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'corrected_by', foreignKeyConstraintName: 'FK_notice_revisions_corrected_by' })
  correctedBy?: User;

  @CreateDateColumn({ name: 'corrected_at', type: 'timestamptz' })
  correctedAt: Date;
}

export const NOTICE_ENTITIES = [Notice, NoticeRecipient, NoticeDelivery, NoticeRevision];
