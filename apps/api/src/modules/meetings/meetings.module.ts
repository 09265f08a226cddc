import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MaintenanceModule } from '../logistics/maintenance/maintenance.module';
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
import { MEETING_PREPARATION_ENTITIES } from './preparation/preparation.entities';
import { AttendanceController } from './attendance/attendance.controller';
import { AttendanceService } from './attendance/attendance.service';
import { SignInCodes } from './attendance/sign-in-codes';
import { MaterialsController } from './materials/materials.controller';
import { MaterialsService } from './materials/materials.service';
import { NotesController } from './notes/notes.controller';
import { NotesService } from './notes/notes.service';
import { PreparationController } from './preparation/preparation.controller';
import { PreparationService } from './preparation/preparation.service';
import { RescheduleService } from './preparation/reschedule.service';
import { CoordinationController } from './coordination/coordination.controller';
import { CoordinationDepartment, CoordinationSeries } from './coordination/coordination.entity';
import { CoordinationService } from './coordination/coordination.service';
import { MinutesController } from './minutes/minutes.controller';
import { MeetingMinutes, MeetingMinutesFeedback } from './minutes/minutes.entity';
import { MinutesService } from './minutes/minutes.service';
import { ResolutionsController } from './resolutions/resolutions.controller';
import { MeetingResolution, MeetingResolutionTask, MeetingResolutionTaskUpdate } from './resolutions/resolution.entity';
import { ResolutionsService } from './resolutions/resolutions.service';
import { MeetingFiguresService } from './figures/meeting-figures.service';

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
      ...MEETING_PREPARATION_ENTITIES,
      MeetingMinutes,
      MeetingMinutesFeedback,
      MeetingResolution,
      MeetingResolutionTask,
      MeetingResolutionTaskUpdate,
      CoordinationSeries,
      CoordinationDepartment,
    ]),
    // A failed equipment test raises a repair request (MTG-4 → LOG-9) through MaintenanceService; maintenance imports nothing of meetings.
    MaintenanceModule,
  ],
  // Rooms and bookings before meetings: `/meetings/rooms` and `/meetings/bookings` must match
  // before the meetings controller's `/meetings/:id`.
  controllers: [
    RoomsController,
    BookingsController,
    // Coordination, resolutions and minutes (ADM-1, MTG-8, MTG-9) before MeetingsController: their static paths win over /meetings/:id.
    CoordinationController,
    ResolutionsController,
    MinutesController,
    MeetingsController,
    // Preparation, materials, sign-in and notes (MTG-4–MTG-7): routes under /meetings/:id/… and /meetings/materials/…
    PreparationController,
    MaterialsController,
    AttendanceController,
    NotesController,
  ],
  providers: [
    RoomsService,
    BookingsService,
    MeetingsService,
    CalendarFeedService,
    PreparationService,
    RescheduleService,
    MaterialsService,
    AttendanceService,
    SignInCodes,
    NotesService,
    MinutesService,
    ResolutionsService,
    CoordinationService,
    // Figures for the monthly summary and the dashboard (ASM-1, ASM-8).
    MeetingFiguresService,
  ],
  exports: [BookingsService, MeetingsService, MeetingFiguresService],
})
export class MeetingsModule {}
