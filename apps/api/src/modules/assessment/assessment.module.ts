import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { InformationModule } from '../information/information.module';
import { LogisticsModule } from '../logistics/logistics.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { EvaluationFiguresService } from './evaluations/evaluation-figures.service';
import { EscalationRoutesController, EscalationsController } from './escalations/escalations.controller';
import { Escalation, EscalationRoute } from './escalations/escalation.entities';
import { EscalationsService } from './escalations/escalations.service';
import { ImprovementController } from './improvement/improvement.controller';
import { IMPROVEMENT_ENTITIES } from './improvement/improvement.entities';
import { ImprovementFiguresService } from './improvement/improvement-figures.service';
import { ImprovementService } from './improvement/improvement.service';
import { Incident } from './incidents/incident.entity';
import { IncidentsController } from './incidents/incidents.controller';
import { IncidentsService } from './incidents/incidents.service';
import { QuestionnairesModule } from './questionnaires/questionnaires.module';
import { Suggestion } from './suggestions/suggestion.entity';
import { SuggestionFiguresService } from './suggestions/suggestion-figures.service';
import { PublicSuggestionsController, SuggestionsController } from './suggestions/suggestions.controller';
import { SuggestionsService } from './suggestions/suggestions.service';
import { FIGURES_PROVIDERS, type FiguresProvider } from './summary/figures-provider';
import { MonthlySummary } from './summary/monthly-summary.entity';
import { SUMMARY_FIGURES_PROVIDERS } from './summary/providers';
import { SummariesController } from './summary/summaries.controller';
import { SummariesService } from './summary/summaries.service';
import { SummaryCompilerService } from './summary/summary-compiler.service';
import { SupportRequest } from './support/support-request.entity';
import { SupportRequestsController } from './support/support-requests.controller';
import { SupportRequestsService } from './support/support-requests.service';
import { TrainingRecordsService } from './training/training-records.service';
import { TrainingController } from './training/training.controller';
import { TRAINING_ENTITIES } from './training/training.entities';
import { TrainingService } from './training/training.service';
import { EVALUATION_ENTITIES } from './evaluations/evaluation.entities';
import { EvaluationCyclesService } from './evaluations/evaluation-cycles.service';
import { EvaluationFormsService } from './evaluations/evaluation-forms.service';
import { EvaluationResultsService } from './evaluations/evaluation-results.service';
import { EvaluationCyclesController, EvaluationFormsController } from './evaluations/evaluations.controller';
import { InnovationSuggestion } from './innovation/innovation-suggestion.entity';
import { InnovationController } from './innovation/innovation.controller';
import { InnovationService } from './innovation/innovation.service';

/**
 * Assessment (考核, guide 四 and 五). ASM-6's training records (培训) in training/; suggestions and
 * the hotline (意见箱/热线, ASM-4) in suggestions/; improvement (整改, ASM-5), incidents (REQ-5),
 * escalation (REQ-1) and support requests between departments (REQ-2) in their folders;
 * questionnaires (ASM-3) in a module of their own (questionnaires/questionnaires.module.ts).
 * TrainingRecordsService is the query other modules use ("had confidentiality training this quarter",
 * the gate of classified lending, ADM-10).
 * The monthly summary (ASM-1, REQ-4) and the dashboard (ASM-8) read the other modules only through
 * their exported figures services, one figures provider per section (summary/providers).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ...TRAINING_ENTITIES,
      Suggestion,
      MonthlySummary,
      ...IMPROVEMENT_ENTITIES,
      Incident,
      EscalationRoute,
      Escalation,
      SupportRequest,
      ...EVALUATION_ENTITIES,
      InnovationSuggestion,
    ]),
    DocumentsModule,
    MeetingsModule,
    InformationModule,
    LogisticsModule,
    QuestionnairesModule,
  ],
  controllers: [
    TrainingController,
    SuggestionsController,
    PublicSuggestionsController,
    SummariesController,
    DashboardController,
    ImprovementController,
    IncidentsController,
    EscalationRoutesController,
    EscalationsController,
    SupportRequestsController,
    EvaluationCyclesController,
    EvaluationFormsController,
    InnovationController,
  ],
  providers: [
    TrainingService,
    TrainingRecordsService,
    SuggestionsService,
    SuggestionFiguresService,
    ImprovementService,
    IncidentsService,
    EscalationsService,
    SupportRequestsService,
    ImprovementFiguresService,
    ...SUMMARY_FIGURES_PROVIDERS,
    {
      provide: FIGURES_PROVIDERS,
      useFactory: (...providers: FiguresProvider[]) => providers,
      inject: SUMMARY_FIGURES_PROVIDERS,
    },
    SummaryCompilerService,
    SummariesService,
    DashboardService,
    EvaluationCyclesService,
    EvaluationFormsService,
    EvaluationResultsService,
    InnovationService,
    EvaluationFiguresService,
  ],
  exports: [TrainingRecordsService],
})
export class AssessmentModule {}
