import { describe, expect, it } from 'vitest';
import { catalogueDate, documentTypeOfTitle, formatArchiveNumber, parseArchiveNumber } from './archives.js';

describe('archives (档号, DA/T 22)', () => {
  it('ADM-8 the 档号 is 全宗号-门类代码·年度-保管期限代码-机构代码-件号 with a middle dot and four digits', () => {
    const number = formatArchiveNumber({ fonds: 'Z001', category: 'WS', year: 2026, retention: 'permanent', org: 'BGS' }, 1);
    expect(number).toBe('Z001-WS\u00B72026-Y-BGS-0001');
    expect(formatArchiveNumber({ fonds: 'Z001', category: 'JX', year: 2025, retention: '30-years', org: 'JWC' }, 123)).toBe(
      'Z001-JX·2025-D30-JWC-0123',
    );
    expect(parseArchiveNumber(number)).toEqual({ fonds: 'Z001', category: 'WS', year: 2026, retention: 'permanent', org: 'BGS', seq: 1 });
    expect(parseArchiveNumber('Z001-WS.2026-Y-BGS-0001')).toBeNull();
    expect(parseArchiveNumber('Z001-WS·2026-D20-BGS-0001')).toBeNull();
    expect(() => formatArchiveNumber({ fonds: 'Z001', category: 'WS', year: 2026, retention: '10-years', org: 'BGS' }, 10000)).toThrow();
    expect(() => formatArchiveNumber({ fonds: 'z 1', category: 'WS', year: 2026, retention: '10-years', org: 'BGS' }, 1)).toThrow();
    expect(catalogueDate('2026-03-05')).toBe('20260305');
  });

  it('ADM-7 the 文种 of a document comes from the end of its title, for the retention schedule', () => {
    expect(documentTypeOfTitle('关于做好春季学期开学工作的通知')).toBe('notice');
    expect(documentTypeOfTitle('关于同意设立科技节的批复')).toBe('reply');
    expect(documentTypeOfTitle('校长办公会议纪要')).toBe('minutes');
    expect(documentTypeOfTitle('关于表彰优秀教师的决定')).toBe('decision');
    expect(documentTypeOfTitle('春季运动会安排')).toBeNull();
  });
});
