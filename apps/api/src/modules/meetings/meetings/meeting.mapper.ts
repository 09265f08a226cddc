import type { AttendeeResponse, MeetingAction } from '@xiaoban/shared';
import type { MeetingDetailDto, MeetingDto, MeetingTypeDto } from './meeting.dto';
import type { Meeting, MeetingAttendee, MeetingDepartment, MeetingTopic, MeetingType } from './meeting.entity';
import { toRef } from '../../../platform/org/refs';

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toMeetingTypeDto(type: MeetingType): MeetingTypeDto {
  return { code: type.code, name: type.name, nameEn: type.nameEn, builtin: type.builtin, active: type.active };
}

export function toMeetingDto(m: Meeting, place: string, myResponse: AttendeeResponse | null, allowedActions: MeetingAction[]): MeetingDto {
  return {
    id: m.id,
    title: m.title,
    type: toMeetingTypeDto(m.type!),
    organiser: toRef(m.organiser)!,
    host: toRef(m.host),
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    room: toRef(m.booking?.room),
    bookingId: m.bookingId,
    bookingStatus: m.booking?.status ?? null,
    place,
    secrecy: m.secrecy,
    status: m.status,
    myResponse,
    allowedActions,
    version: m.version,
  };
}

export function toMeetingDetailDto(
  m: Meeting,
  place: string,
  myResponse: AttendeeResponse | null,
  allowedActions: MeetingAction[],
  topics: MeetingTopic[],
  attendees: MeetingAttendee[],
  departments: MeetingDepartment[],
): MeetingDetailDto {
  return {
    ...toMeetingDto(m, place, myResponse, allowedActions),
    description: m.description,
    topics: topics.map((t) => ({ id: t.id, seq: t.seq, title: t.title, presenter: toRef(t.presenter), minutes: t.minutes })),
    attendees: attendees.map((a) => ({
      user: toRef(a.user)!,
      role: a.role,
      viaDepartment: toRef(a.viaDepartment),
      response: a.response,
      leaveReason: a.leaveReason,
      respondedAt: iso(a.respondedAt),
      attendance: a.attendance,
      signedInAt: iso(a.signedInAt),
      signInMethod: a.signInMethod,
    })),
    departments: departments.map((d) => ({ department: toRef(d.department)!, role: d.role })),
    agendaConfirmedAt: iso(m.agendaConfirmedAt),
    notifiedAt: iso(m.notifiedAt),
    // Filled by the service (MTG-9 carry-over, ADM-1 departments).
    carryOver: [],
    coordinationDepartments: [],
  };
}
