import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EQUIPMENT_TEST_ITEMS, type EquipmentTestItem } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { MaintenanceService } from '../../logistics/maintenance/maintenance.service';
import { badRequest, notFound, versionConflict } from '../../../platform/http/api-error';
import { returnedRows } from '../../../platform/http/sql';
import type { RequestContext } from '../../../platform/http/request-context';
import { MEETING } from '../bookings/bookings.service';
import { meetingCancelled } from '../attendance/attendance.service';
import { Meeting } from '../meetings/meeting.entity';
import type { ChecklistDto, RecordEquipmentTestDto, SaveChecklistDto } from './preparation.dto';
import { MeetingChecklist, MeetingEquipmentTest } from './preparation.entity';
import { toRef } from '../../../platform/org/refs';

/** Meeting equipment (audio, projector, microphones, video) is repaired as network and IT. */
const EQUIPMENT_REPAIR_CATEGORY = 'network' as const;
const EQUIPMENT_NAMES: Record<EquipmentTestItem, string> = {
  audio: '音响',
  projector: '投影仪',
  microphones: '话筒',
  'video-conference': '视频会议设备',
};

/**
 * The preparation checklist (会前准备, MTG-4): environment, special setup (banner, name cards),
 * equipment tests with results, backup equipment and the person on duty. Filled in by the
 * organiser or the office (meetings.manage); read by whoever may see the meeting. A failed test
 * is recorded with `needsMaintenance` and raises a repair request for the room (LOG-9, through MaintenanceService).
 */
