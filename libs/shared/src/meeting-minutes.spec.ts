import { describe, expect, it } from 'vitest';
import { applyTaskProgress, minutesActionsFrom, nextMinutesStatus, resolutionDone } from './meeting-minutes.js';

describe('meeting minutes and resolutions', () => {
  it('MTG-8 minutes are published only after approval; only a draft is edited', () => {
    expect(nextMinutesStatus('draft', 'publish')).toBeNull();
    expect(nextMinutesStatus('in-review', 'publish')).toBeNull();
    expect(nextMinutesStatus('approved', 'publish')).toBe('published');
    expect(nextMinutesStatus('approved', 'edit')).toBeNull();
    expect(minutesActionsFrom('draft')).toEqual(['edit', 'submit']);
    expect(minutesActionsFrom('published')).toEqual([]);
  });

  it('MTG-9 progress: 100% is done, a first percent starts the task, a resolution is done when all its tasks are', () => {
    expect(applyTaskProgress({ status: 'open', percent: 0 }, { percent: 30 })).toEqual({ status: 'in-progress', percent: 30 });
    expect(applyTaskProgress({ status: 'in-progress', percent: 30 }, { percent: 100 })).toEqual({ status: 'done', percent: 100 });
    expect(applyTaskProgress({ status: 'in-progress', percent: 30 }, { status: 'done' })).toEqual({ status: 'done', percent: 100 });
    expect(applyTaskProgress({ status: 'done', percent: 100 }, { status: 'in-progress', percent: 80 })).toEqual({
      status: 'in-progress',
      percent: 80,
    });
    expect(resolutionDone([])).toBe(false);
    expect(resolutionDone(['done', 'in-progress'])).toBe(false);
    expect(resolutionDone(['done', 'done'])).toBe(true);
  });
});
