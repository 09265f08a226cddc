import type { InboxItem } from '../../../api/types';

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** 0 normal, 1 urgent, 2 very urgent, as the API numbers them; unknown levels read as the nearest. */
export function urgencyTag(urgency: number): { labelKey: string; type: TagType } {
  if (urgency >= 2) return { labelKey: 'urgency.veryUrgent', type: 'danger' };
  if (urgency === 1) return { labelKey: 'urgency.urgent', type: 'warning' };
  return { labelKey: 'urgency.normal', type: 'info' };
}

/** The label key of an item's kind of work; kinds the panel does not know yet show as sent. */
export function sourceLabelKey(sourceType: string, known: (key: string) => boolean): string | null {
  const key = `inboxSources.${sourceType}`;
  return known(key) ? key : null;
}

/**
 * Where an item is handled: its `link`, when that is a path inside the panel. A link that is not
 * one of ours (which the API should never send) leads nowhere rather than off-site.
 */
export function inboxTarget(item: Pick<InboxItem, 'link'>): string | null {
  const link = item.link;
  return typeof link === 'string' && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
