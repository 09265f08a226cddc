import type { WorkMatterStatus } from '@xiaoban/shared';
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

/** An important matter of the work ledger (工作台账, ADM-3): an owner, the departments involved, a deadline, a status. */
@Entity('work_matters')
@Index('IDX_work_matters_owner', ['ownerId', 'status'])
@Index('IDX_work_matters_due', ['status', 'dueOn'])
@Check('CHK_work_matters_status', `status IN ('open', 'in-progress', 'done', 'cancelled')`)
@Check('CHK_work_matters_closed', `(status IN ('done', 'cancelled')) = (closed_at IS NOT NULL)`)
export class WorkMatter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  description: string | null;

  /** 责任人 */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'FK_work_matters_owner' })
  owner?: User;

  /** 完成时限 (a school date). */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: WorkMatterStatus;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** The last school date an overdue reminder went out: one a day at most. */
  @Column({ name: 'reminded_overdue_on', type: 'date', nullable: true })
  remindedOverdueOn: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_work_matters_created_by' })
  createdBy?: User;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One entry of a matter's follow-up log (跟进记录). */
@Entity('work_matter_follow_ups')
@Index('IDX_work_matter_follow_ups_matter', ['matterId', 'recordedAt'])
export class WorkMatterFollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'matter_id', type: 'uuid' })
  matterId: string;

  @ManyToOne('WorkMatter', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'matter_id', foreignKeyConstraintName: 'FK_work_matter_follow_ups_matter' })
  matter?: WorkMatter;

  @Column({ type: 'varchar', length: 2000 })
  note: string;

  /** The status the matter moved to with this entry, if it moved. */
  @Column({ name: 'status_to', type: 'varchar', length: 20, nullable: true })
  statusTo: WorkMatterStatus | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_work_matter_follow_ups_recorded_by' })
  recordedBy?: User;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** A department involved in a matter (涉及部门). */
@Entity('work_matter_departments')
@Index('IDX_work_matter_departments_department', ['departmentId'])
export class WorkMatterDepartment {
  @PrimaryColumn({ name: 'matter_id', type: 'uuid', primaryKeyConstraintName: 'PK_work_matter_departments' })
  matterId: string;

  @PrimaryColumn({ name: 'department_id', type: 'uuid', primaryKeyConstraintName: 'PK_work_matter_departments' })
  departmentId: string;

  @ManyToOne('WorkMatter', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'matter_id', foreignKeyConstraintName: 'FK_work_matter_departments_matter' })
  matter?: WorkMatter;

  @ManyToOne('Department', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_work_matter_departments_department' })
  department?: Department;
}
