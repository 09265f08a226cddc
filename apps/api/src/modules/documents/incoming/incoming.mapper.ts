import type { IncomingAction } from '@xiaoban/shared';
import type { AttachmentDto } from '../../../platform/files/files.dto';
import type { IncomingDocumentDetailDto, IncomingDocumentDto, IncomingRouteDto, ReceiverAction } from './dto/incoming-response.dto';
import type { IncomingDocument, IncomingDocumentRoute } from './incoming.entity';
import { toRef } from '../../../platform/org/refs';

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toIncomingDto(doc: IncomingDocument, allowedActions: IncomingAction[]): IncomingDocumentDto {
  return {
    id: doc.id,
    number: doc.number,
    senderNumber: doc.senderNumber,
    title: doc.title,
    sourceOrg: doc.sourceOrg,
    docType: doc.docType,
    secrecy: doc.secrecy,
    secrecyPeriod: doc.secrecyPeriod,
    urgency: doc.urgency,
    copyNumber: doc.copyNumber,
    copies: doc.copies,
    pages: doc.pages,
    writtenOn: doc.writtenOn,
    receivedOn: doc.receivedOn,
    signedForBy: doc.signedForBy,
    retention: doc.retention,
    major: doc.major,
    majorStatus: doc.majorStatus,
    majorRequestId: doc.majorRequestId,
    majorInstruction: doc.majorInstruction,
    status: doc.status,
    responsible: toRef(doc.responsible),
    department: toRef(doc.department),
    registeredBy: toRef(doc.registrar),
    registeredAt: doc.registeredAt.toISOString(),
    reviewNote: doc.reviewNote,
    returnReason: doc.returnReason,
    proposal: doc.proposal,
    leader: toRef(doc.leader),
    instruction: doc.instruction,
    handlingDueOn: doc.handlingDueOn,
    completedAt: iso(doc.completedAt),
    filedAt: iso(doc.filedAt),
    readyToFileAt: iso(doc.readyToFileAt),
    archiveRef: doc.archiveRef,
    destroyedAt: iso(doc.destroyedAt),
    destructionListId: doc.destructionListId,
    allowedActions,
    version: doc.version,
  };
}

export function toIncomingRouteDto(route: IncomingDocumentRoute): IncomingRouteDto {
  return {
    id: route.id,
    department: toRef(route.department),
    user: toRef(route.user),
    lead: route.lead,
    method: route.method,
    note: route.note,
    routedAt: route.routedAt.toISOString(),
    routedBy: toRef(route.router),
    confirmedAt: iso(route.confirmedAt),
    confirmedBy: toRef(route.confirmer),
    opinion: route.opinion,
    handledAt: iso(route.handledAt),
    handledBy: toRef(route.handler),
  };
}

/** Where the document is now: the receivers still holding it, else the office. */
export function whereNow(doc: IncomingDocument, routes: IncomingDocumentRoute[]): string[] {
  if (doc.status === 'handling') {
    const holding = routes.filter((r) => !r.handledAt);
    if (holding.length > 0) {
      return holding.map((r) => {
        const who = r.department?.name ?? r.user?.name ?? '—';
        const marks = [r.lead ? '主办' : null, r.confirmedAt ? '已签收' : '未签收'].filter(Boolean).join('，');
        return `${who}（${marks}）`;
      });
    }
  }
  if (doc.status === 'proposed' && doc.leader) return [`${doc.leader.name}（待批办）`];
  if (doc.status === 'filed') return ['档案室'];
  return ['办公室'];
}

export function toIncomingDetailDto(
  doc: IncomingDocument,
  allowedActions: IncomingAction[],
  routes: IncomingDocumentRoute[],
  attachments: AttachmentDto[],
  receiverActions: ReceiverAction[],
): IncomingDocumentDetailDto {
  return {
    ...toIncomingDto(doc, allowedActions),
    routes: routes.map(toIncomingRouteDto),
    whereNow: whereNow(doc, routes),
    attachments,
    receiverActions,
  };
}
