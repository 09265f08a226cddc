import type { BookingStatus } from '@xiaoban/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { User } from '../../../platform/org/user.entity';
import type { MeetingRoom } from '../rooms/room.entity';

/**
 * A weekly series of bookings (MTG-1), e.g. the 行政会 every Monday 8:00 in teaching weeks. The
 * occurrences are ordinary bookings pointing here, created together or not at all.
 */
@Entity('room_booking_series')
@Check('CHK_room_booking_series_weekday', `weekday BETWEEN 1 AND 7`)
@Check('CHK_room_booking_series_times', `end_time > start_time`)
@Check('CHK_room_booking_series_span', `until_on >= from_on`)
export class RoomBookingSeries {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'room_id', type: 'uuid' })
  roomId: string;

  @ManyToOne('MeetingRoom', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id', foreignKeyConstraintName: 'FK_room_booking_series_room' })
  room?: MeetingRoom;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'organiser_id', type: 'uuid' })
  organiserId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organiser_id', foreignKeyConstraintName: 'FK_room_booking_series_organiser' })
  organiser?: User;

  /** 1 Monday … 7 Sunday */
  @Column({ type: 'smallint' })
  weekday: number;

  /** Wall-clock times in the school's zone. */
  @Column({ name: 'start_time', type: 'time' })
  startTime: string;

  @Column({ name: 'end_time', type: 'time' })
  endTime: string;

  @Column({ name: 'from_on', type: 'date' })
  fromOn: string;

  @Column({ name: 'until_on', type: 'date' })
  untilOn: string;

  /** Skip weeks without lessons (vacations, exam weeks) by the school calendar. */
  @Column({ name: 'teaching_weeks_only', type: 'boolean' })
  teachingWeeksOnly: boolean;

  /** Dates the organiser left out on purpose (跳过的周). */
  @Column({ name: 'skip_dates', type: 'date', array: true, default: () => "'{}'" })
  skipDates: string[];

  @Column({ name: 'attendee_count', type: 'integer' })
  attendeeCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A booking of a room for a time range (MTG-1). The exclusion constraint makes a double booking
 * impossible, also between concurrent requests: two bookings that hold the room (pending or
 * confirmed) never overlap on the half-open range [starts_at, ends_at), so back-to-back is fine.
 */
@Entity('room_bookings')
@Index('IDX_room_bookings_room_start', ['roomId', 'startsAt'])
@Index('IDX_room_bookings_organiser', ['organiserId'])
@Index('IDX_room_bookings_series', ['seriesId'])
@Check('CHK_room_bookings_range', `ends_at > starts_at`)
@Check('CHK_room_bookings_attendees', `attendee_count >= 1`)
@Check('CHK_room_bookings_status', `status IN ('pending', 'confirmed', 'rejected', 'cancelled')`)
@Exclusion(
  'EXC_room_bookings_no_overlap',
  `USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status IN ('pending', 'confirmed'))`,
)
export class RoomBooking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'room_id', type: 'uuid' })
  roomId: string;

  @ManyToOne('MeetingRoom', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'room_id', foreignKeyConstraintName: 'FK_room_bookings_room' })
  room?: MeetingRoom;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'attendee_count', type: 'integer' })
  attendeeCount: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'organiser_id', type: 'uuid' })
  organiserId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organiser_id', foreignKeyConstraintName: 'FK_room_bookings_organiser' })
  organiser?: User;

  @Column({ type: 'varchar', length: 20 })
  status: BookingStatus;

  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;

  @ManyToOne('RoomBookingSeries', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'series_id', foreignKeyConstraintName: 'FK_room_bookings_series' })
  series?: RoomBookingSeries | null;

  /** The room-booking approval request, for rooms that need approval. */
  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
