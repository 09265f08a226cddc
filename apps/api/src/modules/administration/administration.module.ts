import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BackupsModule } from '../../platform/backup/backups.module';
import { DocumentsModule } from '../documents/documents.module';
import { AssessmentModule } from '../assessment/assessment.module';
import { ADMINISTRATION_ENTITIES } from './administration.entities';
import { ArchiveBackupService } from './archives/archive-backup.service';
import { ArchiveClassificationController } from './archives/archive-classification.controller';
import { ArchiveClassificationService } from './archives/archive-classification.service';
import { ArchiveItemsController } from './archives/archive-items.controller';
import { ArchiveItemsService } from './archives/archive-items.service';
import { ArchiveItemLendable } from './lending/archive-item.lendable';
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
 * work ledger (工作台账, ADM-3) in ledger/, the archive (档案, ADM-7 to ADM-9, and filing DOC-11) in
 * archives/. Classified lending and training hang off this module in their own folders.
 */
@Module({
  // DocumentsModule: the archive files documents through its FilingService (DOC-11), and lending lends classified incoming
  // documents; BackupsModule: the archive's backup scope (ADM-9); AssessmentModule: lending asks the training records (ASM-6).
  imports: [TypeOrmModule.forFeature(ADMINISTRATION_ENTITIES), DocumentsModule, BackupsModule, AssessmentModule],
  controllers: [
    SealsController,
    SealHandoversController,
    SealUsesController,
    SealInspectionsController,
    LedgerController,
    ArchiveClassificationController,
    ArchiveItemsController,
    LendingController,
    LiaisonController,
  ],
  providers: [
    SealsService,
    SealUsesService,
    SealInspectionsService,
    LedgerService,
    ArchiveClassificationService,
    ArchiveItemsService,
    ArchiveBackupService,
    LendableKindRegistry,
    LendingService,
    IncomingDocumentLendable,
    ArchiveItemLendable,
    LiaisonService,
  ],
  exports: [SealsService, LedgerService, ArchiveItemsService, LendableKindRegistry],
})
export class AdministrationModule {}
