import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { User } from './user.entity';

/** A department (部门) of the school; departments form a tree through `parent`. */
@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Short code used in archive numbers (机构代码), e.g. BGS for 综合办公室. */
  @Index('UQ_departments_code', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_departments_parent' })
  parent?: Department | null;

  /** The department head (部门负责人): approvals "head of the applicant's department" go here. */
  @Column({ name: 'head_id', type: 'uuid', nullable: true })
  headId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'head_id', foreignKeyConstraintName: 'FK_departments_head' })
  head?: User | null;

  /** The liaison person (联络人) of the department for the office (ADM-1). */
  @Column({ name: 'liaison_id', type: 'uuid', nullable: true })
  liaisonId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'liaison_id', foreignKeyConstraintName: 'FK_departments_liaison' })
  liaison?: User | null;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
