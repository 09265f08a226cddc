import type { IncomingDocument, IncomingRoute } from '../incoming/incomingPresentation';

/**
 * The handwritten parts of the incoming handling slip (DOC-12), filled from the record: who
 * handles it, what the leaders wrote, and what came of it. The fixed elements (source, sender's
 * number …) print as they are. The view words them in the sheet's language.
 */

/** One handling receiver: a department or a person; `lead` null before routing (the registered department). */
export interface SlipReceiver {
  name: string;
  lead: boolean | null;
}

const receiverName = (route: Pick<IncomingRoute, 'department' | 'user'>): string =>
  [route.department?.name, route.user?.name].filter(Boolean).join(' / ');

/**
 * The handling departments: the receivers of the routing, the lead first; before routing, the
 * department named at registration, if any.
 */
export function handlingDepartments(document: Pick<IncomingDocument, 'routes' | 'department'>): SlipReceiver[] {
  if (document.routes.length === 0) return document.department ? [{ name: document.department.name, lead: null }] : [];
  return [...document.routes]
    .sort((a, b) => Number(b.lead) - Number(a.lead) || a.routedAt.localeCompare(b.routedAt))
    .map((route) => ({ name: receiverName(route), lead: route.lead }));
}

/** One line a leader wrote, and who wrote it when the record says. */
export interface SlipInstruction {
  text: string;
  by: string | null;
}

/** The leaders' instructions: the instruction given when asked (DOC-5 flow) and, for a major document, the one of its approval. */
export function leaderInstructions(document: Pick<IncomingDocument, 'instruction' | 'leader' | 'majorInstruction'>): SlipInstruction[] {
  const lines: SlipInstruction[] = [];
  if (document.instruction) lines.push({ text: document.instruction, by: document.leader?.name ?? null });
  if (document.majorInstruction) lines.push({ text: document.majorInstruction, by: null });
  return lines;
}

/** The handling result: each receiver's handling opinion, in the order they were routed. */
export function handlingResults(document: Pick<IncomingDocument, 'routes'>): { receiver: string; opinion: string }[] {
  return [...document.routes]
    .sort((a, b) => a.routedAt.localeCompare(b.routedAt))
    .flatMap((route) => (route.opinion ? [{ receiver: receiverName(route), opinion: route.opinion }] : []));
}
