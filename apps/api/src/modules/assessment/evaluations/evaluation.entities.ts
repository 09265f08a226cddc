import type {
  EvaluationCycleStatus,
  EvaluationDimension,
  EvaluationFormStatus,
  EvaluationPeriod,
  EvaluationScores,
  EvaluationSource,
  SourceResult,
} from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';

/** A template of weighted dimensions (考核模板, ASM-2), e.g. 工作量 40, 工作质量 40, 服务态度 20. */
@Entity('evaluation_templates')
@Check('CHK_evaluation_templates_dimensions', `jsonb_typeof(dimensions) = 'array'`)
export class EvaluationTemplate {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evaluation_templates' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The dimensions in order; their weights sum to 100 (checked by the service, which names the field). */
  @Column({ type: 'jsonb' })
  dimensions: EvaluationDimension[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_evaluation_templates_created_by' })
  createdBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A cycle (考核周期): a month or a term, its participants, and the weights of the three sources.
 * The template's dimensions are copied in when the cycle is created, so that a later edit of the
 * template cannot change what a running cycle scores.
 */
@Entity('evaluation_cycles')
@Index('IDX_evaluation_cycles_period', ['periodStart'])
@Check('CHK_evaluation_cycles_period', `period IN ('monthly', 'term')`)
@Check('CHK_evaluation_cycles_status', `status IN ('draft', 'open', 'closed', 'released')`)
@Check('CHK_evaluation_cycles_dates', `period_end >= period_start`)
@Check(
  'CHK_evaluation_cycles_weights',
  `self_weight >= 0 AND peer_weight >= 0 AND leader_weight >= 0 AND self_weight + peer_weight + leader_weight = 100`,
)
@Check('CHK_evaluation_cycles_peer_minimum', `peer_minimum >= 1`)
export class EvaluationCycle {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evaluation_cycles' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  period: EvaluationPeriod;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @ManyToOne('EvaluationTemplate', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'FK_evaluation_cycles_template' })
  template?: EvaluationTemplate;

  @Column({ type: 'jsonb' })
  dimensions: EvaluationDimension[];

  @Column({ name: 'self_weight', type: 'smallint' })
  selfWeight: number;

  @Column({ name: 'peer_weight', type: 'smallint' })
  peerWeight: number;

  @Column({ name: 'leader_weight', type: 'smallint' })
  leaderWeight: number;

  /** Fewer peers than this responded: no peer result shows ("not enough responses"). */
  @Column({ name: 'peer_minimum', type: 'smallint' })
  peerMinimum: number;

  @Column({ type: 'varchar', length: 20 })
  status: EvaluationCycleStatus;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_evaluation_cycles_created_by' })
  createdBy?: User;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A person evaluated in a cycle, with their department, leader and peers as they stood when the
 * cycle was set up (a later move between departments does not reshuffle a running cycle).
 */
@Entity('evaluation_participants')
@Index('UQ_evaluation_participants_person', ['cycleId', 'personId'], { unique: true })
export class EvaluationParticipant {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evaluation_participants' })
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @ManyToOne('EvaluationCycle', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_evaluation_participants_cycle' })
  cycle?: EvaluationCycle;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_evaluation_participants_person' })
  person?: User;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_evaluation_participants_department' })
  department?: Department | null;

  /** Who fills the leader form: the head of the person's department (of the parent one for a head). */
  @Column({ name: 'leader_id', type: 'uuid', nullable: true })
  leaderId: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'leader_id', foreignKeyConstraintName: 'FK_evaluation_participants_leader' })
  leader?: User | null;

  /** Who is asked for a peer form. Seen by the office that chose them, never by the person. */
  @Column({ name: 'peer_ids', type: 'uuid', array: true, default: () => "'{}'" })
  peerIds: string[];
}

/**
 * One form: a self, peer or leader evaluation of a participant, in its evaluator's inbox until
 * submitted. The evaluator is kept only to put the form in their inbox and to let them submit it
 * once; no route shows a peer form's evaluator to anyone but that evaluator, and when the cycle
 * closes the scores of peer forms are erased, leaving only the aggregate in evaluation_results.
 */
@Entity('evaluation_forms')
@Index('UQ_evaluation_forms_evaluator', ['participantId', 'evaluatorId', 'source'], { unique: true })
@Index('IDX_evaluation_forms_evaluator', ['evaluatorId', 'status'])
@Check('CHK_evaluation_forms_source', `source IN ('self', 'peer', 'leader')`)
@Check('CHK_evaluation_forms_status', `status IN ('pending', 'submitted', 'expired')`)
@Check('CHK_evaluation_forms_submitted', `(status = 'submitted') = (submitted_at IS NOT NULL)`)
@Check('CHK_evaluation_forms_pending_empty', `status = 'submitted' OR (scores IS NULL AND comment IS NULL)`)
export class EvaluationForm {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evaluation_forms' })
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @ManyToOne('EvaluationCycle', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_evaluation_forms_cycle' })
  cycle?: EvaluationCycle;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne('EvaluationParticipant', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'FK_evaluation_forms_participant' })
  participant?: EvaluationParticipant;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluator_id', foreignKeyConstraintName: 'FK_evaluation_forms_evaluator' })
  evaluator?: User;

  @Column({ type: 'varchar', length: 10 })
  source: EvaluationSource;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: EvaluationFormStatus;

  /** Null while pending, and again for a peer form once its cycle closed (only the aggregate stays). */
  @Column({ type: 'jsonb', nullable: true })
  scores: EvaluationScores | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Per source, what the report shows: the source's score, its dimensions and how many responded. */
export type StoredSources = Record<EvaluationSource, SourceResult>;

/**
 * A person's result in a cycle (考核结果), computed when the cycle closes: aggregates only, with no
 * trace of who gave which score. The person sees it once released, and acknowledges it.
 */
@Entity('evaluation_results')
@Index('UQ_evaluation_results_participant', ['participantId'], { unique: true })
@Index('IDX_evaluation_results_cycle_department', ['cycleId', 'departmentId'])
@Check('CHK_evaluation_results_acknowledged', `acknowledged_at IS NULL OR released_at IS NOT NULL`)
export class EvaluationResult {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evaluation_results' })
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @ManyToOne('EvaluationCycle', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_evaluation_results_cycle' })
  cycle?: EvaluationCycle;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @ManyToOne('EvaluationParticipant', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id', foreignKeyConstraintName: 'FK_evaluation_results_participant' })
  participant?: EvaluationParticipant;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_evaluation_results_person' })
  person?: User;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_evaluation_results_department' })
  department?: Department | null;

  /** 0–100 with two decimals; null when no form at all was submitted. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  total: string | null;

  @Column({ type: 'jsonb' })
  sources: StoredSources;

  @Column({ name: 'peer_withheld', type: 'boolean' })
  peerWithheld: boolean;

  @Column({ name: 'self_comment', type: 'text', nullable: true })
  selfComment: string | null;

  @Column({ name: 'leader_comment', type: 'text', nullable: true })
  leaderComment: string | null;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const EVALUATION_ENTITIES = [EvaluationTemplate, EvaluationCycle, EvaluationParticipant, EvaluationForm, EvaluationResult];
