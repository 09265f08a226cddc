/**
 * The shared A4 print layout of forms and registers (PLT-7), one set of numbers for the panel's
 * print view (`@page` CSS) and any PDF the API renders. Margins follow GB/T 9704-2012 (党政机关
 * 公文格式): top 37 mm, bottom 35 mm, left (binding side) 28 mm, right 26 mm.
 */
export const A4_PRINT_LAYOUT = {
  pageSize: 'A4',
  widthMm: 210,
  heightMm: 297,
  margins: { topMm: 37, bottomMm: 35, leftMm: 28, rightMm: 26 },
  /** Registers with many columns print landscape with narrower margins. */
  landscapeMargins: { topMm: 20, bottomMm: 20, leftMm: 20, rightMm: 15 },
  /** Body text: 3号仿宋 (16 pt); titles 2号小标宋 (22 pt); tables 4号 (14 pt) or smaller. */
  fontSizesPt: { title: 22, body: 16, table: 12, footer: 10.5 },
  fontFamilies: {
    title: ['FZXiaoBiaoSong-B05S', 'SimSun', 'Noto Serif CJK SC', 'serif'],
    body: ['FangSong', 'STFangsong', 'Noto Serif CJK SC', 'serif'],
  },
  /** Page numbers as "— 1 —" at the foot of each page. */
  pageNumberFormat: '— {n} —',
} as const;
