import type { SupportRequestStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';

/**
 * A support request between departments (REQ-2). The response deadline is fixed when it is
 * made (hours, or working days by the school calendar); a breach is a response after it, or none
 * by then. `breach_notified_at` lets the daily job tell each breach once.
 */
@Entity('support_requests')
@Index('IDX_support_requests_requesting', ['requestingDepartmentId', 'createdAt'])
@Index('IDX_support_requests_target', ['targetDepartmentId', 'status'])
@Index('IDX_support_requests_unanswered_due', ['responseDueAt'], { where: 'responded_at IS NULL' })
@Check('CHK_support_requests_departments', `requesting_department_id <> target_department_id`)
@Check('CHK_support_requests_status', `status IN ('open', 'responded', 'completed')`)
@Check('CHK_support_requests_responded', `(status = 'open') = (responded_at IS NULL)`)
@Check('CHK_support_requests_completed', `(status = 'completed') = (completed_at IS NOT NULL)`)
export class SupportRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_support_requests' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  detail: string;

  @Column({ name: 'requesting_department_id', type: 'uuid' })
  requestingDepartmentId: string;

  @ManyToOne('Department', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requesting_department_id', foreignKeyConstraintName: 'FK_support_requests_requesting_department' })
  requestingDepartment?: Department;

  @Column({ name: 'target_department_id', type: 'uuid' })
  targetDepartmentId: string;

  @ManyToOne('Department', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_department_id', foreignKeyConstraintName: 'FK_support_requests_target_department' })
  targetDepartment?: Department;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'FK_support_requests_requested_by' })
  requestedBy?: User;

  /** Who answers for the target department: its head when the request was made. */
  @Column({ name: 'handler_id', type: 'uuid' })
  handlerId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handler_id', foreignKeyConstraintName: 'FK_support_requests_handler' })
  handler?: User;

  @Column({ name: 'response_due_at', type: 'timestamptz' })
  responseDueAt: Date;

  @Column({ type: 'varchar', length: 20 })
  status: SupportRequestStatus;

  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedById: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responded_by', foreignKeyConstraintName: 'FK_support_requests_responded_by' })
  respondedBy?: User | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'breach_notified_at', type: 'timestamptz', nullable: true })
  breachNotifiedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
