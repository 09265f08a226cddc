import { GBT9704_RULES, type LintableDraft, type LintFinding, type LintStage, type OutgoingAction } from '@xiaoban/shared';
import type { AttachmentDto } from '../../../platform/files/files.dto';
import type { OutgoingPrefixDto } from './dto/outgoing-prefix.dto';
import type {
  LintRuleDto,
  OutgoingCountersignDto,
  OutgoingDistributionDto,
  OutgoingDocumentDetailDto,
  OutgoingDocumentDto,
  OutgoingPersonalAction,
  OutgoingStepDto,
} from './dto/outgoing-response.dto';
import type {
  OutgoingDocument,
  OutgoingDocumentCountersign,
  OutgoingDocumentDistribution,
  OutgoingDocumentStep,
  OutgoingNumberPrefix,
} from './outgoing.entity';
import { toRef } from '../../../platform/org/refs';

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toOutgoingPrefixDto(prefix: OutgoingNumberPrefix): OutgoingPrefixDto {
  return { id: prefix.id, code: prefix.code, name: prefix.name, active: prefix.active, version: prefix.version };
}

export function toLintRuleDtos(): LintRuleDto[] {
  return GBT9704_RULES.map((rule) => ({
    id: rule.id,
    label: rule.label['zh-CN'],
    labelEn: rule.label.en,
    description: rule.description['zh-CN'],
    descriptionEn: rule.description.en,
    severity: rule.severity,
  }));
}

/** The document as the GB/T 9704 lint reads it; attachments in the order they were attached. */
export function toLintable(doc: OutgoingDocument, attachments: AttachmentDto[]): LintableDraft {
  return {
    docType: doc.docType,
    direction: doc.direction,
    copyNumber: doc.copyNumber,
    secrecy: doc.secrecy,
    secrecyPeriod: doc.secrecyPeriod,
    urgency: doc.urgency,
    issuerMark: doc.issuerMark,
    number: doc.number,
    signers: doc.signers,
    title: doc.title,
    mainRecipients: doc.mainRecipients,
    body: doc.body,
    attachmentNote: doc.attachmentNote,
    attachmentNames: attachments.filter((a) => a.id !== doc.bodyFileId).map((a) => a.name),
    writtenOn: doc.writtenOn,
    remark: doc.remark,
    ccRecipients: doc.ccRecipients,
    printingOrg: doc.printingOrg,
    printedOn: doc.printedOn,
  };
}

export function toOutgoingDto(doc: OutgoingDocument, allowedActions: OutgoingAction[]): OutgoingDocumentDto {
  return {
    id: doc.id,
    status: doc.status,
    number: doc.number,
    prefix: doc.prefix ? { id: doc.prefix.id, name: doc.prefix.code } : null,
    title: doc.title,
    docType: doc.docType,
    direction: doc.direction,
    secrecy: doc.secrecy,
    secrecyPeriod: doc.secrecyPeriod,
    copyNumber: doc.copyNumber,
    urgency: doc.urgency,
    issuerMark: doc.issuerMark,
    signers: doc.signers,
    mainRecipients: doc.mainRecipients,
    ccRecipients: doc.ccRecipients,
    attachmentNote: doc.attachmentNote,
    writtenOn: doc.writtenOn,
    remark: doc.remark,
    printingOrg: doc.printingOrg,
    printedOn: doc.printedOn,
    copies: doc.copies,
    retention: doc.retention,
    department: toRef(doc.department),
    drafter: toRef(doc.drafter),
    signedBy: toRef(doc.signer),
    signedAt: iso(doc.signedAt),
    signoffOpinion: doc.signoffOpinion,
    signoffRequestId: doc.signoffRequestId,
    signoffRound: doc.signoffRound,
    returnReason: doc.returnReason,
    readyToFileAt: iso(doc.readyToFileAt),
    filedAt: iso(doc.filedAt),
    archiveRef: doc.archiveRef,
    destroyedAt: iso(doc.destroyedAt),
    destructionListId: doc.destructionListId,
    createdAt: doc.createdAt.toISOString(),
    allowedActions,
    version: doc.version,
  };
}

export function toOutgoingStepDto(step: OutgoingDocumentStep): OutgoingStepDto {
  return {
    action: step.action,
    fromStatus: step.fromStatus,
    toStatus: step.toStatus,
    actor: toRef(step.actor),
    note: step.note,
    at: step.at.toISOString(),
  };
}

export function toCountersignDto(c: OutgoingDocumentCountersign): OutgoingCountersignDto {
  return {
    id: c.id,
    department: toRef(c.department),
    user: toRef(c.user) ?? { id: c.userId, name: '' },
    round: c.round,
    status: c.status,
    opinion: c.opinion,
    decidedAt: iso(c.decidedAt),
  };
}

export function toDistributionDto(d: OutgoingDocumentDistribution): OutgoingDistributionDto {
  return {
    id: d.id,
    kind: d.kind,
    department: toRef(d.department),
    orgName: d.orgName,
    copies: d.copies,
    method: d.method,
    distributedAt: iso(d.distributedAt),
    distributedBy: toRef(d.distributor),
    confirmedAt: iso(d.confirmedAt),
    confirmedBy: toRef(d.confirmer),
    receiptName: d.receiptName,
  };
}

export interface OutgoingDetailParts {
  allowedActions: OutgoingAction[];
  personalActions: OutgoingPersonalAction[];
  attachments: AttachmentDto[];
  steps: OutgoingDocumentStep[];
  countersigns: OutgoingDocumentCountersign[];
  distributions: OutgoingDocumentDistribution[];
  lint: { stage: LintStage; findings: LintFinding[]; passes: boolean };
}

export function toOutgoingDetailDto(doc: OutgoingDocument, parts: OutgoingDetailParts): OutgoingDocumentDetailDto {
  return {
    ...toOutgoingDto(doc, parts.allowedActions),
    body: doc.body,
    bodyFile: parts.attachments.find((a) => a.id === doc.bodyFileId) ?? null,
    attachments: parts.attachments.filter((a) => a.id !== doc.bodyFileId),
    steps: parts.steps.map(toOutgoingStepDto),
    countersigns: parts.countersigns.map(toCountersignDto),
    distributions: parts.distributions.map(toDistributionDto),
    lint: parts.lint,
    personalActions: parts.personalActions,
  };
}
