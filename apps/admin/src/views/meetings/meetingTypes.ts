/** The meetings module's payloads, read off the generated client by route (see api/types.ts). */
import type { BodyOf, ResponseOf } from '../../api/types';

export type Room = ResponseOf<'/api/v1/meetings/rooms/{id}', 'get'>;
export type NewRoom = BodyOf<'/api/v1/meetings/rooms', 'post'>;
export type Booking = ResponseOf<'/api/v1/meetings/bookings/{id}', 'get'>;
export type NewBooking = BodyOf<'/api/v1/meetings/bookings', 'post'>;
export type Availability = ResponseOf<'/api/v1/meetings/availability', 'get'>;
export type RoomAvailability = Availability['rooms'][number];
export type RoomSuggestion = ResponseOf<'/api/v1/meetings/room-suggestions', 'get'>[number];
export type MeetingRow = ResponseOf<'/api/v1/meetings', 'get'>['items'][number];
export type MeetingDetail = ResponseOf<'/api/v1/meetings/{id}', 'get'>;
export type NewMeeting = BodyOf<'/api/v1/meetings', 'post'>;
export type MeetingType = ResponseOf<'/api/v1/meetings/types', 'get'>[number];
export type CalendarFeed = ResponseOf<'/api/v1/meetings/feed', 'get'>;
