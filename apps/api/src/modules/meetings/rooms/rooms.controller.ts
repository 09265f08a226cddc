import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import { CreateRoomDto, QueryRoomsDto, RoomDto, UpdateRoomDto } from './room.dto';
import { RoomsService } from './rooms.service';

const RoomPage = Paginated(RoomDto);

/** Meeting rooms (会议室): everyone signed in reads them; meetings.rooms.manage keeps them. */
@ApiTags('meetings')
@Controller('meetings/rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    operationId: 'listRooms',
    summary: 'List meeting rooms',
    description: 'MTG-1: by name or building (`q`), bookable, minimum capacity and equipment (has all of those asked).',
  })
  @ApiOkResponse({ type: RoomPage })
  @ApiErrors(400)
  listRooms(@Query() query: QueryRoomsDto): Promise<InstanceType<typeof RoomPage>> {
    return this.rooms.list(query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ operationId: 'getRoom', summary: 'Get a meeting room', description: 'MTG-1: with its photos.' })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors(400, 404)
  getRoom(@Param('id', UUID_PARAM) id: string): Promise<RoomDto> {
    return this.rooms.get(id);
  }

  @Post()
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ROOMS_MANAGE })
  @ApiOperation({
    operationId: 'createRoom',
    summary: 'Add a meeting room',
    description: 'MTG-1: building, floor, capacity, equipment, photos (draft files from POST /files), bookable, needs approval.',
  })
  @ApiCreatedResponse({ type: RoomDto })
  @ApiErrors(400, 403, 409)
  createRoom(@Body() dto: CreateRoomDto, @Ctx() ctx: RequestContext): Promise<RoomDto> {
    return this.rooms.create(dto, ctx);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ROOMS_MANAGE })
  @ApiOperation({
    operationId: 'updateRoom',
    summary: 'Change a meeting room',
    description: 'MTG-1: optimistic locking by `version` (409 when stale); `photoIds` adds photos.',
  })
  @ApiOkResponse({ type: RoomDto })
  @ApiErrors(400, 403, 404, 409)
  updateRoom(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateRoomDto, @Ctx() ctx: RequestContext): Promise<RoomDto> {
    return this.rooms.update(id, dto, ctx);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.MEETINGS_ROOMS_MANAGE })
  @ApiOperation({
    operationId: 'deleteRoom',
    summary: 'Delete a meeting room',
    description: 'MTG-1: only a room never booked (409 otherwise: mark it not bookable).',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 403, 404, 409)
  async deleteRoom(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.rooms.remove(id, ctx);
  }
}
