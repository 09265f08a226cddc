import type { ImprovementMeasureStatus, ImprovementSource, ImprovementStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/**
 * A problem to improve (整改, ASM-5). Its source says where it was found; a source reference (a
 * suggestion, an incident) is linked at most once, held by a unique index, so promoting the same
 * suggestion twice cannot make two problems.
 */
@Entity('improvement_problems')
@Index('IDX_improvement_problems_status', ['status', 'createdAt'])
@Index('UQ_improvement_problems_source_ref', ['source', 'sourceRefId'], { unique: true, where: 'source_ref_id IS NOT NULL' })
@Check(
  'CHK_improvement_problems_source',
  `source IN ('evaluation', 'questionnaire', 'suggestion', 'inspection', 'audit', 'incident_review')`,
)
@Check('CHK_improvement_problems_status', `status IN ('open', 'implementing', 'evaluating', 'reopened', 'closed')`)
@Check('CHK_improvement_problems_closed', `(status = 'closed') = (closed_at IS NOT NULL)`)
export class ImprovementProblem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_improvement_problems' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 20 })
  source: ImprovementSource;

  /** The suggestion, incident, evaluation … it came from, where the source is a record of this system. */
  @Column({ name: 'source_ref_id', type: 'uuid', nullable: true })
  sourceRefId: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: ImprovementStatus;

  /** 根本原因分析 */
  @Column({ name: 'root_cause', type: 'text', nullable: true })
  rootCause: string | null;

  @Column({ name: 'analysed_at', type: 'timestamptz', nullable: true })
  analysedAt: Date | null;

  /** The office's judgement of the effect at the last evaluation (effective or not, and why). */
  @Column({ name: 'evaluation_note', type: 'text', nullable: true })
  evaluationNote: string | null;

  @Column({ name: 'evaluated_at', type: 'timestamptz', nullable: true })
  evaluatedAt: Date | null;

  @Column({ name: 'reopen_count', type: 'integer', default: 0 })
  reopenCount: number;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_improvement_problems_created_by' })
  createdBy?: User;

  @OneToMany('ImprovementMeasure', (m: ImprovementMeasure) => m.problem)
  measures?: ImprovementMeasure[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One measure (整改措施): its owner carries it out by the deadline and reports it implemented. */
@Entity('improvement_measures')
@Index('UQ_improvement_measures_position', ['problemId', 'position'], { unique: true })
@Index('IDX_improvement_measures_owner', ['ownerId', 'status'])
@Check('CHK_improvement_measures_status', `status IN ('pending', 'implemented')`)
@Check('CHK_improvement_measures_implemented', `(status = 'implemented') = (reported_at IS NOT NULL)`)
export class ImprovementMeasure {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_improvement_measures' })
  id: string;

  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  @ManyToOne('ImprovementProblem', (p: ImprovementProblem) => p.measures, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id', foreignKeyConstraintName: 'FK_improvement_measures_problem' })
  problem?: ImprovementProblem;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'FK_improvement_measures_owner' })
  owner?: User;

  /** 完成时限 */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  /** Its place among the problem's measures (1, 2, …), in the order they were set. */
  @Column({ type: 'integer' })
  position: number;

  /** Which evaluation round it belongs to: 1 at first, one more after each reopen. */
  @Column({ type: 'integer', default: 1 })
  round: number;

  @Column({ type: 'varchar', length: 20 })
  status: ImprovementMeasureStatus;

  @Column({ name: 'implementation_note', type: 'text', nullable: true })
  implementationNote: string | null;

  /** The day the owner says it was put in place. */
  @Column({ name: 'implemented_on', type: 'date', nullable: true })
  implementedOn: string | null;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const IMPROVEMENT_ENTITIES = [ImprovementProblem, ImprovementMeasure];
