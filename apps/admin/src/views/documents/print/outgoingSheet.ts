import type { OutgoingDocument } from '../outgoing/outgoingPresentation';

/**
 * The handwritten boxes of the outgoing draft sheet (DOC-12), filled from the record: who did each
 * step of the flow (checking, office review, final check, proofreading …) and when, and the
 * countersignatures.
 */

export interface StepMark {
  name: string;
  /** The instant of the step (the latest one when it was taken again, e.g. after a return). */
  at: string;
  note: string | null;
}

/** Who last took `action` on the document, and when; null when the flow has not come there. */
export function stepMark(document: Pick<OutgoingDocument, 'steps'>, ...actions: string[]): StepMark | null {
  const steps = document.steps.filter((step) => actions.includes(step.action)).sort((a, b) => b.at.localeCompare(a.at));
  const last = steps[0];
  if (!last) return null;
  return { name: last.actor?.name ?? '', at: last.at, note: last.note };
}

/** The countersignatures of the current round that were given: who (department / person), the answer and the opinion. */
export function countersignLines(
  document: Pick<OutgoingDocument, 'countersigns'>,
): { who: string; status: 'pending' | 'agreed' | 'disagreed'; opinion: string | null }[] {
  return document.countersigns.map((countersign) => ({
    who: [countersign.department?.name, countersign.user.name].filter(Boolean).join(' / '),
    status: countersign.status,
    opinion: countersign.opinion,
  }));
}

/** The attachments box: the attachment note as written, else the names of the attached files. */
export function attachmentsLine(document: Pick<OutgoingDocument, 'attachmentNote' | 'attachments'>): string {
  if (document.attachmentNote?.trim()) return document.attachmentNote.trim();
  return document.attachments.map((file, index) => `${index + 1}. ${file.name}`).join('\n');
}
