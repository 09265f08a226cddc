import type { EscalationCategory, EscalationChannel, EscalationStatus } from '@xiaoban/shared';
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
import type { User } from '../../../platform/org/user.entity';

/** The routing table of escalations (REQ-1): for each category, the leader who answers and within how many working days. */
@Entity('escalation_routes')
@Check('CHK_escalation_routes_days', `answer_working_days BETWEEN 1 AND 60`)
export class EscalationRoute {
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'PK_escalation_routes' })
  category: EscalationCategory;

  @Column({ name: 'leader_id', type: 'uuid' })
  leaderId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leader_id', foreignKeyConstraintName: 'FK_escalation_routes_leader' })
  leader?: User;

  @Column({ name: 'answer_working_days', type: 'integer' })
  answerWorkingDays: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * An escalation (问题上报, REQ-1). The leader and the due time are fixed when it is reported, from
 * the route of its category then: changing the routing later does not move reports already made.
 */
@Entity('escalations')
@Index('IDX_escalations_leader', ['leaderId', 'status'])
@Index('IDX_escalations_created', ['createdAt'])
@Check('CHK_escalations_status', `status IN ('submitted', 'answered')`)
@Check('CHK_escalations_channel', `channel IN ('email', 'phone', 'in_person')`)
@Check('CHK_escalations_answered', `(status = 'answered') = (answered_at IS NOT NULL AND answer IS NOT NULL)`)
export class Escalation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_escalations' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  category: EscalationCategory;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'proposed_solution', type: 'text' })
  proposedSolution: string;

  @Column({ type: 'varchar', length: 20 })
  channel: EscalationChannel;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by', foreignKeyConstraintName: 'FK_escalations_reported_by' })
  reportedBy?: User;

  @Column({ name: 'leader_id', type: 'uuid' })
  leaderId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leader_id', foreignKeyConstraintName: 'FK_escalations_leader' })
  leader?: User;

  @Column({ type: 'varchar', length: 20 })
  status: EscalationStatus;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
