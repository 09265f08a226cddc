import { Injectable } from '@nestjs/common';
import type { SecrecyLevel } from '@xiaoban/shared';
import type { EntityManager } from 'typeorm';

/** What a loan shows of the item it lends. */
export interface LendableItem {
  title: string;
  secrecy: SecrecyLevel;
}

/**
 * A kind of item that may be lent (外借): classified incoming documents first, archive items once
 * the archive lands. Each kind says how to describe an item and under which resource type of the
 * access service its reads are checked — the loan's grant is made on that type.
 */
export interface LendableKind {
  /** e.g. `incoming-document`; stored on the loan. */
  kind: string;
  label: { 'zh-CN': string; en: string };
  /** The access service's resource type of the item (the grant's object type). */
  resourceType: string;
  /** The item's title and secrecy, or null when it does not exist. No access check. */
  describe: (manager: EntityManager, id: string) => Promise<LendableItem | null>;
}

/** The kinds of item classified lending (ADM-10) can lend; modules register theirs at start-up. */
@Injectable()
export class LendableKindRegistry {
  private readonly kinds = new Map<string, LendableKind>();

  register(kind: LendableKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`Lendable kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  get(kind: string): LendableKind | undefined {
    return this.kinds.get(kind);
  }

  all(): LendableKind[] {
    return [...this.kinds.values()];
  }
}
