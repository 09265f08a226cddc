import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/config';
import { DATABASE_URL } from './database/database.constants';
import { typeOrmOptions } from './database/typeorm-options';
import { AuditModule } from './platform/audit/audit.module';
import { AccessGuard } from './platform/auth/auth.guard';
import { AuthModule } from './platform/auth/auth.module';
import { HealthController } from './platform/health/health.controller';
import { ErrorFilter } from './platform/http/error.filter';
import { JobsModule } from './platform/jobs/jobs.module';
import { OrgModule } from './platform/org/org.module';
import { ApprovalsModule } from './platform/approvals/approvals.module';
import { InboxModule } from './platform/inbox/inbox.module';
import { NotificationsModule } from './platform/notifications/notifications.module';
import { IntegrationModule } from './platform/integration/integration.module';
import { AccessModule } from './platform/access/access.module';
import { FilesModule } from './platform/files/files.module';
import { WatermarkModule } from './platform/watermark/watermark.module';
import { CalendarModule } from './platform/calendar/calendar.module';
import { ExcelModule } from './platform/excel/excel.module';
import { BackupsModule } from './platform/backup/backups.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { AdministrationModule } from './modules/administration/administration.module';
import { InformationModule } from './modules/information/information.module';
import { AssessmentModule } from './modules/assessment/assessment.module';
import { LogisticsModule } from './modules/logistics/logistics.module';
import { RetentionModule } from './platform/retention/retention.module';

/** Settings the app is built with: the checked config and the database it runs on. */
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
      ],
      exports: [APP_CONFIG, DATABASE_URL],
    };
  }
}

/**
 * The whole API: the platform every module uses, then one module per guide chapter as they
 * arrive. The database URL is resolved before the app is built (embedded or DATABASE_URL).
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, databaseUrl),
        TypeOrmModule.forRoot({ ...typeOrmOptions(databaseUrl), retryAttempts: 3, retryDelay: 1000 }),
        JobsModule,
        AuditModule,
        AuthModule,
        OrgModule,
        AccessModule,
        WatermarkModule,
        FilesModule,
        InboxModule,
        NotificationsModule,
        ApprovalsModule,
        IntegrationModule,
        CalendarModule,
        ExcelModule,
        RetentionModule,
        BackupsModule,
        DocumentsModule,
        MeetingsModule,
        AdministrationModule,
        InformationModule,
        LogisticsModule,
        AssessmentModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
