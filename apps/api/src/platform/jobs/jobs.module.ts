import { Global, Module } from '@nestjs/common';
import { JobsAdminService } from './jobs-admin.service';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Global()
@Module({ controllers: [JobsController], providers: [JobsService, JobsAdminService], exports: [JobsService] })
export class JobsModule {}
