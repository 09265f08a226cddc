import type { AttendeeResponse, BookingStatus, MeetingStatus } from '@xiaoban/shared';

type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';

export const bookingStatusTag: Record<BookingStatus, TagType> = {
  pending: 'warning',
  confirmed: 'success',
  rejected: 'danger',
  cancelled: 'info',
};

export const meetingStatusTag: Record<MeetingStatus, TagType> = {
  draft: 'info',
  'agenda-confirmed': 'primary',
  notified: 'success',
  cancelled: 'danger',
};

export const responseTag: Record<AttendeeResponse, TagType> = {
  pending: 'info',
  accepted: 'success',
  leave: 'warning',
};

/** A meeting type's name in the reader's language (configured types may have no English name). */
export function meetingTypeName(type: { name: string; nameEn: string | null }, locale: string): string {
  return locale === 'en' && type.nameEn ? type.nameEn : type.name;
}
