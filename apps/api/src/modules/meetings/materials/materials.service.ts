import { HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MEETING_PREP_ERRORS, materialStepsFrom, nextMaterialStatus, type MaterialStep } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { FilesService, type FileDownload } from '../../../platform/files/files.service';
import { ApiError, badRequest, notFound, versionConflict } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { MEETING } from '../bookings/bookings.service';
import { meetingCancelled } from '../attendance/attendance.service';
import { notAnAttendee } from '../meetings.errors';
import { Meeting } from '../meetings/meeting.entity';
import type { CreateMaterialDto, MaterialDto } from './material.dto';
import { MeetingMaterial, MeetingMaterialReceipt } from './material.entity';
import { toRef } from '../../../platform/org/refs';

export const MEETING_MATERIAL = 'meeting-material';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Meeting materials (会议材料, MTG-5): uploaded, printed, bound and distributed, each step with its
 * time; distribution gives every recipient a copy whose receipt (签收) they confirm, and the
 * organiser sees who has not.
 *
 * Visibility (libs/shared visibility.ts, `meeting-material`): as the meeting for an ordinary
 * material; a confidential one only for the attendees it names (access grants, reason
 * `attendee`), its uploader and the organiser. Anyone else gets 404 by id and does not find it
 * in lists; downloads of a confidential material always carry the watermark naming the viewer.
 */
