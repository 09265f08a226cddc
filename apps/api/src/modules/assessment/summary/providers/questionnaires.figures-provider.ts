import { Injectable } from '@nestjs/common';
import type { FiguresPeriod } from '../../../../platform/figures/figures-sql';
import { QuestionnaireFiguresService } from '../../questionnaires/questionnaire-figures.service';
import { figuresOf, type FiguresProvider } from '../figures-provider';

/** 问卷调查: questionnaires opened and closed, answers received (ASM-3). */
@Injectable()
export class QuestionnairesFiguresProvider implements FiguresProvider {
  readonly section = 'questionnaires';
  constructor(private readonly questionnaires: QuestionnaireFiguresService) {}

  async figures(period: FiguresPeriod) {
    return figuresOf(this.section, await this.questionnaires.figures(period), { opened: 'count', closed: 'count', responses: 'count' });
  }

  openItems() {
    return this.questionnaires.openItems();
  }
}
