import { HttpStatus, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MAINTENANCE_ERRORS, PERMISSIONS, PLATFORM_ERRORS, inspectionPeriodEnd, inspectionPeriodKey, schoolDateOf } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import { ApiError, badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { JobsService } from '../../../platform/jobs/jobs.service';
import type {
  CreateInspectionTemplateDto,
  InspectionRoundDetailDto,
  InspectionRoundDto,
  InspectionTemplateDto,
  QueryInspectionRoundsDto,
  RecordInspectionDto,
  UpdateInspectionTemplateDto,
} from './maintenance.dto';
import { InspectionResultRow, InspectionRound, InspectionTemplate, InspectionTemplateItem } from './maintenance.entities';
import { MaintenanceService } from './maintenance.service';
import { toRef } from '../../../platform/org/refs';

const ROUNDS_JOB = 'maintenance-inspection-rounds';

/**
 * Facility inspections (设施巡查, LOG-10): a checklist per area (template with items) and a
 * frequency; a daily job opens the round of each active template's current period (one per
 * period, so reruns change nothing); an inspector records pass/fail per item, and each failed
 * item raises a maintenance request linked to its result (source `inspection`), at most one open
 * per checklist item.
 */
@Injectable()
export class InspectionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly maintenance: MaintenanceService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: ROUNDS_JOB,
      cron: '0 6 * * *',
      handler: async () => {
        await this.openDueRounds();
      },
    });
  }

  private today(): string {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  // ---------- templates ----------

  async listTemplates(): Promise<InspectionTemplateDto[]> {
    const templates = await this.dataSource.manager.find(InspectionTemplate, {
      relations: { location: true, inspector: true },
      order: { active: 'DESC', name: 'ASC' },
    });
    return this.toTemplateDtos(this.dataSource.manager, templates);
  }

  private async toTemplateDtos(manager: EntityManager, templates: InspectionTemplate[]): Promise<InspectionTemplateDto[]> {
    const ids = templates.map((t) => t.id);
    const items = ids.length
      ? await manager
          .createQueryBuilder(InspectionTemplateItem, 'i')
          .where('i.templateId IN (:...ids)', { ids })
          .orderBy('i.position', 'ASC')
          .getMany()
      : [];
    const paths = await this.maintenance.locationPaths(
      manager,
      templates.map((t) => t.locationId),
    );
    return templates.map((t) => ({
      id: t.id,
      name: t.name,
      location: { id: t.locationId, name: t.location?.name ?? '' },
      locationPath: paths.get(t.locationId) ?? '',
      frequency: t.frequency,
      inspector: toRef(t.inspector),
      active: t.active,
      items: items
        .filter((i) => i.templateId === t.id)
        .map((i) => ({ id: i.id, position: i.position, text: i.text, category: i.category })),
      version: t.version,
    }));
  }

  private async template(manager: EntityManager, id: string): Promise<InspectionTemplateDto> {
    const template = await manager.findOne(InspectionTemplate, { where: { id }, relations: { location: true, inspector: true } });
    if (!template) throw notFound('inspection-template');
    return (await this.toTemplateDtos(manager, [template]))[0];
  }

  async createTemplate(dto: CreateInspectionTemplateDto, ctx: RequestContext): Promise<InspectionTemplateDto> {
    return this.dataSource.transaction(async (manager) => {
      const [location] = await manager.query('SELECT 1 FROM maintenance_locations WHERE id = $1 AND active', [dto.locationId]);
      if (!location) throw badRequest('No such location', { locationId: ['no active location has this id'] });
      if (dto.inspectorId) await this.assertInspector(manager, dto.inspectorId);
      const template = manager.create(InspectionTemplate, {
        name: dto.name,
        locationId: dto.locationId,
        frequency: dto.frequency,
        inspectorId: dto.inspectorId ?? null,
        active: true,
      });
      await manager.insert(InspectionTemplate, template);
      await manager.insert(
        InspectionTemplateItem,
        dto.items.map((item, position) => ({ templateId: template.id, position, text: item.text, category: item.category })),
      );
      await this.audit.record(manager, ctx, {
        action: 'logistics.inspection-template.create',
        objectType: 'inspection-template',
        objectId: template.id,
        details: { name: dto.name, frequency: dto.frequency, items: dto.items.length },
      });
      return this.template(manager, template.id);
    });
  }

  async updateTemplate(id: string, dto: UpdateInspectionTemplateDto, ctx: RequestContext): Promise<InspectionTemplateDto> {
    return this.dataSource.transaction(async (manager) => {
      const changes: Partial<InspectionTemplate> = {};
      if (dto.active !== undefined) changes.active = dto.active;
      if (dto.inspectorId !== undefined) {
        if (dto.inspectorId) await this.assertInspector(manager, dto.inspectorId);
        changes.inspectorId = dto.inspectorId;
      }
      await updateVersioned(manager, InspectionTemplate, id, dto.version, changes, 'inspection-template');
      await this.audit.record(manager, ctx, {
        action: 'logistics.inspection-template.update',
        objectType: 'inspection-template',
        objectId: id,
        details: { ...changes },
      });
      return this.template(manager, id);
    });
  }

  private async assertInspector(manager: EntityManager, userId: string): Promise<void> {
    const [user] = await manager.query(
      `SELECT 1 FROM users u WHERE u.id = $1 AND u.active
          AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND $2 = ANY(r.permissions))`,
      [userId, PERMISSIONS.LOGISTICS_INSPECTIONS_RECORD],
    );
    if (!user) throw badRequest('Not an inspector', { inspectorId: ['no active person records inspections with this id'] });
  }

  // ---------- rounds ----------

  /** Opens the round of the template's current period, or returns the one already open for it. */
  async openRound(templateId: string, ctx: RequestContext, today: string = this.today()): Promise<InspectionRoundDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const template = await manager.findOneBy(InspectionTemplate, { id: templateId });
      if (!template) throw notFound('inspection-template');
      if (!template.active) throw conflict(MAINTENANCE_ERRORS.INSPECTION_ROUND_CLOSED, 'The checklist is not in use');
      const roundId = await this.ensureRound(manager, template, today);
      await this.audit.record(manager, ctx, {
        action: 'logistics.inspection-round.open',
        objectType: 'inspection-round',
        objectId: roundId,
        details: { templateId },
      });
      return roundId;
    });
    return this.getRound(id);
  }

  private async ensureRound(manager: EntityManager, template: InspectionTemplate, today: string): Promise<string> {
    const periodKey = inspectionPeriodKey(today, template.frequency);
    await manager.query(
      `INSERT INTO inspection_rounds (template_id, period_key, due_on) VALUES ($1, $2, $3) ON CONFLICT (template_id, period_key) DO NOTHING`,
      [template.id, periodKey, inspectionPeriodEnd(today, template.frequency)],
    );
    const [row] = await manager.query('SELECT id FROM inspection_rounds WHERE template_id = $1 AND period_key = $2', [
      template.id,
      periodKey,
    ]);
    return row.id;
  }

  /** The daily job: every active checklist has its round for the current period. `today` is for tests. */
  async openDueRounds(today: string = this.today()): Promise<{ opened: number }> {
    return this.dataSource.transaction(async (manager) => {
      const before: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM inspection_rounds');
      for (const template of await manager.find(InspectionTemplate, { where: { active: true } }))
        await this.ensureRound(manager, template, today);
      const after: { n: number }[] = await manager.query('SELECT count(*)::int AS n FROM inspection_rounds');
      const opened = after[0].n - before[0].n;
      if (opened) {
        await this.audit.record(manager, SYSTEM_CONTEXT, {
          action: 'logistics.inspection-round.open-due',
          objectType: 'inspection-round',
          objectId: null,
          details: { opened, today },
        });
      }
      return { opened };
    });
  }

  async listRounds(query: QueryInspectionRoundsDto): Promise<Page<InspectionRoundDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(InspectionRound, 'r')
      .leftJoinAndSelect('r.template', 'template')
      .leftJoinAndSelect('r.completedBy', 'completedBy')
      .orderBy('r.status', 'DESC')
      .addOrderBy('r.dueOn', 'ASC')
      .addOrderBy('r.id', 'ASC');
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.templateId) qb.andWhere('r.templateId = :templateId', { templateId: query.templateId });
    const page = await paginate(qb, query, (r) => r);
    const paths = await this.maintenance.locationPaths(
      this.dataSource.manager,
      page.items.map((r) => r.template!.locationId),
    );
    return { ...page, items: page.items.map((r) => this.toRoundDto(r, paths)) };
  }

  private toRoundDto(r: InspectionRound, paths: Map<string, string>): InspectionRoundDto {
    return {
      id: r.id,
      template: { id: r.templateId, name: r.template?.name ?? '' },
      locationPath: paths.get(r.template?.locationId ?? '') ?? '',
      periodKey: r.periodKey,
      dueOn: r.dueOn,
      status: r.status,
      completedBy: toRef(r.completedBy),
      completedAt: r.completedAt?.toISOString() ?? null,
    };
  }

  async getRound(id: string, manager: EntityManager = this.dataSource.manager): Promise<InspectionRoundDetailDto> {
    const round = await manager.findOne(InspectionRound, { where: { id }, relations: { template: true, completedBy: true } });
    if (!round) throw notFound('inspection-round');
    const [items, results, paths] = await Promise.all([
      manager.find(InspectionTemplateItem, { where: { templateId: round.templateId }, order: { position: 'ASC' } }),
      manager.find(InspectionResultRow, { where: { roundId: id } }),
      this.maintenance.locationPaths(manager, [round.template!.locationId]),
    ]);
    const byItem = new Map(results.map((r) => [r.itemId, r]));
    return {
      ...this.toRoundDto(round, paths),
      results: items.map((item) => {
        const result = byItem.get(item.id);
        return {
          itemId: item.id,
          text: item.text,
          category: item.category,
          result: result?.result ?? null,
          remark: result?.remark ?? null,
          requestId: result?.requestId ?? null,
        };
      }),
    };
  }

  /**
   * Records results of a round (again, until it is completed: the latest result counts). Each
   * failure raises a repair request at the checklist's area, in the same transaction.
   */
  async record(id: string, dto: RecordInspectionDto, ctx: RequestContext): Promise<InspectionRoundDetailDto> {
    const actor = ctx.actor!;
    return this.dataSource.transaction(async (manager) => {
      const round = await manager.findOne(InspectionRound, {
        where: { id },
        relations: { template: true },
        lock: { mode: 'pessimistic_write', tables: ['inspection_rounds'] },
      });
      if (!round) throw notFound('inspection-round');
      const template = round.template!;
      if (template.inspectorId && template.inspectorId !== actor.id && !actor.permissions.has(PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE)) {
        throw new ApiError(HttpStatus.FORBIDDEN, PLATFORM_ERRORS.FORBIDDEN, 'This checklist is walked by its named inspector');
      }
      if (round.status !== 'open') throw conflict(MAINTENANCE_ERRORS.INSPECTION_ROUND_CLOSED, 'The round is completed already');
      const items = await manager.find(InspectionTemplateItem, { where: { templateId: round.templateId } });
      const byId = new Map(items.map((i) => [i.id, i]));
      const unknown = dto.results.filter((r) => !byId.has(r.itemId));
      if (unknown.length)
        throw badRequest('Not an item of this checklist', { results: unknown.map((r) => `${r.itemId}: not an item of this checklist`) });
      let failed = 0;
      for (const input of dto.results) {
        const item = byId.get(input.itemId)!;
        const [row] = await manager.query(
          `INSERT INTO inspection_results (round_id, item_id, result, remark, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (round_id, item_id) DO UPDATE SET result = EXCLUDED.result, remark = EXCLUDED.remark,
             recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
           RETURNING id, request_id`,
          [id, item.id, input.result, input.remark || null, actor.id],
        );
        if (input.result !== 'fail' || row.request_id) continue;
        failed++;
        const raised = await this.maintenance.raiseRequest(manager, ctx, {
          source: 'inspection',
          category: item.category,
          locationId: template.locationId,
          description: `【巡查】${template.name}：${item.text}${input.remark ? `——${input.remark}` : ''}`,
          dedupeKey: `inspection:${template.id}:${item.id}`,
          inspectionResultId: row.id,
        });
        await manager.query('UPDATE inspection_results SET request_id = $2 WHERE id = $1', [row.id, raised.id]);
      }
      if (dto.complete) {
        const [missing] = await manager.query(
          `SELECT count(*)::int AS n FROM inspection_template_items i
            WHERE i.template_id = $1 AND NOT EXISTS (SELECT 1 FROM inspection_results r WHERE r.round_id = $2 AND r.item_id = i.id)`,
          [round.templateId, id],
        );
        if (missing.n > 0)
          throw badRequest('Every item needs a result before the round is completed', {
            results: [`${missing.n} item(s) without a result`],
          });
        await manager.update(InspectionRound, { id }, { status: 'completed', completedById: actor.id, completedAt: new Date() });
      }
      await this.audit.record(manager, ctx, {
        action: 'logistics.inspection-round.record',
        objectType: 'inspection-round',
        objectId: id,
        details: { results: dto.results.length, failed, complete: Boolean(dto.complete) },
      });
      return this.getRound(id, manager);
    });
  }
}
