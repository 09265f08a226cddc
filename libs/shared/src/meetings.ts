/**
 * Meetings (会议服务, MTG-1 to MTG-3 so far): rooms and their equipment, bookings, meeting types,
 * the meeting's own small flow (draft → agenda confirmed → notified), and attendees' answers.
 * Written once here: the API refuses what is not allowed, the admin panel shows only what is.
 */
type Label = { 'zh-CN': string; en: string };

/** What a meeting room can have (MTG-1); the booking dialog asks for rooms with some of these. */
export const ROOM_EQUIPMENT = [
  'projector',
  'screen',
  'audio',
  'microphones',
  'video-conference',
  'whiteboard',
  'recording',
  'name-card-printer',
] as const;
export type RoomEquipment = (typeof ROOM_EQUIPMENT)[number];

export const ROOM_EQUIPMENT_LABELS: Record<RoomEquipment, Label> = {
  projector: { 'zh-CN': '投影仪', en: 'Projector' },
  screen: { 'zh-CN': '显示屏', en: 'Display screen' },
  audio: { 'zh-CN': '音响', en: 'Audio system' },
  microphones: { 'zh-CN': '话筒', en: 'Microphones' },
  'video-conference': { 'zh-CN': '视频会议', en: 'Video conference' },
  whiteboard: { 'zh-CN': '白板', en: 'Whiteboard' },
  recording: { 'zh-CN': '录音录像', en: 'Recording' },
  'name-card-printer': { 'zh-CN': '桌牌打印', en: 'Name-card printer' },
};

/**
 * A booking's status. `pending` waits for the room's approval (room-booking) and already holds
 * the slot: otherwise two people could each be approved for the same hour, and the second would
 * learn of the clash only after their approver said yes. A rejected or cancelled booking frees it.
 */
export const BOOKING_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** The statuses that hold a slot: the exclusion constraint's WHERE lists exactly these. */
export const SLOT_HOLDING_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed'];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, Label> = {
  pending: { 'zh-CN': '待审批', en: 'Awaiting approval' },
  confirmed: { 'zh-CN': '已预约', en: 'Booked' },
  rejected: { 'zh-CN': '未获批准', en: 'Rejected' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

/** The approval kind of bookings of rooms that need approval (e.g. the 报告厅). */
export const ROOM_BOOKING_APPROVAL_KIND = 'room-booking';

/** The built-in meeting types (会议类型); a school adds its own (MTG-2). */
export const BUILTIN_MEETING_TYPES = ['school-affairs', 'administrative', 'party-committee', 'coordination', 'staff-assembly'] as const;
export type BuiltinMeetingType = (typeof BUILTIN_MEETING_TYPES)[number];

export const BUILTIN_MEETING_TYPE_LABELS: Record<BuiltinMeetingType, Label> = {
  'school-affairs': { 'zh-CN': '校务会', en: 'School affairs meeting' },
  administrative: { 'zh-CN': '行政会', en: 'Administrative meeting' },
  'party-committee': { 'zh-CN': '党委会', en: 'Party committee meeting' },
  coordination: { 'zh-CN': '协调会', en: 'Coordination meeting' },
  'staff-assembly': { 'zh-CN': '教职工大会', en: 'Staff assembly' },
};

/**
 * The meeting's flow so far: drafted, its agenda confirmed by the organiser (MTG-2), the notice
 * sent (MTG-3), or cancelled. Later parts (sign-in, minutes) add their statuses after `notified`.
 */
export const MEETING_STATUSES = ['draft', 'agenda-confirmed', 'notified', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_ACTIONS = ['edit', 'confirm-agenda', 'notify', 'cancel'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, Label> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  'agenda-confirmed': { 'zh-CN': '议题已确认', en: 'Agenda confirmed' },
  notified: { 'zh-CN': '已通知', en: 'Notice sent' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

export const MEETING_ACTION_LABELS: Record<MeetingAction, Label> = {
  edit: { 'zh-CN': '修改', en: 'Edit' },
  'confirm-agenda': { 'zh-CN': '确认议题', en: 'Confirm agenda' },
  notify: { 'zh-CN': '发送会议通知', en: 'Send notice' },
  cancel: { 'zh-CN': '取消会议', en: 'Cancel meeting' },
};

/**
 * The transitions: editing the agenda after it was confirmed takes the meeting back to draft, so
 * the organiser confirms what is actually sent; after the notice, changes need a new notice
 * (a later part) and are refused here.
 */
export const MEETING_TRANSITIONS: Record<MeetingStatus, Partial<Record<MeetingAction, MeetingStatus>>> = {
  draft: { edit: 'draft', 'confirm-agenda': 'agenda-confirmed', cancel: 'cancelled' },
  'agenda-confirmed': { edit: 'draft', notify: 'notified', cancel: 'cancelled' },
  notified: { cancel: 'cancelled' },
  cancelled: {},
};

export function nextMeetingStatus(status: MeetingStatus, action: MeetingAction): MeetingStatus | null {
  return MEETING_TRANSITIONS[status][action] ?? null;
}

export function meetingActionsFrom(status: MeetingStatus): MeetingAction[] {
  return MEETING_ACTIONS.filter((action) => nextMeetingStatus(status, action) !== null);
}

/** 出席 (a full attendee) or 列席 (attends without a vote). */
export const ATTENDEE_ROLES = ['attendee', 'observer'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

export const ATTENDEE_ROLE_LABELS: Record<AttendeeRole, Label> = {
  attendee: { 'zh-CN': '出席', en: 'Attendee' },
  observer: { 'zh-CN': '列席', en: 'Non-voting attendee' },
};

/** An attendee's answer to the notice (MTG-3): accept, or ask for leave (请假) with a reason. */
export const ATTENDEE_RESPONSES = ['pending', 'accepted', 'leave'] as const;
export type AttendeeResponse = (typeof ATTENDEE_RESPONSES)[number];

export const ATTENDEE_RESPONSE_LABELS: Record<AttendeeResponse, Label> = {
  pending: { 'zh-CN': '未回复', en: 'No answer yet' },
  accepted: { 'zh-CN': '参加', en: 'Attending' },
  leave: { 'zh-CN': '请假', en: 'On leave' },
};

/** Longest single booking: a day. Longer needs are several bookings. */
export const BOOKING_MAX_HOURS = 24;

export const MEETING_ERRORS = {
  /** The slot overlaps a booking that holds the room (409); `errors` lists each clash. */
  ROOM_CLASH: 'MEETING_ROOM_CLASH',
  /** The room is not open for booking (409). */
  ROOM_NOT_BOOKABLE: 'MEETING_ROOM_NOT_BOOKABLE',
  /** More attendees than the room seats (422, keyed attendeeCount). */
  ROOM_TOO_SMALL: 'MEETING_ROOM_TOO_SMALL',
  /** The booking cannot change from its status (409). */
  BOOKING_NOT_ACTIVE: 'MEETING_BOOKING_NOT_ACTIVE',
  /** The meeting's flow does not allow the action from its status (409). */
  ILLEGAL_TRANSITION: 'MEETING_ILLEGAL_TRANSITION',
  /** Only the organiser confirms the agenda (403). */
  NOT_THE_ORGANISER: 'MEETING_NOT_THE_ORGANISER',
  /** The person is not invited to the meeting (403). */
  NOT_AN_ATTENDEE: 'MEETING_NOT_AN_ATTENDEE',
  /** The room's booking still waits for approval: no notice yet (409). */
  BOOKING_PENDING: 'MEETING_BOOKING_PENDING',
} as const;
