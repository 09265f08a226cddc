import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** Object access (REQ-3, NFR-3): one service every module asks whether a person may see or change an object. */
@Global()
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
