import type { ServiceTimeRow, SummaryFigure } from '@xiaoban/shared';
import type { FiguresPeriod, OpenItemCount } from '../../../platform/figures/figures-sql';

/**
 * One section of the monthly summary (ASM-1) and its share of the dashboard (ASM-8): a small class
 * that asks one module's exported figures service and says what its numbers mean. The summary is
 * the list of sections of the registered providers (providers/index.ts), in that order; a module
 * without a provider has no section, rather than an empty one.
 */
export interface FiguresProvider {
  /** The section key, e.g. `documents`; labels in SUMMARY_SECTION_LABELS (libs/shared). */
  readonly section: string;
  /** The section's figures for the period; keys are `${section}.${name}` (SUMMARY_FIGURE_LABELS). */
  figures(period: FiguresPeriod): Promise<SummaryFigure[]>;
  /** REQ-4: response and handling times of each kind of work this module has (items completed in the period). */
  serviceTimes?(period: FiguresPeriod): Promise<ServiceTimeRow[]>;
  /** ASM-8: open and overdue items now. */
  openItems?(): Promise<OpenItemCount[]>;
}

/** The Nest token under which the assessment module gathers every provider, in section order. */
export const FIGURES_PROVIDERS = Symbol('FIGURES_PROVIDERS');

/** Turns a flat record of figures into the section's figure list, with each figure's unit. */
export function figuresOf<T extends { [K in keyof T]: number | null }>(
  section: string,
  values: T,
  units: { [K in keyof T]: SummaryFigure['unit'] },
): SummaryFigure[] {
  return (Object.keys(units) as (keyof T & string)[]).map((name) => ({
    key: `${section}.${name}`,
    unit: units[name],
    value: values[name] ?? null,
  }));
}
