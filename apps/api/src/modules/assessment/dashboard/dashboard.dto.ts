import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUMMARY_MONTH_PATTERN } from '@xiaoban/shared';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export const DASHBOARD_PANEL_KEYS = [
  'monthly-counts',
  'monthly-rates',
  'open-items',
  'service-times',
  'questionnaire-responses',
  'evaluation-results',
] as const;
export type DashboardPanelKey = (typeof DASHBOARD_PANEL_KEYS)[number];

export class DashboardSeriesDto {
  /** A figure key (SUMMARY_FIGURE_LABELS) or a series key (DASHBOARD_SERIES_LABELS). */
  @ApiProperty({ example: 'documents.incomingHandled' })
  key: string;

  /** One value per category, in order; null is "no data". */
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true } })
  values: (number | null)[];
}

/**
 * One chart and the table behind it (ASM-8): a row per category, a column per series. The
 * dashboard is a list of these, so a new kind of figure is a new panel, not a new page.
 */
export class DashboardPanelDto {
  @ApiProperty({ example: 'open-items' })
  key: string;

  @ApiProperty({ enum: ['line', 'bar'] })
  chart: 'line' | 'bar';

  /** Months (2026-03), module keys (OPEN_ITEM_LABELS) or kinds of work (SERVICE_KIND_LABELS). */
  @ApiProperty({ type: [String] })
  categories: string[];

  @ApiProperty({ type: [DashboardSeriesDto] })
  series: DashboardSeriesDto[];
}

export class DashboardDto {
  /** The last month of the trends and the month of the service times. */
  @ApiProperty({ example: '2026-03' })
  month: string;

  @ApiProperty({ type: [DashboardPanelDto] })
  panels: DashboardPanelDto[];
}

export class QueryDashboardDto {
  @ApiPropertyOptional({ example: '2026-03', description: 'Default: the current month' })
  @IsOptional()
  @IsString()
  @Matches(SUMMARY_MONTH_PATTERN, { message: 'month must be a month like 2026-03' })
  month?: string;
}

export class ExportDashboardPanelDto extends QueryDashboardDto {
  @ApiProperty({ enum: DASHBOARD_PANEL_KEYS })
  @IsIn(DASHBOARD_PANEL_KEYS)
  panel: DashboardPanelKey;
}
