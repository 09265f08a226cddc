import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EscalationRoutesController, EscalationsController } from './escalations/escalations.controller';
import { Escalation, EscalationRoute } from './escalations/escalation.entities';
import { EscalationsService } from './escalations/escalations.service';
import { ImprovementController } from './improvement/improvement.controller';
import { IMPROVEMENT_ENTITIES } from './improvement/improvement.entities';
import { ImprovementService } from './improvement/improvement.service';
import { Incident } from './incidents/incident.entity';
import { IncidentsController } from './incidents/incidents.controller';
import { IncidentsService } from './incidents/incidents.service';
import { Suggestion } from './suggestions/suggestion.entity';
import { PublicSuggestionsController, SuggestionsController } from './suggestions/suggestions.controller';
import { SuggestionsService } from './suggestions/suggestions.service';
import { SupportRequest } from './support/support-request.entity';
import { SupportRequestsController } from './support/support-requests.controller';
import { SupportRequestsService } from './support/support-requests.service';
import { TrainingRecordsService } from './training/training-records.service';
import { TrainingController } from './training/training.controller';
import { TRAINING_ENTITIES } from './training/training.entities';
import { TrainingService } from './training/training.service';

/**
 * Assessment (考核, guide 四 and 五). ASM-6's training records (培训) in training/; suggestions and
 * the hotline (意见箱/热线, ASM-4) in suggestions/; the assessment issue adds the rest. TrainingRecordsService is the query other modules use
 * ("had confidentiality training this quarter", the gate of classified lending, ADM-10).
 * Improvement (整改, ASM-5), incidents (REQ-5), escalation (REQ-1) and support requests (REQ-2)
 * export their period figures (figures / countInPeriod) for the monthly summary (ASM-1, REQ-4).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ...TRAINING_ENTITIES,
      Suggestion,
      ...IMPROVEMENT_ENTITIES,
      Incident,
      EscalationRoute,
      Escalation,
      SupportRequest,
    ]),
  ],
  controllers: [
    TrainingController,
    SuggestionsController,
    PublicSuggestionsController,
    ImprovementController,
    IncidentsController,
    EscalationRoutesController,
    EscalationsController,
    SupportRequestsController,
  ],
  providers: [
    TrainingService,
    TrainingRecordsService,
    SuggestionsService,
    ImprovementService,
    IncidentsService,
    EscalationsService,
    SupportRequestsService,
  ],
  exports: [TrainingRecordsService, ImprovementService, IncidentsService, EscalationsService, SupportRequestsService],
})
export class AssessmentModule {}
