import type {
  DocumentSecrecy,
  DocumentType,
  DocumentUrgency,
  IncomingStatus,
  MajorApprovalStatus,
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

/**
 * The counter of internal incoming numbers of one year (DOC-1). Registration bumps it with
 * `UPDATE … RETURNING` in its own transaction: a rolled-back registration gives its number back,
 * which a sequence would not, so the numbers stay gap-free.
 */
@Entity('incoming_document_counters')
@Check('CHK_incoming_document_counters_last', `last_seq >= 0`)
export class IncomingDocumentCounter {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;
}

/** A registered incoming document (收文, DOC-1) and where it is in its flow. */
@Entity('incoming_documents')
@Index('UQ_incoming_documents_year_seq', ['year', 'seq'], { unique: true })
@Index('IDX_incoming_documents_intake', ['registeredAt', 'urgencyRank'])
// The list's filters each lead an index that ends with the list's order and INCLUDEs secrecy and
// id, so that the first page and the capped count are index-only scans instead of reading the wide
// rows (16 ms → 2.6 ms for a count at 50,000 documents, and no full scan for a filter that matches
// nothing; bench/results). TypeORM does not model INCLUDE: the migration creates them.
@Index('IDX_incoming_documents_list', { synchronize: false })
@Index('IDX_incoming_documents_doc_type', { synchronize: false })
@Index('IDX_incoming_documents_urgency', { synchronize: false })
@Index('IDX_incoming_documents_status', { synchronize: false })
@Check('CHK_incoming_documents_seq', `seq >= 1`)
@Check(
  'CHK_incoming_documents_numbered',
  `(number IS NULL) = (status = 'signed-for') AND (number IS NULL) = (seq IS NULL) AND (seq IS NULL) = (year IS NULL)`,
)
@Check('CHK_incoming_documents_copies', `copies >= 1 AND pages >= 0`)
@Check('CHK_incoming_documents_copy_number', `secrecy <> 'none' OR copy_number IS NULL`)
@Check('CHK_incoming_documents_secrecy', `secrecy IN ('none', 'secret', 'confidential', 'top-secret')`)
@Check('CHK_incoming_documents_urgency', `urgency IN ('extra-urgent', 'urgent', 'normal')`)
@Check('CHK_incoming_documents_major', `major = (major_status IS NOT NULL)`)
export class IncomingDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Year, sequence and number are given at 登记; a document only signed for has none yet. */
  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Column({ type: 'integer', nullable: true })
  seq: number | null;

  /** 收〔2026〕0001 */
  @Column({ type: 'varchar', length: 30, nullable: true })
  number: string | null;

  /** The sender's own number (来文字号), e.g. 教基〔2026〕3号. */
  @Column({ name: 'sender_number', type: 'varchar', length: 100, nullable: true })
  senderNumber: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** 来文单位 */
  @Column({ name: 'source_org', type: 'varchar', length: 200 })
  sourceOrg: string;

  @Column({ name: 'doc_type', type: 'varchar', length: 20 })
  docType: DocumentType;

  @Column({ type: 'varchar', length: 20, default: 'none' })
  secrecy: DocumentSecrecy;

  /** 保密期限, e.g. 10年; only for classified documents. */
  @Column({ name: 'secrecy_period', type: 'varchar', length: 30, nullable: true })
  secrecyPeriod: string | null;

  @Column({ type: 'varchar', length: 20, default: 'normal' })
  urgency: DocumentUrgency;

  /** 0 特急, 1 加急, 2 normal: the intake list sorts by it (DOC-2). */
  @Column({ name: 'urgency_rank', type: 'smallint', default: 2 })
  urgencyRank: number;

  /** 份号, only on classified documents. */
  @Column({ name: 'copy_number', type: 'varchar', length: 10, nullable: true })
  copyNumber: string | null;

  @Column({ type: 'integer', default: 1 })
  copies: number;

  @Column({ type: 'integer', default: 0 })
  pages: number;

  /** 成文日期 */
  @Column({ name: 'written_on', type: 'date', nullable: true })
  writtenOn: string | null;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  /** Who signed for the paper (签收人), as written on the receipt. */
  @Column({ name: 'signed_for_by', type: 'varchar', length: 60 })
  signedForBy: string;

  @Column({ type: 'varchar', length: 20 })
  retention: RetentionPeriod;

  /** The 重要 flag of DOC-5: routing waits for a leader's approval. */
  @Column({ type: 'boolean', default: false })
  major: boolean;

  @Column({ name: 'major_status', type: 'varchar', length: 20, nullable: true })
  majorStatus: MajorApprovalStatus | null;

  @Column({ name: 'major_request_id', type: 'uuid', nullable: true })
  majorRequestId: string | null;

  /** The leader's instruction (批示) of the major approval. */
  @Column({ name: 'major_instruction', type: 'text', nullable: true })
  majorInstruction: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: IncomingStatus;

  @Column({ name: 'responsible_id', type: 'uuid', nullable: true })
  responsibleId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responsible_id', foreignKeyConstraintName: 'FK_incoming_documents_responsible' })
  responsible?: User | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_incoming_documents_department' })
  department?: Department | null;

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'registered_by', foreignKeyConstraintName: 'FK_incoming_documents_registered_by' })
  registrar?: User | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /** 初审 notes, or the reason of a 退文 (DOC-3). */
  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: string | null;

  /** 拟办意见 */
  @Column({ name: 'proposal', type: 'text', nullable: true })
  proposal: string | null;

  /** The leader asked for 批办, named at 拟办. */
  @Column({ name: 'leader_id', type: 'uuid', nullable: true })
  leaderId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'leader_id', foreignKeyConstraintName: 'FK_incoming_documents_leader' })
  leader?: User | null;

  /** 批办意见 */
  @Column({ type: 'text', nullable: true })
  instruction: string | null;

  /** The handling deadline (DOC-6), in working days from routing by the school calendar. */
  @Column({ name: 'handling_due_on', type: 'date', nullable: true })
  handlingDueOn: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true })
  filedAt: Date | null;

  /** Marked ready to file (待归档, DOC-11) once completed; the archive then takes it (filing/). */
  @Column({ name: 'ready_to_file_at', type: 'timestamptz', nullable: true })
  readyToFileAt: Date | null;

  /** The archive's reference (档号) given when the archive took the document (DOC-11). */
  @Column({ name: 'archive_ref', type: 'varchar', length: 60, nullable: true })
  archiveRef: string | null;

  /** Destroyed by a completed destruction list (DOC-10): the row and its metadata stay, marked. */
  @Column({ name: 'destroyed_at', type: 'timestamptz', nullable: true })
  destroyedAt: Date | null;

  @Column({ name: 'destruction_list_id', type: 'uuid', nullable: true })
  destructionListId: string | null;

  @ManyToOne('DestructionList', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'destruction_list_id', foreignKeyConstraintName: 'FK_incoming_documents_destruction_list' })
  destructionList?: DestructionList | null;

  /** Character bigrams of number, sender number, title and source (DOC-8); never body text. GIN-indexed in the migration. */
  @Index('IDX_incoming_documents_bigrams', { synchronize: false })
  // Written with the row, read only by SQL: not loaded with the entity (hundreds of grams per row).
  @Column({ name: 'search_bigrams', type: 'text', array: true, select: false, default: () => "'{}'" })
  searchBigrams: string[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * One transfer of a document to a department or a person (DOC-4): when, how, by whom, and when
 * the receiver confirmed it; then their handling opinion (DOC-6). One lead (主办) per document.
 */
@Entity('incoming_document_routes')
@Index('IDX_incoming_document_routes_document', ['documentId', 'routedAt'])
@Index('IDX_incoming_document_routes_user', ['userId'])
@Index('IDX_incoming_document_routes_department', ['departmentId'])
@Index('UQ_incoming_document_routes_lead', ['documentId'], { unique: true, where: 'lead' })
@Check('CHK_incoming_document_routes_receiver', `(user_id IS NULL) <> (department_id IS NULL)`)
@Check('CHK_incoming_document_routes_method', `method IN ('system', 'email', 'paper')`)
export class IncomingDocumentRoute {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @ManyToOne('IncomingDocument', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'FK_incoming_document_routes_document' })
  document?: IncomingDocument;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne('Department', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_incoming_document_routes_department' })
  department?: Department | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_incoming_document_routes_user' })
  user?: User | null;

  /** 主办 */
  @Column({ type: 'boolean', default: false })
  lead: boolean;

  @Column({ type: 'varchar', length: 10 })
  method: TransferMethod;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'routed_at', type: 'timestamptz' })
  routedAt: Date;

  @Column({ name: 'routed_by', type: 'uuid', nullable: true })
  routedBy: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'routed_by', foreignKeyConstraintName: 'FK_incoming_document_routes_routed_by' })
  router?: User | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'confirmed_by', foreignKeyConstraintName: 'FK_incoming_document_routes_confirmed_by' })
  confirmer?: User | null;

  /** 承办意见 (DOC-6) */
  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @Column({ name: 'handled_by', type: 'uuid', nullable: true })
  handledBy: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'handled_by', foreignKeyConstraintName: 'FK_incoming_document_routes_handled_by' })
  handler?: User | null;

  /** When the reminder before the deadline went out (once), and the last one after it. */
  @Column({ name: 'reminded_before_at', type: 'timestamptz', nullable: true })
  remindedBeforeAt: Date | null;

  @Column({ name: 'reminded_overdue_on', type: 'date', nullable: true })
  remindedOverdueOn: string | null;
}
