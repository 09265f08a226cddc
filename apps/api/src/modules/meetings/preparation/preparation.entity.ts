import type { EquipmentTestItem, EquipmentTestResult } from '@xiaoban/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';
import type { Meeting } from '../meetings/meeting.entity';

/**
 * A meeting's preparation checklist (会前准备, MTG-4): the room's environment, the special setup,
 * backup equipment and the person on duty for equipment. One row per meeting, made on first save.
 * Each check is null until someone looked, then true (ok) or false (not ok) with a remark.
 */
@Entity('meeting_checklists')
export class MeetingChecklist {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_checklists_meeting' })
  meeting?: Meeting;

  /** 环境：整洁 */
  @Column({ name: 'clean_ok', type: 'boolean', nullable: true })
  cleanOk: boolean | null;

  @Column({ name: 'clean_remark', type: 'varchar', length: 200, nullable: true })
  cleanRemark: string | null;

  /** 环境：安静 */
  @Column({ name: 'quiet_ok', type: 'boolean', nullable: true })
  quietOk: boolean | null;

  @Column({ name: 'quiet_remark', type: 'varchar', length: 200, nullable: true })
  quietRemark: string | null;

  /** 环境：光线 */
  @Column({ name: 'light_ok', type: 'boolean', nullable: true })
  lightOk: boolean | null;

  @Column({ name: 'light_remark', type: 'varchar', length: 200, nullable: true })
  lightRemark: string | null;

  /** 横幅 (会标) text; null when the meeting needs none. */
  @Column({ name: 'banner_text', type: 'varchar', length: 200, nullable: true })
  bannerText: string | null;

  /** 桌签 printed from the attendee list. */
  @Column({ name: 'name_cards_printed', type: 'boolean', default: false })
  nameCardsPrinted: boolean;

  /** 备用设备 ready. */
  @Column({ name: 'backup_equipment_ready', type: 'boolean', default: false })
  backupEquipmentReady: boolean;

  /** 设备值班人员 */
  @Column({ name: 'duty_person_id', type: 'uuid', nullable: true })
  dutyPersonId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'duty_person_id', foreignKeyConstraintName: 'FK_meeting_checklists_duty_person' })
  dutyPerson?: User | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'FK_meeting_checklists_updated_by' })
  updatedBy?: User | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The latest test of one piece of equipment for a meeting (设备调试, MTG-4). A failed test keeps
 * `needs_maintenance` set: the logistics module turns such rows into repair requests.
 */
@Entity('meeting_equipment_tests')
@Index('UQ_meeting_equipment_tests_item', ['meetingId', 'item'], { unique: true })
@Index('IDX_meeting_equipment_tests_maintenance', ['needsMaintenance'], { where: 'needs_maintenance' })
@Check('CHK_meeting_equipment_tests_item', `item IN ('audio', 'projector', 'microphones', 'video-conference')`)
@Check('CHK_meeting_equipment_tests_result', `result IN ('pass', 'fail')`)
@Check('CHK_meeting_equipment_tests_maintenance', `needs_maintenance = (result = 'fail')`)
export class MeetingEquipmentTest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_equipment_tests_meeting' })
  meeting?: Meeting;

  /** The room tested (the meeting's room at the time). */
  @Column({ name: 'room_id', type: 'uuid', nullable: true })
  roomId: string | null;

  @Column({ type: 'varchar', length: 20 })
  item: EquipmentTestItem;

  @Column({ type: 'varchar', length: 10 })
  result: EquipmentTestResult;

  @Column({ type: 'varchar', length: 300, nullable: true })
  remark: string | null;

  /** 需要维修: set exactly when the test failed. */
  @Column({ name: 'needs_maintenance', type: 'boolean' })
  needsMaintenance: boolean;

  @Column({ name: 'tested_by', type: 'uuid' })
  testedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tested_by', foreignKeyConstraintName: 'FK_meeting_equipment_tests_tested_by' })
  testedBy?: User;

  @Column({ name: 'tested_at', type: 'timestamptz' })
  testedAt: Date;
}
