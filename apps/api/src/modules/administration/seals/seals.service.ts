import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PERMISSIONS, SEAL_INCIDENT_STATUS, SEAL_STATUS_LABELS, SEAL_TYPE_LABELS, canMoveSeal, type SealStatus } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { FilesService } from '../../../platform/files/files.service';
import { badRequest, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { handoverClosed, handoverPending, notCustodian, sealIllegalStatus } from '../administration.errors';
import { Seal, SealHandover } from './seal.entities';
import type { ChangeSealStatusDto, CreateSealDto, QuerySealsDto, SealDetailDto, SealDto, UpdateSealDto } from './seals.dto';
import { toSealDetailDto, toSealDto } from './seals.mapper';

/** The resource type of seals (and owner type of their 印模 images). */
export const SEAL = 'seal';
/** Who hears at once of a lost seal (ADM-6): the school leaders and the office director. */
const LEADER_ROLES = ['school-leader', 'office-director'];

const link = (id: string) => `/administration/seals/${id}`;

/**
 * The seal register (印章, ADM-4): seals with their type, custodian and status, the 印模, the
 * handovers of custody (交接) and the damage and loss reports (ADM-6).
 */
@Injectable()
export class SealsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    // School-wide: anyone may see the register to apply; changes need administration.seals.manage.
    this.access.register(SEAL, { table: 'seals', changers: () => 'false' });
  }

  async create(dto: CreateSealDto, ctx: RequestContext): Promise<SealDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertUser(manager, dto.custodianId, 'custodianId');
      await this.assertDepartment(manager, dto.departmentId, 'departmentId');
      if (dto.sealType === 'department' && !dto.departmentId) {
        throw badRequest('A department seal names its department', { departmentId: ['a 部门章 names its department'] });
      }
      const seal = manager.create(Seal, {
        name: dto.name,
        sealType: dto.sealType,
        status: 'in-use',
        custodianId: dto.custodianId,
        departmentId: dto.departmentId ?? null,
        note: dto.note || null,
      });
      await manager.insert(Seal, seal);
      await this.files.attach(manager, dto.impressionIds ?? [], { type: SEAL, id: seal.id }, ctx, 'impressionIds');
      await this.audit.record(manager, ctx, {
        action: 'administration.seal.create',
        objectType: SEAL,
        objectId: seal.id,
        details: { name: seal.name, sealType: seal.sealType, custodianId: seal.custodianId },
      });
      return seal.id;
    });
    return this.get(id);
  }

  async list(query: QuerySealsDto): Promise<Page<SealDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Seal, 's')
      .leftJoinAndSelect('s.custodian', 'custodian')
      .leftJoinAndSelect('s.department', 'department')
      .orderBy('s.createdAt', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.sealType) qb.andWhere('s.sealType = :sealType', { sealType: query.sealType });
    if (query.q) qb.andWhere('s.name ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return paginate(qb, query, toSealDto);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<SealDetailDto> {
    const seal = await manager.findOne(Seal, { where: { id }, relations: { custodian: true, department: true } });
    if (!seal) throw notFound(SEAL);
    const handovers = await manager.find(SealHandover, {
      where: { sealId: id },
      relations: { fromUser: true, toUser: true, recordedBy: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    const impressions = (await this.files.attachmentsOf(manager, SEAL, [id])).get(id) ?? [];
    return toSealDetailDto(seal, impressions, handovers);
  }

  async update(id: string, dto: UpdateSealDto, ctx: RequestContext): Promise<SealDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertDepartment(manager, dto.departmentId, 'departmentId');
      const changes: Record<string, unknown> = {};
      for (const key of ['name', 'sealType', 'departmentId', 'note'] as const) if (dto[key] !== undefined) changes[key] = dto[key];
      await updateVersioned(manager, Seal, id, dto.version, changes, SEAL);
      await this.files.attach(manager, dto.impressionIds ?? [], { type: SEAL, id }, ctx, 'impressionIds');
      await this.audit.record(manager, ctx, { action: 'administration.seal.update', objectType: SEAL, objectId: id, details: changes });
      return this.get(id, manager);
    });
  }

  /** 停用, 启用, 销毁 …: the moves of SEAL_STATUS_MOVES. A loss goes through reportIncident (leaders notified). */
  async changeStatus(id: string, dto: ChangeSealStatusDto, ctx: RequestContext): Promise<SealDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const seal = await this.lockSeal(manager, id);
      if (!canMoveSeal(seal.status, dto.status)) throw sealIllegalStatus(seal.status, dto.status);
      await updateVersioned(
        manager,
        Seal,
        id,
        dto.version,
        { status: dto.status, statusReason: dto.reason || null, statusChangedAt: new Date() },
        SEAL,
      );
      if (dto.status === 'lost') await this.notifyLoss(manager, seal, dto.reason ?? '');
      await this.audit.record(manager, ctx, {
        action: 'administration.seal.status',
        objectType: SEAL,
        objectId: id,
        details: { from: seal.status, to: dto.status, reason: dto.reason ?? null },
      });
      return this.get(id, manager);
    });
  }

  /** A damage or loss report (ADM-6) by the custodian or the seal's keepers, outside an inspection. */
  async report(id: string, kind: 'damaged' | 'lost', note: string, ctx: RequestContext): Promise<SealDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const seal = await this.lockSeal(manager, id);
      if (seal.custodianId !== ctx.actor!.id && !ctx.actor!.permissions.has(PERMISSIONS.ADMIN_SEALS_MANAGE)) {
        throw notCustodian('Only the custodian or the seal’s keepers report damage or loss');
      }
      await this.reportIncident(manager, seal, kind, note, ctx);
      return this.get(id, manager);
    });
  }

  /**
   * Damage suspends the seal; loss marks it lost — out of use at once: no application and no use
   * from now on — and tells the leaders on every channel. In the caller's transaction, with the
   * seal row locked by the caller.
   */
  async reportIncident(manager: EntityManager, seal: Seal, kind: 'damaged' | 'lost', note: string, ctx: RequestContext): Promise<void> {
    const to: SealStatus = SEAL_INCIDENT_STATUS[kind];
    if (seal.status === 'destroyed') throw sealIllegalStatus(seal.status, to);
    // A lost seal stays lost when damage is reported on it; otherwise the report moves it.
    if (seal.status !== to && seal.status !== 'lost') {
      await manager.query(
        `UPDATE seals SET status = $2, status_reason = $3, status_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [seal.id, to, note],
      );
    }
    if (kind === 'lost') await this.notifyLoss(manager, seal, note);
    await this.audit.record(manager, ctx, {
      action: `administration.seal.report-${kind}`,
      objectType: SEAL,
      objectId: seal.id,
      details: { from: seal.status, to: seal.status === 'lost' ? 'lost' : to, note },
    });
  }

  private async notifyLoss(manager: EntityManager, seal: Seal, note: string): Promise<void> {
    const leaders: { id: string }[] = await manager.query(
      `SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
        WHERE u.active AND r.code = ANY($1::text[])`,
      [LEADER_ROLES],
    );
    await this.notifications.notify(manager, {
      recipientIds: leaders.map((l) => l.id),
      kind: 'administration.seal.lost',
      title: `【印章遗失】${seal.name}`,
      body: `${SEAL_TYPE_LABELS[seal.sealType]['zh-CN']}「${seal.name}」报告遗失，已${SEAL_STATUS_LABELS.lost['zh-CN']}停用，不再受理用印。${note ? `\n${note}` : ''}`,
      link: link(seal.id),
      mandatory: true,
    });
  }

  // ---------- handovers (交接) ----------

  /** The custodian (or the office, for one who has left) records the handover; custody moves when it is confirmed. */
  async startHandover(id: string, toUserId: string, note: string | undefined, ctx: RequestContext): Promise<SealDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const seal = await this.lockSeal(manager, id);
      const actor = ctx.actor!;
      if (seal.custodianId !== actor.id && !actor.permissions.has(PERMISSIONS.ADMIN_SEALS_MANAGE)) throw notCustodian();
      if (toUserId === seal.custodianId) throw badRequest('The seal is in their custody already', { toUserId: ['already the custodian'] });
      await this.assertUser(manager, toUserId, 'toUserId');
      const [pending] = await manager.query(`SELECT 1 FROM seal_handovers WHERE seal_id = $1 AND status = 'pending'`, [id]);
      if (pending) throw handoverPending();
      const handover = manager.create(SealHandover, {
        sealId: id,
        fromUserId: seal.custodianId,
        toUserId,
        recordedById: actor.id,
        status: 'pending',
        note: note || null,
      });
      await manager.insert(SealHandover, handover);
      await this.notifications.notify(manager, {
        recipientIds: [toUserId],
        kind: 'administration.seal.handover',
        title: `【印章交接】${seal.name}`,
        body: `请核对印章「${seal.name}」后确认接收。`,
        link: link(id),
      });
      await this.audit.record(manager, ctx, {
        action: 'administration.seal.handover-start',
        objectType: SEAL,
        objectId: id,
        details: { handoverId: handover.id, from: seal.custodianId, to: toUserId },
      });
      return this.get(id, manager);
    });
  }

  /** The new custodian confirms with their own login: custody moves to them. */
  async confirmHandover(handoverId: string, note: string | undefined, ctx: RequestContext): Promise<SealDetailDto> {
    return this.closeHandover(handoverId, 'confirmed', note, ctx);
  }

  /** Either side (or the office) withdraws a handover not yet confirmed. */
  async cancelHandover(handoverId: string, note: string | undefined, ctx: RequestContext): Promise<SealDetailDto> {
    return this.closeHandover(handoverId, 'cancelled', note, ctx);
  }

  private async closeHandover(
    handoverId: string,
    to: 'confirmed' | 'cancelled',
    note: string | undefined,
    ctx: RequestContext,
  ): Promise<SealDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(SealHandover, { where: { id: handoverId } });
      if (!found) throw notFound('seal handover');
      const seal = await this.lockSeal(manager, found.sealId);
      const handover = (await manager.findOne(SealHandover, { where: { id: handoverId } }))!;
      const actor = ctx.actor!;
      if (to === 'confirmed' && actor.id !== handover.toUserId) throw notCustodian('Only the new custodian confirms a handover');
      if (
        to === 'cancelled' &&
        ![handover.fromUserId, handover.toUserId, handover.recordedById].includes(actor.id) &&
        !actor.permissions.has(PERMISSIONS.ADMIN_SEALS_MANAGE)
      ) {
        throw notCustodian('Only the two sides of the handover cancel it');
      }
      if (handover.status !== 'pending') throw handoverClosed();
      await manager.update(SealHandover, { id: handoverId }, { status: to, confirmedAt: to === 'confirmed' ? new Date() : null });
      if (to === 'confirmed') {
        await manager.query(`UPDATE seals SET custodian_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
          seal.id,
          handover.toUserId,
        ]);
      }
      await this.audit.record(manager, ctx, {
        action: `administration.seal.handover-${to === 'confirmed' ? 'confirm' : 'cancel'}`,
        objectType: SEAL,
        objectId: seal.id,
        details: { handoverId, from: handover.fromUserId, to: handover.toUserId, note: note ?? null },
      });
      return this.get(seal.id, manager);
    });
  }

  // ---------- helpers ----------

  /** The seal row, locked for the rest of the transaction (status moves, handovers and reports queue up). */
  async lockSeal(manager: EntityManager, id: string): Promise<Seal> {
    const seal = await manager.createQueryBuilder(Seal, 's').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
    if (!seal) throw notFound(SEAL);
    return seal;
  }

  async assertUser(manager: EntityManager, userId: string | undefined, field: string): Promise<void> {
    if (!userId) return;
    const [row] = await manager.query('SELECT 1 FROM users WHERE id = $1 AND active', [userId]);
    if (!row) throw badRequest('No such person', { [field]: ['no active account has this id'] });
  }

  private async assertDepartment(manager: EntityManager, departmentId: string | undefined, field: string): Promise<void> {
    if (!departmentId) return;
    const [row] = await manager.query('SELECT 1 FROM departments WHERE id = $1', [departmentId]);
    if (!row) throw badRequest('No such department', { [field]: ['no department has this id'] });
  }
}
