import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { SecrecyLevel } from '@xiaoban/shared';
import type { Department } from './department.entity';
import type { Role } from './role.entity';

/** An account (账号) of a member of staff. Accounts are deactivated, never deleted. */
@Entity('users')
@Check('CHK_users_clearance', `clearance IN ('none', 'secret', 'confidential', 'top-secret')`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Login name, stored in lower case so that it is unique regardless of case. */
  @Index('UQ_users_username', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Index('IDX_users_department')
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_users_department' })
  department?: Department | null;

  /** Positions held (职务), e.g. 办公室主任, 教师. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  positions: string[];

  @ManyToMany('Role')
  @JoinTable({
    name: 'user_roles',
    joinColumn: { name: 'user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'FK_user_roles_user' },
    inverseJoinColumn: { name: 'role_id', referencedColumnName: 'id', foreignKeyConstraintName: 'FK_user_roles_role' },
  })
  roles?: Role[];

  /** Secrecy clearance (REQ-3): the highest level of classified item this person may see. */
  @Column({ type: 'varchar', length: 20, default: 'none' })
  clearance: SecrecyLevel;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** argon2id hash; never leaves the service and never enters the audit log. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
