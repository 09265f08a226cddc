import type { TrainingKind } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/** A training plan (培训计划, ASM-6): a kind of training for a quarter, e.g. 2026年第二季度保密培训. */
@Entity('training_plans')
@Index('IDX_training_plans_year_quarter', ['year', 'quarter', 'kind'])
@Check('CHK_training_plans_kind', `kind IN ('business', 'confidentiality', 'system-use', 'new-technology', 'maintenance')`)
@Check('CHK_training_plans_quarter', `quarter BETWEEN 1 AND 4`)
export class TrainingPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 30 })
  kind: TrainingKind;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  quarter: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_training_plans_created_by' })
  createdBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One session (培训场次) of a plan: when, where, who trained, what was taught. */
@Entity('training_sessions')
@Index('IDX_training_sessions_plan', ['planId', 'heldAt'])
export class TrainingSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne('TrainingPlan', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'FK_training_sessions_plan' })
  plan?: TrainingPlan;

  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'varchar', length: 200 })
  place: string;

  /** 授课人 */
  @Column({ type: 'varchar', length: 100 })
  trainer: string;

  @Column({ type: 'varchar', length: 4000 })
  content: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_training_sessions_created_by' })
  createdBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A person's attendance (签到) of a session, with their result (成绩) where one is recorded. */
@Entity('training_attendances')
@Index('UQ_training_attendances_session_user', ['sessionId', 'userId'], { unique: true })
@Index('IDX_training_attendances_user', ['userId'])
@Check('CHK_training_attendances_score', `score IS NULL OR score BETWEEN 0 AND 100`)
export class TrainingAttendance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne('TrainingSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_training_attendances_session' })
  session?: TrainingSession;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_training_attendances_user' })
  user?: User;

  @Column({ type: 'boolean' })
  attended: boolean;

  /** 0–100; null when the session had no test. */
  @Column({ type: 'integer', nullable: true })
  score: number | null;

  /** 是否合格; null when no result is recorded. */
  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  remarks: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_training_attendances_recorded_by' })
  recordedBy?: User;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

export const TRAINING_ENTITIES = [TrainingPlan, TrainingSession, TrainingAttendance];
