/**
 * Meeting preparation and attendance (MTG-4 to MTG-7): the states, the sign-in timing and the
 * rules that the API applies and the panel shows. Pure functions, no Nest or Vue.
 */
import type { AttendeeResponse } from './meetings.js';

// ---------- MTG-6 sign-in (签到) and attendance ----------

/** 出席 / 迟到 / 缺席 / 请假 */
export const ATTENDANCE_STATES = ['present', 'late', 'absent', 'leave'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceState, { 'zh-CN': string; en: string }> = {
  present: { 'zh-CN': '出席', en: 'Present' },
  late: { 'zh-CN': '迟到', en: 'Late' },
  absent: { 'zh-CN': '缺席', en: 'Absent' },
  leave: { 'zh-CN': '请假', en: 'On leave' },
};

/** staff: marked in the panel; qr: the attendee scanned the room's code. */
export const SIGN_IN_METHODS = ['staff', 'qr'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The room screen shows a new code every 30 seconds. */
export const SIGN_IN_CODE_ROTATE_SECONDS = 30;
/** A scanned code signs in for 2 minutes (time to log in), so a photo sent to someone absent is soon useless. */
export const SIGN_IN_CODE_VALID_SECONDS = 120;
/** Signed in more than 5 minutes after the start is late (迟到). A constant, not a school setting: one rule for every meeting. */
export const SIGN_IN_LATE_GRACE_MINUTES = 5;

/** How often the meeting page refreshes the live counts while the meeting runs. */
export const ATTENDANCE_POLL_SECONDS = 10;

/** Present or late for a sign-in at `at`, by the meeting's start and the grace. */
export function attendanceForSignIn(startsAt: Date, at: Date): Extract<AttendanceState, 'present' | 'late'> {
  return at.getTime() > startsAt.getTime() + SIGN_IN_LATE_GRACE_MINUTES * 60_000 ? 'late' : 'present';
}

export interface AttendeeAttendanceFacts {
  /** What was recorded: a sign-in (present/late) or a mark by staff; null when nothing was. */
  attendance: AttendanceState | null;
  response: AttendeeResponse;
}

/**
 * The attendance to show for a person (computed, never written by a job): what was recorded wins;
 * otherwise an approved-by-answer leave (请假) is leave; after the end, nobody signed in is absent;
 * before that, null (not signed in yet).
 */
export function effectiveAttendance(facts: AttendeeAttendanceFacts, endsAt: Date, now: Date): AttendanceState | null {
  if (facts.attendance) return facts.attendance;
  if (facts.response === 'leave') return 'leave';
  return now.getTime() >= endsAt.getTime() ? 'absent' : null;
}

export interface AttendanceCounts {
  /** Everyone invited (出席 and 列席). */
  expected: number;
  present: number;
  late: number;
  absent: number;
  leave: number;
  /** Not signed in yet, while the meeting has not ended. */
  waiting: number;
}

export function countAttendance(states: (AttendanceState | null)[]): AttendanceCounts {
  const counts: AttendanceCounts = { expected: states.length, present: 0, late: 0, absent: 0, leave: 0, waiting: 0 };
  for (const s of states) {
    if (s === null) counts.waiting++;
    else counts[s]++;
  }
  return counts;
}

// ---------- MTG-4 preparation checklist (会前准备) ----------

/** Equipment tested before a meeting (设备调试); video conference only where the room has it. */
export const EQUIPMENT_TEST_ITEMS = ['audio', 'projector', 'microphones', 'video-conference'] as const;
export type EquipmentTestItem = (typeof EQUIPMENT_TEST_ITEMS)[number];

export const EQUIPMENT_TEST_RESULTS = ['pass', 'fail'] as const;
export type EquipmentTestResult = (typeof EQUIPMENT_TEST_RESULTS)[number];

/** Environment checks (环境检查): clean, quiet, light. */
export const ENVIRONMENT_CHECKS = ['clean', 'quiet', 'light'] as const;
export type EnvironmentCheck = (typeof ENVIRONMENT_CHECKS)[number];

// ---------- MTG-5 materials (会议材料) ----------

/** A material's steps: uploaded → printed (印制) → bound (装订) → distributed (分发). */
export const MATERIAL_STATUSES = ['uploaded', 'printed', 'bound', 'distributed'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

export const MATERIAL_STEPS = ['print', 'bind', 'distribute'] as const;
export type MaterialStep = (typeof MATERIAL_STEPS)[number];

const MATERIAL_MOVES: Record<MaterialStep, { from: MaterialStatus[]; to: MaterialStatus }> = {
  print: { from: ['uploaded'], to: 'printed' },
  bind: { from: ['printed'], to: 'bound' },
  // An electronic material may go out without paper: distributed straight from uploaded.
  distribute: { from: ['uploaded', 'printed', 'bound'], to: 'distributed' },
};

/** The status after a step, or null when the step is not allowed from the status. */
export function nextMaterialStatus(status: MaterialStatus, step: MaterialStep): MaterialStatus | null {
  const move = MATERIAL_MOVES[step];
  return move.from.includes(status) ? move.to : null;
}

export function materialStepsFrom(status: MaterialStatus): MaterialStep[] {
  return MATERIAL_STEPS.filter((step) => nextMaterialStatus(status, step) !== null);
}

/** Error codes of preparation, materials, sign-in and notes (declared here so the panel can branch on them). */
export const MEETING_PREP_ERRORS = {
  /** The sign-in code's signature does not check out (400, keyed code). */
  SIGN_IN_CODE_INVALID: 'MEETING_SIGN_IN_CODE_INVALID',
  /** The sign-in code is older than two minutes (422, keyed code). */
  SIGN_IN_CODE_EXPIRED: 'MEETING_SIGN_IN_CODE_EXPIRED',
  /** The material cannot take the step from its status (409). */
  MATERIAL_ILLEGAL_STEP: 'MEETING_MATERIAL_ILLEGAL_STEP',
  /** Only the note taker (or the organiser) writes notes (403). */
  NOT_THE_NOTE_TAKER: 'MEETING_NOT_THE_NOTE_TAKER',
  /** The meeting is cancelled (409). */
  MEETING_CANCELLED: 'MEETING_CANCELLED',
} as const;
