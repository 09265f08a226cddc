import { ApiProperty } from '@nestjs/swagger';
import {
  COUNTERSIGN_STATUSES,
  DISTRIBUTION_KINDS,
  DOCUMENT_SECRECY_LEVELS,
  DOCUMENT_TYPES,
  DOCUMENT_URGENCIES,
  OUTGOING_ACTIONS,
  OUTGOING_DIRECTIONS,
  OUTGOING_STATUSES,
  RETENTION_PERIODS,
  TRANSFER_METHODS,
  type CountersignStatus,
  type DistributionKind,
  type DocumentSecrecy,
  type DocumentType,
  type DocumentUrgency,
  type OutgoingAction,
  type OutgoingDirection,
  type OutgoingStatus,
  type RetentionPeriod,
  type TransferMethod,
} from '@xiaoban/shared';
import { AttachmentDto } from '../../../../platform/files/files.dto';
import { RefDto } from '../../../../platform/org/org.dto';

/** What the viewer may do besides the flow's actions: answer a countersign, confirm a distribution. */
export const OUTGOING_PERSONAL_ACTIONS = ['countersign', 'confirm-distribution', 'edit'] as const;
export type OutgoingPersonalAction = (typeof OUTGOING_PERSONAL_ACTIONS)[number];

/** One finding of the GB/T 9704 lint. */
export class LintFindingDto {
  @ApiProperty({ example: 'upward-signer' })
  rule: string;

  @ApiProperty({ example: 'signers' })
  field: string;

  @ApiProperty({ example: '上行文须标注签发人' })
  message: string;

  @ApiProperty({ enum: ['error', 'warning'] })
  severity: 'error' | 'warning';
}

/** A rule of the lint, as the panel lists it. */
export class LintRuleDto {
  @ApiProperty({ example: 'upward-signer' })
  id: string;

  @ApiProperty({ example: '上行文签发人' })
  label: string;

  @ApiProperty({ example: 'Signer of an upward document' })
  labelEn: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  descriptionEn: string;

  @ApiProperty({ enum: ['error', 'warning'] })
  severity: 'error' | 'warning';
}

/** The lint of one draft. */
export class OutgoingLintDto {
  @ApiProperty({ enum: ['signoff', 'printing'] })
  stage: 'signoff' | 'printing';

  /** False while errors remain: 签发 (or 印制) is refused. */
  @ApiProperty()
  passes: boolean;

  @ApiProperty({ type: [LintFindingDto] })
  findings: LintFindingDto[];
}

/** An outgoing document as lists and the register (发文登记簿) show it. */
export class OutgoingDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: OUTGOING_STATUSES })
  status: OutgoingStatus;

  /** 发文字号, from 登记 on. */
  @ApiProperty({ type: String, nullable: true, example: '校办〔2026〕12号' })
  number: string | null;

  @ApiProperty({ type: RefDto, nullable: true, description: 'The 机关代字 of the number' })
  prefix: RefDto | null;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  docType: DocumentType;

  @ApiProperty({ enum: OUTGOING_DIRECTIONS })
  direction: OutgoingDirection;

  @ApiProperty({ enum: DOCUMENT_SECRECY_LEVELS })
  secrecy: DocumentSecrecy;

  @ApiProperty({ type: String, nullable: true })
  secrecyPeriod: string | null;

  @ApiProperty({ type: String, nullable: true })
  copyNumber: string | null;

  @ApiProperty({ enum: DOCUMENT_URGENCIES })
  urgency: DocumentUrgency;

  @ApiProperty({ type: String, nullable: true })
  issuerMark: string | null;

  @ApiProperty({ type: [String] })
  signers: string[];

  @ApiProperty({ type: [String] })
  mainRecipients: string[];

  @ApiProperty({ type: [String] })
  ccRecipients: string[];

  @ApiProperty({ type: String, nullable: true })
  attachmentNote: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  writtenOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  remark: string | null;

  @ApiProperty({ type: String, nullable: true })
  printingOrg: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  printedOn: string | null;

  @ApiProperty()
  copies: number;

  @ApiProperty({ enum: RETENTION_PERIODS })
  retention: RetentionPeriod;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  drafter: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  signedBy: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  signoffOpinion: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  signoffRequestId: string | null;

  /** How many times it was signed off (more than once after a substantive change). */
  @ApiProperty()
  signoffRound: number;

  @ApiProperty({ type: String, nullable: true })
  returnReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'DOC-11: marked ready to file (待归档)' })
  readyToFileAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'DOC-11: taken by the archive (归档)' })
  filedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'DOC-11: the archive reference (档号) once filed' })
  archiveRef: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'DOC-10: destroyed; the metadata stays' })
  destroyedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'DOC-10: the destruction list that destroyed it' })
  destructionListId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  /** The flow's actions this person may take now (the panel's buttons). */
  @ApiProperty({ enum: OUTGOING_ACTIONS, isArray: true })
  allowedActions: OutgoingAction[];

  @ApiProperty()
  version: number;
}

export class OutgoingStepDto {
  @ApiProperty()
  action: string;

  @ApiProperty({ enum: OUTGOING_STATUSES })
  fromStatus: OutgoingStatus;

  @ApiProperty({ enum: OUTGOING_STATUSES })
  toStatus: OutgoingStatus;

  @ApiProperty({ type: RefDto, nullable: true })
  actor: RefDto | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  at: string;
}

export class OutgoingCountersignDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: RefDto })
  user: RefDto;

  @ApiProperty()
  round: number;

  @ApiProperty({ enum: COUNTERSIGN_STATUSES })
  status: CountersignStatus;

  @ApiProperty({ type: String, nullable: true })
  opinion: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;
}

export class OutgoingDistributionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DISTRIBUTION_KINDS })
  kind: DistributionKind;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: String, nullable: true })
  orgName: string | null;

  @ApiProperty()
  copies: number;

  @ApiProperty({ enum: TRANSFER_METHODS, nullable: true })
  method: TransferMethod | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  distributedAt: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  distributedBy: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  confirmedBy: RefDto | null;

  @ApiProperty({ type: String, nullable: true })
  receiptName: string | null;
}

/** One outgoing document with its text, history, countersigners, distribution and lint. */
export class OutgoingDocumentDetailDto extends OutgoingDocumentDto {
  @ApiProperty({ type: String, nullable: true })
  body: string | null;

  @ApiProperty({ type: AttachmentDto, nullable: true })
  bodyFile: AttachmentDto | null;

  @ApiProperty({ type: [AttachmentDto] })
  attachments: AttachmentDto[];

  @ApiProperty({ type: [OutgoingStepDto] })
  steps: OutgoingStepDto[];

  /** The current round of 会签. */
  @ApiProperty({ type: [OutgoingCountersignDto] })
  countersigns: OutgoingCountersignDto[];

  @ApiProperty({ type: [OutgoingDistributionDto] })
  distributions: OutgoingDistributionDto[];

  /** The GB/T 9704 lint at the stage ahead (签发 before it, 印制 after it). */
  @ApiProperty({ type: OutgoingLintDto })
  lint: OutgoingLintDto;

  @ApiProperty({ enum: OUTGOING_PERSONAL_ACTIONS, isArray: true })
  personalActions: OutgoingPersonalAction[];
}
