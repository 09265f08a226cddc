/**
 * Types of the API's payloads, read off the generated `paths` by route rather than by schema name,
 * so that renaming a DTO class in the API does not ripple through the panel.
 */
import type { paths } from '@xiaoban/api-client';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];

/** Body of the success response (200, else 201) of an operation. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer Ok }
      ? JsonOf<Ok>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : never
    : never;

/** JSON request body of an operation. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** Query parameters of an operation. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type TokenPair = ResponseOf<'/api/v1/auth/login', 'post'>;
export type Me = ResponseOf<'/api/v1/auth/me', 'get'>;

export type User = ResponseOf<'/api/v1/org/users/{id}', 'get'>;
export type UserPage = ResponseOf<'/api/v1/org/users', 'get'>;
export type UserQuery = QueryOf<'/api/v1/org/users', 'get'>;
export type NewUser = BodyOf<'/api/v1/org/users', 'post'>;
export type UserChanges = BodyOf<'/api/v1/org/users/{id}', 'patch'>;

export type Department = ResponseOf<'/api/v1/org/departments', 'get'>[number];
/** A department as the staff directory shows it to everyone (for pickers). */
export type DirectoryDepartment = ResponseOf<'/api/v1/org/directory/departments', 'get'>[number];
export type NewDepartment = BodyOf<'/api/v1/org/departments', 'post'>;
export type DepartmentChanges = BodyOf<'/api/v1/org/departments/{id}', 'patch'>;

export type Role = ResponseOf<'/api/v1/org/roles', 'get'>[number];
export type NewRole = BodyOf<'/api/v1/org/roles', 'post'>;
export type RoleChanges = BodyOf<'/api/v1/org/roles/{id}', 'patch'>;

export type AuditEntry = ResponseOf<'/api/v1/audit/logs', 'get'>['items'][number];
export type AuditQuery = QueryOf<'/api/v1/audit/logs', 'get'>;
export type AuditVerification = ResponseOf<'/api/v1/audit/verify', 'get'>;

/** Identifier type of users, departments and roles, whatever the API declares it to be. */
export type EntityId = User['id'];

export type ApprovalSummary = ResponseOf<'/api/v1/approvals/requests', 'get'>['items'][number];
export type ApprovalQuery = QueryOf<'/api/v1/approvals/requests', 'get'>;
export type ApprovalScope = NonNullable<ApprovalQuery['scope']>;
export type ApprovalRequest = ResponseOf<'/api/v1/approvals/requests/{id}', 'get'>;
export type ApprovalTask = ApprovalRequest['tasks'][number];
export type ApprovalEvent = ApprovalRequest['events'][number];
/** A step as the API sends it; the shared `ApprovalStep` is the same shape, typed more tightly. */
export type ApprovalStepOfApi = ApprovalRequest['steps'][number];
export type ApprovalChain = ResponseOf<'/api/v1/approvals/chains', 'get'>[number];
export type ApprovalChainUpdate = BodyOf<'/api/v1/approvals/chains/{kind}', 'put'>;

export type InboxItem = ResponseOf<'/api/v1/inbox', 'get'>['items'][number];
export type InboxBox = NonNullable<QueryOf<'/api/v1/inbox', 'get'>['box']>;
export type InboxCounts = ResponseOf<'/api/v1/inbox/counts', 'get'>;

export type Message = ResponseOf<'/api/v1/messages/{id}', 'get'>;
export type MessageBox = NonNullable<QueryOf<'/api/v1/messages', 'get'>['box']>;
export type MessageReceipt = ResponseOf<'/api/v1/messages/{id}/receipts', 'get'>[number];
export type NewMessage = BodyOf<'/api/v1/messages', 'post'>;

export type Delivery = ResponseOf<'/api/v1/notifications/deliveries', 'get'>['items'][number];
export type DeliveryQuery = QueryOf<'/api/v1/notifications/deliveries', 'get'>;
export type DeliveryStatus = Delivery['status'];
export type ChannelName = Delivery['channel'];
export type ChannelSettings = ResponseOf<'/api/v1/notifications/channels', 'get'>[number];
export type ChannelSettingsChanges = BodyOf<'/api/v1/notifications/channels/{channel}', 'put'>;
export type NotificationPreferences = ResponseOf<'/api/v1/notifications/preferences', 'get'>;
