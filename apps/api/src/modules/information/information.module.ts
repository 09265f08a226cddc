import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DesensitisationController } from './desensitisation/desensitisation.controller';
import { DesensitisationService } from './desensitisation/desensitisation.service';
import { INFORMATION_ENTITIES } from './desensitisation/name-list.entity';

/**
 * Information (信息, guide 二(一)3, 二(四), 三(三)). Desensitisation (INF-2) first: the check every
 * published text passes, exported for the notices that publish.
 */
@Module({
  imports: [TypeOrmModule.forFeature(INFORMATION_ENTITIES)],
  controllers: [DesensitisationController],
  providers: [DesensitisationService],
  exports: [DesensitisationService],
})
export class InformationModule {}
