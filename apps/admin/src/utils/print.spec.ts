import { describe, expect, it } from 'vitest';
import { A4_PRINT_LAYOUT } from '@xiaoban/shared';
import { pageNumberContent, printPageCss, printTypography, printedDate } from './print';

describe('A4 print layout', () => {
  it('PLT-7 prints on A4 with the GB/T 9704 margins, narrower when landscape', () => {
    const portrait = printPageCss('portrait');
    expect(portrait).toContain('size: A4 portrait;');
    const { topMm, rightMm, bottomMm, leftMm } = A4_PRINT_LAYOUT.margins;
    expect(portrait).toContain(`margin: ${topMm}mm ${rightMm}mm ${bottomMm}mm ${leftMm}mm;`);
    expect(portrait).toContain('margin: 37mm 26mm 35mm 28mm;');
    expect(printPageCss('landscape')).toContain('size: A4 landscape;');
    expect(printPageCss('landscape')).toContain('margin: 20mm 15mm 20mm 20mm;');
  });

  it('PLT-7 numbers pages "— n —" at the foot', () => {
    expect(pageNumberContent()).toBe('"— " counter(page) " —"');
    expect(pageNumberContent('{n}')).toBe('counter(page)');
    expect(printPageCss()).toContain('@bottom-center');
  });

  it('PLT-7 sets official fonts and point sizes', () => {
    const type = printTypography();
    expect(type['--print-title-size']).toBe('22pt');
    expect(type['--print-body-font']).toMatch(/^"FangSong", "STFangsong", "Noto Serif CJK SC", serif$/);
  });

  it('PLT-7 prints the date the Chinese way on a Chinese sheet', () => {
    expect(printedDate('2026-10-08', 'zh-CN')).toBe('2026年10月8日');
    expect(printedDate('2026-10-08', 'en')).toBe('2026-10-08');
  });
});
