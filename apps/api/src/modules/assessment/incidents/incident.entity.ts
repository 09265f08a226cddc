import type { IncidentSeverity, IncidentStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';
import type { ImprovementProblem } from '../improvement/improvement.entities';

/**
 * An incident (突发情况, REQ-5) and its post-incident review (事后总结). The review is part of the
 * row: an incident is reviewed once, and the review's lessons live on as the measures of the
 * improvement problem it links to.
 */
@Entity('incidents')
@Index('IDX_incidents_occurred', ['occurredAt'])
@Check('CHK_incidents_severity', `severity IN ('minor', 'major', 'severe')`)
@Check('CHK_incidents_status', `status IN ('recorded', 'reviewed')`)
@Check('CHK_incidents_reviewed', `(status = 'reviewed') = (reviewed_at IS NOT NULL AND review_summary IS NOT NULL)`)
export class Incident {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_incidents' })
  id: string;

  /** What happened. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 200 })
  location: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** Who handled it: names as told, since outside help (police, doctors) has no account. */
  @Column({ name: 'handled_by', type: 'varchar', length: 200 })
  handledBy: string;

  @Column({ name: 'steps_taken', type: 'text' })
  stepsTaken: string;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'varchar', length: 20 })
  severity: IncidentSeverity;

  @Column({ type: 'varchar', length: 20 })
  status: IncidentStatus;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_incidents_recorded_by' })
  recordedBy?: User;

  @Column({ name: 'review_summary', type: 'text', nullable: true })
  reviewSummary: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'FK_incidents_reviewed_by' })
  reviewedBy?: User | null;

  /** The improvement problem its lessons became (ASM-5). */
  @Column({ name: 'improvement_problem_id', type: 'uuid', nullable: true })
  improvementProblemId: string | null;

  @ManyToOne('ImprovementProblem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'improvement_problem_id', foreignKeyConstraintName: 'FK_incidents_improvement_problem' })
  improvementProblem?: ImprovementProblem | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
