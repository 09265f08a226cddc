import type { MinutesStatus } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';
import type { Meeting } from '../meetings/meeting.entity';

/** The template's header, filled from the meeting when the draft is made (时间、地点、主持人、出席/请假/列席). */
export interface MinutesHeader {
  time: string;
  place: string;
  host: string | null;
  present: string[];
  leave: string[];
  observers: string[];
}

/** One agenda topic with the organiser's free text on it (议定事项). */
export interface MinutesTopic {
  title: string;
  text: string;
}

/** The minutes of a meeting (会议纪要, MTG-8): one per meeting, reviewed by a leader, then published. */
@Entity('meeting_minutes')
@Index('UQ_meeting_minutes_meeting', ['meetingId'], { unique: true })
@Check('CHK_meeting_minutes_status', `status IN ('draft', 'in-review', 'approved', 'published')`)
export class MeetingMinutes {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_minutes_meeting' })
  meeting?: Meeting;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  status: MinutesStatus;

  @Column({ type: 'jsonb' })
  header: MinutesHeader;

  @Column({ type: 'jsonb' })
  topics: MinutesTopic[];

  /** 其他事项 */
  @Column({ name: 'other_text', type: 'text', nullable: true })
  otherText: string | null;

  /** The departments the published minutes go to, besides the attendees (主送部门). */
  @Column({ name: 'department_ids', type: 'uuid', array: true, default: () => "'{}'" })
  departmentIds: string[];

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'drafted_by', type: 'uuid' })
  draftedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'drafted_by', foreignKeyConstraintName: 'FK_meeting_minutes_drafted_by' })
  draftedBy?: User;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A recipient's feedback on published minutes (反馈意见); the organiser reads them all. */
@Entity('meeting_minutes_feedback')
@Index('IDX_meeting_minutes_feedback_minutes', ['minutesId'])
export class MeetingMinutesFeedback {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'minutes_id', type: 'uuid' })
  minutesId: string;

  @ManyToOne('MeetingMinutes', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'minutes_id', foreignKeyConstraintName: 'FK_meeting_minutes_feedback_minutes' })
  minutes?: MeetingMinutes;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_meeting_minutes_feedback_author' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
