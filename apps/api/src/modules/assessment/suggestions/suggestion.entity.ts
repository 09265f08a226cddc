import type { SuggestionCategory, SuggestionSource, SuggestionStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';
import type { ImprovementProblem } from '../improvement/improvement.entities';

/**
 * A suggestion from the public page or a call logged from the hotline (意见箱/热线, ASM-4).
 * An anonymous suggestion keeps no name, no contact and no trace of who sent it: there is no
 * column that could (the submitter's IP is never stored, here or in the audit log). The query code
 * is kept only as its SHA-256 hash: whoever reads the table cannot follow a reply with it.
 */
@Entity('suggestions')
@Index('IDX_suggestions_status_received', ['status', 'receivedAt'])
@Index('IDX_suggestions_assignee', ['assigneeId'], { where: 'assignee_id IS NOT NULL' })
@Index('UQ_suggestions_query_code_hash', ['queryCodeHash'], { unique: true })
@Index('UQ_suggestions_improvement_problem', ['improvementProblemId'], { unique: true, where: 'improvement_problem_id IS NOT NULL' })
@Check('CHK_suggestions_source', `source IN ('public-page', 'hotline')`)
@Check('CHK_suggestions_status', `status IN ('received', 'assigned', 'answered', 'closed')`)
@Check('CHK_suggestions_anonymous', `NOT anonymous OR (submitter_name IS NULL AND submitter_contact IS NULL)`)
@Check('CHK_suggestions_answered', `(status IN ('answered', 'closed')) = (answered_at IS NOT NULL)`)
export class Suggestion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_suggestions' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  source: SuggestionSource;

  @Column({ type: 'varchar', length: 20 })
  category: SuggestionCategory;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'boolean' })
  anonymous: boolean;

  @Column({ name: 'submitter_name', type: 'varchar', length: 50, nullable: true })
  submitterName: string | null;

  /** A phone number or e-mail address, for a named submitter who wants to be contacted. */
  @Column({ name: 'submitter_contact', type: 'varchar', length: 100, nullable: true })
  submitterContact: string | null;

  @Column({ name: 'query_code_hash', type: 'varchar', length: 64 })
  queryCodeHash: string;

  @Column({ type: 'varchar', length: 20 })
  status: SuggestionStatus;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** The end of the response time: SUGGESTION_RESPONSE_WORKING_DAYS working days after it arrived. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** The staff member who logged a hotline call; null for the public page. */
  @Column({ name: 'logged_by', type: 'uuid', nullable: true })
  loggedById: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'logged_by', foreignKeyConstraintName: 'FK_suggestions_logged_by' })
  loggedBy?: User | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'FK_suggestions_assignee' })
  assignee?: User | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredById: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by', foreignKeyConstraintName: 'FK_suggestions_answered_by' })
  answeredBy?: User | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** The improvement problem it was promoted to (ASM-4 → ASM-5); the problem links back by its source reference. */
  @Column({ name: 'improvement_problem_id', type: 'uuid', nullable: true })
  improvementProblemId: string | null;

  @ManyToOne('ImprovementProblem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'improvement_problem_id', foreignKeyConstraintName: 'FK_suggestions_improvement_problem' })
  improvementProblem?: ImprovementProblem | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
