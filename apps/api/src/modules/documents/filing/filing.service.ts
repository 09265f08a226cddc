import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FILING_ERRORS, clearanceCovers } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../../../platform/auth/principal';
import { FilesService } from '../../../platform/files/files.service';
import { ApiError } from '../../../platform/http/api-error';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import type { FilingCandidateDto } from './filing.dto';
import type { FilingCandidate, FilingDescription, FilingKind } from './filing-kinds';

const unknownKind = (kind: string) =>
  new ApiError(404, FILING_ERRORS.UNKNOWN_KIND, `No kind of document named ${kind} takes part in filing`);

/**
 * Filing (归档, DOC-11): finished documents are marked ready to file; the archive (administration,
 * ADM-8) lists them, reads what it needs and records that it took them. No archive here: this is
 * the service the archive calls.
 */
@Injectable()
export class FilingService {
  private readonly kinds = new Map<string, FilingKind>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FilesService,
  ) {}

  /** Called by each kind of document while the app starts (onModuleInit). */
  register(kind: FilingKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`Filing kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  private kind(kind: string): FilingKind {
    const found = this.kinds.get(kind);
    if (!found) throw unknownKind(kind);
    return found;
  }

  /** Marks a finished document ready to file (待归档). */
  async markReady(kind: string, id: string, ctx: RequestContext): Promise<void> {
    const filing = this.kind(kind);
    await this.dataSource.transaction((manager) => filing.markReady(manager, id, ctx));
  }

  /** Every document ready to file, oldest ready first. */
  async listReadyToFile(manager: EntityManager = this.dataSource.manager): Promise<FilingCandidate[]> {
    const all: FilingCandidate[] = [];
    for (const kind of this.kinds.values()) {
      for (const c of await kind.listReady(manager)) all.push({ ...c, kind: kind.kind, kindLabel: kind.label });
    }
    return all.sort((a, b) => a.readyToFileAt.localeCompare(b.readyToFileAt) || a.id.localeCompare(b.id));
  }

  /** The list for a person: titles above their clearance are left out. */
  async listReadyFor(viewer: Principal): Promise<FilingCandidateDto[]> {
    return (await this.listReadyToFile()).map((c) => {
      const visible = clearanceCovers(viewer.clearance, c.secrecy);
      return { ...c, title: visible ? c.title : '', titleHidden: !visible };
    });
  }

  /** Metadata, files and history of a document, for the archive to take it in; null if there is no such document. */
  async describe(kind: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<FilingDescription | null> {
    const filing = this.kind(kind);
    const found = await filing.describe(manager, id);
    if (!found) return null;
    const files = (await this.files.attachmentsOf(manager, found.fileOwner.type, [found.fileOwner.id])).get(found.fileOwner.id) ?? [];
    const history: { at: Date; action: string; actor_name: string | null }[] = await manager.query(
      `SELECT occurred_at AS at, action, actor_name FROM audit_log WHERE object_type = $1 AND object_id = $2 ORDER BY occurred_at, id`,
      [found.fileOwner.type, found.fileOwner.id],
    );
    return {
      ...found,
      kind,
      kindLabel: filing.label,
      files,
      history: history.map((h) => ({ at: new Date(h.at).toISOString(), action: h.action, actor: h.actor_name })),
    };
  }

  /**
   * The archive took the document, as `archiveRef` (档号): it is filed and leaves the ready list
   * and every future destruction proposal. Runs in the archive's transaction when given one.
   */
  async markFiled(
    kind: string,
    id: string,
    archiveRef: string,
    ctx: RequestContext = SYSTEM_CONTEXT,
    manager?: EntityManager,
  ): Promise<void> {
    const filing = this.kind(kind);
    if (manager) return filing.markFiled(manager, id, archiveRef, ctx);
    await this.dataSource.transaction((m) => filing.markFiled(m, id, archiveRef, ctx));
  }
}
