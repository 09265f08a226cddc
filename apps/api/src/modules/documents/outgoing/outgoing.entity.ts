import type {
  CountersignStatus,
  DistributionKind,
  DocumentSecrecy,
  DocumentType,
  DocumentUrgency,
  OutgoingDirection,
  OutgoingNumberFate,
  OutgoingStatus,
  RetentionPeriod,
  TransferMethod,
} from '@xiaoban/shared';
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
import type { DestructionList } from '../../../platform/retention/destruction.entities';

/** A 机关代字 of the school's outgoing numbers (发文字号), e.g. 校办, 校发, 校党发 (DOC-7). */
@Entity('outgoing_number_prefixes')
@Index('UQ_outgoing_number_prefixes_code', ['code'], { unique: true })
export class OutgoingNumberPrefix {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 校办 */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  /** What the 代字 is for, e.g. 学校办公室发文. */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** A deactivated 代字 gives no new numbers; its numbers stay. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * The counter of one 代字 and year. 登记, 预留 and 作废 bump it with `UPDATE … RETURNING` in
 * their transaction: a rollback gives the number back, so the numbers stay gap-free.
 */
@Entity('outgoing_number_counters')
@Check('CHK_outgoing_number_counters_last', `last_seq >= 0`)
export class OutgoingNumberCounter {
  @PrimaryColumn({ name: 'prefix_id', type: 'uuid' })
  prefixId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @ManyToOne('OutgoingNumberPrefix', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prefix_id', foreignKeyConstraintName: 'FK_outgoing_number_counters_prefix' })
  prefix?: OutgoingNumberPrefix;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;
}

/**
 * The fate of every number a counter gave (the number log): used by a document, reserved (预留)
 * or voided (作废) with a reason. The gap report reads it: each number 1..max has exactly one row.
 */
@Entity('outgoing_number_log')
@Index('UQ_outgoing_number_log_number', ['prefixId', 'year', 'seq'], { unique: true })
@Check('CHK_outgoing_number_log_fate', `fate IN ('used', 'reserved', 'voided')`)
@Check('CHK_outgoing_number_log_used', `(fate = 'used') = (document_id IS NOT NULL)`)
@Check('CHK_outgoing_number_log_reason', `fate = 'used' OR reason IS NOT NULL`)
export class OutgoingNumberLog {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'prefix_id', type: 'uuid' })
  prefixId: string;

