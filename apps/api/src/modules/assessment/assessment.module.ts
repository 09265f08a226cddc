import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Suggestion } from './suggestions/suggestion.entity';
import { PublicSuggestionsController, SuggestionsController } from './suggestions/suggestions.controller';
import { SuggestionsService } from './suggestions/suggestions.service';
import { TrainingRecordsService } from './training/training-records.service';
import { TrainingController } from './training/training.controller';
import { TRAINING_ENTITIES } from './training/training.entities';
import { TrainingService } from './training/training.service';
import { QUESTIONNAIRE_ENTITIES } from './questionnaires/questionnaire.entities';
import {
  PublicQuestionnairesController,
  QuestionnaireAnswersController,
  QuestionnairesController,
} from './questionnaires/questionnaires.controller';
import { QuestionnairesService } from './questionnaires/questionnaires.service';

/**
 * Assessment (考核, guide 四 and 五). ASM-6's training records (培训) in training/; suggestions and
 * the hotline (意见箱/热线, ASM-4) in suggestions/; the assessment issue adds the rest. TrainingRecordsService is the query other modules use
 * ("had confidentiality training this quarter", the gate of classified lending, ADM-10).
 */
@Module({
  imports: [TypeOrmModule.forFeature([...TRAINING_ENTITIES, Suggestion, ...QUESTIONNAIRE_ENTITIES])],
  controllers: [
    TrainingController,
    SuggestionsController,
    PublicSuggestionsController,
    QuestionnairesController,
    QuestionnaireAnswersController,
    PublicQuestionnairesController,
  ],
  providers: [TrainingService, TrainingRecordsService, SuggestionsService, QuestionnairesService],
  exports: [TrainingRecordsService, QuestionnairesService],
})
export class AssessmentModule {}
