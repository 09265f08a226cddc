import type { VisitPurpose, VisitorQuestionStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';

/**
 * A visit in the visitor log (来访登记, INF-7). The ID number is kept masked only (last four
 * digits): the full number is checked when it is registered and never stored.
 */
@Entity('visits')
@Index('IDX_visits_time_in', ['timeIn'])
@Check('CHK_visits_host', `host_user_id IS NOT NULL OR host_department_id IS NOT NULL`)
@Check('CHK_visits_out', `time_out IS NULL OR time_out >= time_in`)
@Check('CHK_visits_id_masked', `id_number_masked IS NULL OR id_number_masked ~ '^\\*{14}[0-9Xx]{4}$'`)
export class Visit {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_visits' })
  id: string;

  @Column({ name: 'visitor_name', type: 'varchar', length: 60 })
  visitorName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  organisation: string | null;

  /** e.g. '**************1234'. */
  @Column({ name: 'id_number_masked', type: 'varchar', length: 18, nullable: true })
  idNumberMasked: string | null;

  @Column({ name: 'purpose_category', type: 'varchar', length: 20 })
  purposeCategory: VisitPurpose;

  @Column({ type: 'varchar', length: 500 })
  purpose: string;

  @Column({ name: 'host_user_id', type: 'uuid', nullable: true })
  hostUserId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_user_id', foreignKeyConstraintName: 'FK_visits_host_user' })
  hostUser?: User | null;

  @Column({ name: 'host_department_id', type: 'uuid', nullable: true })
  hostDepartmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_department_id', foreignKeyConstraintName: 'FK_visits_host_department' })
  hostDepartment?: Department | null;

  @Column({ name: 'time_in', type: 'timestamptz' })
  timeIn: Date;

  @Column({ name: 'time_out', type: 'timestamptz', nullable: true })
  timeOut: Date | null;

  /** When the visitor acknowledged the confidentiality reminder (required). */
  @Column({ name: 'confidentiality_acknowledged_at', type: 'timestamptz' })
  confidentialityAcknowledgedAt: Date;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by', foreignKeyConstraintName: 'FK_visits_registered_by' })
  registeredBy?: User;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A visitor's question: answered on the spot, or transferred to a department with a deadline. */
@Entity('visitor_questions')
@Index('IDX_visitor_questions_visit', ['visitId'])
@Index('IDX_visitor_questions_open', ['status', 'dueAt'])
@Check('CHK_visitor_questions_status', `status IN ('answered', 'transferred')`)
@Check('CHK_visitor_questions_answered', `(status = 'answered') = (answer IS NOT NULL AND answered_at IS NOT NULL)`)
@Check('CHK_visitor_questions_transfer', `department_id IS NULL OR due_at IS NOT NULL`)
export class VisitorQuestion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_visitor_questions' })
  id: string;

  @Column({ name: 'visit_id', type: 'uuid' })
  visitId: string;

  @ManyToOne('Visit', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'FK_visitor_questions_visit' })
  visit?: Visit;

  @Column({ type: 'varchar', length: 1000 })
  question: string;

  @Column({ type: 'varchar', length: 20 })
  status: VisitorQuestionStatus;

  /** The department it was transferred to. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_visitor_questions_department' })
  department?: Department | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  answer: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by', foreignKeyConstraintName: 'FK_visitor_questions_answered_by' })
  answeredBy?: User | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_visitor_questions_created_by' })
  createdBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
