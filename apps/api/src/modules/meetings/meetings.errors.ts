import { HttpStatus } from '@nestjs/common';
import { MEETING_ERRORS, MEETING_STATUS_LABELS, MEETING_ACTION_LABELS, type MeetingAction, type MeetingStatus } from '@xiaoban/shared';
import { ApiError, conflict } from '../../platform/http/api-error';

/** The meetings module's error codes (declared in libs/shared so the panel can branch on them). */
export { MEETING_ERRORS };

/** 422 keyed by field: input that is well-formed but does not fit (e.g. more attendees than seats). */
export const unprocessable = (code: string, message: string, fieldErrors: Record<string, string[]>) =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, fieldErrors);

export const roomTooSmall = (capacity: number, attendeeCount: number) =>
  unprocessable(MEETING_ERRORS.ROOM_TOO_SMALL, `The room seats ${capacity}, fewer than ${attendeeCount}`, {
    attendeeCount: [`the room seats ${capacity}; choose a larger room or fewer attendees`],
  });

export const roomNotBookable = () =>
  conflict(MEETING_ERRORS.ROOM_NOT_BOOKABLE, 'The room is not open for booking', { roomId: ['not bookable'] });

export const bookingNotActive = () => conflict(MEETING_ERRORS.BOOKING_NOT_ACTIVE, 'The booking is no longer active');

export const illegalMeetingMove = (status: MeetingStatus, action: MeetingAction) =>
  conflict(
    MEETING_ERRORS.ILLEGAL_TRANSITION,
    `A meeting that is ${MEETING_STATUS_LABELS[status]['zh-CN']} cannot be acted on with ${MEETING_ACTION_LABELS[action]['zh-CN']}`,
  );

export const notTheOrganiser = () =>
  new ApiError(HttpStatus.FORBIDDEN, MEETING_ERRORS.NOT_THE_ORGANISER, 'Only the organiser (or meetings.manage) may do this');

export const notAnAttendee = () =>
  new ApiError(HttpStatus.FORBIDDEN, MEETING_ERRORS.NOT_AN_ATTENDEE, 'You are not invited to this meeting');

export const bookingPending = () =>
  conflict(MEETING_ERRORS.BOOKING_PENDING, 'The room booking still waits for approval; send the notice once it is approved');
