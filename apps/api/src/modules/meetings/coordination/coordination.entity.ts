import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';
import type { Meeting } from '../meetings/meeting.entity';

/** A recurring coordination meeting (例行协调会, ADM-1): every N weeks, created as a series of meetings at once. */
@Entity('coordination_series')
export class CoordinationSeries {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'every_weeks', type: 'integer' })
  everyWeeks: number;

  @Column({ type: 'integer' })
  occurrences: number;

  @Column({ name: 'organiser_id', type: 'uuid' })
  organiserId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organiser_id', foreignKeyConstraintName: 'FK_coordination_series_organiser' })
  organiser?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A department involved in a coordination meeting, and the person invited for it (its liaison, else its head). */
@Entity('coordination_departments')
@Index('IDX_coordination_departments_series', ['seriesId'])
export class CoordinationDepartment {
  @PrimaryColumn({ name: 'meeting_id', type: 'uuid', primaryKeyConstraintName: 'PK_coordination_departments' })
  meetingId: string;

  @ManyToOne('Meeting', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_coordination_departments_meeting' })
  meeting?: Meeting;

  @PrimaryColumn({ name: 'department_id', type: 'uuid', primaryKeyConstraintName: 'PK_coordination_departments' })
  departmentId: string;

  @ManyToOne('Department', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_coordination_departments_department' })
  department?: Department;

  /** 联络人 invited for the department; null when it had neither liaison nor head. */
  @Column({ name: 'invited_id', type: 'uuid', nullable: true })
  invitedId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_id', foreignKeyConstraintName: 'FK_coordination_departments_invited' })
  invited?: User | null;

  /** The series the meeting belongs to, when it recurs. */
  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;

  @ManyToOne('CoordinationSeries', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'series_id', foreignKeyConstraintName: 'FK_coordination_departments_series' })
  series?: CoordinationSeries | null;
}
