import type { LoanStatus, SecrecyLevel } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/**
 * A loan of a classified item (涉密载体外借, ADM-10): applied for by the office on a borrower's
 * behalf, approved by a leader, registered (lent at), and returned. While on loan the borrower
 * holds a `loan` grant on the item that expires at the end of the due date.
 */
@Entity('classified_loans')
@Index('IDX_classified_loans_borrower', ['borrowerId', 'status'])
@Index('IDX_classified_loans_item', ['itemKind', 'itemId'])
@Index('IDX_classified_loans_due', ['status', 'dueOn'])
@Check('CHK_classified_loans_status', `status IN ('pending', 'on-loan', 'returned', 'rejected', 'withdrawn')`)
@Check('CHK_classified_loans_lent', `(status IN ('on-loan', 'returned')) = (lent_at IS NOT NULL)`)
@Check('CHK_classified_loans_returned', `(status = 'returned') = (returned_at IS NOT NULL)`)
export class ClassifiedLoan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A lendable kind (e.g. `incoming-document`). */
  @Column({ name: 'item_kind', type: 'varchar', length: 60 })
  itemKind: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  /** The item's title when applied for: the register stays readable whatever becomes of the item. */
  @Column({ name: 'item_title', type: 'varchar', length: 400 })
  itemTitle: string;

  @Column({ name: 'item_secrecy', type: 'varchar', length: 20 })
  itemSecrecy: SecrecyLevel;

  /** 借阅人 */
  @Column({ name: 'borrower_id', type: 'uuid' })
  borrowerId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'borrower_id', foreignKeyConstraintName: 'FK_classified_loans_borrower' })
  borrower?: User;

  /** Who registered the application (the office). */
  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'FK_classified_loans_applicant' })
  applicant?: User;

  /** 借阅事由 */
  @Column({ type: 'varchar', length: 500 })
  purpose: string;

  /** 归还期限 (a school date); the grant ends with this day. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: LoanStatus;

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  /** 借出时间: when the approval came through. */
  @Column({ name: 'lent_at', type: 'timestamptz', nullable: true })
  lentAt: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  /** Who took the item back (收回人). */
  @Column({ name: 'returned_to', type: 'uuid', nullable: true })
  returnedToId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'returned_to', foreignKeyConstraintName: 'FK_classified_loans_returned_to' })
  returnedTo?: User | null;

  @Column({ name: 'return_note', type: 'varchar', length: 500, nullable: true })
  returnNote: string | null;

  /** The last school date an overdue alert went out: one a day at most. */
  @Column({ name: 'alerted_overdue_on', type: 'date', nullable: true })
  alertedOverdueOn: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
