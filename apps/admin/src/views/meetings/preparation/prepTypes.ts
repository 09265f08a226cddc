/** Payloads of meeting preparation, materials, sign-in and notes (MTG-4–MTG-7), read off the generated client. */
import type { BodyOf, ResponseOf } from '../../../api/types';

export type MeetingAttendance = ResponseOf<'/api/v1/meetings/{id}/attendance', 'get'>;
export type AttendanceRow = MeetingAttendance['attendees'][number];
export type SignInCode = ResponseOf<'/api/v1/meetings/{id}/sign-in-code', 'get'>;
export type SignInResult = ResponseOf<'/api/v1/meetings/sign-in', 'post'>;
export type Checklist = ResponseOf<'/api/v1/meetings/{id}/checklist', 'get'>;
export type SaveChecklist = BodyOf<'/api/v1/meetings/{id}/checklist', 'put'>;
export type Material = ResponseOf<'/api/v1/meetings/materials/{materialId}', 'get'>;
export type MeetingNotes = ResponseOf<'/api/v1/meetings/{id}/notes', 'get'>;
