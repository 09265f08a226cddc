import type { CollectionRequestStatus, CollectionSubmissionStatus } from '@xiaoban/shared';
import type { Notice } from '../notices/notice.entities';
import type { Questionnaire, QuestionnaireResponse } from '../../assessment/questionnaires/questionnaire.entities';
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
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';

/** 信息采集 (INF-1): the office asks departments for information by a deadline. */
@Entity('collection_requests')
@Index('IDX_collection_requests_status', ['status', 'deadline'])
@Check('CHK_collection_requests_status', `status IN ('open', 'closed')`)
export class CollectionRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_collection_requests' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: CollectionRequestStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_collection_requests_created_by' })
  createdBy?: User;

  /**
   * The questionnaire (问卷, ASM-3) that serves as the collection form, if any: a department then
   * answers it (a named response) as its submission. The FK names the table only; the collection
   * service reads questionnaires through QuestionnairesService.
   */
  @Column({ name: 'questionnaire_id', type: 'uuid', nullable: true })
  questionnaireId: string | null;

  @ManyToOne('Questionnaire', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'questionnaire_id', foreignKeyConstraintName: 'FK_collection_requests_questionnaire' })
  questionnaire?: Questionnaire | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A department a request asks; the reminder job remembers when it last reminded it. */
@Entity('collection_targets')
@Index('IDX_collection_targets_department', ['departmentId'])
export class CollectionTarget {
  @PrimaryColumn({ name: 'request_id', type: 'uuid', primaryKeyConstraintName: 'PK_collection_targets' })
  requestId: string;

  @ManyToOne('CollectionRequest', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_collection_targets_request' })
  request?: CollectionRequest;

  @PrimaryColumn({ name: 'department_id', type: 'uuid', primaryKeyConstraintName: 'PK_collection_targets' })
  departmentId: string;

  @ManyToOne('Department', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_collection_targets_department' })
  department?: Department;

  /** The school date of the last reminder: one a day at most. */
  @Column({ name: 'reminded_on', type: 'date', nullable: true })
  remindedOn: string | null;

  @Column({ type: 'integer', default: 0 })
  reminders: number;
}

/** One department's information for one request; reviewed by the office. */
@Entity('collection_submissions')
@Index('UQ_collection_submissions_department', ['requestId', 'departmentId'], { unique: true })
@Index('IDX_collection_submissions_category', ['status', 'category'])
@Check('CHK_collection_submissions_status', `status IN ('submitted', 'accepted', 'returned')`)
@Check('CHK_collection_submissions_accepted', `(status = 'accepted') = (category IS NOT NULL)`)
@Check('CHK_collection_submissions_returned', `status <> 'returned' OR return_reason IS NOT NULL`)
export class CollectionSubmission {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_collection_submissions' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne('CollectionRequest', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_collection_submissions_request' })
  request?: CollectionRequest;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne('Department', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_collection_submissions_department' })
  department?: Department;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 20, default: 'submitted' })
  status: CollectionSubmissionStatus;

  /** How many times it was submitted (1, then +1 per resubmission). */
  @Column({ type: 'integer', default: 1 })
  round: number;

  @Column({ name: 'return_reason', type: 'varchar', length: 500, nullable: true })
  returnReason: string | null;

  /** The publishing list's category once accepted. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  category: string | null;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'FK_collection_submissions_submitted_by' })
  submittedBy?: User;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'FK_collection_submissions_reviewed_by' })
  reviewedBy?: User | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  /** The notice draft started from this accepted item, if any. */
  @Column({ name: 'notice_id', type: 'uuid', nullable: true })
  noticeId: string | null;

  @ManyToOne('Notice', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'FK_collection_submissions_notice' })
  notice?: Notice | null;

  /** The department's answers to the request's questionnaire (its named response), when the request has one. */
  @Column({ name: 'questionnaire_response_id', type: 'uuid', nullable: true })
  questionnaireResponseId: string | null;

  @ManyToOne('QuestionnaireResponse', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'questionnaire_response_id', foreignKeyConstraintName: 'FK_collection_submissions_questionnaire_response' })
  questionnaireResponse?: QuestionnaireResponse | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export const COLLECTION_ENTITIES = [CollectionRequest, CollectionTarget, CollectionSubmission];
