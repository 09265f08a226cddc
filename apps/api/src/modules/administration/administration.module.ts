import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { AssessmentModule } from '../assessment/assessment.module';
import { ADMINISTRATION_ENTITIES } from './administration.entities';
import { IncomingDocumentLendable } from './lending/incoming-document.lendable';
import { LendableKindRegistry } from './lending/lendable-kinds';
import { LendingController } from './lending/lending.controller';
import { LendingService } from './lending/lending.service';
import { LiaisonController } from './liaison/liaison.controller';
import { LiaisonService } from './liaison/liaison.service';
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
  // Lending asks the training records (ASM-6) and lends classified incoming documents.
  imports: [TypeOrmModule.forFeature(ADMINISTRATION_ENTITIES), AssessmentModule, DocumentsModule],
  controllers: [
    SealsController,
    SealHandoversController,
    SealUsesController,
    SealInspectionsController,
    LedgerController,
    LendingController,
    LiaisonController,
  ],
  providers: [
    SealsService,
    SealUsesService,
    SealInspectionsService,
    LedgerService,
    LendableKindRegistry,
    LendingService,
    IncomingDocumentLendable,
    LiaisonService,
  ],
  // LendableKindRegistry: the archive registers its items as lendable (ADM-10).
  exports: [SealsService, LedgerService, LendableKindRegistry],
})
export class AdministrationModule {}
