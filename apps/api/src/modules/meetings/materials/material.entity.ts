import type { MaterialStatus, SecrecyLevel } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';
import type { Meeting } from '../meetings/meeting.entity';

/**
 * A meeting material (会议材料, MTG-5): its files (platform/files, owned by this row), the steps
 * printed → bound → distributed, and whether it is confidential (only the attendees it names).
 * `secrecy` is the meeting's, copied so that the access service's classified rule can read it.
 */
@Entity('meeting_materials')
@Index('IDX_meeting_materials_meeting', ['meetingId'])
@Check('CHK_meeting_materials_status', `status IN ('uploaded', 'printed', 'bound', 'distributed')`)
@Check('CHK_meeting_materials_secrecy', `secrecy IN ('none', 'secret', 'confidential', 'top-secret')`)
export class MeetingMaterial {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_materials_meeting' })
  meeting?: Meeting;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** 仅限指定参会人: visible only to the attendees named by grants. */
  @Column({ type: 'boolean', default: false })
  confidential: boolean;

  @Column({ type: 'varchar', length: 20, default: 'none' })
  secrecy: SecrecyLevel;

  @Column({ type: 'varchar', length: 20, default: 'uploaded' })
  status: MaterialStatus;

  /** 份数 to print. */
  @Column({ type: 'integer', nullable: true })
  copies: number | null;

  @Column({ name: 'printed_at', type: 'timestamptz', nullable: true })
  printedAt: Date | null;

  @Column({ name: 'bound_at', type: 'timestamptz', nullable: true })
  boundAt: Date | null;

  @Column({ name: 'distributed_at', type: 'timestamptz', nullable: true })
  distributedAt: Date | null;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'FK_meeting_materials_uploaded_by' })
  uploadedBy?: User;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One attendee's copy of a distributed material: when it went out and when they confirmed receipt (签收). */
@Entity('meeting_material_receipts')
@Index('IDX_meeting_material_receipts_user', ['userId'])
export class MeetingMaterialReceipt {
  @PrimaryColumn({ name: 'material_id', type: 'uuid' })
  materialId: string;

  @ManyToOne('MeetingMaterial', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'material_id', foreignKeyConstraintName: 'FK_meeting_material_receipts_material' })
  material?: MeetingMaterial;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_meeting_material_receipts_user' })
  user?: User;

  @Column({ name: 'distributed_at', type: 'timestamptz' })
  distributedAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt: Date | null;
}
