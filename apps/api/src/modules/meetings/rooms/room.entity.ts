import type { RoomEquipment } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A meeting room (会议室, MTG-1): where it is, how many it seats, what it has. Photos are files it owns. */
@Entity('meeting_rooms')
@Index('UQ_meeting_rooms_name', ['name'], { unique: true })
@Check('CHK_meeting_rooms_capacity', `capacity >= 1`)
export class MeetingRoom {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** e.g. 第一会议室, 报告厅 */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** 楼栋, e.g. 行政楼 */
  @Column({ type: 'varchar', length: 100 })
  building: string;

  /** 楼层, as the school says it: 3, 3F, B1 */
  @Column({ type: 'varchar', length: 20 })
  floor: string;

  @Column({ type: 'integer' })
  capacity: number;

  /** Values of ROOM_EQUIPMENT (libs/shared); the suggestion query asks `equipment @> wanted`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  equipment: RoomEquipment[];

  /** False while the room is closed for booking (renovation, kept for the leaders). */
  @Column({ type: 'boolean', default: true })
  bookable: boolean;

  /** Bookings of this room go through the room-booking approval. */
  @Column({ name: 'needs_approval', type: 'boolean', default: false })
  needsApproval: boolean;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
