import { Injectable } from '@nestjs/common';
import { DocumentFiguresService } from '../../../documents/figures/document-figures.service';
import type { FiguresPeriod } from '../../../../platform/figures/figures-sql';
import { figuresOf, type FiguresProvider } from '../figures-provider';

/** 公文处理: incoming registered, routed, handled and on time; outgoing drafted and issued. */
@Injectable()
export class DocumentsFiguresProvider implements FiguresProvider {
  readonly section = 'documents';
  constructor(private readonly documents: DocumentFiguresService) {}

  async figures(period: FiguresPeriod) {
    return figuresOf(this.section, await this.documents.figures(period), {
      incomingRegistered: 'count',
      incomingRouted: 'count',
      incomingHandled: 'count',
      incomingOnTimeRate: 'percent',
      outgoingDrafted: 'count',
      outgoingIssued: 'count',
    });
  }

  async serviceTimes(period: FiguresPeriod) {
    return [await this.documents.serviceTimes(period)];
  }

  openItems() {
    return this.documents.openItems();
  }
}
