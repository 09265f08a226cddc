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
import { loadExcelJS } from '../../../platform/excel/load-exceljs';
import { EvaluationFiguresService } from '../evaluations/evaluation-figures.service';
import { QuestionnaireFiguresService } from '../questionnaires/questionnaire-figures.service';
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
  constructor(
    private readonly compiler: SummaryCompilerService,
    private readonly questionnaires: QuestionnaireFiguresService,
    private readonly evaluations: EvaluationFiguresService,
  ) {}

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
    const answered = await this.questionnaires.responsesByQuestionnaire(this.compiler.periodOf(month));
    const evaluated = await this.evaluations.lastReleasedByDepartment();
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
        // Questionnaire results (ASM-3): the month's answers per questionnaire.
        {
          key: 'questionnaire-responses',
          chart: 'bar',
          categories: answered.map((q) => q.title),
          series: [{ key: 'responses', values: answered.map((q) => q.responses) }],
        },
        // Evaluation results (ASM-2): the last released cycle, per department (aggregates only).
        {
          key: 'evaluation-results',
          chart: 'bar',
          categories: evaluated.map((e) => e.department),
          series: [
            { key: 'average', values: evaluated.map((e) => e.average) },
            { key: 'people', values: evaluated.map((e) => e.people) },
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
    const { Workbook } = await loadExcelJS();
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(summaryLabel(DASHBOARD_PANEL_LABELS, key, 'zh-CN').slice(0, 31));
    sheet.addRow(['', ...panel.series.map((s) => seriesLabel(s.key))]).font = { bold: true };
    panel.categories.forEach((c, i) => sheet.addRow([categoryLabel(c), ...panel.series.map((s) => s.values[i] ?? '无数据')]));
    return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), month: dashboard.month };
  }
}
