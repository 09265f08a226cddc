import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IncomingService } from '../../documents/incoming/incoming.service';
import { LendableKindRegistry } from './lendable-kinds';

/** The access service's resource type of incoming documents (registered by the documents module). */
const INCOMING_DOCUMENT = 'incoming-document';

/** Classified incoming documents (涉密收文) are the first kind of item lent (ADM-10). */
@Injectable()
export class IncomingDocumentLendable implements OnModuleInit {
  constructor(
    private readonly registry: LendableKindRegistry,
    private readonly incoming: IncomingService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: INCOMING_DOCUMENT,
      label: { 'zh-CN': '涉密收文', en: 'Classified incoming document' },
      resourceType: INCOMING_DOCUMENT,
      describe: (manager, id) => this.incoming.describeForLoan(id, manager),
    });
  }
}
