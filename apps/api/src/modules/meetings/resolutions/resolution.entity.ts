import type { ResolutionTaskStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';
import type { Meeting } from '../meetings/meeting.entity';

/** A resolution (决议, MTG-9) of a meeting, in order; the minutes print them. */
@Entity('meeting_resolutions')
@Index('UQ_meeting_resolutions_seq', ['meetingId', 'seq'], { unique: true })
export class MeetingResolution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_resolutions_meeting' })
  meeting?: Meeting;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 1000 })
  text: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_meeting_resolutions_created_by' })
  createdBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A task a resolution becomes (落实任务): an owner, a deadline, a state and a percent. */
@Entity('meeting_resolution_tasks')
@Index('IDX_meeting_resolution_tasks_resolution', ['resolutionId'])
@Index('IDX_meeting_resolution_tasks_owner', ['ownerId'])
@Index('IDX_meeting_resolution_tasks_due', ['status', 'dueOn'])
@Check('CHK_meeting_resolution_tasks_status', `status IN ('open', 'in-progress', 'done')`)
@Check('CHK_meeting_resolution_tasks_percent', `percent BETWEEN 0 AND 100`)
export class MeetingResolutionTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'resolution_id', type: 'uuid' })
  resolutionId: string;

  @ManyToOne('MeetingResolution', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'resolution_id', foreignKeyConstraintName: 'FK_meeting_resolution_tasks_resolution' })
  resolution?: MeetingResolution;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'FK_meeting_resolution_tasks_owner' })
  owner?: User;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: ResolutionTaskStatus;

  @Column({ type: 'integer', default: 0 })
  percent: number;

  /** The last school date an overdue reminder went out: one a day at most. */
  @Column({ name: 'reminded_overdue_on', type: 'date', nullable: true })
  remindedOverdueOn: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A progress update (进展) by the task's owner. */
@Entity('meeting_resolution_task_updates')
@Index('IDX_meeting_resolution_task_updates_task', ['taskId'])
export class MeetingResolutionTaskUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @ManyToOne('MeetingResolutionTask', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_meeting_resolution_task_updates_task' })
  task?: MeetingResolutionTask;

  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'integer' })
  percent: number;

  @Column({ type: 'varchar', length: 20 })
  status: ResolutionTaskStatus;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_meeting_resolution_task_updates_recorded_by' })
  recordedBy?: User;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
