import { describe, expect, it } from 'vitest';
import { scanSensitive } from '@xiaoban/shared';
import { findingSegments } from './findingSegments';

describe('desensitisation preview', () => {
  it('INF-2 cuts the text into plain runs and highlighted findings that join back into the text', () => {
    const text = '请联系 13812345678 或 office@school.example。';
    const findings = scanSensitive(text);
    const segments = findingSegments(text, findings);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.finding).map((s) => [s.finding!.kind, s.text])).toEqual([
      ['mobile', '13812345678'],
      ['email', 'office@school.example'],
    ]);
    expect(segments[0]).toEqual({ text: '请联系 ' });
  });

  it('INF-2 a finding that no longer fits the text is not highlighted', () => {
    const segments = findingSegments('短文本', [{ kind: 'mobile', start: 1, end: 20, key: 'mobile:x' }]);
    expect(segments).toEqual([{ text: '短文本' }]);
  });
});
