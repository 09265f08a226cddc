import type { AttendanceState, AttendeeResponse, AttendeeRole, MeetingStatus, SecrecyLevel, SignInMethod } from '@xiaoban/shared';
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
import type { RoomBooking } from '../bookings/booking.entity';

/** A meeting type (会议类型, MTG-2): the five built in, and those the school adds. */
@Entity('meeting_types')
@Index('UQ_meeting_types_name', ['name'], { unique: true })
export class MeetingType {
  /** e.g. school-affairs, coordination, or a code the school chose */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  /** e.g. 校务会 */
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100, nullable: true })
  nameEn: string | null;

  @Column({ type: 'boolean', default: false })
  builtin: boolean;

  /** An inactive type is kept for old meetings but offered for no new one. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 100 })
  sort: number;
}

/**
 * A meeting (会议, MTG-2): what, who, where and when, and how far it is in its flow. Later parts
 * (preparation, materials, sign-in, minutes, resolutions) hang their own tables off its id.
 */
@Entity('meetings')
@Index('IDX_meetings_starts_at', ['startsAt'])
@Index('IDX_meetings_organiser', ['organiserId'])
@Index('UQ_meetings_booking', ['bookingId'], { unique: true })
@Check('CHK_meetings_range', `ends_at > starts_at`)
@Check('CHK_meetings_secrecy', `secrecy IN ('none', 'secret', 'confidential', 'top-secret')`)
@Check('CHK_meetings_status', `status IN ('draft', 'agenda-confirmed', 'notified', 'cancelled')`)
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'type_code', type: 'varchar', length: 40 })
  typeCode: string;

  @ManyToOne('MeetingType', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type_code', foreignKeyConstraintName: 'FK_meetings_type' })
  type?: MeetingType;

  /** 组织者: drafts the meeting, confirms the agenda, sends the notice. */
  @Column({ name: 'organiser_id', type: 'uuid' })
  organiserId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organiser_id', foreignKeyConstraintName: 'FK_meetings_organiser' })
  organiser?: User;

  /** 主持人 */
  @Column({ name: 'host_id', type: 'uuid', nullable: true })
  hostId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'host_id', foreignKeyConstraintName: 'FK_meetings_host' })
  host?: User | null;

  /** The room booking; none for a meeting held elsewhere (then `location` says where). */
  @Column({ name: 'booking_id', type: 'uuid', nullable: true })
  bookingId: string | null;

  @ManyToOne('RoomBooking', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'FK_meetings_booking' })
  booking?: RoomBooking | null;

  /** Kept equal to the booking's times while there is one. */
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** Where, when not in a booked room (e.g. 区教育局三楼会议室). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  /** 密级: a classified meeting's title, attendees and materials are for cleared invitees only. */
  @Column({ type: 'varchar', length: 20, default: 'none' })
  secrecy: SecrecyLevel;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: MeetingStatus;

  @Column({ name: 'agenda_confirmed_at', type: 'timestamptz', nullable: true })
  agendaConfirmedAt: Date | null;

  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One agenda topic (议题), in order. */
@Entity('meeting_topics')
@Index('UQ_meeting_topics_seq', ['meetingId', 'seq'], { unique: true })
@Check('CHK_meeting_topics_minutes', `minutes IS NULL OR minutes >= 1`)
export class MeetingTopic {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_topics_meeting' })
  meeting?: Meeting;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** 汇报人 */
  @Column({ name: 'presenter_id', type: 'uuid', nullable: true })
  presenterId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'presenter_id', foreignKeyConstraintName: 'FK_meeting_topics_presenter' })
  presenter?: User | null;

  /** Time planned for the topic. */
  @Column({ type: 'integer', nullable: true })
  minutes: number | null;
}

/** A department invited as a whole (its members were resolved to attendees when it was chosen). */
@Entity('meeting_departments')
@Check('CHK_meeting_departments_role', `role IN ('attendee', 'observer')`)
export class MeetingDepartment {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_departments_meeting' })
  meeting?: Meeting;

  @PrimaryColumn({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne('Department', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_meeting_departments_department' })
  department?: Department;

  @Column({ type: 'varchar', length: 10 })
  role: AttendeeRole;
}

/** A person invited: 出席 or 列席, and their answer to the notice (MTG-3). */
@Entity('meeting_attendees')
@Index('UQ_meeting_attendees_person', ['meetingId', 'userId'], { unique: true })
@Index('IDX_meeting_attendees_user', ['userId'])
@Check('CHK_meeting_attendees_role', `role IN ('attendee', 'observer')`)
@Check('CHK_meeting_attendees_response', `response IN ('pending', 'accepted', 'leave')`)
@Check('CHK_meeting_attendees_leave_reason', `response <> 'leave' OR leave_reason IS NOT NULL`)
@Check('CHK_meeting_attendees_attendance', `attendance IS NULL OR attendance IN ('present', 'late', 'absent', 'leave')`)
@Check('CHK_meeting_attendees_sign_in_method', `sign_in_method IS NULL OR sign_in_method IN ('staff', 'qr')`)
export class MeetingAttendee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_attendees_meeting' })
  meeting?: Meeting;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_meeting_attendees_user' })
  user?: User;

  @Column({ type: 'varchar', length: 10 })
  role: AttendeeRole;

  /** The department through which the person was invited; null when chosen by name. */
  @Column({ name: 'via_department_id', type: 'uuid', nullable: true })
  viaDepartmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'via_department_id', foreignKeyConstraintName: 'FK_meeting_attendees_via_department' })
  viaDepartment?: Department | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  response: AttendeeResponse;

  /** 请假事由 */
  @Column({ name: 'leave_reason', type: 'text', nullable: true })
  leaveReason: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /**
   * 签到 (MTG-6): what was recorded, by a sign-in (present/late) or by staff; null when nothing
   * was. Absent after the end and leave by answer are computed (libs/shared meeting-attendance.ts).
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  attendance: AttendanceState | null;

  /** The first sign-in; a second one leaves it as it is. */
  @Column({ name: 'signed_in_at', type: 'timestamptz', nullable: true })
  signedInAt: Date | null;

  @Column({ name: 'sign_in_method', type: 'varchar', length: 10, nullable: true })
  signInMethod: SignInMethod | null;
}

/**
 * A person's calendar feed (MTG-3): a secret URL their calendar app polls. Only the token's
 * SHA-256 is kept; revoking deletes the row, and a new feed gets a new token.
 */
@Entity('meeting_calendar_feeds')
@Index('UQ_meeting_calendar_feeds_token', ['tokenHash'], { unique: true })
export class MeetingCalendarFeed {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_meeting_calendar_feeds_user' })
  user?: User;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
