import type { Type } from '@nestjs/common';
import type { FiguresProvider } from '../figures-provider';
import { DocumentsFiguresProvider } from './documents.figures-provider';
import { ImprovementFiguresProvider, RequestsFiguresProvider } from './improvement.figures-provider';
import { LogisticsFiguresProvider } from './logistics.figures-provider';
import { MeetingsFiguresProvider } from './meetings.figures-provider';
import { NoticesFiguresProvider } from './notices.figures-provider';
import { QuestionnairesFiguresProvider } from './questionnaires.figures-provider';
import { SuggestionsFiguresProvider } from './suggestions.figures-provider';

/**
 * The summary's sections, in the order they appear (ASM-1, ASM-8). To add one: write a class
 * implementing FiguresProvider beside these (asking its module's exported service), add it at the
 * end of this list and its labels to SUMMARY_SECTION_LABELS / SUMMARY_FIGURE_LABELS in libs/shared.
 */
export const SUMMARY_FIGURES_PROVIDERS: Type<FiguresProvider>[] = [
  DocumentsFiguresProvider,
  MeetingsFiguresProvider,
  NoticesFiguresProvider,
  LogisticsFiguresProvider,
  SuggestionsFiguresProvider,
  QuestionnairesFiguresProvider,
  ImprovementFiguresProvider,
  RequestsFiguresProvider,
];