  @ManyToOne('OutgoingNumberPrefix', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prefix_id', foreignKeyConstraintName: 'FK_outgoing_number_log_prefix' })
  prefix?: OutgoingNumberPrefix;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  seq: number;

  /** 校办〔2026〕12号 */
  @Column({ type: 'varchar', length: 40 })
  number: string;

  @Column({ type: 'varchar', length: 10 })
  fate: OutgoingNumberFate;

  @Column({ name: 'document_id', type: 'uuid', nullable: true })
  documentId: string | null;

  @ManyToOne('OutgoingDocument', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_outgoing_number_log_document' })
  document?: OutgoingDocument | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_outgoing_number_log_created_by' })
  creator?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An outgoing document (发文, DOC-7): GB/T 9704's elements and where it is in its flow. */
@Entity('outgoing_documents')
@Index('UQ_outgoing_documents_number', ['prefixId', 'year', 'seq'], { unique: true })
@Index('IDX_outgoing_documents_status', ['status'])
@Index('IDX_outgoing_documents_drafter', ['drafterId'])
@Index('IDX_outgoing_documents_created', ['createdAt'])
@Check(
  'CHK_outgoing_documents_numbered',
  `(number IS NULL) = (seq IS NULL) AND (seq IS NULL) = (year IS NULL) AND (year IS NULL) = (prefix_id IS NULL)`,
)
@Check('CHK_outgoing_documents_secrecy', `secrecy IN ('none', 'secret', 'confidential', 'top-secret')`)
@Check('CHK_outgoing_documents_urgency', `urgency IN ('extra-urgent', 'urgent', 'normal')`)
@Check('CHK_outgoing_documents_direction', `direction IN ('upward', 'parallel', 'downward')`)
@Check('CHK_outgoing_documents_copies', `copies >= 1`)
export class OutgoingDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  status: OutgoingStatus;

  @Column({ name: 'doc_type', type: 'varchar', length: 20 })
  docType: DocumentType;

  @Column({ type: 'varchar', length: 10 })
  direction: OutgoingDirection;

  /** 份号 */
  @Column({ name: 'copy_number', type: 'varchar', length: 10, nullable: true })
  copyNumber: string | null;

  @Column({ type: 'varchar', length: 20, default: 'none' })
  secrecy: DocumentSecrecy;

  /** 保密期限 */
  @Column({ name: 'secrecy_period', type: 'varchar', length: 30, nullable: true })
  secrecyPeriod: string | null;

  @Column({ type: 'varchar', length: 20, default: 'normal' })
  urgency: DocumentUrgency;

  /** 发文机关标志 */
  @Column({ name: 'issuer_mark', type: 'varchar', length: 100, nullable: true })
  issuerMark: string | null;

  /** The 代字, year and sequence of the 发文字号, given at 登记. */
  @Column({ name: 'prefix_id', type: 'uuid', nullable: true })
  prefixId: string | null;

  @ManyToOne('OutgoingNumberPrefix', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prefix_id', foreignKeyConstraintName: 'FK_outgoing_documents_prefix' })
  prefix?: OutgoingNumberPrefix | null;

  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Column({ type: 'integer', nullable: true })
  seq: number | null;

  /** 校办〔2026〕12号 */
  @Column({ type: 'varchar', length: 40, nullable: true })
  number: string | null;

  /** 签发人 names, as printed on a 上行文. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  signers: string[];

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** 主送机关 */
  @Column({ name: 'main_recipients', type: 'text', array: true, default: () => "'{}'" })
  mainRecipients: string[];

  /** 正文 */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** An uploaded file of the 正文 (a DOCX or PDF), owned by the document like its attachments. */
  @Column({ name: 'body_file_id', type: 'uuid', nullable: true })
  bodyFileId: string | null;

  /** 附件说明 */
  @Column({ name: 'attachment_note', type: 'text', nullable: true })
  attachmentNote: string | null;

  /** 成文日期: the sign-off date unless the drafter set one. */
  @Column({ name: 'written_on', type: 'date', nullable: true })
  writtenOn: string | null;

  /** 附注 */
  @Column({ type: 'text', nullable: true })
  remark: string | null;

  /** 抄送机关 */
  @Column({ name: 'cc_recipients', type: 'text', array: true, default: () => "'{}'" })
  ccRecipients: string[];

  /** 印发机关 */
  @Column({ name: 'printing_org', type: 'varchar', length: 100, nullable: true })
  printingOrg: string | null;

  /** 印发日期 */
  @Column({ name: 'printed_on', type: 'date', nullable: true })
  printedOn: string | null;

  /** 份数: copies printed, set at 登记. */
  @Column({ type: 'integer', default: 1 })
  copies: number;

  @Column({ type: 'varchar', length: 20 })
  retention: RetentionPeriod;

  /** 拟稿部门 */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_outgoing_documents_department' })
  department?: Department | null;

  /** 拟稿人 */
  @Column({ name: 'drafter_id', type: 'uuid', nullable: true })
  drafterId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'drafter_id', foreignKeyConstraintName: 'FK_outgoing_documents_drafter' })
  drafter?: User | null;

  /** The open (or last) 签发 request of the approval kind outgoing-signoff. */
  @Column({ name: 'signoff_request_id', type: 'uuid', nullable: true })
  signoffRequestId: string | null;

  /** The leader who signed it off (签发), and when. */
  @Column({ name: 'signed_by', type: 'uuid', nullable: true })
  signedBy: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'signed_by', foreignKeyConstraintName: 'FK_outgoing_documents_signed_by' })
  signer?: User | null;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  /** The leader's words at 签发 (签发意见). */
  @Column({ name: 'signoff_opinion', type: 'text', nullable: true })
  signoffOpinion: string | null;

  /** How many times it was signed off: more than one after a substantive change. */
  @Column({ name: 'signoff_round', type: 'integer', default: 0 })
  signoffRound: number;

  /** The reason of the last return to the drafter (退回修改). */
  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: string | null;

  @Column({ name: 'ready_to_file_at', type: 'timestamptz', nullable: true })
  readyToFileAt: Date | null;

  /** When the archive took the document (归档, DOC-11), with its reference (档号). */
  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true })
  filedAt: Date | null;

  @Column({ name: 'archive_ref', type: 'varchar', length: 60, nullable: true })
  archiveRef: string | null;

  /** Destroyed by a completed destruction list (DOC-10): the row and its metadata stay, marked. */
  @Column({ name: 'destroyed_at', type: 'timestamptz', nullable: true })
  destroyedAt: Date | null;

  @Column({ name: 'destruction_list_id', type: 'uuid', nullable: true })
  destructionListId: string | null;

  @ManyToOne('DestructionList', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'destruction_list_id', foreignKeyConstraintName: 'FK_outgoing_documents_destruction_list' })
  destructionList?: DestructionList | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One step of the flow as it happened: who, when, from and to which status, with the note or reason. */
