import { Injectable } from '@nestjs/common';
import { MeetingFiguresService } from '../../../meetings/figures/meeting-figures.service';
import type { FiguresPeriod } from '../../../../platform/figures/figures-sql';
import { figuresOf, type FiguresProvider } from '../figures-provider';

/** 会议服务: meetings served, attendance and replies. */
@Injectable()
export class MeetingsFiguresProvider implements FiguresProvider {
  readonly section = 'meetings';
  constructor(private readonly meetings: MeetingFiguresService) {}

  async figures(period: FiguresPeriod) {
    return figuresOf(this.section, await this.meetings.figures(period), {
      served: 'count',
      attendanceRate: 'percent',
      responseRate: 'percent',
    });
  }
}
