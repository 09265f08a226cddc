import type {
  SealApplicationStatus,
  SealHandoverStatus,
  SealInspectionResult,
  SealInspectionStatus,
  SealStatus,
  SealType,
} from '@xiaoban/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';

/** A seal of the school (印章, ADM-4): its type, status and custodian. The impression (印模) is a file it owns. */
@Entity('seals')
@Index('IDX_seals_custodian', ['custodianId'])
@Check('CHK_seals_type', `seal_type IN ('official', 'party', 'legal-representative', 'finance', 'contract', 'department')`)
@Check('CHK_seals_status', `status IN ('in-use', 'suspended', 'lost', 'destroyed')`)
export class Seal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'seal_type', type: 'varchar', length: 30 })
  sealType: SealType;

  @Column({ type: 'varchar', length: 20, default: 'in-use' })
  status: SealStatus;

  /** Why it is suspended, lost or destroyed. */
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt: Date | null;

  /** 保管人: changes only through a confirmed handover. */
  @Column({ name: 'custodian_id', type: 'uuid' })
  custodianId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'custodian_id', foreignKeyConstraintName: 'FK_seals_custodian' })
  custodian?: User;

  /** The department a 部门章 belongs to. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_seals_department' })
  department?: Department | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A handover of custody (交接): recorded by the old custodian, confirmed by the new one with their own login. */
@Entity('seal_handovers')
@Index('IDX_seal_handovers_seal', ['sealId', 'createdAt'])
// One pending handover per seal: a second one waits until the first is confirmed or cancelled.
@Index('UQ_seal_handovers_pending', ['sealId'], { unique: true, where: `status = 'pending'` })
@Check('CHK_seal_handovers_status', `status IN ('pending', 'confirmed', 'cancelled')`)
@Check('CHK_seal_handovers_confirmed', `(status = 'confirmed') = (confirmed_at IS NOT NULL)`)
@Check('CHK_seal_handovers_people', `from_user_id <> to_user_id`)
export class SealHandover {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'seal_id', type: 'uuid' })
  sealId: string;

  @ManyToOne('Seal', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seal_id', foreignKeyConstraintName: 'FK_seal_handovers_seal' })
  seal?: Seal;

  @Column({ name: 'from_user_id', type: 'uuid' })
  fromUserId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_user_id', foreignKeyConstraintName: 'FK_seal_handovers_from_user' })
  fromUser?: User;

  @Column({ name: 'to_user_id', type: 'uuid' })
  toUserId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_user_id', foreignKeyConstraintName: 'FK_seal_handovers_to_user' })
  toUser?: User;

  /** Who recorded it: the old custodian, or the office for a custodian who has left. */
  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_seal_handovers_recorded_by' })
  recordedBy?: User;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: SealHandoverStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}

/**
 * An application to use a seal (用印申请, ADM-5). `copies_used` counts what the custodian has
 * stamped; the check keeps it within the approved copies even against a faulty write.
 */
@Entity('seal_use_applications')
@Index('IDX_seal_use_applications_seal', ['sealId', 'createdAt'])
@Index('IDX_seal_use_applications_applicant', ['applicantId', 'createdAt'])
@Check('CHK_seal_use_applications_status', `status IN ('pending', 'approved', 'rejected', 'withdrawn', 'spent')`)
@Check('CHK_seal_use_applications_copies', `copies >= 1 AND copies_used >= 0 AND copies_used <= copies`)
@Check('CHK_seal_use_applications_spent', `(status = 'spent') = (copies_used = copies)`)
export class SealUseApplication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'seal_id', type: 'uuid' })
  sealId: string;

  @ManyToOne('Seal', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seal_id', foreignKeyConstraintName: 'FK_seal_use_applications_seal' })
  seal?: Seal;

  @Column({ name: 'applicant_id', type: 'uuid' })
  applicantId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'FK_seal_use_applications_applicant' })
  applicant?: User;

  /** The applicant's department when they applied (for the register). */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_seal_use_applications_department' })
  department?: Department | null;

  /** 用印文件名称 */
  @Column({ name: 'document_title', type: 'varchar', length: 300 })
  documentTitle: string;

  /** 用印份数 approved (as applied for). */
  @Column({ type: 'integer' })
  copies: number;

  @Column({ name: 'copies_used', type: 'integer', default: 0 })
  copiesUsed: number;

  /** 用印事由 */
  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: SealApplicationStatus;

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One actual use of a seal (用印登记), registered by its custodian against an approved application. */
@Entity('seal_uses')
@Index('IDX_seal_uses_application', ['applicationId'])
@Index('IDX_seal_uses_seal_used_at', ['sealId', 'usedAt'])
@Check('CHK_seal_uses_copies', `copies >= 1`)
export class SealUse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne('SealUseApplication', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'FK_seal_uses_application' })
  application?: SealUseApplication;

  @Column({ name: 'seal_id', type: 'uuid' })
  sealId: string;

  @ManyToOne('Seal', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seal_id', foreignKeyConstraintName: 'FK_seal_uses_seal' })
  seal?: Seal;

  @Column({ name: 'used_at', type: 'timestamptz' })
  usedAt: Date;

  @Column({ type: 'integer' })
  copies: number;

  /** 经办人: who stamped. */
  @Column({ name: 'handled_by', type: 'uuid' })
  handledById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handled_by', foreignKeyConstraintName: 'FK_seal_uses_handled_by' })
  handledBy?: User;

  /** 监印人: who watched the stamping. */
  @Column({ name: 'supervised_by', type: 'uuid' })
  supervisedById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervised_by', foreignKeyConstraintName: 'FK_seal_uses_supervised_by' })
  supervisedBy?: User;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredById: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by', foreignKeyConstraintName: 'FK_seal_uses_registered_by' })
  registeredBy?: User;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The monthly inspection of one seal by its custodian (印章检查, ADM-6); the photo is a file it owns. */
@Entity('seal_inspections')
@Index('UQ_seal_inspections_seal_period', ['sealId', 'period'], { unique: true })
@Index('IDX_seal_inspections_custodian', ['custodianId', 'status'])
@Check('CHK_seal_inspections_status', `status IN ('open', 'done')`)
@Check('CHK_seal_inspections_result', `result IS NULL OR result IN ('normal', 'damaged', 'lost')`)
@Check('CHK_seal_inspections_done', `(status = 'done') = (result IS NOT NULL AND inspected_at IS NOT NULL)`)
export class SealInspection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'seal_id', type: 'uuid' })
  sealId: string;

  @ManyToOne('Seal', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seal_id', foreignKeyConstraintName: 'FK_seal_inspections_seal' })
  seal?: Seal;

  /** YYYY-MM */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** The custodian when it was opened: the one asked to inspect. */
  @Column({ name: 'custodian_id', type: 'uuid' })
  custodianId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'custodian_id', foreignKeyConstraintName: 'FK_seal_inspections_custodian' })
  custodian?: User;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status: SealInspectionStatus;

  @Column({ type: 'varchar', length: 10, nullable: true })
  result: SealInspectionResult | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'inspected_at', type: 'timestamptz', nullable: true })
  inspectedAt: Date | null;

  @Column({ name: 'inspected_by', type: 'uuid', nullable: true })
  inspectedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'inspected_by', foreignKeyConstraintName: 'FK_seal_inspections_inspected_by' })
  inspectedBy?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
