import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Suggestion } from './suggestions/suggestion.entity';
import { PublicSuggestionsController, SuggestionsController } from './suggestions/suggestions.controller';
import { SuggestionsService } from './suggestions/suggestions.service';
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
 * the hotline (意见箱/热线, ASM-4) in suggestions/; the assessment issue adds the rest. TrainingRecordsService is the query other modules use
 * ("had confidentiality training this quarter", the gate of classified lending, ADM-10).
 */
@Module({
  imports: [TypeOrmModule.forFeature([...TRAINING_ENTITIES, Suggestion, ...EVALUATION_ENTITIES, InnovationSuggestion])],
  controllers: [
    TrainingController,
    SuggestionsController,
    PublicSuggestionsController,
    EvaluationCyclesController,
    EvaluationFormsController,
    InnovationController,
  ],
  providers: [
    TrainingService,
    TrainingRecordsService,
    SuggestionsService,
    EvaluationCyclesService,
    EvaluationFormsService,
    EvaluationResultsService,
    InnovationService,
  ],
  exports: [TrainingRecordsService],
})
export class AssessmentModule {}
