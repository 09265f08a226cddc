import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ARCHIVE_CATEGORY_CODE_PATTERN, documentTypeOfTitle, type RetentionPeriod } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { categoryExists, isUniqueViolation, orgCodeExists } from './archive-errors';
import { ArchiveCategory, ArchiveOrgCode, ArchiveRetentionRule, ArchiveSettings } from './archive.entities';
import type {
  ArchiveCategoryDto,
  ArchiveClassificationDto,
  ArchiveOrgCodeDto,
  ArchiveRetentionRuleDto,
  ArchiveSettingsDto,
  CreateArchiveCategoryDto,
  CreateArchiveOrgCodeDto,
  CreateArchiveRetentionRuleDto,
  UpdateArchiveRetentionRuleDto,
  UpdateArchiveSettingsDto,
} from './archives.dto';

const SETTINGS_ID = 1;
const OBJECT = 'archive-classification';

const toRuleDto = (r: ArchiveRetentionRule): ArchiveRetentionRuleDto => ({
  id: r.id,
  categoryCode: r.categoryCode,
  scope: r.scope,
  retention: r.retention,
  documentType: r.documentType,
  sortOrder: r.sortOrder,
  version: r.version,
});

/**
 * Classification of the archive (ADM-7): 全宗号 and 机构/问题 (settings), the 门类, the 机构/问题 codes,
 * and the school's retention schedule (归档范围与保管期限表), which filing uses for its defaults.
 */
