import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingsController } from './bookings/bookings.controller';
import { RoomBooking, RoomBookingSeries } from './bookings/booking.entity';
import { BookingsService } from './bookings/bookings.service';
import { CalendarFeedService } from './meetings/calendar-feed.service';
import { Meeting, MeetingAttendee, MeetingCalendarFeed, MeetingDepartment, MeetingTopic, MeetingType } from './meetings/meeting.entity';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsService } from './meetings/meetings.service';
import { RoomsController } from './rooms/rooms.controller';
import { MeetingRoom } from './rooms/room.entity';
import { RoomsService } from './rooms/rooms.service';
import { CoordinationController } from './coordination/coordination.controller';
import { CoordinationDepartment, CoordinationSeries } from './coordination/coordination.entity';
import { CoordinationService } from './coordination/coordination.service';
import { MinutesController } from './minutes/minutes.controller';
import { MeetingMinutes, MeetingMinutesFeedback } from './minutes/minutes.entity';
import { MinutesService } from './minutes/minutes.service';
import { ResolutionsController } from './resolutions/resolutions.controller';
import { MeetingResolution, MeetingResolutionTask, MeetingResolutionTaskUpdate } from './resolutions/resolution.entity';
import { ResolutionsService } from './resolutions/resolutions.service';

/**
 * Meetings (会议服务, guide 二(三) and 三(二)), part 1: rooms and bookings (MTG-1), meetings with
 * agenda and attendees (MTG-2), notices, answers and calendar files (MTG-3). Preparation,
 * materials, sign-in, minutes and resolutions come later and hang off the meeting's id.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MeetingRoom,
      RoomBooking,
      RoomBookingSeries,
      MeetingType,
      Meeting,
      MeetingTopic,
      MeetingDepartment,
      MeetingAttendee,
      MeetingCalendarFeed,
      MeetingMinutes,
      MeetingMinutesFeedback,
      MeetingResolution,
      MeetingResolutionTask,
      MeetingResolutionTaskUpdate,
      CoordinationSeries,
      CoordinationDepartment,
    ]),
  ],
  // Rooms and bookings before meetings: `/meetings/rooms` and `/meetings/bookings` must match
  // before the meetings controller's `/meetings/:id`.
  controllers: [RoomsController, BookingsController, CoordinationController, ResolutionsController, MinutesController, MeetingsController],
  providers: [RoomsService, BookingsService, MeetingsService, CalendarFeedService, MinutesService, ResolutionsService, CoordinationService],
  exports: [BookingsService, MeetingsService],
})
export class MeetingsModule {}
