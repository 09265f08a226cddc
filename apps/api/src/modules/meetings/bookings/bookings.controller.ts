import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../../../platform/auth/decorators';
import { ErrorBodyDto } from '../../../platform/http/error-body.dto';
import { ApiErrors } from '../../../platform/http/api-responses';
import { Idempotent } from '../../../platform/http/idempotency';
import { Paginated } from '../../../platform/http/pagination';
import { UUID_PARAM } from '../../../platform/http/params';
import { Ctx, type RequestContext } from '../../../platform/http/request-context';
import {
  AvailabilityDto,
  AvailabilityQueryDto,
  BookingDto,
  BookingSeriesDto,
  CancelBookingDto,
  CreateBookingDto,
  CreateBookingSeriesDto,
  QueryBookingsDto,
  RoomSuggestionDto,
  SuggestRoomsQueryDto,
} from './booking.dto';
import { BookingsService } from './bookings.service';

const BookingPage = Paginated(BookingDto);
const CLASH =
  'MEETING_ROOM_CLASH: the slot overlaps a booking holding the room; `errors` names each clash (booking id, time, title if visible)';

/** Room bookings (会议室预约, MTG-1): school-wide to read; booking needs meetings.book. */
@ApiTags('meetings')
@Controller('meetings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Post('bookings')
  @Authenticated({ permission: PERMISSIONS.MEETINGS_BOOK })
  @Idempotent()
  @ApiOperation({
    operationId: 'bookRoom',
    summary: 'Book a room',
    description:
      'MTG-1: a half-open range [startsAt, endsAt), so back-to-back bookings are fine. 409 MEETING_ROOM_CLASH names the ' +
      'conflicting booking (also when a concurrent request won); 409 MEETING_ROOM_NOT_BOOKABLE; 422 MEETING_ROOM_TOO_SMALL keyed ' +
      'attendeeCount. A room that needs approval gives a pending booking (room-booking approval) that holds the slot meanwhile. ' +
      'NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: BookingDto })
  @ApiErrors(400, 403, 404)
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: CLASH })
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'MEETING_ROOM_TOO_SMALL, keyed attendeeCount' })
  bookRoom(@Body() dto: CreateBookingDto, @Ctx() ctx: RequestContext): Promise<BookingDto> {
    return this.bookings.book(dto, ctx);
  }

  @Post('bookings/series')
  @Authenticated({ permission: PERMISSIONS.MEETINGS_BOOK })
  @Idempotent()
  @ApiOperation({
    operationId: 'bookRoomWeekly',
    summary: 'Book a room weekly by the school calendar',
    description:
      'MTG-1: every `weekday` from `fromOn` to `untilOn`, without holidays, without weeks that have no lessons (unless ' +
      '`teachingWeeksOnly` is false) and without `skipDates`. All occurrences or none: 409 MEETING_ROOM_CLASH lists every ' +
      'clashing occurrence, keyed by its date. NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: BookingSeriesDto })
  @ApiErrors(400, 403, 404)
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: CLASH })
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'MEETING_ROOM_TOO_SMALL, keyed attendeeCount' })
  bookRoomWeekly(@Body() dto: CreateBookingSeriesDto, @Ctx() ctx: RequestContext): Promise<BookingSeriesDto> {
    return this.bookings.bookSeries(dto, ctx);
  }

  @Get('bookings/series/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getBookingSeries', summary: 'A weekly series with its bookings and skipped dates', description: 'MTG-1' })
  @ApiOkResponse({ type: BookingSeriesDto })
  @ApiErrors(400, 404)
  getBookingSeries(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<BookingSeriesDto> {
    return this.bookings.getSeries(id, ctx.actor!);
  }

  @Post('bookings/series/:id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.MEETINGS_BOOK })
  @ApiOperation({
    operationId: 'cancelBookingSeries',
    summary: 'Cancel the rest of a weekly series',
    description: 'MTG-1: by its organiser or meetings.manage; frees every occurrence not yet begun that no live meeting uses.',
  })
  @ApiOkResponse({ type: BookingSeriesDto })
  @ApiErrors(400, 403, 404)
  cancelBookingSeries(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: CancelBookingDto,
    @Ctx() ctx: RequestContext,
  ): Promise<BookingSeriesDto> {
    return this.bookings.cancelSeries(id, dto.reason, ctx);
  }

  @Get('bookings')
  @Authenticated()
  @ApiOperation({
    operationId: 'listBookings',
    summary: 'List room bookings',
    description: 'MTG-1: school-wide; the title of a classified meeting’s booking is null unless the caller may see the meeting.',
  })
  @ApiOkResponse({ type: BookingPage })
  @ApiErrors(400)
  listBookings(@Query() query: QueryBookingsDto, @Ctx() ctx: RequestContext): Promise<InstanceType<typeof BookingPage>> {
    return this.bookings.list(query, ctx.actor!);
  }

  @Get('bookings/:id')
  @Authenticated()
  @ApiOperation({ operationId: 'getBooking', summary: 'Get a room booking', description: 'MTG-1' })
  @ApiOkResponse({ type: BookingDto })
  @ApiErrors(400, 404)
  getBooking(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<BookingDto> {
    return this.bookings.get(id, ctx.actor!);
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.MEETINGS_BOOK })
  @ApiOperation({
    operationId: 'cancelBooking',
    summary: 'Cancel a room booking',
    description: 'MTG-1: by its organiser or meetings.manage; frees the slot. 409 when a meeting uses it (cancel the meeting).',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiErrors(400, 403, 404, 409)
  cancelBooking(@Param('id', UUID_PARAM) id: string, @Body() dto: CancelBookingDto, @Ctx() ctx: RequestContext): Promise<BookingDto> {
    return this.bookings.cancel(id, dto.reason, ctx);
  }

  @Get('room-suggestions')
  @Authenticated()
  @ApiOperation({
    operationId: 'suggestRooms',
    summary: 'Rooms free for a slot',
    description: 'MTG-1: bookable, free in [startsAt, endsAt), seating attendeeCount, with all the equipment asked; smallest first.',
  })
  @ApiOkResponse({ type: [RoomSuggestionDto] })
  @ApiErrors(400)
  suggestRooms(@Query() query: SuggestRoomsQueryDto): Promise<RoomSuggestionDto[]> {
    return this.bookings.suggest(query);
  }

  @Get('availability')
  @Authenticated()
  @ApiOperation({
    operationId: 'getRoomAvailability',
    summary: 'Day or week view of the rooms',
    description: 'MTG-1: each room (or the one asked) with the bookings holding it on the day, or in the Monday–Sunday week of `date`.',
  })
  @ApiOkResponse({ type: AvailabilityDto })
  @ApiErrors(400, 404)
  getRoomAvailability(@Query() query: AvailabilityQueryDto, @Ctx() ctx: RequestContext): Promise<AvailabilityDto> {
    return this.bookings.availability(query, ctx.actor!);
  }
}
