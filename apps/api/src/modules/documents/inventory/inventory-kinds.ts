import type { DocumentSecrecy } from '@xiaoban/shared';
import type { EntityManager } from 'typeorm';

/** A paper record as the checklist shows it. */
export interface InventoryRecord {
  id: string;
  number: string | null;
  title: string;
  /** 份数 kept */
  copies: number;
  secrecy: DocumentSecrecy;
}

/**
 * A kind of paper record the office keeps and counts every month (DOC-9). Incoming documents are
 * registered by the documents module; outgoing retained copies plug in the same way.
 */
export interface InventoryKind {
  kind: string;
  label: string;
  /** Every paper item that should be in the office now: not filed to the archive, not destroyed. */
  paperItems(manager: EntityManager): Promise<InventoryRecord[]>;
  /** One record (found on a shelf though not on the checklist); null if there is none. */
  describe(manager: EntityManager, id: string): Promise<InventoryRecord | null>;
}
