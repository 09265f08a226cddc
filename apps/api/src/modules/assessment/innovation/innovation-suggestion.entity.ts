import type { InnovationAwardLevel, InnovationStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/**
 * An innovation suggestion (创新建议, ASM-7) from any member of staff: reviewed by the office
 * (adopted, or not with a reason), its implementation recorded, and an award given.
 */
@Entity('innovation_suggestions')
@Index('IDX_innovation_suggestions_submitter', ['submitterId', 'submittedAt'])
@Index('IDX_innovation_suggestions_status', ['status', 'reviewedAt'])
@Check('CHK_innovation_suggestions_status', `status IN ('submitted', 'adopted', 'not-adopted', 'implemented', 'awarded')`)
@Check('CHK_innovation_suggestions_reviewed', `(status = 'submitted') = (reviewed_at IS NULL)`)
@Check('CHK_innovation_suggestions_reason', `status <> 'not-adopted' OR review_reason IS NOT NULL`)
@Check('CHK_innovation_suggestions_award_level', `award_level IS NULL OR award_level IN ('first', 'second', 'third', 'excellence')`)
@Check('CHK_innovation_suggestions_awarded', `(status = 'awarded') = (award_level IS NOT NULL AND awarded_on IS NOT NULL)`)
@Check('CHK_innovation_suggestions_award_amount', `award_amount_fen IS NULL OR award_amount_fen >= 0`)
export class InnovationSuggestion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_innovation_suggestions' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'expected_benefit', type: 'text' })
  expectedBenefit: string;

  @Column({ name: 'submitter_id', type: 'uuid' })
  submitterId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitter_id', foreignKeyConstraintName: 'FK_innovation_suggestions_submitter' })
  submitter?: User;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'varchar', length: 20 })
  status: InnovationStatus;

  @Column({ name: 'review_reason', type: 'text', nullable: true })
  reviewReason: string | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'FK_innovation_suggestions_reviewed_by' })
  reviewedBy?: User | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'implementation_note', type: 'text', nullable: true })
  implementationNote: string | null;

  @Column({ name: 'implemented_on', type: 'date', nullable: true })
  implementedOn: string | null;

  @Column({ name: 'award_level', type: 'varchar', length: 20, nullable: true })
  awardLevel: InnovationAwardLevel | null;

  /** Prize money in fen; null when the award is a certificate only. */
  @Column({ name: 'award_amount_fen', type: 'integer', nullable: true })
  awardAmountFen: number | null;

  @Column({ name: 'award_certificate', type: 'boolean', default: false })
  awardCertificate: boolean;

  @Column({ name: 'awarded_on', type: 'date', nullable: true })
  awardedOn: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
