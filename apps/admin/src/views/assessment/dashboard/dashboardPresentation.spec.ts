import { describe, expect, it } from 'vitest';
import { panelRows, seriesLabel } from './dashboardPresentation';

describe('dashboard (ASM-8)', () => {
  it('ASM-8 a chart reads as a table: a row per category, a cell per series, null kept as no data', () => {
    const panel = {
      key: 'open-items',
      chart: 'bar' as const,
      categories: ['repairs', 'supply-requests'],
      series: [
        { key: 'open', values: [3, 1] },
        { key: 'overdue', values: [2, null] },
      ],
    };
    expect(panelRows(panel, 'zh-CN')).toEqual([
      { category: '报修', open: 3, overdue: 2 },
      { category: '用品领用', open: 1, overdue: null },
    ]);
    expect(panelRows({ ...panel, key: 'monthly-counts', categories: ['2026-03', '2026-04'] }, 'en')[0].category).toBe('2026-03');
  });

  it('ASM-8 series are named by the summary figure or the column, in either language', () => {
    expect(seriesLabel('documents.incomingHandled', 'zh-CN')).toBe('收文办结');
    expect(seriesLabel('overdue', 'en')).toBe('Overdue');
    expect(seriesLabel('some.new.figure', 'en')).toBe('some.new.figure');
  });
});
