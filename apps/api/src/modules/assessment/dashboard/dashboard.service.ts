import { Injectable } from '@nestjs/common';
import {
  DASHBOARD_PANEL_LABELS,
  DASHBOARD_SERIES_LABELS,
  OPEN_ITEM_LABELS,
  SERVICE_KIND_LABELS,
  SUMMARY_FIGURE_LABELS,
  summaryLabel,
  type SummarySection,
} from '@xiaoban/shared';
import ExcelJS from 'exceljs';
import { previousMonth, SummaryCompilerService } from '../summary/summary-compiler.service';
import type { DashboardDto, DashboardPanelDto, DashboardPanelKey } from './dashboard.dto';

const TREND_MONTHS = 12;
const SERVICE_SERIES = ['responseMedianHours', 'responseP90Hours', 'handlingMedianHours', 'handlingP90Hours'] as const;

/**
 * The office director's dashboard (ASM-8): the monthly figures of the last twelve months, open and
 * overdue items now, and the month's service times (REQ-4). Computed live from the modules'
 * figures services through the same providers as the summary, so it always equals the records.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly compiler: SummaryCompilerService) {}

  async dashboard(month = this.compiler.currentMonth()): Promise<DashboardDto> {
    const months = [month];
    while (months.length < TREND_MONTHS) months.unshift(previousMonth(months[0]));
    const byMonth: SummarySection[][] = [];
    for (const m of months) byMonth.push(await this.compiler.sections(this.compiler.periodOf(m)));
    const trend = (unit: 'count' | 'rate'): DashboardPanelDto => {
      const keys = byMonth[0].flatMap((s) => s.figures).filter((f) => (unit === 'count' ? f.unit === 'count' : f.unit === 'percent'));
      return {
        key: unit === 'count' ? 'monthly-counts' : 'monthly-rates',
        chart: 'line',
        categories: months,
        series: keys.map(({ key }) => ({
          key,
          values: byMonth.map((sections) => sections.flatMap((s) => s.figures).find((f) => f.key === key)?.value ?? null),
        })),
      };
    };
    const open = await this.compiler.openItems();
    const times = await this.compiler.serviceTimes(this.compiler.periodOf(month));
    return {
      month,
      panels: [
        trend('count'),
        trend('rate'),
        {
          key: 'open-items',
          chart: 'bar',
          categories: open.map((o) => o.key),
          series: [
            { key: 'open', values: open.map((o) => o.open) },
            { key: 'overdue', values: open.map((o) => o.overdue) },
          ],
        },
        {
          key: 'service-times',
          chart: 'bar',
          categories: times.map((t) => t.kind),
          series: [
            { key: 'completed', values: times.map((t) => t.completed) },
            ...SERVICE_SERIES.map((key) => ({ key, values: times.map((t) => t[key]) })),
          ],
        },
      ],
    };
  }

  /** One panel's table as an Excel workbook (ASM-8): a row per category, a column per series, headed in Chinese. */
  async exportPanel(key: DashboardPanelKey, month?: string): Promise<{ buffer: Buffer; month: string }> {
    const dashboard = await this.dashboard(month);
    const panel = dashboard.panels.find((p) => p.key === key)!;
    const categoryLabel = (c: string) =>
      key === 'open-items'
        ? summaryLabel(OPEN_ITEM_LABELS, c, 'zh-CN')
        : key === 'service-times'
          ? summaryLabel(SERVICE_KIND_LABELS, c, 'zh-CN')
          : c;
    const seriesLabel = (s: string) => SUMMARY_FIGURE_LABELS[s]?.['zh-CN'] ?? summaryLabel(DASHBOARD_SERIES_LABELS, s, 'zh-CN');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(summaryLabel(DASHBOARD_PANEL_LABELS, key, 'zh-CN').slice(0, 31));
    sheet.addRow(['', ...panel.series.map((s) => seriesLabel(s.key))]).font = { bold: true };
    panel.categories.forEach((c, i) => sheet.addRow([categoryLabel(c), ...panel.series.map((s) => s.values[i] ?? '无数据')]));
    return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), month: dashboard.month };
  }
}
