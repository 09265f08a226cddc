import {
  DASHBOARD_SERIES_LABELS,
  OPEN_ITEM_LABELS,
  SERVICE_KIND_LABELS,
  SUMMARY_FIGURE_LABELS,
  summaryLabel,
  type DashboardPanelShape,
} from '@xiaoban/shared';

type Locale = 'zh-CN' | 'en';

/** A category as shown: a month stays 2026-03; a module or a kind of work gets its label. */
export function categoryLabel(panelKey: string, category: string, locale: Locale): string {
  if (panelKey === 'open-items') return summaryLabel(OPEN_ITEM_LABELS, category, locale);
  if (panelKey === 'service-times') return summaryLabel(SERVICE_KIND_LABELS, category, locale);
  return category;
}

/** A series as shown: a summary figure's name, or the name of a column (open, overdue, medians). */
export function seriesLabel(key: string, locale: Locale): string {
  return SUMMARY_FIGURE_LABELS[key]?.[locale] ?? summaryLabel(DASHBOARD_SERIES_LABELS, key, locale);
}

/** The table behind a chart (ASM-8): a row per category with one cell per series, keyed by the series. */
export function panelRows(panel: DashboardPanelShape, locale: Locale): Record<string, string | number | null>[] {
  return panel.categories.map((category, i) => ({
    category: categoryLabel(panel.key, category, locale),
    ...Object.fromEntries(panel.series.map((s) => [s.key, s.values[i] ?? null])),
  }));
}
