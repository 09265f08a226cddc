import { Injectable } from '@nestjs/common';
import type { FiguresPeriod } from '../../../../platform/figures/figures-sql';
import { SuggestionFiguresService } from '../../suggestions/suggestion-figures.service';
import { figuresOf, type FiguresProvider } from '../figures-provider';

/** 意见箱与热线: suggestions and calls received, answered, on time. */
@Injectable()
export class SuggestionsFiguresProvider implements FiguresProvider {
  readonly section = 'suggestions';
  constructor(private readonly suggestions: SuggestionFiguresService) {}

  async figures(period: FiguresPeriod) {
    return figuresOf(this.section, await this.suggestions.figures(period), {
      received: 'count',
      hotlineCalls: 'count',
      answered: 'count',
      onTimeRate: 'percent',
    });
  }

  async serviceTimes(period: FiguresPeriod) {
    return [await this.suggestions.serviceTimes(period)];
  }

  openItems() {
    return this.suggestions.openItems();
  }
}