@Injectable()
export class PreparationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly maintenance: MaintenanceService,
  ) {}

  async get(meetingId: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<ChecklistDto> {
    await this.access.assertCanRead(ctx.actor!, { type: MEETING, id: meetingId }, ctx, manager);
    const [checklist, tests, cards, equipment, canEdit] = await Promise.all([
      manager.findOne(MeetingChecklist, { where: { meetingId }, relations: { dutyPerson: true } }),
      manager.find(MeetingEquipmentTest, { where: { meetingId }, relations: { testedBy: true } }),
      manager.query(
        `SELECT u.name, d.name AS department FROM meeting_attendees a JOIN users u ON u.id = a.user_id
           LEFT JOIN departments d ON d.id = u.department_id
          WHERE a.meeting_id = $1 ORDER BY a.role, u.name`,
        [meetingId],
      ) as Promise<{ name: string; department: string | null }[]>,
      this.roomEquipment(manager, meetingId),
      this.access.canChange(ctx.actor!, { type: MEETING, id: meetingId }, manager),
    ]);
    const order = (item: EquipmentTestItem) => EQUIPMENT_TEST_ITEMS.indexOf(item);
    const env = (ok: boolean | null | undefined, remark: string | null | undefined) => ({ ok: ok ?? null, remark: remark ?? null });
    return {
      meetingId,
      clean: env(checklist?.cleanOk, checklist?.cleanRemark),
      quiet: env(checklist?.quietOk, checklist?.quietRemark),
      light: env(checklist?.lightOk, checklist?.lightRemark),
      bannerText: checklist?.bannerText ?? null,
      nameCardsPrinted: checklist?.nameCardsPrinted ?? false,
      backupEquipmentReady: checklist?.backupEquipmentReady ?? false,
      dutyPerson: toRef(checklist?.dutyPerson),
      itemsToTest: this.itemsToTest(equipment),
      equipmentTests: tests
        .sort((a, b) => order(a.item) - order(b.item))
        .map((t) => ({
          item: t.item,
          result: t.result,
          remark: t.remark,
          needsMaintenance: t.needsMaintenance,
          testedBy: toRef(t.testedBy)!,
          testedAt: t.testedAt.toISOString(),
        })),
      needsMaintenance: tests.some((t) => t.needsMaintenance),
      nameCards: cards.map((c) => ({ name: c.name, department: c.department })),
      canEdit,
      version: checklist?.version ?? 0,
      updatedAt: checklist?.updatedAt.toISOString() ?? null,
    };
  }

  /** Saves the given parts of the checklist; the first save makes the row (version 0 → 1). */
  async save(meetingId: string, dto: SaveChecklistDto, ctx: RequestContext): Promise<ChecklistDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertPreparing(manager, meetingId, ctx);
      if (dto.dutyPersonId) {
        const [user] = await manager.query('SELECT 1 FROM users WHERE id = $1 AND active', [dto.dutyPersonId]);
        if (!user) throw badRequest('No such person', { dutyPersonId: ['no active account has this id'] });
      }
      const changes: Partial<MeetingChecklist> = {};
      for (const check of ['clean', 'quiet', 'light'] as const) {
        const given = dto[check];
        if (!given) continue;
        changes[`${check}Ok`] = given.ok ?? null;
        changes[`${check}Remark`] = given.remark || null;
      }
      if (dto.bannerText !== undefined) changes.bannerText = dto.bannerText || null;
      if (dto.nameCardsPrinted !== undefined) changes.nameCardsPrinted = dto.nameCardsPrinted;
      if (dto.backupEquipmentReady !== undefined) changes.backupEquipmentReady = dto.backupEquipmentReady;
      if (dto.dutyPersonId !== undefined) changes.dutyPersonId = dto.dutyPersonId;
      if (dto.version === 0) {
        const inserted = returnedRows(
          await manager.query(
            'INSERT INTO meeting_checklists (meeting_id, version) VALUES ($1, 0) ON CONFLICT DO NOTHING RETURNING meeting_id',
            [meetingId],
          ),
        );
        // Someone else saved first: the caller's view is stale. The new row starts at 0; the update makes it 1.
        if (!inserted.length) throw versionConflict();
      }
      const result = await manager
        .createQueryBuilder()
        .update(MeetingChecklist)
        .set({ ...changes, updatedById: ctx.actor!.id, version: () => 'version + 1' } as never)
        .where('meeting_id = :meetingId AND version = :version', { meetingId, version: dto.version })
        .execute();
      if (result.affected !== 1) throw versionConflict();
      await this.audit.record(manager, ctx, {
        action: 'meeting.checklist.save',
        objectType: MEETING,
        objectId: meetingId,
        details: { fields: Object.keys(changes) },
      });
      return this.get(meetingId, ctx, manager);
    });
  }

  /** Records the latest test of one piece of equipment; a failure sets the maintenance flag. */
  async recordTest(meetingId: string, dto: RecordEquipmentTestDto, ctx: RequestContext): Promise<ChecklistDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertPreparing(manager, meetingId, ctx);
      const equipment = await this.roomEquipment(manager, meetingId);
      if (!this.itemsToTest(equipment).includes(dto.item)) {
        throw badRequest('The room has no such equipment', { item: ['the meeting’s room has no video conference equipment'] });
      }
      const [room] = await manager.query(
        `SELECT b.room_id, r.name AS room_name FROM meetings m JOIN room_bookings b ON b.id = m.booking_id
           JOIN meeting_rooms r ON r.id = b.room_id WHERE m.id = $1`,
        [meetingId],
      );
      const [test] = returnedRows<{ id: string }>(
        await manager.query(
          `INSERT INTO meeting_equipment_tests (meeting_id, room_id, item, result, remark, needs_maintenance, tested_by, tested_at)
           VALUES ($1, $2, $3, $4::varchar, $5, $4::varchar = 'fail', $6, now())
           ON CONFLICT (meeting_id, item) DO UPDATE SET room_id = EXCLUDED.room_id, result = EXCLUDED.result, remark = EXCLUDED.remark,
             needs_maintenance = EXCLUDED.needs_maintenance, tested_by = EXCLUDED.tested_by, tested_at = EXCLUDED.tested_at
           RETURNING id`,
          [meetingId, room?.room_id ?? null, dto.item, dto.result, dto.remark || null, ctx.actor!.id],
        ),
      );
      // MTG-4 → LOG-9: a failure raises a repair request for the room in this transaction; at most one open per room and item.
      if (dto.result === 'fail' && room?.room_id) {
        await this.maintenance.raiseRequest(manager, ctx, {
          source: 'meeting-equipment',
          category: EQUIPMENT_REPAIR_CATEGORY,
          meetingRoom: { id: room.room_id, name: room.room_name },
          description: `【会议设备调试】${room.room_name} ${EQUIPMENT_NAMES[dto.item]}调试未通过${dto.remark ? `：${dto.remark}` : ''}`,
          dedupeKey: `meeting-equipment:${room.room_id}:${dto.item}`,
          equipmentTestId: test.id,
        });
      }
      await this.audit.record(manager, ctx, {
        action: 'meeting.equipment-test',
        objectType: MEETING,
        objectId: meetingId,
        details: { item: dto.item, result: dto.result, remark: dto.remark ?? null },
      });
      return this.get(meetingId, ctx, manager);
    });
  }

  private async assertPreparing(manager: EntityManager, meetingId: string, ctx: RequestContext): Promise<void> {
    await this.access.assertCanChange(ctx.actor!, { type: MEETING, id: meetingId }, ctx, manager);
    const meeting = await manager.findOneBy(Meeting, { id: meetingId });
    if (!meeting) throw notFound(MEETING);
    if (meeting.status === 'cancelled') throw meetingCancelled();
  }

  /** The equipment of the meeting's room; null for a meeting held outside a booked room. */
  private async roomEquipment(manager: EntityManager, meetingId: string): Promise<string[] | null> {
    const [row] = await manager.query(
      `SELECT r.equipment FROM meetings m JOIN room_bookings b ON b.id = m.booking_id JOIN meeting_rooms r ON r.id = b.room_id
        WHERE m.id = $1`,
      [meetingId],
    );
    return row ? (row.equipment as string[]) : null;
  }

  /** Audio, projector and microphones always; video conference where the room has it. */
  private itemsToTest(equipment: string[] | null): EquipmentTestItem[] {
    return EQUIPMENT_TEST_ITEMS.filter((item) => item !== 'video-conference' || (equipment ?? []).includes('video-conference'));
  }
}
