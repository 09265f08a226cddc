import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QUESTIONNAIRE_ENTITIES } from './questionnaire.entities';
import { QuestionnaireFiguresService } from './questionnaire-figures.service';
import { PublicQuestionnairesController, QuestionnaireAnswersController, QuestionnairesController } from './questionnaires.controller';
import { QuestionnairesService } from './questionnaires.service';

/**
 * Questionnaires (问卷, ASM-3), a module of their own inside assessment: the information module
 * uses a questionnaire as the collection form of INF-1, while the assessment module reads the
 * information module's figures for the monthly summary. Kept apart, neither imports the other.
 */
@Module({
  imports: [TypeOrmModule.forFeature(QUESTIONNAIRE_ENTITIES)],
  controllers: [QuestionnairesController, QuestionnaireAnswersController, PublicQuestionnairesController],
  providers: [QuestionnairesService, QuestionnaireFiguresService],
  exports: [QuestionnairesService, QuestionnaireFiguresService],
})
export class QuestionnairesModule {}
