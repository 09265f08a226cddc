import { Injectable } from '@nestjs/common';
import type { FiguresPeriod } from '../../../../platform/figures/figures-sql';
import { ImprovementFiguresService } from '../../improvement/improvement-figures.service';
import { figuresOf, type FiguresProvider } from '../figures-provider';

/** 突发情况与整改: incidents recorded and reviewed, improvement problems raised and closed, measures done on time. */
@Injectable()
export class ImprovementFiguresProvider implements FiguresProvider {
  readonly section = 'improvement';
  constructor(private readonly figuresService: ImprovementFiguresService) {}

  async figures(period: FiguresPeriod) {
    return figuresOf(this.section, await this.figuresService.improvement(period), {
      incidents: 'count',
      incidentsReviewed: 'count',
      problemsOpened: 'count',
      problemsClosed: 'count',
      measuresImplemented: 'count',
      measuresOnTimeRate: 'percent',
    });
  }

  async serviceTimes(period: FiguresPeriod) {
    return (await this.figuresService.serviceTimes(period)).filter((row) => row.kind === 'improvement');
  }

  async openItems() {
    return (await this.figuresService.openItems()).filter((item) => item.key === 'improvement');
  }
}

/** 问题上报与部门协作: escalations (REQ-1) and support requests between departments (REQ-2). */
@Injectable()
export class RequestsFiguresProvider implements FiguresProvider {
  readonly section = 'requests';
  constructor(private readonly figuresService: ImprovementFiguresService) {}

  async figures(period: FiguresPeriod) {
    return figuresOf(this.section, await this.figuresService.requests(period), {
      escalationsReceived: 'count',
      escalationsAnswered: 'count',
      escalationsOnTimeRate: 'percent',
      supportRequested: 'count',
      supportCompleted: 'count',
      supportOnTimeRate: 'percent',
    });
  }

  async serviceTimes(period: FiguresPeriod) {
    return (await this.figuresService.serviceTimes(period)).filter((row) => row.kind !== 'improvement');
  }

  async openItems() {
    return (await this.figuresService.openItems()).filter((item) => item.key !== 'improvement');
  }
}
