import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  applyMasking,
  DESENSITISATION_ERRORS,
  scanSensitive,
  SENSITIVE_KIND_LABELS,
  unresolvedFindings,
  type FindingDecision,
  type SensitiveFinding,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import { ApiError, conflict, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import type {
  CreateNameListDto,
  DesensitiseApplyResultDto,
  FindingDecisionDto,
  NameListDetailDto,
  NameListDto,
  UpdateNameListDto,
} from './desensitisation.dto';
import { SensitiveName, SensitiveNameList } from './name-list.entity';

const NAME_LIST = 'sensitive-name-list';

const asDecision = (d: FindingDecisionDto): FindingDecision =>
  d.action === 'keep' ? { key: d.key, action: 'keep', reason: d.reason ?? '' } : { key: d.key, action: 'mask' };

/** 422 keyed by each unresolved finding's key: the author must mask it or keep it with a reason. */
export const findingsUnresolved = (findings: SensitiveFinding[]) =>
  new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    DESENSITISATION_ERRORS.FINDINGS_UNRESOLVED,
    `${findings.length} finding(s) of personal data need a decision: mask, or keep with a reason`,
    Object.fromEntries(
      findings.map((f) => [f.key, [`${SENSITIVE_KIND_LABELS[f.kind]['zh-CN']}「${f.text}」未处理：请脱敏或说明保留理由`]]),
    ),
  );

/**
 * Desensitisation (脱敏, INF-2): the name lists the school keeps, and the check itself. Notices and
 * other published text call `scan` for the preview and `resolve` before they publish: a text with
 * a finding left undecided is refused.
 */
