import type { SummarySnapshot, SummaryStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/**
 * The office's monthly work summary (月度工作总结, ASM-1): one per month, held unique by the
 * database so the monthly job compiles a month once however often it runs. `figures` is the
 * snapshot of the last compile; the narrative is the office's own text.
 */
@Entity('monthly_summaries')
@Index('UQ_monthly_summaries_month', ['month'], { unique: true })
@Check('CHK_monthly_summaries_month', `month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('CHK_monthly_summaries_status', `status IN ('draft', 'submitted', 'approved', 'archived')`)
@Check('CHK_monthly_summaries_compiled', `(figures IS NULL) = (compiled_at IS NULL)`)
export class MonthlySummary {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_monthly_summaries' })
  id: string;

  /** The month summarised, e.g. 2026-03. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: SummaryStatus;

  @Column({ type: 'jsonb', nullable: true })
  figures: SummarySnapshot | null;

  @Column({ name: 'compiled_at', type: 'timestamptz', nullable: true })
  compiledAt: Date | null;

  /** The office's own account of the month (工作总结正文). */
  @Column({ type: 'text', default: '' })
  narrative: string;

  /** Why the director sent it back; cleared when it is submitted again. */
  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'FK_monthly_summaries_submitted_by' })
  submittedBy?: User | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'FK_monthly_summaries_reviewed_by' })
  reviewedBy?: User | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
