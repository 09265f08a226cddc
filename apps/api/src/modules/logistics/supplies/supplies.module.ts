import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SUPPLIES_LEDGER_ENTITIES } from './catalogue.entities';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { StockLedgerService } from './stock-ledger.service';

/**
 * Office supplies (办公用品, LOG-1, LOG-5–LOG-8): the catalogue and the stock ledger that purchasing
 * (LOG-4 receiving) and event logistics (LOG-11 reservations) write through StockLedgerService.
 */
@Module({
  imports: [TypeOrmModule.forFeature(SUPPLIES_LEDGER_ENTITIES)],
  controllers: [CatalogueController],
  providers: [CatalogueService, StockLedgerService],
  exports: [CatalogueService, StockLedgerService],
})
export class SuppliesModule {}
