import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SuppliesModule } from '../supplies/supplies.module';
import { EventLogisticsController } from './event-logistics.controller';
import { EventLogisticsService } from './event-logistics.service';
import { EVENT_LOGISTICS_ENTITIES } from './event.entities';

/** Event logistics (活动后勤, LOG-11); stock lines go through the supplies module's stock ledger. */
@Module({
  imports: [TypeOrmModule.forFeature(EVENT_LOGISTICS_ENTITIES), SuppliesModule],
  controllers: [EventLogisticsController],
  providers: [EventLogisticsService],
})
export class EventLogisticsModule {}