@Injectable()
export class ArchiveClassificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async settings(manager: EntityManager = this.dataSource.manager): Promise<ArchiveSettingsDto> {
    const s = await manager.findOneByOrFail(ArchiveSettings, { id: SETTINGS_ID });
    return { fondsCode: s.fondsCode, fondsName: s.fondsName, orgMode: s.orgMode, version: s.version };
  }

  async classification(): Promise<ArchiveClassificationDto> {
    const manager = this.dataSource.manager;
    const [settings, categories, orgCodes, schedule] = await Promise.all([
      this.settings(manager),
      manager.find(ArchiveCategory, { order: { sortOrder: 'ASC', code: 'ASC' } }),
      manager.find(ArchiveOrgCode, { relations: { department: true }, order: { code: 'ASC' } }),
      manager.find(ArchiveRetentionRule, { order: { categoryCode: 'ASC', sortOrder: 'ASC', id: 'ASC' } }),
    ]);
    return {
      settings,
      categories: categories.map((c): ArchiveCategoryDto => ({ code: c.code, name: c.name, sortOrder: c.sortOrder, active: c.active })),
      orgCodes: orgCodes.map((o): ArchiveOrgCodeDto => ({
        code: o.code,
        name: o.name,
        department: o.department ? { id: o.department.id, name: o.department.name } : null,
      })),
      schedule: schedule.map(toRuleDto),
    };
  }

  async updateSettings(dto: UpdateArchiveSettingsDto, ctx: RequestContext): Promise<ArchiveSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const changes: Record<string, unknown> = {};
      for (const key of ['fondsCode', 'fondsName', 'orgMode'] as const) if (dto[key] !== undefined) changes[key] = dto[key];
      await updateVersioned(manager, ArchiveSettings, String(SETTINGS_ID), dto.version, changes, 'archive settings');
      await this.audit.record(manager, ctx, { action: 'archive.settings.update', objectType: OBJECT, details: changes });
      return this.settings(manager);
    });
  }

  async createCategory(dto: CreateArchiveCategoryDto, ctx: RequestContext): Promise<ArchiveCategoryDto> {
    return this.dataSource.transaction(async (manager) => {
      const [{ next }] = await manager.query('SELECT COALESCE(max(sort_order), 0) + 10 AS next FROM archive_categories');
      try {
        await manager.insert(ArchiveCategory, { code: dto.code, name: dto.name, sortOrder: Number(next), active: true });
      } catch (error) {
        if (isUniqueViolation(error)) throw categoryExists(dto.code);
        throw error;
      }
      await this.audit.record(manager, ctx, { action: 'archive.category.create', objectType: OBJECT, details: { ...dto } });
      return { code: dto.code, name: dto.name, sortOrder: Number(next), active: true };
    });
  }

  async createOrgCode(dto: CreateArchiveOrgCodeDto, ctx: RequestContext): Promise<ArchiveOrgCodeDto> {
    return this.dataSource.transaction(async (manager) => {
      let department: { id: string; name: string } | null = null;
      if (dto.departmentId) {
        [department] = await manager.query('SELECT id, name FROM departments WHERE id = $1', [dto.departmentId]);
        if (!department) throw badRequest('No such department', { departmentId: ['no department has this id'] });
      }
      try {
        await manager.insert(ArchiveOrgCode, { code: dto.code, name: dto.name, departmentId: dto.departmentId ?? null });
      } catch (error) {
        if (isUniqueViolation(error)) throw orgCodeExists(dto.code);
        throw error;
      }
      await this.audit.record(manager, ctx, { action: 'archive.org-code.create', objectType: OBJECT, details: { ...dto } });
      return { code: dto.code, name: dto.name, department };
    });
  }

  async createRule(dto: CreateArchiveRetentionRuleDto, ctx: RequestContext): Promise<ArchiveRetentionRuleDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertCategory(manager, dto.categoryCode, 'categoryCode');
      const rule = manager.create(ArchiveRetentionRule, {
        categoryCode: dto.categoryCode,
        scope: dto.scope,
        retention: dto.retention,
        documentType: dto.documentType ?? null,
        sortOrder: dto.sortOrder ?? 0,
      });
      await manager.insert(ArchiveRetentionRule, rule);
      await this.audit.record(manager, ctx, {
        action: 'archive.schedule.create',
        objectType: OBJECT,
        objectId: rule.id,
        details: { ...dto },
      });
      return toRuleDto(await manager.findOneByOrFail(ArchiveRetentionRule, { id: rule.id }));
    });
  }

  async updateRule(id: string, dto: UpdateArchiveRetentionRuleDto, ctx: RequestContext): Promise<ArchiveRetentionRuleDto> {
    return this.dataSource.transaction(async (manager) => {
      const changes: Record<string, unknown> = {};
      for (const key of ['scope', 'retention', 'documentType'] as const) if (dto[key] !== undefined) changes[key] = dto[key];
      await updateVersioned(manager, ArchiveRetentionRule, id, dto.version, changes, 'retention schedule row');
      await this.audit.record(manager, ctx, { action: 'archive.schedule.update', objectType: OBJECT, objectId: id, details: changes });
      return toRuleDto(await manager.findOneByOrFail(ArchiveRetentionRule, { id }));
    });
  }

  async deleteRule(id: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(ArchiveRetentionRule, { id });
      if (!result.affected) throw notFound('retention schedule row');
      await this.audit.record(manager, ctx, { action: 'archive.schedule.delete', objectType: OBJECT, objectId: id });
    });
  }

  /**
   * What filing a document defaults to (ADM-7, DOC-11): the first row of the schedule naming its
   * 文种 (read from the end of its title) gives the 门类 and 保管期限; without one, 文书 (WS) and the
   * document's own period.
   */
  async defaultsFor(
    manager: EntityManager,
    title: string,
    documentRetention: RetentionPeriod,
  ): Promise<{ categoryCode: string; retention: RetentionPeriod }> {
    const documentType = documentTypeOfTitle(title);
    if (documentType) {
      const rule = await manager.findOne(ArchiveRetentionRule, {
        where: { documentType },
        order: { sortOrder: 'ASC', id: 'ASC' },
      });
      if (rule) return { categoryCode: rule.categoryCode, retention: rule.retention };
    }
    return { categoryCode: 'WS', retention: documentRetention };
  }

  /** The 机构代码 a filed document defaults to: the office's (BGS, which files the school's documents), else the first. */
  async defaultOrgCode(manager: EntityManager): Promise<string | null> {
    const [first] = await manager.query(`SELECT code FROM archive_org_codes ORDER BY (code = 'BGS') DESC, code LIMIT 1`);
    return first?.code ?? null;
  }

  async assertCategory(manager: EntityManager, code: string, field: string): Promise<ArchiveCategory> {
    const category = ARCHIVE_CATEGORY_CODE_PATTERN.test(code) ? await manager.findOneBy(ArchiveCategory, { code }) : null;
    if (!category || !category.active) throw badRequest('No such 门类', { [field]: ['no active category has this code'] });
    return category;
  }

  async assertOrgCode(manager: EntityManager, code: string, field: string): Promise<void> {
    if (!(await manager.existsBy(ArchiveOrgCode, { code }))) throw badRequest('No such 机构/问题 code', { [field]: ['no code like this'] });
  }
}
