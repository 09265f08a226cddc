import type { AttachmentDto } from '../../../platform/files/files.dto';
import { toRef, toRefOrDash } from '../../../platform/org/refs';
import type { SealInspectionDto } from './seal-inspections.dto';
import type { SealFileDto, SealUseApplicationDetailDto, SealUseApplicationDto, SealUseDto } from './seal-uses.dto';
import type { Seal, SealHandover, SealInspection, SealUse, SealUseApplication } from './seal.entities';
import type { SealDetailDto, SealDto, SealHandoverDto } from './seals.dto';

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toSealDto(seal: Seal): SealDto {
  return {
    id: seal.id,
    name: seal.name,
    sealType: seal.sealType,
    status: seal.status,
    statusReason: seal.statusReason,
    statusChangedAt: iso(seal.statusChangedAt),
    custodian: toRefOrDash(seal.custodian),
    department: toRef(seal.department),
    note: seal.note,
    version: seal.version,
    createdAt: seal.createdAt.toISOString(),
  };
}

export function toHandoverDto(h: SealHandover): SealHandoverDto {
  return {
    id: h.id,
    sealId: h.sealId,
    from: toRefOrDash(h.fromUser),
    to: toRefOrDash(h.toUser),
    recordedBy: toRefOrDash(h.recordedBy),
    status: h.status,
    note: h.note,
    createdAt: h.createdAt.toISOString(),
    confirmedAt: iso(h.confirmedAt),
  };
}

export function toSealDetailDto(seal: Seal, impressions: AttachmentDto[], handovers: SealHandover[]): SealDetailDto {
  return { ...toSealDto(seal), impressions, handovers: handovers.map(toHandoverDto) };
}

export function toApplicationDto(a: SealUseApplication, viewerId: string): SealUseApplicationDto {
  return {
    id: a.id,
    seal: toRefOrDash(a.seal),
    sealType: a.seal!.sealType,
    applicant: toRefOrDash(a.applicant),
    department: toRef(a.department),
    documentTitle: a.documentTitle,
    copies: a.copies,
    copiesUsed: a.copiesUsed,
    copiesLeft: a.copies - a.copiesUsed,
    reason: a.reason,
    status: a.status,
    approvalRequestId: a.approvalRequestId,
    createdAt: a.createdAt.toISOString(),
    decidedAt: iso(a.decidedAt),
    canRegisterUse: a.status === 'approved' && a.seal?.custodianId === viewerId && a.seal?.status === 'in-use',
    version: a.version,
  };
}

export function toUseDto(u: SealUse): SealUseDto {
  const a = u.application!;
  return {
    id: u.id,
    applicationId: u.applicationId,
    seal: toRefOrDash(u.seal),
    sealType: u.seal!.sealType,
    documentTitle: a.documentTitle,
    applicant: toRefOrDash(a.applicant),
    department: toRef(a.department),
    usedAt: u.usedAt.toISOString(),
    copies: u.copies,
    handledBy: toRefOrDash(u.handledBy),
    supervisedBy: toRefOrDash(u.supervisedBy),
    registeredBy: toRefOrDash(u.registeredBy),
    note: u.note,
  };
}

export function toApplicationDetailDto(
  a: SealUseApplication,
  viewerId: string,
  files: SealFileDto[],
  uses: SealUse[],
): SealUseApplicationDetailDto {
  return { ...toApplicationDto(a, viewerId), files, uses: uses.map(toUseDto) };
}

export function toInspectionDto(i: SealInspection, photos: AttachmentDto[]): SealInspectionDto {
  return {
    id: i.id,
    seal: toRefOrDash(i.seal),
    sealType: i.seal!.sealType,
    period: i.period,
    custodian: toRefOrDash(i.custodian),
    status: i.status,
    result: i.result,
    note: i.note,
    inspectedAt: iso(i.inspectedAt),
    inspectedBy: toRef(i.inspectedBy),
    photos,
  };
}
