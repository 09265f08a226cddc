import { HttpStatus, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LOCATION_KINDS,
  MAINTENANCE_CATEGORY_LABELS,
  MAINTENANCE_ERRORS,
  MAINTENANCE_OFFICE_ACTIONS,
  MAINTENANCE_OPEN_STATUSES,
  MAINTENANCE_REQUESTER_ACTIONS,
  MAINTENANCE_WORKER_ACTIONS,
  PERMISSIONS,
  PLATFORM_ERRORS,
  REPAIR_COST_APPROVAL_KIND,
  addDays,
  maintenanceActionsFrom,
  nextMaintenanceStatus,
  schoolDateOf,
  schoolTimeToInstant,
  type ApprovalStep,
  type MaintenanceAction,
  type MaintenanceCategory,
  type MaintenanceSource,
  type MaintenanceStatus,
  type MaintenanceUrgency,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { ApprovalKindRegistry, type ApprovalOutcome } from '../../../platform/approvals/approval-kinds';
import { ApprovalsService } from '../../../platform/approvals/approvals.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { CalendarService } from '../../../platform/calendar/calendar.service';
import { toAttachmentDto } from '../../../platform/files/files.mapper';
import { StoredFile } from '../../../platform/files/file.entity';
import { FilesService } from '../../../platform/files/files.service';
import { ApiError, badRequest, conflict, notFound, versionConflict } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { escapeLike, returnedRows } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import type {
  AssignMaintenanceRequestDto,
  CompleteMaintenanceRequestDto,
  ConfirmMaintenanceRequestDto,
  CreateLocationDto,
  LocationDto,
  MaintenanceNoteDto,
  MaintenanceRequestDetailDto,
  MaintenanceRequestDto,
  MaintenanceSettingsDto,
  QueryMaintenanceRequestsDto,
  QueryRepeatFaultsDto,
  RegisterMaintenanceRequestDto,
  RejectMaintenanceRequestDto,
  RepeatFaultReportDto,
  SubmitMaintenanceRequestDto,
  TriageMaintenanceRequestDto,
  UpdateLocationDto,
  UpdateMaintenanceSettingsDto,
} from './maintenance.dto';
import { MaintenanceLocation, MaintenanceRequest, MaintenanceRequestEvent, MaintenanceSettings } from './maintenance.entities';
import { toRef } from '../../../platform/org/refs';

/** The resource type of maintenance requests (visibility in libs/shared) and the owner type of their photos. */
export const MAINTENANCE_REQUEST = 'maintenance-request';
const SLA_JOB = 'maintenance-sla';
const link = (id: string) => `/logistics/repairs/${id}`;
const jobLink = (id: string) => `/logistics/maintenance/jobs?request=${id}`;
const OPEN = MAINTENANCE_OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * The default chain of `repair-cost`: a school leader approves an external repair whose cost is
 * above the configured amount (the settings' approvalThresholdFen). Admins edit it in the panel.
 */
export const REPAIR_COST_DEFAULT_STEPS: ApprovalStep[] = [
  { name: '校领导审批', approvers: { type: 'role', role: 'school-leader' }, mode: 'any', timeLimitHours: 48 },
];

/** What another module hands over when something it recorded needs a repair (MTG-4, LOG-10). */
export interface RaiseMaintenanceRequest {
  source: Extract<MaintenanceSource, 'inspection' | 'meeting-equipment'>;
  category: MaintenanceCategory;
  description: string;
  urgency?: MaintenanceUrgency;
  /** Either a location node, or a meeting room: its location node is found or made (one per room). */
  locationId?: string;
  meetingRoom?: { id: string; name: string };
  /** At most one open request per key: raising it again while one is open adds a note to that one instead. */
  dedupeKey: string;
  inspectionResultId?: string;
  equipmentTestId?: string;
}

const illegal = (action: string, status: string) =>
  conflict(MAINTENANCE_ERRORS.ILLEGAL_TRANSITION, `A request that is ${status} cannot be acted on with "${action}"`);
const forbidden = (code: string, message: string) => new ApiError(HttpStatus.FORBIDDEN, code, message);

/**
 * Maintenance requests (维修, LOG-9): reported from a phone or registered by the office, triaged
 * in-house or external (an external cost above the threshold waits for `repair-cost` approval),
 * assigned to a worker whose inbox gets the job, completed with a note and photos, and confirmed
 * and rated by the requester (a rejection reopens it). Every step is an event the requester sees.
 * The SLA deadline comes from the urgency; a job flags overdue requests and notifies.
 *
 * Each action locks the request row and checks the state machine of libs/shared and the
 * caller's version, so two actions at once give one change and one 409.
 */
@Injectable()
export class MaintenanceService implements OnModuleInit {
  private readonly logger = new Logger('Maintenance');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly inbox: InboxService,
    private readonly notifications: NotificationsService,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly jobs: JobsService,
    private readonly calendar: CalendarService,
  ) {}

  onModuleInit(): void {
    this.access.register(MAINTENANCE_REQUEST, {
      table: 'maintenance_requests',
      named: (o, me) =>
        `${o}.requester_id = ${me} OR ${o}.reported_by = ${me} OR ${o}.assignee_id = ${me}
         OR EXISTS (SELECT 1 FROM approval_tasks t WHERE t.request_id = ${o}.approval_request_id AND t.assignee_id = ${me})`,
      // Changes go through the actions, each with its own rule (MAINTENANCE_TRANSITIONS and the roles below).
      changers: () => 'false',
    });
    this.approvalKinds.register({
      kind: REPAIR_COST_APPROVAL_KIND,
      name: '维修费用审批',
      nameEn: 'Repair cost',
      defaultSteps: REPAIR_COST_DEFAULT_STEPS,
      onOutcome: (outcome, manager) => this.onOutcome(outcome, manager),
    });
    this.jobs.register({
      name: SLA_JOB,
      cron: '*/15 * * * *',
      handler: async () => {
        await this.flagOverdue();
      },
    });
  }

  // ---------- settings ----------

  async settings(manager: EntityManager = this.dataSource.manager): Promise<MaintenanceSettingsDto> {
    const s = await manager.findOneByOrFail(MaintenanceSettings, { id: 1 });
    return {
      approvalThresholdFen: s.approvalThresholdFen,
      urgentHours: s.urgentHours,
      normalWorkingDays: s.normalWorkingDays,
      lowWorkingDays: s.lowWorkingDays,
      repeatThreshold: s.repeatThreshold,
      repeatPeriodDays: s.repeatPeriodDays,
      version: s.version,
    };
  }

  async updateSettings(dto: UpdateMaintenanceSettingsDto, ctx: RequestContext): Promise<MaintenanceSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const { version, ...changes } = dto;
      const result = await manager
        .createQueryBuilder()
        .update(MaintenanceSettings)
        .set({ ...changes, version: () => 'version + 1' } as never)
        .where('id = 1 AND version = :version', { version })
        .execute();
      if (result.affected !== 1) throw versionConflict();
      await this.audit.record(manager, ctx, {
        action: 'logistics.maintenance.settings',
        objectType: 'maintenance-settings',
        objectId: null,
        details: changes,
      });
      return this.settings(manager);
    });
  }

  // ---------- locations ----------

  /** Every node with its path from the top, ordered as a tree. */
  async listLocations(manager: EntityManager = this.dataSource.manager): Promise<LocationDto[]> {
    const rows: {
      id: string;
      parent_id: string | null;
      kind: string;
      name: string;
      meeting_room_id: string | null;
      active: boolean;
      path: string;
    }[] = await manager.query(
      `WITH RECURSIVE tree AS (
           SELECT l.*, l.name::text AS path, ARRAY[l.name::text] AS sort FROM maintenance_locations l WHERE l.parent_id IS NULL
           UNION ALL
           SELECT c.*, t.path || ' / ' || c.name, t.sort || c.name::text FROM maintenance_locations c JOIN tree t ON c.parent_id = t.id
         )
         SELECT id, parent_id, kind, name, meeting_room_id, active, path FROM tree ORDER BY sort`,
    );
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      kind: r.kind as LocationDto['kind'],
      name: r.name,
      path: r.path,
      meetingRoomId: r.meeting_room_id,
      active: r.active,
    }));
  }

  /** The paths of some locations, by id. */
  async locationPaths(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; path: string }[] = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT l.id AS start, l.parent_id, l.name::text AS path FROM maintenance_locations l WHERE l.id = ANY($1::uuid[])
         UNION ALL
         SELECT up.start, p.parent_id, p.name || ' / ' || up.path FROM up JOIN maintenance_locations p ON p.id = up.parent_id
       )
       SELECT start AS id, path FROM up WHERE parent_id IS NULL`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.path]));
  }

  async createLocation(dto: CreateLocationDto, ctx: RequestContext): Promise<LocationDto> {
    return this.dataSource.transaction(async (manager) => {
      if (dto.parentId) await this.assertParent(manager, dto.parentId, dto.kind, null);
      const [row] = await manager.query(
        `INSERT INTO maintenance_locations (parent_id, kind, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
        [dto.parentId ?? null, dto.kind, dto.name],
      );
      if (!row) throw badRequest('A location of this name is there already', { name: ['taken under this parent'] });
      await this.audit.record(manager, ctx, {
        action: 'logistics.location.create',
        objectType: 'maintenance-location',
        objectId: row.id,
        details: { ...dto },
      });
      return (await this.listLocations(manager)).find((l) => l.id === row.id)!;
    });
  }

  async updateLocation(id: string, dto: UpdateLocationDto, ctx: RequestContext): Promise<LocationDto> {
    return this.dataSource.transaction(async (manager) => {
      const location = await manager.findOne(MaintenanceLocation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!location) throw notFound('maintenance-location');
      const changes: Partial<MaintenanceLocation> = {};
      if (dto.parentId !== undefined) {
        if (dto.parentId) await this.assertParent(manager, dto.parentId, location.kind, id);
        changes.parentId = dto.parentId;
      }
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.active !== undefined) changes.active = dto.active;
      try {
        await manager.update(MaintenanceLocation, { id }, changes);
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          throw badRequest('A location of this name is there already', { name: ['taken under this parent'] });
        throw error;
      }
      await this.audit.record(manager, ctx, {
        action: 'logistics.location.update',
        objectType: 'maintenance-location',
        objectId: id,
        details: { ...dto },
      });
      return (await this.listLocations(manager)).find((l) => l.id === id)!;
    });
  }

  /** The parent exists, is of a higher kind (campus → building → floor → room), and is not the node itself or below it. */
  private async assertParent(manager: EntityManager, parentId: string, kind: string, selfId: string | null): Promise<void> {
    const parent = await manager.findOneBy(MaintenanceLocation, { id: parentId });
    if (!parent) throw badRequest('No such location', { parentId: ['no location has this id'] });
    if (LOCATION_KINDS.indexOf(parent.kind) >= LOCATION_KINDS.indexOf(kind as (typeof LOCATION_KINDS)[number])) {
      throw badRequest('A location sits under a larger one', { parentId: [`a ${kind} cannot sit under a ${parent.kind}`] });
    }
    if (selfId) {
      const [cycle] = await manager.query(
        `WITH RECURSIVE up AS (SELECT id, parent_id FROM maintenance_locations WHERE id = $1
           UNION ALL SELECT p.id, p.parent_id FROM maintenance_locations p JOIN up ON p.id = up.parent_id)
         SELECT 1 FROM up WHERE id = $2`,
        [parentId, selfId],
      );
      if (cycle) throw conflict(MAINTENANCE_ERRORS.LOCATION_IN_USE, 'A location cannot move under itself');
    }
  }

  /** The location node of a meeting room, made on first need (a room node at the top; the office may move it under its floor). */
  private async meetingRoomLocation(manager: EntityManager, room: { id: string; name: string }): Promise<string> {
    const find = async () =>
      (await manager.query('SELECT id FROM maintenance_locations WHERE meeting_room_id = $1', [room.id]))[0]?.id as string | undefined;
    const found = await find();
    if (found) return found;
    for (const name of [room.name, `${room.name}（${room.id.slice(0, 8)}）`]) {
      await manager.query(
        `INSERT INTO maintenance_locations (kind, name, meeting_room_id) VALUES ('room', $1, $2) ON CONFLICT DO NOTHING`,
        [name, room.id],
      );
      const made = await find();
      if (made) return made;
    }
    throw new Error(`Could not make a location for meeting room ${room.id}`);
  }

  // ---------- reporting a repair ----------

  async submit(dto: SubmitMaintenanceRequestDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    const actor = ctx.actor!;
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertLocation(manager, dto.locationId);
      return this.insert(manager, ctx, {
        fields: { ...this.common(dto), source: 'online', requesterId: actor.id, requesterName: null },
        event: 'submit',
        photoIds: dto.photoIds ?? [],
      });
    });
    return this.get(id, ctx);
  }

  async register(dto: RegisterMaintenanceRequestDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    if (!dto.requesterId && !dto.requesterName) {
      throw badRequest('Name the requester', { requesterName: ['a member of staff or the caller’s name'] });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertLocation(manager, dto.locationId);
      let requesterName = dto.requesterName || null;
      if (dto.requesterId) {
        const [user] = await manager.query('SELECT name FROM users WHERE id = $1 AND active', [dto.requesterId]);
        if (!user) throw badRequest('No such person', { requesterId: ['no active account has this id'] });
        requesterName = null;
      }
      return this.insert(manager, ctx, {
        fields: { ...this.common(dto), source: dto.source, requesterId: dto.requesterId ?? null, requesterName },
        event: 'register',
        photoIds: dto.photoIds ?? [],
      });
    });
    return this.get(id, ctx);
  }

  /**
   * A repair another module asks for, in its transaction (MTG-4: a failed equipment test; LOG-10:
   * a failed inspection item). The one who recorded the failure is the requester: they follow and
   * confirm it. While a request of the same `dedupeKey` is open, no second one is made: the open
   * one gets a note instead.
   */
  async raiseRequest(
    manager: EntityManager,
    ctx: RequestContext,
    input: RaiseMaintenanceRequest,
  ): Promise<{ id: string; created: boolean }> {
    const locationId = input.locationId ?? (input.meetingRoom ? await this.meetingRoomLocation(manager, input.meetingRoom) : undefined);
    if (!locationId) throw new Error('raiseRequest needs a location or a meeting room');
    const urgency = input.urgency ?? 'normal';
    const dueAt = await this.dueAt(manager, urgency, new Date());
    const [row] = returnedRows<{ id: string }>(
      await manager.query(
        `INSERT INTO maintenance_requests (category, location_id, description, urgency, source, requester_id, reported_by, status, due_at,
                                           dedupe_key, inspection_result_id, equipment_test_id)
         VALUES ($1, $2, $3, $4, $5, $6, $6, 'submitted', $7, $8, $9, $10)
         ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND status NOT IN ('confirmed', 'cancelled') DO NOTHING
         RETURNING id`,
        [
          input.category,
          locationId,
          input.description.slice(0, 2000),
          urgency,
          input.source,
          ctx.actor?.id ?? null,
          dueAt,
          input.dedupeKey,
          input.inspectionResultId ?? null,
          input.equipmentTestId ?? null,
        ],
      ),
    );
    if (row) {
      await this.event(manager, row.id, 'raise', null, 'submitted', ctx.actor?.id ?? null, input.description.slice(0, 1000));
      await this.audit.record(manager, ctx, {
        action: 'logistics.maintenance.raise',
        objectType: MAINTENANCE_REQUEST,
        objectId: row.id,
        details: { source: input.source, dedupeKey: input.dedupeKey },
      });
      return { id: row.id, created: true };
    }
    const [open] = await manager.query(
      `SELECT id, status FROM maintenance_requests WHERE dedupe_key = $1 AND status IN (${OPEN}) FOR UPDATE`,
      [input.dedupeKey],
    );
    await this.event(manager, open.id, 're-reported', open.status, open.status, ctx.actor?.id ?? null, input.description.slice(0, 1000));
    return { id: open.id, created: false };
  }

  private common(dto: SubmitMaintenanceRequestDto) {
    return {
      category: dto.category,
      locationId: dto.locationId,
      locationDetail: dto.locationDetail || null,
      description: dto.description,
      urgency: dto.urgency ?? ('normal' as const),
      contactPhone: dto.contactPhone || null,
    };
  }

  private async assertLocation(manager: EntityManager, id: string): Promise<void> {
    const [row] = await manager.query('SELECT 1 FROM maintenance_locations WHERE id = $1 AND active', [id]);
    if (!row) throw badRequest('No such location', { locationId: ['no active location has this id'] });
  }

  private async insert(
    manager: EntityManager,
    ctx: RequestContext,
    input: { fields: Partial<MaintenanceRequest>; event: 'submit' | 'register'; photoIds: string[] },
  ): Promise<string> {
    const request = manager.create(MaintenanceRequest, {
      ...input.fields,
      reportedById: ctx.actor!.id,
      status: 'submitted',
      dueAt: await this.dueAt(manager, input.fields.urgency ?? 'normal', new Date()),
    });
    await manager.insert(MaintenanceRequest, request);
    await this.files.attach(manager, input.photoIds, { type: MAINTENANCE_REQUEST, id: request.id }, ctx, 'photoIds');
    await this.event(manager, request.id, input.event, null, 'submitted', ctx.actor!.id, null, input.photoIds);
    await this.audit.record(manager, ctx, {
      action: `logistics.maintenance.${input.event}`,
      objectType: MAINTENANCE_REQUEST,
      objectId: request.id,
      details: { category: request.category, locationId: request.locationId, source: request.source, urgency: request.urgency },
    });
    return request.id;
  }

  /** The SLA deadline: urgent in hours, normal and low in working days of the school calendar. */
  private async dueAt(manager: EntityManager, urgency: MaintenanceUrgency, from: Date): Promise<Date> {
    const s = await manager.findOneByOrFail(MaintenanceSettings, { id: 1 });
    if (urgency === 'urgent') return new Date(from.getTime() + s.urgentHours * 3600_000);
    return this.calendar.deadlineEnd(from, urgency === 'normal' ? s.normalWorkingDays : s.lowWorkingDays, manager);
  }

  private async event(
    manager: EntityManager,
    requestId: string,
    action: MaintenanceRequestEvent['action'],
    fromStatus: MaintenanceStatus | null,
    toStatus: MaintenanceStatus,
    actorId: string | null,
    note: string | null = null,
    fileIds: string[] = [],
  ): Promise<void> {
    await manager.insert(MaintenanceRequestEvent, {
      requestId,
      action,
      fromStatus,
      toStatus,
      actorId,
      note,
      fileIds: [...new Set(fileIds)],
    });
  }

  // ---------- reading ----------

  async list(query: QueryMaintenanceRequestsDto, viewer: Principal): Promise<Page<MaintenanceRequestDto>> {
    const visible = this.access.visibleWhere(viewer, MAINTENANCE_REQUEST, 'r');
    const qb = this.dataSource.manager
      .createQueryBuilder(MaintenanceRequest, 'r')
      .leftJoinAndSelect('r.location', 'location')
      .leftJoinAndSelect('r.requester', 'requester')
      .leftJoinAndSelect('r.assignee', 'assignee')
      .where(visible.sql, visible.params)
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC');
    if (query.scope === 'mine') qb.andWhere('(r.requesterId = :me OR r.reportedById = :me)', { me: viewer.id });
    if (query.scope === 'assigned') qb.andWhere('r.assigneeId = :me', { me: viewer.id });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.open) qb.andWhere(`r.status IN (${OPEN})`);
    if (query.overdue) qb.andWhere(`r.status IN (${OPEN}) AND r.status <> 'completed' AND r.dueAt < now()`);
    if (query.category) qb.andWhere('r.category = :category', { category: query.category });
    if (query.source) qb.andWhere('r.source = :source', { source: query.source });
    if (query.locationId) {
      qb.andWhere(
        `r.locationId IN (WITH RECURSIVE sub AS (SELECT id FROM maintenance_locations WHERE id = :locationId
           UNION ALL SELECT c.id FROM maintenance_locations c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`,
        { locationId: query.locationId },
      );
    }
    if (query.q) qb.andWhere('r.description ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, (r) => r);
    const paths = await this.locationPaths(
      this.dataSource.manager,
      page.items.map((r) => r.locationId),
    );
    const now = new Date();
    return { ...page, items: page.items.map((r) => this.toDto(r, paths, now)) };
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<MaintenanceRequestDetailDto> {
    const viewer = ctx.actor!;
    await this.access.assertCanRead(viewer, { type: MAINTENANCE_REQUEST, id }, ctx, manager);
    const request = await manager.findOne(MaintenanceRequest, {
      where: { id },
      relations: { location: true, requester: true, assignee: true },
    });
    if (!request) throw notFound(MAINTENANCE_REQUEST);
    const [events, stored, paths] = await Promise.all([
      manager.find(MaintenanceRequestEvent, {
        where: { requestId: id },
        relations: { actor: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      manager.find(StoredFile, { where: { ownerType: MAINTENANCE_REQUEST, ownerId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.locationPaths(manager, [request.locationId]),
    ]);
    const photos = stored.map(toAttachmentDto);
    const byId = new Map(photos.map((p) => [p.id, p]));
    return {
      ...this.toDto(request, paths, new Date()),
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actor: toRef(e.actor),
        note: e.note,
        photos: e.fileIds.flatMap((f) => (byId.has(f) ? [byId.get(f)!] : [])),
        createdAt: e.createdAt.toISOString(),
      })),
      photos,
      actions: maintenanceActionsFrom(request.status).filter((a) => this.mayAct(viewer, request, a)),
    };
  }

  private toDto(r: MaintenanceRequest, paths: Map<string, string>, now: Date): MaintenanceRequestDto {
    return {
      id: r.id,
      category: r.category,
      location: { id: r.locationId, name: r.location?.name ?? '' },
      locationPath: paths.get(r.locationId) ?? r.location?.name ?? '',
      locationDetail: r.locationDetail,
      description: r.description,
      urgency: r.urgency,
      source: r.source,
      requester: toRef(r.requester),
      requesterName: r.requesterName,
      contactPhone: r.contactPhone,
      status: r.status,
      handling: r.handling,
      contractor: r.contractor,
      quoteFen: r.quoteFen,
      costFen: r.costFen,
      approvalRequestId: r.approvalRequestId,
      assignee: toRef(r.assignee),
      dueAt: r.dueAt.toISOString(),
      overdue: (MAINTENANCE_OPEN_STATUSES as readonly string[]).includes(r.status) && r.status !== 'completed' && r.dueAt < now,
      rating: r.rating,
      reopenCount: r.reopenCount,
      inspectionResultId: r.inspectionResultId,
      equipmentTestId: r.equipmentTestId,
      completedAt: r.completedAt?.toISOString() ?? null,
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    };
  }

  /** Who takes which action: the office its own; the assigned worker (or the office) the work; the requester the verdict. */
  private mayAct(viewer: Principal, r: MaintenanceRequest, action: MaintenanceAction): boolean {
    const office = viewer.permissions.has(PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE);
    if (action === 'approve' || action === 'decline') return false;
    if (action === 'cancel') return office || (r.status === 'submitted' && r.requesterId === viewer.id);
    if (MAINTENANCE_OFFICE_ACTIONS.includes(action)) return office;
    if (MAINTENANCE_WORKER_ACTIONS.includes(action)) return r.assigneeId === viewer.id || office;
    if (MAINTENANCE_REQUESTER_ACTIONS.includes(action)) return r.requesterId === viewer.id || (r.requesterId === null && office);
    return false;
  }

  private refusal(r: MaintenanceRequest, action: MaintenanceAction): ApiError {
    if (MAINTENANCE_WORKER_ACTIONS.includes(action))
      return forbidden(MAINTENANCE_ERRORS.NOT_ASSIGNEE, 'Only the assigned worker or the office acts on the job');
    if (MAINTENANCE_REQUESTER_ACTIONS.includes(action))
      return forbidden(MAINTENANCE_ERRORS.NOT_REQUESTER, 'Only the requester confirms or rejects the work');
    return forbidden(PLATFORM_ERRORS.FORBIDDEN, `You may not ${action} this request (${r.status})`);
  }

  // ---------- the flow ----------

  /**
   * One action: read (404 for who may not see it), lock, check the role (403), the state machine
   * (409 MAINTENANCE_ILLEGAL_TRANSITION) and the version (409), apply, record the event and audit.
   */
  private async act(
    id: string,
    action: MaintenanceAction,
    version: number,
    ctx: RequestContext,
    apply: (
      manager: EntityManager,
      r: MaintenanceRequest,
      to: MaintenanceStatus,
    ) => Promise<{
      changes?: Record<string, unknown>;
      note?: string | null;
      fileIds?: string[];
      to?: MaintenanceStatus;
      action?: MaintenanceAction;
    } | void>,
  ): Promise<MaintenanceRequestDetailDto> {
    const actor = ctx.actor!;
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(actor, { type: MAINTENANCE_REQUEST, id }, ctx, manager);
      const r = await manager.findOne(MaintenanceRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw notFound(MAINTENANCE_REQUEST);
      if (!this.mayAct(actor, r, action)) throw this.refusal(r, action);
      const to = nextMaintenanceStatus(r.status, action);
      if (!to) throw illegal(action, r.status);
      if (r.version !== version) throw versionConflict();
      const outcome = (await apply(manager, r, to)) ?? {};
      const finalTo = outcome.to ?? to;
      const finalAction = outcome.action ?? action;
      if (!nextMaintenanceStatus(r.status, finalAction)) throw illegal(finalAction, r.status);
      await updateVersioned(manager, MaintenanceRequest, id, version, { status: finalTo, ...(outcome.changes ?? {}) }, MAINTENANCE_REQUEST);
      await this.event(manager, id, finalAction, r.status, finalTo, actor.id, outcome.note ?? null, outcome.fileIds ?? []);
      await this.audit.record(manager, ctx, {
        action: `logistics.maintenance.${finalAction}`,
        objectType: MAINTENANCE_REQUEST,
        objectId: id,
        details: { from: r.status, to: finalTo, ...(outcome.changes ?? {}) },
      });
      return this.get(id, ctx, manager);
    });
  }

  async triage(id: string, dto: TriageMaintenanceRequestDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    return this.act(id, 'triage', dto.version, ctx, async (manager, r) => {
      const changes: Record<string, unknown> = { handling: dto.handling };
      if (dto.category) changes.category = dto.category;
      if (dto.urgency && dto.urgency !== r.urgency) {
        changes.urgency = dto.urgency;
        changes.dueAt = await this.dueAt(manager, dto.urgency, r.createdAt);
      }
      if (dto.handling === 'in-house') {
        Object.assign(changes, { contractor: null, quoteFen: null, costFen: null, approvalRequestId: null });
        return { changes, note: dto.note || null };
      }
      const errors: Record<string, string[]> = {};
      if (!dto.contractor) errors.contractor = ['an external repair names its contractor'];
      if (dto.costFen === undefined) errors.costFen = ['an external repair states its cost'];
      if (Object.keys(errors).length) throw badRequest('External work needs the contractor and the cost', errors);
      Object.assign(changes, { contractor: dto.contractor, quoteFen: dto.quoteFen ?? null, costFen: dto.costFen, approvalRequestId: null });
      const { approvalThresholdFen } = await this.settings(manager);
      if (dto.costFen! <= approvalThresholdFen) return { changes, note: dto.note || null };
      const paths = await this.locationPaths(manager, [r.locationId]);
      const yuan = (dto.costFen! / 100).toFixed(2);
      changes.approvalRequestId = await this.approvals.submit(
        manager,
        {
          kind: REPAIR_COST_APPROVAL_KIND,
          title: `维修费用：${paths.get(r.locationId) ?? ''} ${MAINTENANCE_CATEGORY_LABELS[(dto.category ?? r.category) as MaintenanceCategory]['zh-CN']}（${dto.contractor}，¥${yuan}）`,
          subjectType: MAINTENANCE_REQUEST,
          subjectId: r.id,
          data: { costFen: dto.costFen, quoteFen: dto.quoteFen ?? null, contractor: dto.contractor, description: r.description },
        },
        ctx,
      );
      return { changes, note: dto.note || null, to: 'awaiting-approval', action: 'submit-cost' };
    });
  }

  /** The repair-cost approval's outcome: approved → triaged (ready to assign); rejected or withdrawn → back to triage. */
  private async onOutcome(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== MAINTENANCE_REQUEST || !outcome.subjectId) return;
    const approved = outcome.status === 'approved';
    const to: MaintenanceStatus = approved ? 'triaged' : 'submitted';
    const rows = returnedRows<{ id: string; reported_by: string | null }>(
      await manager.query(
        `UPDATE maintenance_requests SET status = $2, version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'awaiting-approval' AND approval_request_id = $3
        RETURNING id, reported_by`,
        [outcome.subjectId, to, outcome.requestId],
      ),
    );
    if (!rows.length) return;
    await this.event(manager, outcome.subjectId, approved ? 'approve' : 'decline', 'awaiting-approval', to, null, null);
    const [applicant] = await manager.query('SELECT applicant_id FROM approval_requests WHERE id = $1', [outcome.requestId]);
    if (applicant) {
      await this.notifications.notify(manager, {
        recipientIds: [applicant.applicant_id],
        kind: 'logistics.maintenance.cost-decided',
        title: approved ? '【维修】费用已批准，可以派工' : '【维修】费用未获批准，请重新受理',
        body: approved ? '外包维修费用审批已通过，请派工。' : '外包维修费用审批未通过，报修单已退回待受理。',
        link: link(outcome.subjectId),
      });
    }
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: 'logistics.maintenance.cost-decided',
      objectType: MAINTENANCE_REQUEST,
      objectId: outcome.subjectId,
      details: { requestId: outcome.requestId, status: outcome.status },
    });
  }

  async assign(id: string, dto: AssignMaintenanceRequestDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    return this.act(id, 'assign', dto.version, ctx, async (manager, r) => {
      const [worker] = await manager.query(
        `SELECT u.id, u.name FROM users u WHERE u.id = $1 AND u.active
            AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles ro ON ro.id = ur.role_id WHERE ur.user_id = u.id AND $2 = ANY(ro.permissions))`,
        [dto.assigneeId, PERMISSIONS.LOGISTICS_MAINTENANCE_WORK],
      );
      if (!worker) throw badRequest('Not a maintenance worker', { assigneeId: ['no active maintenance worker has this id'] });
      if (r.assigneeId && r.assigneeId !== worker.id) {
        await this.inbox.close(manager, { sourceType: MAINTENANCE_REQUEST, sourceId: id, assigneeId: r.assigneeId }, 'cancelled');
      }
      await this.openJob(manager, r, worker.id);
      await this.notifications.notify(manager, {
        recipientIds: [worker.id],
        kind: 'logistics.maintenance.assigned',
        title: '【维修】新的维修任务',
        body: `${MAINTENANCE_CATEGORY_LABELS[r.category]['zh-CN']}：${r.description.slice(0, 100)}`,
        link: jobLink(id),
      });
      return { changes: { assigneeId: worker.id }, note: dto.note || `派工：${worker.name}` };
    });
  }

  private async openJob(manager: EntityManager, r: MaintenanceRequest, assigneeId: string): Promise<void> {
    const paths = await this.locationPaths(manager, [r.locationId]);
    await this.inbox.open(manager, {
      assigneeId,
      sourceType: MAINTENANCE_REQUEST,
      sourceId: r.id,
      title: `维修：${paths.get(r.locationId) ?? ''} ${MAINTENANCE_CATEGORY_LABELS[r.category]['zh-CN']}`,
      link: jobLink(r.id),
      urgency: r.urgency === 'urgent' ? 2 : r.urgency === 'normal' ? 1 : 0,
      dueAt: r.dueAt,
    });
  }

  async start(id: string, dto: MaintenanceNoteDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    return this.act(id, 'start', dto.version, ctx, async () => ({ note: dto.note || null }));
  }

  async progress(id: string, dto: MaintenanceNoteDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    if (!dto.note) throw badRequest('Say what was done', { note: ['a progress note is required'] });
    return this.act(id, 'progress', dto.version, ctx, async () => ({ note: dto.note }));
  }

  async complete(id: string, dto: CompleteMaintenanceRequestDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    return this.act(id, 'complete', dto.version, ctx, async (manager, r) => {
      await this.files.attach(manager, dto.photoIds ?? [], { type: MAINTENANCE_REQUEST, id }, ctx, 'photoIds');
      await this.inbox.close(manager, { sourceType: MAINTENANCE_REQUEST, sourceId: id });
      if (r.requesterId) {
        await this.notifications.notify(manager, {
          recipientIds: [r.requesterId],
          kind: 'logistics.maintenance.completed',
          title: '【维修】已修好，请确认并评价',
          body: `您的报修「${r.description.slice(0, 60)}」已完成：${dto.note}`,
          link: link(id),
        });
      }
      return { changes: { completedAt: new Date() }, note: dto.note, fileIds: dto.photoIds ?? [] };
    });
  }

  async confirm(id: string, dto: ConfirmMaintenanceRequestDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    return this.act(id, 'confirm', dto.version, ctx, async () => ({
      changes: { rating: dto.rating, confirmedAt: new Date() },
      note: dto.note ? `${'★'.repeat(dto.rating)} ${dto.note}` : '★'.repeat(dto.rating),
    }));
  }

  async reject(id: string, dto: RejectMaintenanceRequestDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    return this.act(id, 'reject', dto.version, ctx, async (manager, r) => {
      if (r.assigneeId) {
        await this.openJob(manager, r, r.assigneeId);
        await this.notifications.notify(manager, {
          recipientIds: [r.assigneeId],
          kind: 'logistics.maintenance.reopened',
          title: '【维修】报修人未验收，需返修',
          body: dto.note,
          link: jobLink(id),
        });
      }
      return { changes: { reopenCount: r.reopenCount + 1, completedAt: null }, note: dto.note };
    });
  }

  async cancel(id: string, dto: MaintenanceNoteDto, ctx: RequestContext): Promise<MaintenanceRequestDetailDto> {
    if (!dto.note) throw badRequest('Say why', { note: ['a reason is required'] });
    return this.act(id, 'cancel', dto.version, ctx, async (manager) => {
      await this.inbox.close(manager, { sourceType: MAINTENANCE_REQUEST, sourceId: id }, 'cancelled');
      return { note: dto.note };
    });
  }

  /** The maintenance workers (holders of logistics.maintenance.work), for the assign picker. */
  async workers(): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.name FROM users u
        WHERE u.active AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND $1 = ANY(r.permissions))
        ORDER BY u.name, u.id`,
      [PERMISSIONS.LOGISTICS_MAINTENANCE_WORK],
    );
  }

  // ---------- SLA ----------

  /**
   * The SLA job: each request still waiting for its repair past its deadline is flagged once, with
   * a notification to the office and the assigned worker. `now` is for tests.
   */
  async flagOverdue(now: Date = new Date()): Promise<{ flagged: number }> {
    return this.dataSource.transaction(async (manager) => {
      const due: { id: string; status: MaintenanceStatus; assignee_id: string | null; description: string }[] = await manager.query(
        `SELECT id, status, assignee_id, description FROM maintenance_requests
          WHERE status IN (${OPEN}) AND status <> 'completed' AND due_at < $1 AND overdue_at IS NULL
          FOR UPDATE SKIP LOCKED`,
        [now],
      );
      if (!due.length) return { flagged: 0 };
      const office: { id: string }[] = await manager.query(
        `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
          WHERE u.active AND $1 = ANY(r.permissions)`,
        [PERMISSIONS.LOGISTICS_MAINTENANCE_MANAGE],
      );
      await manager.query('UPDATE maintenance_requests SET overdue_at = $2 WHERE id = ANY($1::uuid[])', [due.map((d) => d.id), now]);
      for (const r of due) {
        await this.event(manager, r.id, 'overdue', r.status, r.status, null, null);
        const recipients = [...new Set([...office.map((o) => o.id), ...(r.assignee_id ? [r.assignee_id] : [])])];
        if (recipients.length) {
          await this.notifications.notify(manager, {
            recipientIds: recipients,
            kind: 'logistics.maintenance.overdue',
            title: '【维修】报修已超时',
            body: `报修「${r.description.slice(0, 60)}」已超过处理时限，请尽快处理。`,
            link: link(r.id),
          });
        }
      }
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'logistics.maintenance.overdue',
        objectType: MAINTENANCE_REQUEST,
        objectId: null,
        details: { requestIds: due.map((d) => d.id) },
      });
      this.logger.log(`Flagged ${due.length} overdue maintenance request(s)`);
      return { flagged: due.length };
    });
  }

  // ---------- repeat faults ----------

  /** Locations with more than `threshold` requests of one category in the period (报修高发点). */
  async repeatFaults(query: QueryRepeatFaultsDto): Promise<RepeatFaultReportDto> {
    const s = await this.settings();
    const tz = this.config.schoolTimeZone;
    const to = query.to ?? schoolDateOf(new Date(), tz);
    const from = query.from ?? addDays(to, -s.repeatPeriodDays + 1);
    if (from > to) throw badRequest('The period ends after it starts', { to: ['on or after from'] });
    const threshold = query.threshold ?? s.repeatThreshold;
    const rows: { location_id: string; name: string; category: MaintenanceCategory; count: number; first_at: Date; last_at: Date }[] =
      await this.dataSource.query(
        `SELECT r.location_id, l.name, r.category, count(*)::int AS count, min(r.created_at) AS first_at, max(r.created_at) AS last_at
           FROM maintenance_requests r JOIN maintenance_locations l ON l.id = r.location_id
          WHERE r.created_at >= $1 AND r.created_at < $2 AND r.status <> 'cancelled'
          GROUP BY r.location_id, l.name, r.category
         HAVING count(*) > $3
          ORDER BY count(*) DESC, max(r.created_at) DESC
          LIMIT 500`,
        [schoolTimeToInstant(from, '00:00:00', tz), schoolTimeToInstant(addDays(to, 1), '00:00:00', tz), threshold],
      );
    const paths = await this.locationPaths(
      this.dataSource.manager,
      rows.map((r) => r.location_id),
    );
    return {
      from,
      to,
      threshold,
      rows: rows.map((r) => ({
        location: { id: r.location_id, name: r.name },
        locationPath: paths.get(r.location_id) ?? r.name,
        category: r.category,
        count: r.count,
        firstAt: new Date(r.first_at).toISOString(),
        lastAt: new Date(r.last_at).toISOString(),
      })),
    };
  }
}
