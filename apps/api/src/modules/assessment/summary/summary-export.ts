import {
  formatFigure,
  SERVICE_KIND_LABELS,
  SUMMARY_FIGURE_LABELS,
  SUMMARY_SECTION_LABELS,
  SUMMARY_STATUS_LABELS,
  summaryLabel,
  type ServiceTimeRow,
  type SummarySnapshot,
} from '@xiaoban/shared';
import { loadExcelJS } from '../../../platform/excel/load-exceljs';
import type { MonthlySummary } from './monthly-summary.entity';

/** The exports are in the school's language (zh-CN), as the office files them. */
const ZH = 'zh-CN' as const;
const hours = (value: number | null) => (value === null ? '无数据' : value);

/** 2026-03 → 2026年3月 */
export function monthTitle(month: string): string {
  const [year, m] = month.split('-');
  return `${year}年${Number(m)}月`;
}

const SERVICE_HEADERS = [
  '工作类别',
  '完成件数',
  '响应时长中位数（小时）',
  '响应时长P90（小时）',
  '办理时长中位数（小时）',
  '办理时长P90（小时）',
];
const serviceRow = (r: ServiceTimeRow) => [
  summaryLabel(SERVICE_KIND_LABELS, r.kind, ZH),
  r.completed,
  hours(r.responseMedianHours),
  hours(r.responseP90Hours),
  hours(r.handlingMedianHours),
  hours(r.handlingP90Hours),
];

const emptySnapshot = (month: string): SummarySnapshot => ({ month, from: '', to: '', timeZone: '', sections: [], serviceTimes: [] });

/** The summary as a Word document (ASM-1): title, status, the office's narrative, then each section's figures and REQ-4. */
export async function summaryDocx(summary: MonthlySummary): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableRow, TableCell, TextRun, WidthType } = await import('docx');
  const font = { eastAsia: 'SimSun', ascii: 'SimSun' };
  const text = (value: string | number, bold = false) => new TextRun({ text: String(value), font, size: 24, bold });
  const cell = (value: string | number, bold = false) => new TableCell({ children: [new Paragraph({ children: [text(value, bold)] })] });
  const table = (header: string[], rows: (string | number)[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ children: header.map((h) => cell(h, true)) }),
        ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
      ],
    });
  const heading = (value: string) =>
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: value, font, size: 28, bold: true })] });
  const snapshot = summary.figures ?? emptySnapshot(summary.month);
  const title = `学校办公室${monthTitle(summary.month)}工作总结`;
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: title, font, size: 40 })],
    }),
    new Paragraph({ children: [text(`状态：${SUMMARY_STATUS_LABELS[summary.status][ZH]}`)] }),
    heading('一、工作概述'),
    ...(summary.narrative.trim() ? summary.narrative.split(/\n+/) : ['（未填写）']).map(
      (p) => new Paragraph({ indent: { firstLine: 480 }, children: [text(p)] }),
    ),
    heading('二、工作数据'),
    ...snapshot.sections.flatMap((section) => [
      new Paragraph({ children: [text(summaryLabel(SUMMARY_SECTION_LABELS, section.key, ZH), true)] }),
      table(
        ['指标', '数值'],
        section.figures.map((f) => [summaryLabel(SUMMARY_FIGURE_LABELS, f.key, ZH), formatFigure(f, ZH)]),
      ),
    ]),
    heading('三、服务响应与办理时长'),
    table(SERVICE_HEADERS, snapshot.serviceTimes.map(serviceRow)),
  ];
  const doc = new Document({ title, sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** The summary's figures as an Excel workbook (ASM-1): one sheet of figures, one of service times, one of the narrative. */
export async function summaryXlsx(summary: MonthlySummary): Promise<Buffer> {
  const snapshot = summary.figures ?? emptySnapshot(summary.month);
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  const figures = workbook.addWorksheet('工作数据');
  figures.addRow(['板块', '指标', '数值', '单位']).font = { bold: true };
  for (const section of snapshot.sections) {
    for (const f of section.figures) {
      figures.addRow([
        summaryLabel(SUMMARY_SECTION_LABELS, section.key, ZH),
        summaryLabel(SUMMARY_FIGURE_LABELS, f.key, ZH),
        f.value === null ? '无数据' : f.value,
        f.unit === 'percent' ? '%' : f.unit === 'hours' ? '小时' : '',
      ]);
    }
  }
  figures.columns.forEach((c, i) => (c.width = [14, 24, 12, 8][i]));
  const times = workbook.addWorksheet('服务时长');
  times.addRow(SERVICE_HEADERS).font = { bold: true };
  for (const row of snapshot.serviceTimes) times.addRow(serviceRow(row));
  const narrative = workbook.addWorksheet('工作概述');
  narrative.addRow([`学校办公室${monthTitle(summary.month)}工作总结`]);
  narrative.addRow([summary.narrative]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
