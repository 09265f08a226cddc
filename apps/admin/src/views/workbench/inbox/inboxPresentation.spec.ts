import { describe, expect, it } from 'vitest';
import { inboxTarget, sourceLabelKey, urgencyTag } from './inboxPresentation';

describe('inbox presentation', () => {
  it('PLT-3 tags urgency: normal, urgent, very urgent', () => {
    expect([0, 1, 2].map((level) => urgencyTag(level))).toEqual([
      { labelKey: 'urgency.normal', type: 'info' },
      { labelKey: 'urgency.urgent', type: 'warning' },
      { labelKey: 'urgency.veryUrgent', type: 'danger' },
    ]);
    expect(urgencyTag(5).labelKey).toBe('urgency.veryUrgent');
  });

  it('PLT-3 opens an item at its link inside the panel, and never follows a link elsewhere', () => {
    expect(inboxTarget({ link: '/approvals/3f1c' })).toBe('/approvals/3f1c');
    expect(inboxTarget({ link: 'https://evil.test/' })).toBeNull();
    expect(inboxTarget({ link: '//evil.test/' })).toBeNull();
  });

  it('PLT-3 names the kinds of work it knows and shows others as they come', () => {
    const known = (key: string) => key === 'inboxSources.approval-task';
    expect(sourceLabelKey('approval-task', known)).toBe('inboxSources.approval-task');
    expect(sourceLabelKey('repair-order', known)).toBeNull();
  });
});
