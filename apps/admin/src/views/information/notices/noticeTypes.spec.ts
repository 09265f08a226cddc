import { describe, expect, it } from 'vitest';
import { noticeStatusTag, reachPercent } from './noticeTypes';

describe('notice presentation', () => {
  it('INF-3 shows the share reached as a whole percentage, 0 with nobody intended', () => {
    expect(reachPercent({ intended: 3, reached: 1 })).toBe(33);
    expect(reachPercent({ intended: 3, reached: 3 })).toBe(100);
    expect(reachPercent({ intended: 0, reached: 0 })).toBe(0);
  });

  it('INF-3 colours a published notice as success and a pending one as warning', () => {
    expect(noticeStatusTag('published')).toBe('success');
    expect(noticeStatusTag('pending')).toBe('warning');
  });
});
