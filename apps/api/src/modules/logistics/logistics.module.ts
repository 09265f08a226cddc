import { Module } from '@nestjs/common';
import { SuppliesModule } from './supplies/supplies.module';

/**
 * Logistics (后勤保障, guide 二(五), LOG-1 to LOG-11). One Nest module per part, each in its own folder:
 * supplies and the stock ledger, purchasing, maintenance and inspections, event logistics. This module
 * only gathers them behind the one API.
 */
@Module({
  imports: [SuppliesModule],
  exports: [SuppliesModule],
})
export class LogisticsModule {}
