import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TrainingRecordsService } from './training/training-records.service';
import { TrainingController } from './training/training.controller';
import { TRAINING_ENTITIES } from './training/training.entities';
import { TrainingService } from './training/training.service';

/**
 * Assessment (考核, guide 四 and 五). For now ASM-6's training records (培训) in training/; the
 * assessment issue extends it. TrainingRecordsService is the query other modules use
 * ("had confidentiality training this quarter", the gate of classified lending, ADM-10).
 */
@Module({
  imports: [TypeOrmModule.forFeature(TRAINING_ENTITIES)],
  controllers: [TrainingController],
  providers: [TrainingService, TrainingRecordsService],
  exports: [TrainingRecordsService],
})
export class AssessmentModule {}
