import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ADMINISTRATION_ENTITIES } from './administration.entities';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerService } from './ledger/ledger.service';
import { SealInspectionsController } from './seals/seal-inspections.controller';
import { SealInspectionsService } from './seals/seal-inspections.service';
import { SealUsesController } from './seals/seal-uses.controller';
import { SealUsesService } from './seals/seal-uses.service';
import { SealHandoversController, SealsController } from './seals/seals.controller';
import { SealsService } from './seals/seals.service';

/**
 * Administration (行政管理, guide 二(一) and 四(二)): seals (印章, ADM-4 to ADM-6) in seals/, the
 * work ledger (工作台账, ADM-3) in ledger/. Archives, classified lending and training hang off
 * this module in their own folders.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ADMINISTRATION_ENTITIES)],
  controllers: [SealsController, SealHandoversController, SealUsesController, SealInspectionsController, LedgerController],
  providers: [SealsService, SealUsesService, SealInspectionsService, LedgerService],
  exports: [SealsService, LedgerService],
})
export class AdministrationModule {}
