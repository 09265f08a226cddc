import { clearanceCovers, destructionListActionsFrom, PERMISSIONS, type DestructionListAction } from '@xiaoban/shared';
import type { Principal } from '../auth/principal';
import type { DestructionList, DestructionListItem, DestructionWitness } from './destruction.entities';
import type { DestructionListDetailDto, DestructionListDto, DestructionListItemDto } from './destruction.dto';
import { toRef } from '../org/refs';

/** The buttons of the list for this person: the managers' moves, and a named witness's confirmation. */
export function destructionActionsFor(list: DestructionList, witnesses: DestructionWitness[], viewer: Principal): DestructionListAction[] {
  const manager = viewer.permissions.has(PERMISSIONS.RETENTION_DESTRUCTION_MANAGE);
  return destructionListActionsFrom(list.status).filter((action) => {
    // approve/reject come from the approval request, never from a button here.
    if (action === 'approve' || action === 'reject') return false;
    if (action === 'witness') return list.method !== null && witnesses.some((w) => w.userId === viewer.id && !w.confirmedAt);
    return manager;
  });
}

export function toDestructionListDto(
  list: DestructionList,
  itemCount: number,
  witnesses: DestructionWitness[],
  viewer: Principal,
): DestructionListDto {
  return {
    id: list.id,
    title: list.title,
    status: list.status,
    asOf: list.asOf,
    createdBy: toRef(list.createdBy),
    approvalRequestId: list.approvalRequestId,
    decisionComment: list.decisionComment,
    method: list.method,
    destroyedOn: list.destroyedOn,
    location: list.location,
    note: list.note,
    completedAt: list.completedAt,
    completedBy: toRef(list.completedBy),
    itemCount,
    witnesses: witnesses.map((w) => ({ user: toRef(w.user) ?? { id: w.userId, name: '' }, confirmedAt: w.confirmedAt })),
    allowedActions: destructionActionsFor(list, witnesses, viewer),
    version: list.version,
    createdAt: list.createdAt,
  };
}

/** An item; its title is left out for a viewer below the record's secrecy level. */
export function toDestructionItemDto(item: DestructionListItem, kindLabel: string, viewer: Principal): DestructionListItemDto {
  const visible = clearanceCovers(viewer.clearance, item.secrecy);
  return {
    id: item.id,
    recordKind: item.recordKind,
    kindLabel,
    recordId: item.recordId,
    number: item.number,
    title: visible ? item.title : '',
    titleHidden: !visible,
    retention: item.retention,
    dueOn: item.dueOn,
    secrecy: item.secrecy,
  };
}

export function toDestructionListDetailDto(
  list: DestructionList,
  items: DestructionListItemDto[],
  witnesses: DestructionWitness[],
  viewer: Principal,
): DestructionListDetailDto {
  return { ...toDestructionListDto(list, items.length, witnesses, viewer), items };
}
