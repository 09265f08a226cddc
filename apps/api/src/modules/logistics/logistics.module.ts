import { Module } from '@nestjs/common';
import { EventLogisticsModule } from './events/event-logistics.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { PurchasingModule } from './purchasing/purchasing.module';
import { SuppliesModule } from './supplies/supplies.module';
import { LogisticsFiguresService } from './figures/logistics-figures.service';

/**
 * Logistics (后勤保障, guide 二(五), LOG-1 to LOG-11). One Nest module per part, each in its own folder:
 * supplies and the stock ledger, purchasing, maintenance and inspections, event logistics. This module
 * only gathers them behind the one API.
 */
@Module({
  imports: [SuppliesModule, PurchasingModule, MaintenanceModule, EventLogisticsModule],
  // LogisticsFiguresService: repairs and supplies for the monthly summary and the dashboard (ASM-1, ASM-8).
  providers: [LogisticsFiguresService],
  exports: [SuppliesModule, LogisticsFiguresService],
})
export class LogisticsModule {}
