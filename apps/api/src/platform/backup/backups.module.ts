import { Module } from '@nestjs/common';
import { BackupsController } from './backups.controller';
import { BackupsService } from './backups.service';

/** Backup and restore (NFR-8). `pnpm backup` / `pnpm restore` use the same archive code (backup-cli.ts). */
@Module({ controllers: [BackupsController], providers: [BackupsService], exports: [BackupsService] })
export class BackupsModule {}
