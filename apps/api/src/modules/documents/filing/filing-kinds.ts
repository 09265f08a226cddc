import type { DocumentSecrecy } from '@xiaoban/shared';
import type { EntityManager } from 'typeorm';
import type { AttachmentDto } from '../../../platform/files/files.dto';
import type { RequestContext } from '../../../platform/http/request-context';

/** A finished document waiting for the archive (待归档, DOC-11). */
export interface FilingCandidate {
  kind: string;
  kindLabel: string;
  id: string;
  number: string | null;
  title: string;
  secrecy: DocumentSecrecy;
  /** 保管期限 code of libs/shared (`permanent`, `30-years`, `10-years`). */
  retention: string;
  /** YYYY-MM-DD: the document's date (成文日期, or the day it was received). */
  documentDate: string;
  readyToFileAt: string;
}

/**
 * What the archive needs to take a document in (ADM-8): its catalogue fields, its history and its
 * files. The archive reads the files through FilesService with the owner named here.
 */
export interface FilingDescription extends FilingCandidate {
  /** 责任者: who issued it (the sender of an incoming document, the school for an outgoing one). */
  responsible: string;
  /** Other numbers the document carries (e.g. the sender's 来文字号). */
  otherNumber: string | null;
  pages: number;
  copies: number;
  /** The owner of the attachments in platform/files. */
  fileOwner: { type: string; id: string };
  files: AttachmentDto[];
  /** The document's history, oldest first, from the audit log. */
  history: { at: string; action: string; actor: string | null }[];
}

/**
 * A kind of document that takes part in filing. Incoming documents are registered here by the
 * documents module; outgoing ones plug in the same way.
 */
export interface FilingKind {
  kind: string;
  label: string;
  /** Marks a finished document ready to file; 409 FILING_NOT_READY when it is not finished. */
  markReady(manager: EntityManager, id: string, ctx: RequestContext): Promise<void>;
  listReady(manager: EntityManager): Promise<Omit<FilingCandidate, 'kind' | 'kindLabel'>[]>;
  describe(manager: EntityManager, id: string): Promise<Omit<FilingDescription, 'kind' | 'kindLabel' | 'files' | 'history'> | null>;
  /** Records that the archive took it, with its reference (档号); 409 FILING_NOT_READY when it was not ready. */
  markFiled(manager: EntityManager, id: string, archiveRef: string, ctx: RequestContext): Promise<void>;
}
