import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SuppliesModule } from '../supplies/supplies.module';
import { DemandService } from './demand.service';
import { PurchaseListsService } from './purchase-lists.service';
import { DemandController, PurchaseListsController, SuppliersController } from './purchasing.controller';
import { PURCHASING_ENTITIES } from './purchasing.entities';
import { SuppliersService } from './suppliers.service';

/**
 * Purchasing (采购, LOG-2–LOG-4): monthly demand, suppliers and quotes, the purchase list's
 * approval, orders and receiving. It reads the catalogue and writes stock-in through the
 * supplies module's StockLedgerService.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PURCHASING_ENTITIES), SuppliesModule],
  controllers: [DemandController, SuppliersController, PurchaseListsController],
  providers: [DemandService, SuppliersService, PurchaseListsService],
  exports: [DemandService],
})
export class PurchasingModule {}