@Entity('outgoing_document_steps')
@Index('IDX_outgoing_document_steps_document', ['documentId', 'at'])
export class OutgoingDocumentStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne('OutgoingDocument', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_outgoing_document_steps_document' })
  document?: OutgoingDocument;

  @Column({ type: 'varchar', length: 30 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20 })
  fromStatus: OutgoingStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: OutgoingStatus;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_outgoing_document_steps_actor' })
  actor?: User | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}

/** A countersigner (会签) named by the office: a department (its head answers) or a person. */
@Entity('outgoing_document_countersigns')
@Index('IDX_outgoing_document_countersigns_document', ['documentId'])
@Index('IDX_outgoing_document_countersigns_user', ['userId'])
@Check('CHK_outgoing_document_countersigns_status', `status IN ('pending', 'agreed', 'disagreed')`)
export class OutgoingDocumentCountersign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne('OutgoingDocument', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_outgoing_document_countersigns_document' })
  document?: OutgoingDocument;

  /** The department asked, if one was; its head is the person who answers. */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_outgoing_document_countersigns_department' })
  department?: Department | null;

  /** The person who answers. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_outgoing_document_countersigns_user' })
  user?: User;

  /** Countersigning again after a return opens a new round; only the current round counts. */
  @Column({ type: 'integer', default: 1 })
  round: number;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: CountersignStatus;

  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}

/**
 * One recipient of the distribution list (分发): fixed at 登记, then sent (method and time) at 分发,
 * then confirmed by the recipient or recorded by the office from the paper receipt.
 */
@Entity('outgoing_document_distributions')
@Index('IDX_outgoing_document_distributions_document', ['documentId'])
@Index('IDX_outgoing_document_distributions_department', ['departmentId'])
@Check('CHK_outgoing_document_distributions_recipient', `(department_id IS NULL) <> (org_name IS NULL)`)
@Check('CHK_outgoing_document_distributions_kind', `kind IN ('main', 'cc', 'internal')`)
@Check('CHK_outgoing_document_distributions_copies', `copies >= 1`)
export class OutgoingDocumentDistribution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne('OutgoingDocument', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_outgoing_document_distributions_document' })
  document?: OutgoingDocument;

  @Column({ type: 'varchar', length: 10 })
  kind: DistributionKind;

  /** One of the school's departments … */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_outgoing_document_distributions_department' })
  department?: Department | null;

  /** … or an organisation outside the school, by name (e.g. 市教育局). */
  @Column({ name: 'org_name', type: 'varchar', length: 200, nullable: true })
  orgName: string | null;

  @Column({ type: 'integer', default: 1 })
  copies: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  method: TransferMethod | null;

  @Column({ name: 'distributed_at', type: 'timestamptz', nullable: true })
  distributedAt: Date | null;

  @Column({ name: 'distributed_by', type: 'uuid', nullable: true })
  distributedBy: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'distributed_by', foreignKeyConstraintName: 'FK_outgoing_document_distributions_distributed_by' })
  distributor?: User | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The person who confirmed in the system (a member or head of the department, or the office clerk recording it). */
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'confirmed_by', foreignKeyConstraintName: 'FK_outgoing_document_distributions_confirmed_by' })
  confirmer?: User | null;

  /** The name signed on the paper receipt (签收人), when the office records it. */
  @Column({ name: 'receipt_name', type: 'varchar', length: 60, nullable: true })
  receiptName: string | null;
}
