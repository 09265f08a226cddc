import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InspectionsController } from './inspections.controller';
import { InspectionsService } from './inspections.service';
import { MaintenanceController } from './maintenance.controller';
import { MAINTENANCE_ENTITIES } from './maintenance.entities';
import { MaintenanceService } from './maintenance.service';

/**
 * Maintenance requests (维修, LOG-9) and facility inspections (设施巡查, LOG-10). Other modules
 * raise repairs through the exported MaintenanceService.raiseRequest, in their own transaction
 * (the meetings module for a failed equipment test, MTG-4); this module imports none of them.
 */
@Module({
  imports: [TypeOrmModule.forFeature(MAINTENANCE_ENTITIES)],
  controllers: [MaintenanceController, InspectionsController],
  providers: [MaintenanceService, InspectionsService],
  exports: [MaintenanceService],
})
export class MaintenanceModule {}
