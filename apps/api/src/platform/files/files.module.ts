import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { FileEncryption } from './file-encryption';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { FILE_STORAGE } from './storage/file-storage';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { S3Storage } from './storage/s3.storage';

/** Files for every module (PLT-5): storage on local disk or S3, encryption at rest, downloads through the owning object. */
@Global()
@Module({
  controllers: [FilesController],
  providers: [
    {
      provide: FILE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.s3 ? new S3Storage(config.s3) : new LocalDiskStorage(join(config.dataDir, 'files'))),
    },
    {
      provide: FileEncryption,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new FileEncryption(config.fileEncryptionKey, config.dataDir),
    },
    FilesService,
  ],
  exports: [FilesService, FILE_STORAGE],
})
export class FilesModule {}
