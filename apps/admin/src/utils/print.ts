/**
 * A4 printing of forms and registers (PLT-7): the `@page` rule and the type from the shared
 * A4_PRINT_LAYOUT, so that the panel prints what the API's PDFs look like.
 */
import { A4_PRINT_LAYOUT, formatChineseDate, type IsoDate } from '@xiaoban/shared';

export type PrintOrientation = 'portrait' | 'landscape';

function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `"— " counter(page) " —"` from the layout's `— {n} —`. */
export function pageNumberContent(format: string = A4_PRINT_LAYOUT.pageNumberFormat): string {
  const [before = '', after = ''] = format.split('{n}');
  return [before && cssString(before), 'counter(page)', after && cssString(after)].filter(Boolean).join(' ');
}

/** The `@page` rule: A4, the GB/T 9704 margins (narrower when landscape), page numbers at the foot. */
export function printPageCss(orientation: PrintOrientation = 'portrait'): string {
  const margins = orientation === 'landscape' ? A4_PRINT_LAYOUT.landscapeMargins : A4_PRINT_LAYOUT.margins;
  const margin = `${margins.topMm}mm ${margins.rightMm}mm ${margins.bottomMm}mm ${margins.leftMm}mm`;
  return [
    '@page {',
    `  size: ${A4_PRINT_LAYOUT.pageSize} ${orientation};`,
    `  margin: ${margin};`,
    '  @bottom-center {',
    `    content: ${pageNumberContent()};`,
    `    font-size: ${A4_PRINT_LAYOUT.fontSizesPt.footer}pt;`,
    '  }',
    '}',
  ].join('\n');
}

function fontList(families: readonly string[]): string {
  return families.map((family) => (/^[a-z-]+$/.test(family) ? family : cssString(family))).join(', ');
}

/** Type of the printed sheet: title, body text and table sizes in points, Chinese official fonts first. */
export function printTypography(): Record<string, string> {
  return {
    '--print-title-font': fontList(A4_PRINT_LAYOUT.fontFamilies.title),
    '--print-body-font': fontList(A4_PRINT_LAYOUT.fontFamilies.body),
    '--print-title-size': `${A4_PRINT_LAYOUT.fontSizesPt.title}pt`,
    '--print-body-size': `${A4_PRINT_LAYOUT.fontSizesPt.body}pt`,
    '--print-table-size': `${A4_PRINT_LAYOUT.fontSizesPt.table}pt`,
  };
}

/** The date as printed: formatChineseDate (year, month, day in Chinese, GB/T 9704) on a Chinese sheet, `2026-10-08` otherwise. */
export function printedDate(date: IsoDate, locale: string): string {
  return locale === 'zh-CN' ? formatChineseDate(date) : date;
}
