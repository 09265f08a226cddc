import { Global, Module } from '@nestjs/common';
import { ApprovalKindRegistry } from './approval-kinds';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';

/** Approval chains for every module (PLT-2): modules register kinds and submit requests. */
@Global()
@Module({
  controllers: [ApprovalsController],
  providers: [ApprovalKindRegistry, ApprovalsService],
  exports: [ApprovalKindRegistry, ApprovalsService],
})
export class ApprovalsModule {}
