import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SUPPLIES_LEDGER_ENTITIES } from './catalogue.entities';
import { ConsumptionService } from './consumption.service';
import { DistributionController, StockControlController } from './distribution.controller';
import { SUPPLIES_DISTRIBUTION_ENTITIES } from './distribution.entities';
import { DistributionService } from './distribution.service';
import { LowStockService } from './low-stock.service';
import { StocktakeService } from './stocktake.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { StockLedgerService } from './stock-ledger.service';

/**
 * Office supplies (办公用品, LOG-1, LOG-5–LOG-8): the catalogue and the stock ledger that purchasing
 * (LOG-4 receiving) and event logistics (LOG-11 reservations) write through StockLedgerService.
 */
@Module({
  imports: [TypeOrmModule.forFeature([...SUPPLIES_LEDGER_ENTITIES, ...SUPPLIES_DISTRIBUTION_ENTITIES])],
  controllers: [CatalogueController, DistributionController, StockControlController],
  providers: [CatalogueService, StockLedgerService, LowStockService, DistributionService, StocktakeService, ConsumptionService],
  exports: [CatalogueService, StockLedgerService],
})
export class SuppliesModule {}
