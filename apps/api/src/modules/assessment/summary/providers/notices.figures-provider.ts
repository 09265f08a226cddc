import { Injectable } from '@nestjs/common';
import { NoticeFiguresService } from '../../../information/figures/notice-figures.service';
import type { FiguresPeriod } from '../../../../platform/figures/figures-sql';
import { figuresOf, type FiguresProvider } from '../figures-provider';

/** 通知公告: notices published and their reach. */
@Injectable()
export class NoticesFiguresProvider implements FiguresProvider {
  readonly section = 'notices';
  constructor(private readonly notices: NoticeFiguresService) {}

  async figures(period: FiguresPeriod) {
    return figuresOf(this.section, await this.notices.figures(period), { published: 'count', recipients: 'count', reachRate: 'percent' });
  }

  openItems() {
    return this.notices.openItems();
  }
}
