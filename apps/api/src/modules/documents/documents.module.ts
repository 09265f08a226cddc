import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncomingController } from './incoming/incoming.controller';
import { IncomingDocument, IncomingDocumentCounter, IncomingDocumentRoute } from './incoming/incoming.entity';
import { IncomingService } from './incoming/incoming.service';
import { IncomingRecords } from './incoming/incoming.records';
import { FilingController } from './filing/filing.controller';
import { FilingService } from './filing/filing.service';
import { InventoryController } from './inventory/inventory.controller';
import { InventoryService } from './inventory/inventory.service';
import { DocumentSearchModule } from './search/document-search.module';
import { OutgoingNumbersService } from './outgoing/outgoing-numbers.service';
import { OutgoingController } from './outgoing/outgoing.controller';
import {
  OutgoingDocument,
  OutgoingDocumentCountersign,
  OutgoingDocumentDistribution,
  OutgoingDocumentStep,
  OutgoingNumberCounter,
  OutgoingNumberLog,
  OutgoingNumberPrefix,
} from './outgoing/outgoing.entity';
import { OutgoingService } from './outgoing/outgoing.service';
import { OutgoingRecords } from './outgoing/outgoing.records';
import { DocumentFiguresService } from './figures/document-figures.service';

/** Documents (公文, guide 二(二) and 三(一)): incoming (收文) and outgoing (发文) documents, filing, inventory, search. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      IncomingDocument,
      IncomingDocumentRoute,
      IncomingDocumentCounter,
      // 发文 (DOC-7)
      OutgoingDocument,
      OutgoingDocumentStep,
      OutgoingDocumentCountersign,
      OutgoingDocumentDistribution,
      OutgoingNumberPrefix,
      OutgoingNumberCounter,
      OutgoingNumberLog,
    ]),
    DocumentSearchModule,
  ],
  controllers: [IncomingController, FilingController, InventoryController, OutgoingController],
  providers: [
    IncomingService,
    FilingService,
    InventoryService,
    IncomingRecords,
    OutgoingService,
    OutgoingNumbersService,
    // 发文 as records: inventory, filing and destruction (DOC-9 to DOC-11).
    OutgoingRecords,
    // Figures for the monthly summary and the dashboard (ASM-1, REQ-4, ASM-8).
    DocumentFiguresService,
  ],
  // FilingService: the archive (administration, DOC-11) lists, describes and files documents through it.
  exports: [IncomingService, FilingService, OutgoingService, DocumentFiguresService],
})
export class DocumentsModule {}
