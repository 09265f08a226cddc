import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ARCHIVE_ITEM } from '@xiaoban/shared';
import { ArchiveItemsService } from '../archives/archive-items.service';
import { LendableKindRegistry } from './lendable-kinds';

/** Classified archive items (涉密档案, ADM-8) are lent like classified incoming documents (ADM-10). */
@Injectable()
export class ArchiveItemLendable implements OnModuleInit {
  constructor(
    private readonly registry: LendableKindRegistry,
    private readonly archive: ArchiveItemsService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      kind: ARCHIVE_ITEM,
      label: { 'zh-CN': '涉密档案', en: 'Classified archive item' },
      resourceType: ARCHIVE_ITEM,
      describe: async (manager, id) => {
        const item = await this.archive.describeForLoan(manager, id);
        // An item without a secrecy level is 非密; the lending rules refuse it as not classified.
        return item ? { title: item.title, secrecy: item.secrecy ?? 'none' } : null;
      },
    });
  }
}
