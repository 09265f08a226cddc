import type { ReceptionSlot } from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../../../platform/org/user.entity';

/** A reception duty (接待值班, INF-9): one person per date and slot, with an optional named backup. */
@Entity('reception_duties')
@Index('UQ_reception_duties_slot', ['dutyDate', 'slot'], { unique: true })
@Check('CHK_reception_duties_slot', `slot IN ('am', 'pm')`)
@Check('CHK_reception_duties_backup', `backup_user_id IS NULL OR backup_user_id <> user_id`)
export class ReceptionDuty {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_reception_duties' })
  id: string;

  @Column({ name: 'duty_date', type: 'date' })
  dutyDate: string;

  @Column({ type: 'varchar', length: 4 })
  slot: ReceptionSlot;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_reception_duties_user' })
  user?: User;

  @Column({ name: 'backup_user_id', type: 'uuid', nullable: true })
  backupUserId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'backup_user_id', foreignKeyConstraintName: 'FK_reception_duties_backup' })
  backupUser?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** 外出登记: a member of staff is away from school from … to …. */
@Entity('staff_absences')
@Index('IDX_staff_absences_user', ['userId', 'startsAt'])
@Check('CHK_staff_absences_span', `ends_at > starts_at`)
export class StaffAbsence {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_staff_absences' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_staff_absences_user' })
  user?: User;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'varchar', length: 200 })
  destination: string;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by', foreignKeyConstraintName: 'FK_staff_absences_registered_by' })
  registeredBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A gap in cover the office was alerted about: one alert per slot. */
@Entity('reception_gap_alerts')
export class ReceptionGapAlert {
  @PrimaryColumn({ name: 'duty_date', type: 'date', primaryKeyConstraintName: 'PK_reception_gap_alerts' })
  dutyDate: string;

  @PrimaryColumn({ type: 'varchar', length: 4, primaryKeyConstraintName: 'PK_reception_gap_alerts' })
  slot: ReceptionSlot;

  @CreateDateColumn({ name: 'alerted_at', type: 'timestamptz' })
  alertedAt: Date;
}

export const COVER_ENTITIES = [ReceptionDuty, StaffAbsence, ReceptionGapAlert];
