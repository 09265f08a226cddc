/**
 * Payload types of the platform pages (backups, jobs, integration, calendar, files, Excel), read
 * off the generated paths by route like those in ./types.ts.
 */
import type { BodyOf, QueryOf, ResponseOf } from './types';

export type Backup = ResponseOf<'/api/v1/backups', 'get'>['items'][number];
export type BackupStatus = Backup['status'];
export type BackupVerification = Backup['verification'];

export type JobSchedule = ResponseOf<'/api/v1/jobs/schedules', 'get'>[number];
export type JobRun = ResponseOf<'/api/v1/jobs/runs', 'get'>['items'][number];
export type JobRunQuery = QueryOf<'/api/v1/jobs/runs', 'get'>;
export type JobState = JobRun['state'];

export type ApiToken = ResponseOf<'/api/v1/integration/tokens', 'get'>['items'][number];
export type ApiTokenStatus = ApiToken['status'];
export type ApiTokenScope = ApiToken['permissions'][number];
export type CreatedApiToken = ResponseOf<'/api/v1/integration/tokens', 'post'>;
export type NewApiToken = BodyOf<'/api/v1/integration/tokens', 'post'>;

export type Webhook = ResponseOf<'/api/v1/integration/webhooks', 'get'>['items'][number];
export type CreatedWebhook = ResponseOf<'/api/v1/integration/webhooks', 'post'>;
export type NewWebhook = BodyOf<'/api/v1/integration/webhooks', 'post'>;
export type WebhookChanges = BodyOf<'/api/v1/integration/webhooks/{id}', 'patch'>;
export type WebhookDelivery = ResponseOf<'/api/v1/integration/webhooks/{id}/deliveries', 'get'>['items'][number];
export type WebhookDeliveryAttempt = WebhookDelivery['attemptLog'][number];
export type WebhookEventTypeOfApi = Webhook['eventTypes'][number];

export type Semester = ResponseOf<'/api/v1/calendar/semesters', 'get'>[number];
export type NewSemester = BodyOf<'/api/v1/calendar/semesters', 'post'>;
export type SemesterChanges = BodyOf<'/api/v1/calendar/semesters/{id}', 'patch'>;
export type CalendarDay = ResponseOf<'/api/v1/calendar/days', 'get'>[number];
export type CalendarDaysUpdate = BodyOf<'/api/v1/calendar/days', 'put'>;
export type TeachingWeek = ResponseOf<'/api/v1/calendar/teaching-week', 'get'>;
export type Deadline = ResponseOf<'/api/v1/calendar/working-days', 'get'>;

/** An uploaded file as POST /files answers it (PLT-5). */
export type UploadedFile = ResponseOf<'/api/v1/files', 'post'>;

export type ImportReport = ResponseOf<'/api/v1/org/users/import', 'post'>;
export type ImportProblem = ImportReport['problems'][number];
