import { Injectable } from '@nestjs/common';
import { LogisticsFiguresService } from '../../../logistics/figures/logistics-figures.service';
import type { FiguresPeriod } from '../../../../platform/figures/figures-sql';
import { figuresOf, type FiguresProvider } from '../figures-provider';

/** 后勤保障: repairs opened and closed with their times; supplies issued. */
@Injectable()
export class LogisticsFiguresProvider implements FiguresProvider {
  readonly section = 'logistics';
  constructor(private readonly logistics: LogisticsFiguresService) {}

  async figures(period: FiguresPeriod) {
    return figuresOf(this.section, await this.logistics.figures(period), {
      repairsOpened: 'count',
      repairsClosed: 'count',
      repairMedianHours: 'hours',
      repairOnTimeRate: 'percent',
      supplyIssues: 'count',
      supplyItemsIssued: 'count',
    });
  }

  async serviceTimes(period: FiguresPeriod) {
    return [await this.logistics.serviceTimes(period)];
  }

  openItems() {
    return this.logistics.openItems();
  }
}
