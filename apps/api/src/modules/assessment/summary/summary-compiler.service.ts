import { Inject, Injectable } from '@nestjs/common';
import { schoolDateOf, schoolTimeToInstant, type ServiceTimeRow, type SummarySection, type SummarySnapshot } from '@xiaoban/shared';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import type { FiguresPeriod, OpenItemCount } from '../../../platform/figures/figures-sql';
import { FIGURES_PROVIDERS, type FiguresProvider } from './figures-provider';

/** The month after `month` (2026-12 → 2027-01). */
export function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The month before `month` (2027-01 → 2026-12). */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Asks every figures provider for a month's figures (ASM-1, REQ-4) and open items (ASM-8). The
 * period is [first instant of the month, first instant of the next) in the school's time zone,
 * so a document completed at 23:30 on the 31st in Beijing counts in that month.
 */
@Injectable()
export class SummaryCompilerService {
  constructor(
    @Inject(FIGURES_PROVIDERS) private readonly providers: FiguresProvider[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  periodOf(month: string): FiguresPeriod {
    const zone = this.config.schoolTimeZone;
    return {
      from: schoolTimeToInstant(`${month}-01`, '00:00:00', zone),
      to: schoolTimeToInstant(`${nextMonth(month)}-01`, '00:00:00', zone),
    };
  }

  /** The month the school is in now, e.g. 2026-12. */
  currentMonth(now = new Date()): string {
    return schoolDateOf(now, this.config.schoolTimeZone).slice(0, 7);
  }

  async compile(month: string): Promise<SummarySnapshot> {
    const period = this.periodOf(month);
    const sections = await this.sections(period);
    return {
      month,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      timeZone: this.config.schoolTimeZone,
      sections,
      serviceTimes: await this.serviceTimes(period),
    };
  }

  async sections(period: FiguresPeriod): Promise<SummarySection[]> {
    const sections: SummarySection[] = [];
    for (const provider of this.providers) sections.push({ key: provider.section, figures: await provider.figures(period) });
    return sections;
  }

  async serviceTimes(period: FiguresPeriod): Promise<ServiceTimeRow[]> {
    const rows: ServiceTimeRow[] = [];
    for (const provider of this.providers) if (provider.serviceTimes) rows.push(...(await provider.serviceTimes(period)));
    return rows;
  }

  async openItems(): Promise<OpenItemCount[]> {
    const rows: OpenItemCount[] = [];
    for (const provider of this.providers) if (provider.openItems) rows.push(...(await provider.openItems()));
    return rows;
  }
}