@Injectable()
export class DesensitisationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every name on every list, once. A school's lists hold a few thousand names: small enough to read per check. */
  private async listedNames(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { name: string }[] = await manager.query('SELECT DISTINCT name FROM sensitive_names');
    return rows.map((r) => r.name);
  }

  async scan(text: string, manager?: EntityManager): Promise<SensitiveFinding[]> {
    return scanSensitive(text, { names: await this.listedNames(manager) });
  }

  /**
   * The text with the author's decisions applied. Refused with 422 while any finding has no decision;
   * decisions about text no longer present are ignored (the author may have edited it away).
   */
  async resolve(
    text: string,
    decisions: FindingDecisionDto[],
    manager?: EntityManager,
  ): Promise<{ text: string; maskedCount: number; kept: { key: string; reason: string }[] }> {
    const findings = await this.scan(text, manager);
    const asDecisions = decisions.map(asDecision);
    const unresolved = unresolvedFindings(findings, asDecisions);
    if (unresolved.length) throw findingsUnresolved(unresolved);
    const present = new Set(findings.map((f) => f.key));
    const masking = new Set(asDecisions.filter((d) => d.action === 'mask').map((d) => d.key));
    return {
      text: applyMasking(text, findings, asDecisions),
      maskedCount: findings.filter((f) => masking.has(f.key)).length,
      kept: asDecisions.flatMap((d) => (d.action === 'keep' && present.has(d.key) ? [{ key: d.key, reason: d.reason.trim() }] : [])),
    };
  }

  /**
   * Several texts checked together (a notice's title and body): the names are read once, every open
   * finding in any of them is reported in one 422, and each text comes back masked as decided.
   */
  async maskAll(texts: string[], decisions: FindingDecisionDto[], manager?: EntityManager): Promise<string[]> {
    const names = await this.listedNames(manager);
    const asDecisions = decisions.map(asDecision);
    const scanned = texts.map((text) => ({ text, findings: scanSensitive(text, { names }) }));
    const unresolved = scanned.flatMap((s) => unresolvedFindings(s.findings, asDecisions));
    if (unresolved.length) throw findingsUnresolved(unresolved);
    return scanned.map((s) => applyMasking(s.text, s.findings, asDecisions));
  }

  /** The check as the panel's tool runs it; what was kept and why goes to the audit log (without the text). */
  async apply(text: string, decisions: FindingDecisionDto[], ctx: RequestContext): Promise<DesensitiseApplyResultDto> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.resolve(text, decisions, manager);
      await this.audit.record(manager, ctx, {
        action: 'information.desensitise.apply',
        objectType: 'desensitisation',
        details: { maskedCount: result.maskedCount, kept: result.kept.map((k) => ({ kind: k.key.split(':')[0], reason: k.reason })) },
      });
      return result;
    });
  }

  // ---------- name lists (脱敏名单) ----------

  async listNameLists(): Promise<NameListDto[]> {
    const rows: { id: string; name: string; description: string | null; updated_at: Date; version: number; name_count: number }[] =
      await this.dataSource.query(
        `SELECT l.id, l.name, l.description, l.updated_at, l.version,
                (SELECT count(*)::int FROM sensitive_names n WHERE n.list_id = l.id) AS name_count
           FROM sensitive_name_lists l ORDER BY l.name`,
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      nameCount: r.name_count,
      updatedAt: new Date(r.updated_at).toISOString(),
      version: r.version,
    }));
  }

  async getNameList(id: string, manager: EntityManager = this.dataSource.manager): Promise<NameListDetailDto> {
    const list = await manager.findOneBy(SensitiveNameList, { id });
    if (!list) throw notFound('name list');
    const names = (await manager.query('SELECT name FROM sensitive_names WHERE list_id = $1 ORDER BY name', [id])) as { name: string }[];
    return {
      id: list.id,
      name: list.name,
      description: list.description,
      nameCount: names.length,
      updatedAt: list.updatedAt.toISOString(),
      version: list.version,
      names: names.map((n) => n.name),
    };
  }

  private async assertNameFree(manager: EntityManager, name: string, exceptId?: string): Promise<void> {
    const taken = await manager.findOneBy(SensitiveNameList, { name });
    if (taken && taken.id !== exceptId) {
      throw conflict(DESENSITISATION_ERRORS.NAME_LIST_EXISTS, `A name list called ${name} exists`, { name: ['名单名称已存在'] });
    }
  }

  private async replaceNames(manager: EntityManager, listId: string, names: string[]): Promise<void> {
    await manager.delete(SensitiveName, { listId });
    const unique = [...new Set(names)];
    // One statement for the whole list: a school's student list is thousands of rows.
    if (unique.length) {
      await manager.query('INSERT INTO sensitive_names (list_id, name) SELECT $1, unnest($2::varchar[])', [listId, unique]);
    }
  }

  async createNameList(dto: CreateNameListDto, ctx: RequestContext): Promise<NameListDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(manager, dto.name);
      const list = manager.create(SensitiveNameList, { name: dto.name, description: dto.description || null });
      await manager.insert(SensitiveNameList, list);
      await this.replaceNames(manager, list.id, dto.names ?? []);
      await this.audit.record(manager, ctx, {
        action: 'information.name-list.create',
        objectType: NAME_LIST,
        objectId: list.id,
        details: { name: dto.name, nameCount: new Set(dto.names ?? []).size },
      });
      return this.getNameList(list.id, manager);
    });
  }

  async updateNameList(id: string, dto: UpdateNameListDto, ctx: RequestContext): Promise<NameListDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.getNameList(id, manager);
      if (dto.name !== undefined) await this.assertNameFree(manager, dto.name, id);
      const changes: Record<string, unknown> = { updatedAt: () => 'now()' };
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.description !== undefined) changes.description = dto.description || null;
      await updateVersioned(manager, SensitiveNameList, id, dto.version, changes, 'name list');
      if (dto.names) await this.replaceNames(manager, id, dto.names);
      const after = await this.getNameList(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'information.name-list.update',
        objectType: NAME_LIST,
        objectId: id,
        before: { name: before.name, description: before.description, nameCount: before.nameCount },
        after: { name: after.name, description: after.description, nameCount: after.nameCount },
      });
      return after;
    });
  }

  async deleteNameList(id: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const list = await this.getNameList(id, manager);
      await manager.delete(SensitiveNameList, { id });
      await this.audit.record(manager, ctx, {
        action: 'information.name-list.delete',
        objectType: NAME_LIST,
        objectId: id,
        details: { name: list.name, nameCount: list.nameCount },
      });
    });
  }
}
