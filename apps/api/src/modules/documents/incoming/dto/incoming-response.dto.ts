import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_SECRECY_LEVELS,
  DOCUMENT_TYPES,
  DOCUMENT_URGENCIES,
  INCOMING_ACTIONS,
  INCOMING_STATUSES,
  MAJOR_APPROVAL_STATUSES,
  RETENTION_PERIODS,
  TRANSFER_METHODS,
  type DocumentSecrecy,
  type DocumentType,
  type DocumentUrgency,
  type IncomingAction,
  type IncomingStatus,
  type MajorApprovalStatus,
  type RetentionPeriod,
  type TransferMethod,
} from '@xiaoban/shared';
import { AttachmentDto } from '../../../../platform/files/files.dto';
import { RefDto } from '../../../../platform/org/org.dto';

/** What a receiver of the document may do now. */
export const RECEIVER_ACTIONS = ['confirm', 'opinion'] as const;
export type ReceiverAction = (typeof RECEIVER_ACTIONS)[number];

/** An incoming document as lists and the register show it. */
export class IncomingDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** Null while the document is only signed for (签收), until 登记. */
  @ApiProperty({ type: String, nullable: true, example: '收〔2026〕0001' })
  number: string | null;

  @ApiProperty({ type: String, nullable: true, example: '市教〔2026〕15号' })
  senderNumber: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty()
  sourceOrg: string;

  @ApiProperty({ enum: DOCUMENT_TYPES })
  docType: DocumentType;

  @ApiProperty({ enum: DOCUMENT_SECRECY_LEVELS })
  secrecy: DocumentSecrecy;

  @ApiProperty({ type: String, nullable: true })
  secrecyPeriod: string | null;

  @ApiProperty({ enum: DOCUMENT_URGENCIES })
  urgency: DocumentUrgency;

  @ApiProperty({ type: String, nullable: true })
  copyNumber: string | null;

  @ApiProperty()
  copies: number;

  @ApiProperty()
  pages: number;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  writtenOn: string | null;

  @ApiProperty({ format: 'date' })
  receivedOn: string;

  @ApiProperty()
  signedForBy: string;

  @ApiProperty({ enum: RETENTION_PERIODS })
  retention: RetentionPeriod;

  @ApiProperty()
  major: boolean;

  @ApiProperty({ enum: MAJOR_APPROVAL_STATUSES, nullable: true })
  majorStatus: MajorApprovalStatus | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The approval request of a major document (DOC-5)' })
  majorRequestId: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The leader's 批示 on a major document" })
  majorInstruction: string | null;

  @ApiProperty({ enum: INCOMING_STATUSES })
  status: IncomingStatus;

  @ApiProperty({ type: RefDto, nullable: true })
  responsible: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  registeredBy: RefDto | null;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  @ApiProperty({ type: String, nullable: true })
  reviewNote: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'DOC-3: why it was returned (退文)' })
  returnReason: string | null;

  @ApiProperty({ type: String, nullable: true })
  proposal: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  leader: RefDto | null;

  @ApiProperty({ type: String, nullable: true })
  instruction: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'DOC-6: the handling opinion is due by this day' })
  handlingDueOn: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  filedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'DOC-11: marked ready to file (待归档)' })
  readyToFileAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'DOC-11: the archive reference (档号) once filed' })
  archiveRef: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'DOC-10: destroyed; the metadata stays' })
  destroyedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'DOC-10: the destruction list that destroyed it' })
  destructionListId: string | null;

  /** The flow's actions this person may take now; the panel shows only these buttons. */
  @ApiProperty({ enum: INCOMING_ACTIONS, isArray: true })
  allowedActions: IncomingAction[];

  @ApiProperty()
  version: number;
}

/** One transfer (DOC-4) and its receiver's confirmation and handling opinion (DOC-6). */
export class IncomingRouteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: RefDto, nullable: true })
  department: RefDto | null;

  @ApiProperty({ type: RefDto, nullable: true })
  user: RefDto | null;

  @ApiProperty({ description: '主办' })
  lead: boolean;

  @ApiProperty({ enum: TRANSFER_METHODS })
  method: TransferMethod;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  routedAt: string;

  @ApiProperty({ type: RefDto, nullable: true })
  routedBy: RefDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  confirmedBy: RefDto | null;

  @ApiProperty({ type: String, nullable: true })
  opinion: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  handledAt: string | null;

  @ApiProperty({ type: RefDto, nullable: true })
  handledBy: RefDto | null;
}

/** One document with its circulation: every transfer, and where it is now. */
export class IncomingDocumentDetailDto extends IncomingDocumentDto {
  @ApiProperty({ type: [IncomingRouteDto] })
  routes: IncomingRouteDto[];

  /**
   * Where the document is now (DOC-4): the receivers still holding it (routed, not yet handled),
   * or the office while it is not routed or after it is completed.
   */
  @ApiProperty({ type: [String], example: ['教务处（主办，已签收）'] })
  whereNow: string[];

  @ApiProperty({ type: [AttachmentDto] })
  attachments: AttachmentDto[];

  /** What this person may do as a receiver: confirm receipt, record the handling opinion. */
  @ApiPropertyOptional({ enum: RECEIVER_ACTIONS, isArray: true })
  receiverActions: ReceiverAction[];
}
