import { Global, Module } from '@nestjs/common';
import { DestructionController } from './destruction.controller';
import { DestructionService } from './destruction.service';
import { RetentionKindRegistry } from './retention-kinds';

/**
 * Retention and destruction for every kind of record (DOC-10): modules register their destroyable
 * kinds in the RetentionKindRegistry; destruction lists, their approval and the destruction record
 * live here. Never imports a business module.
 */
@Global()
@Module({
  controllers: [DestructionController],
  providers: [RetentionKindRegistry, DestructionService],
  exports: [RetentionKindRegistry, DestructionService],
})
export class RetentionModule {}