@Injectable()
export class MaterialsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.access.register(MEETING_MATERIAL, {
      table: 'meeting_materials',
      secrecyColumn: 'secrecy',
      // Grants (the named attendees of a confidential material) are added by the access service.
      named: (o, me) =>
        `${o}.uploaded_by = ${me} OR EXISTS (
           SELECT 1 FROM meetings mm WHERE mm.id = ${o}.meeting_id AND (mm.organiser_id = ${me} OR (NOT ${o}.confidential AND (
             mm.secrecy = 'none' OR mm.host_id = ${me}
             OR EXISTS (SELECT 1 FROM meeting_attendees ma WHERE ma.meeting_id = mm.id AND ma.user_id = ${me})))))`,
      changers: (o, me) =>
        `${o}.uploaded_by = ${me} OR EXISTS (SELECT 1 FROM meetings mm WHERE mm.id = ${o}.meeting_id AND mm.organiser_id = ${me})`,
    });
  }

  async create(meetingId: string, dto: CreateMaterialDto, ctx: RequestContext): Promise<MaterialDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: MEETING, id: meetingId }, ctx, manager);
      const meeting = await manager.findOneBy(Meeting, { id: meetingId });
      if (!meeting) throw notFound(MEETING);
      if (meeting.status === 'cancelled') throw meetingCancelled();
      const confidential = dto.confidential ?? false;
      const recipientIds = dto.recipientIds ?? [];
      if (confidential && recipientIds.length === 0) {
        throw badRequest('Name the attendees', { recipientIds: ['a confidential material needs the attendees who may see it'] });
      }
      if (!confidential && recipientIds.length) {
        throw badRequest('Only for confidential materials', { recipientIds: ['an ordinary material goes to every invitee'] });
      }
      if (recipientIds.length) {
        const rows: { user_id: string }[] = await manager.query(
          'SELECT user_id FROM meeting_attendees WHERE meeting_id = $1 AND user_id = ANY($2::uuid[])',
          [meetingId, recipientIds],
        );
        const invited = new Set(rows.map((r) => r.user_id));
        const strangers = recipientIds.filter((u) => !invited.has(u));
        if (strangers.length) throw badRequest('Not invited', { recipientIds: strangers.map((u) => `${u} is not invited to the meeting`) });
      }
      const material = manager.create(MeetingMaterial, {
        meetingId,
        title: dto.title,
        confidential,
        secrecy: meeting.secrecy,
        status: 'uploaded',
        copies: dto.copies ?? null,
        uploadedById: ctx.actor!.id,
      });
      await manager.insert(MeetingMaterial, material);
      for (const userId of recipientIds) {
        await this.access.grant(manager, { objectType: MEETING_MATERIAL, objectId: material.id, userId, reason: 'attendee' }, ctx);
      }
      await this.files.attach(manager, dto.attachmentIds, { type: MEETING_MATERIAL, id: material.id }, ctx);
      await this.audit.record(manager, ctx, {
        action: 'meeting.material.create',
        objectType: MEETING_MATERIAL,
        objectId: material.id,
        details: { meetingId, confidential, recipients: recipientIds.length, files: dto.attachmentIds.length },
      });
      return material.id;
    });
    return this.get(id, ctx);
  }

  /** The materials of a meeting that the caller may see (a confidential one is simply absent for others). */
  async list(meetingId: string, ctx: RequestContext): Promise<MaterialDto[]> {
    const viewer = ctx.actor!;
    const manager = this.dataSource.manager;
    await this.access.assertCanRead(viewer, { type: MEETING, id: meetingId }, ctx, manager);
    const visible = this.access.visibleWhere(viewer, MEETING_MATERIAL, 'mat');
    const materials = await manager
      .createQueryBuilder(MeetingMaterial, 'mat')
      .innerJoinAndSelect('mat.uploadedBy', 'uploader')
      .where('mat.meeting_id = :meetingId', { meetingId })
      .andWhere(visible.sql, visible.params)
      .orderBy('mat.created_at', 'ASC')
      .addOrderBy('mat.id', 'ASC')
      .getMany();
    return this.toDtos(manager, materials, viewer);
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<MaterialDto> {
    await this.access.assertCanRead(ctx.actor!, { type: MEETING_MATERIAL, id }, ctx, manager);
    const material = await manager.findOne(MeetingMaterial, { where: { id }, relations: { uploadedBy: true } });
    if (!material) throw notFound(MEETING_MATERIAL);
    return (await this.toDtos(manager, [material], ctx.actor!))[0];
  }

  /** Printed, bound or distributed (MTG-5); distribution gives each recipient a copy to confirm. */
  async step(id: string, step: MaterialStep, version: number, ctx: RequestContext): Promise<MaterialDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: MEETING_MATERIAL, id }, ctx, manager);
      const material = await manager
        .createQueryBuilder(MeetingMaterial, 'mat')
        .setLock('pessimistic_write')
        .where('mat.id = :id', { id })
        .getOneOrFail();
      if (material.version !== version) throw versionConflict();
      const next = nextMaterialStatus(material.status, step);
      if (!next) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          MEETING_PREP_ERRORS.MATERIAL_ILLEGAL_STEP,
          `A material that is ${material.status} cannot take the step ${step}`,
        );
      }
      const now = new Date();
      const stamp = { print: { printedAt: now }, bind: { boundAt: now }, distribute: { distributedAt: now } }[step];
      await manager.update(MeetingMaterial, { id }, { ...stamp, status: next, version: material.version + 1 });
      let recipients = 0;
      if (step === 'distribute') recipients = await this.distribute(manager, material, now);
      await this.audit.record(manager, ctx, {
        action: `meeting.material.${step}`,
        objectType: MEETING_MATERIAL,
        objectId: id,
        details: { from: material.status, to: next, recipients },
      });
      return this.get(id, ctx, manager);
    });
  }

  /** The caller confirms they received their copy (签收); confirming again keeps the first time. */
  async confirmReceipt(id: string, ctx: RequestContext): Promise<MaterialDto> {
    const me = ctx.actor!;
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(me, { type: MEETING_MATERIAL, id }, ctx, manager);
      const receipt = await manager.findOneBy(MeetingMaterialReceipt, { materialId: id, userId: me.id });
      if (!receipt) throw notAnAttendee();
      if (!receipt.receivedAt) {
        await manager.update(MeetingMaterialReceipt, { materialId: id, userId: me.id }, { receivedAt: new Date() });
        await this.audit.record(manager, ctx, { action: 'meeting.material.receipt', objectType: MEETING_MATERIAL, objectId: id });
      }
      return this.get(id, ctx, manager);
    });
  }

  /** A file of the material, through the material's visibility; a confidential one is always watermarked. */
  async download(id: string, fileId: string, ctx: RequestContext): Promise<FileDownload> {
    const viewer = ctx.actor!;
    await this.access.assertCanRead(viewer, { type: MEETING_MATERIAL, id }, ctx);
    const [owned] = await this.dataSource.query('SELECT 1 FROM files WHERE id = $1 AND owner_type = $2 AND owner_id = $3', [
      fileId,
      MEETING_MATERIAL,
      id,
    ]);
    if (!owned) throw notFound('file');
    const material = await this.dataSource.manager.findOneByOrFail(MeetingMaterial, { id });
    return this.files.download(fileId, viewer, ctx, { watermark: material.confidential });
  }

  private async distribute(manager: EntityManager, material: MeetingMaterial, at: Date): Promise<number> {
    const rows: { user_id: string }[] = material.confidential
      ? await manager.query(
          `SELECT DISTINCT user_id FROM access_grants WHERE object_type = $1 AND object_id = $2 AND reason = 'attendee'`,
          [MEETING_MATERIAL, material.id],
        )
      : await manager.query('SELECT user_id FROM meeting_attendees WHERE meeting_id = $1', [material.meetingId]);
    const userIds = rows.map((r) => r.user_id);
    if (userIds.length === 0) return 0;
    await manager.query(
      `INSERT INTO meeting_material_receipts (material_id, user_id, distributed_at)
       SELECT $1, u, $3 FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`,
      [material.id, userIds, at],
    );
    const [meeting] = await manager.query('SELECT secrecy, title FROM meetings WHERE id = $1', [material.meetingId]);
    const classified = meeting.secrecy !== 'none' || material.confidential;
    await this.notifications.notify(manager, {
      recipientIds: userIds,
      kind: 'meeting.material',
      title: classified ? '【会议材料】请登录系统查收' : `【会议材料】${material.title}`,
      body: classified ? '有一份会议材料分发给您，请登录系统查看并确认签收。' : `会议“${meeting.title}”的材料已分发，请查看并确认签收。`,
      link: `/meetings/${material.meetingId}`,
    });
    return userIds.length;
  }

  private async toDtos(manager: EntityManager, materials: MeetingMaterial[], viewer: Principal): Promise<MaterialDto[]> {
    if (materials.length === 0) return [];
    const ids = materials.map((m) => m.id);
    const [attachments, receipts, grants, changeable] = await Promise.all([
      this.files.attachmentsOf(manager, MEETING_MATERIAL, ids),
      manager.find(MeetingMaterialReceipt, {
        where: ids.map((materialId) => ({ materialId })),
        relations: { user: true },
        order: { distributedAt: 'ASC' },
      }),
      manager.query(
        `SELECT g.object_id, u.id, u.name FROM access_grants g JOIN users u ON u.id = g.user_id
          WHERE g.object_type = $1 AND g.object_id = ANY($2::uuid[]) AND g.reason = 'attendee' ORDER BY u.name`,
        [MEETING_MATERIAL, ids],
      ) as Promise<{ object_id: string; id: string; name: string }[]>,
      Promise.all(materials.map((m) => this.access.canChange(viewer, { type: MEETING_MATERIAL, id: m.id }, manager))),
    ]);
    return materials.map((m, i) => {
      const canChange = changeable[i];
      const mine = receipts.find((r) => r.materialId === m.id && r.userId === viewer.id);
      return {
        id: m.id,
        meetingId: m.meetingId,
        title: m.title,
        confidential: m.confidential,
        secrecy: m.secrecy,
        status: m.status,
        copies: m.copies,
        printedAt: iso(m.printedAt),
        boundAt: iso(m.boundAt),
        distributedAt: iso(m.distributedAt),
        uploadedBy: toRef(m.uploadedBy)!,
        attachments: attachments.get(m.id) ?? [],
        allowedSteps: canChange ? materialStepsFrom(m.status) : [],
        myReceivedAt: iso(mine?.receivedAt ?? null),
        myCopy: Boolean(mine),
        receipts: canChange
          ? receipts
              .filter((r) => r.materialId === m.id)
              .map((r) => ({ user: toRef(r.user)!, distributedAt: r.distributedAt.toISOString(), receivedAt: iso(r.receivedAt) }))
          : [],
        recipients: canChange ? grants.filter((g) => g.object_id === m.id).map((g) => ({ id: g.id, name: g.name })) : [],
        version: m.version,
      };
    });
  }
}
