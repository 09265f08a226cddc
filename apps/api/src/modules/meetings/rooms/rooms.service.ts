import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { FilesService } from '../../../platform/files/files.service';
import { conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { escapeLike } from '../../../platform/http/sql';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import type { CreateRoomDto, QueryRoomsDto, RoomDto, UpdateRoomDto } from './room.dto';
import { MeetingRoom } from './room.entity';

/** The resource type of rooms for the access service and the files they own (photos). */
export const MEETING_ROOM = 'meeting-room';

function toRoomDto(room: MeetingRoom, photos: RoomDto['photos']): RoomDto {
  return {
    id: room.id,
    name: room.name,
    building: room.building,
    floor: room.floor,
    capacity: room.capacity,
    equipment: room.equipment,
    bookable: room.bookable,
    needsApproval: room.needsApproval,
    note: room.note,
    photos,
    version: room.version,
  };
}

/** Meeting rooms (会议室, MTG-1): school-wide to read, kept by holders of meetings.rooms.manage. */
@Injectable()
export class RoomsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.access.register(MEETING_ROOM, { table: 'meeting_rooms' });
  }

  async list(query: QueryRoomsDto): Promise<Page<RoomDto>> {
    const qb = this.dataSource.manager.createQueryBuilder(MeetingRoom, 'r').orderBy('r.building', 'ASC').addOrderBy('r.name', 'ASC');
    if (query.q) qb.andWhere('(r.name ILIKE :q OR r.building ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    if (query.bookable !== undefined) qb.andWhere('r.bookable = :bookable', { bookable: query.bookable });
    if (query.minCapacity) qb.andWhere('r.capacity >= :min', { min: query.minCapacity });
    if (query.equipment?.length) qb.andWhere('r.equipment @> :eq::text[]', { eq: query.equipment });
    const page = await paginate(qb, query, (room) => toRoomDto(room, []));
    const photos = await this.files.attachmentsOf(
      this.dataSource.manager,
      MEETING_ROOM,
      page.items.map((r) => r.id),
    );
    for (const room of page.items) room.photos = photos.get(room.id) ?? [];
    return page;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<RoomDto> {
    const room = await manager.findOneBy(MeetingRoom, { id });
    if (!room) throw notFound(MEETING_ROOM);
    const photos = (await this.files.attachmentsOf(manager, MEETING_ROOM, [id])).get(id) ?? [];
    return toRoomDto(room, photos);
  }

  /** The room, locked against changes while a booking is checked against it. */
  async lockForBooking(manager: EntityManager, id: string): Promise<MeetingRoom> {
    const room = await manager.createQueryBuilder(MeetingRoom, 'r').setLock('pessimistic_read').where('r.id = :id', { id }).getOne();
    if (!room) throw notFound(MEETING_ROOM);
    return room;
  }

  async create(dto: CreateRoomDto, ctx: RequestContext): Promise<RoomDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertNameFree(manager, dto.name, null);
      const room = manager.create(MeetingRoom, {
        name: dto.name,
        building: dto.building,
        floor: dto.floor,
        capacity: dto.capacity,
        equipment: dto.equipment ?? [],
        bookable: dto.bookable ?? true,
        needsApproval: dto.needsApproval ?? false,
        note: dto.note || null,
      });
      await manager.insert(MeetingRoom, room);
      await this.files.attach(manager, dto.photoIds ?? [], { type: MEETING_ROOM, id: room.id }, ctx, 'photoIds');
      const after = await this.get(room.id, manager);
      await this.audit.record(manager, ctx, {
        action: 'meeting.room.create',
        objectType: MEETING_ROOM,
        objectId: room.id,
        before: null,
        after: auditView(after),
      });
      return after;
    });
  }

  async update(id: string, dto: UpdateRoomDto, ctx: RequestContext): Promise<RoomDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager);
      const { version, photoIds, ...changes } = dto;
      if (changes.name !== undefined) await this.assertNameFree(manager, changes.name, id);
      await updateVersioned(
        manager,
        MeetingRoom,
        id,
        version,
        { ...changes, ...(changes.note !== undefined ? { note: changes.note || null } : {}) },
        MEETING_ROOM,
      );
      await this.files.attach(manager, photoIds ?? [], { type: MEETING_ROOM, id }, ctx, 'photoIds');
      const after = await this.get(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'meeting.room.update',
        objectType: MEETING_ROOM,
        objectId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  /** A room with bookings is kept (its history matters): close it for booking instead. */
  async remove(id: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager);
      const [used] = await manager.query('SELECT 1 FROM room_bookings WHERE room_id = $1 LIMIT 1', [id]);
      if (used) throw conflict(PLATFORM_ERRORS.CONFLICT, 'The room has bookings; mark it not bookable instead of deleting it');
      await this.files.removeOwned(manager, { type: MEETING_ROOM, id });
      await manager.delete(MeetingRoom, { id });
      await this.audit.record(manager, ctx, {
        action: 'meeting.room.delete',
        objectType: MEETING_ROOM,
        objectId: id,
        before: auditView(before),
        after: null,
      });
    });
  }

  private async assertNameFree(manager: EntityManager, name: string, id: string | null): Promise<void> {
    const [row] = await manager.query('SELECT id FROM meeting_rooms WHERE name = $1 AND ($2::uuid IS NULL OR id <> $2)', [name, id]);
    if (row) throw conflict(PLATFORM_ERRORS.CONFLICT, 'Another room has this name', { name: ['another room has this name'] });
  }
}

function auditView(room: RoomDto): Record<string, unknown> {
  const { photos, ...rest } = room;
  return { ...rest, photoIds: photos.map((p) => p.id) };
}
