import type { ApprovalStatus, ApprovalStep } from '@xiaoban/shared';
import {
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
import type { User } from '../org/user.entity';

/** The chain of steps for one kind of request (审批流), as the admins edited it (PLT-2). */
@Entity('approval_chains')
export class ApprovalChain {
  /** The kind, e.g. `seal-use`, `general-request`. */
  @PrimaryColumn({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'jsonb' })
  steps: ApprovalStep[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A request for approval. Its steps are fixed when it is submitted (the chain's steps whose
 * conditions the request meets), so a chain edited later does not change a request in flight.
 */
@Entity('approval_requests')
@Index('IDX_approval_requests_applicant', ['applicantId', 'createdAt'])
@Index('IDX_approval_requests_subject', ['subjectType', 'subjectId'])
export class ApprovalRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'FK_approval_requests_applicant' })
  applicant?: User;

  /** The object the request is about, in the module that asked (e.g. a seal-use application). */
  @Column({ name: 'subject_type', type: 'varchar', length: 60, nullable: true })
  subjectType: string | null;

  @Column({ name: 'subject_id', type: 'varchar', length: 100, nullable: true })
  subjectId: string | null;

  /** Facts the conditions read (seal type, amount, secrecy level) and what the applicant wrote. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  steps: ApprovalStep[];

  @Index('IDX_approval_requests_status')
  @Column({ type: 'varchar', length: 20 })
  status: ApprovalStatus;

  /** Index into `steps` of the step deciding now. */
  @Column({ name: 'current_step', type: 'integer', default: 0 })
  currentStep: number;

  /** 1 at submission; each resubmission after a return starts a new round. */
  @Column({ type: 'integer', default: 1 })
  round: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}

export type ApprovalTaskStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'transferred' | 'cancelled';

/** One approver's part in one step of one round. */
@Entity('approval_tasks')
@Index('IDX_approval_tasks_request', ['requestId', 'round', 'stepIndex'])
@Index('IDX_approval_tasks_assignee', ['assigneeId', 'status'])
export class ApprovalTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne('ApprovalRequest', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_approval_tasks_request' })
  request?: ApprovalRequest;

  @Column({ type: 'integer' })
  round: number;

  @Column({ name: 'step_index', type: 'integer' })
  stepIndex: number;

  @Column({ name: 'assignee_id', type: 'uuid' })
  assigneeId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'FK_approval_tasks_assignee' })
  assignee?: User;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: ApprovalTaskStatus;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'reminded_before_at', type: 'timestamptz', nullable: true })
  remindedBeforeAt: Date | null;

  @Column({ name: 'reminded_after_at', type: 'timestamptz', nullable: true })
  remindedAfterAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The record of a request: every submission, decision, transfer and copy, with actor, time and comment. */
@Entity('approval_events')
@Index('IDX_approval_events_request', ['requestId', 'id'])
export class ApprovalEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne('ApprovalRequest', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_approval_events_request' })
  request?: ApprovalRequest;

  @Column({ type: 'integer' })
  round: number;

  @Column({ name: 'step_index', type: 'integer', nullable: true })
  stepIndex: number | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_approval_events_actor' })
  actor?: User | null;

  /** submit, approve, reject, return, resubmit, withdraw, transfer, copy, remind, complete */
  @Column({ type: 'varchar', length: 20 })
  action: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The people a transfer or a copy went to. */
  @Column({ name: 'target_user_ids', type: 'uuid', array: true, default: () => "'{}'" })
  targetUserIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** People a request was copied to (抄送): they may follow it, but not decide. */
@Entity('approval_copies')
export class ApprovalCopy {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne('ApprovalRequest', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_approval_copies_request' })
  request?: ApprovalRequest;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_approval_copies_user' })
  user?: User;
}

/**
 * That a module's outcome handler has run for a request, written in the handler's own
 * transaction: a retried or repeated outcome job finds it and does nothing twice.
 */
@Entity('approval_outcome_receipts')
export class ApprovalOutcomeReceipt {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne('ApprovalRequest', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_approval_outcome_receipts_request' })
  request?: ApprovalRequest;

  @CreateDateColumn({ name: 'handled_at', type: 'timestamptz' })
  handledAt: Date;
}
