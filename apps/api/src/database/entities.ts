import { AuditEntry } from '../platform/audit/audit-entry.entity';
import { AuditSeal } from '../platform/audit/audit-seal.entity';
import { RefreshToken } from '../platform/auth/refresh-token.entity';
import { IdempotencyKey } from '../platform/http/idempotency-key.entity';
import { Department } from '../platform/org/department.entity';
import { Role } from '../platform/org/role.entity';
import { User } from '../platform/org/user.entity';
import {
  ApprovalChain,
  ApprovalCopy,
  ApprovalEvent,
  ApprovalOutcomeReceipt,
  ApprovalRequest,
  ApprovalTask,
} from '../platform/approvals/approval.entities';
import { InboxItem } from '../platform/inbox/inbox-item.entity';
import { ApiToken } from '../platform/integration/api-token.entity';
import { WebhookDelivery, WebhookDeliveryAttempt, WebhookSubscription } from '../platform/integration/webhook.entities';
import { CalendarDay, Semester } from '../platform/calendar/calendar.entities';
import { Backup } from '../platform/backup/backup.entity';
import { ChannelSetting, NotificationDelivery, NotificationPreference } from '../platform/notifications/delivery.entity';
import { Message, MessageRecipient } from '../platform/notifications/messages/message.entity';
import { AccessGrant } from '../platform/access/access-grant.entity';
import { StoredFile } from '../platform/files/file.entity';
import { IncomingDocument, IncomingDocumentCounter, IncomingDocumentRoute } from '../modules/documents/incoming/incoming.entity';
import {
  OutgoingDocument,
  OutgoingDocumentCountersign,
  OutgoingDocumentDistribution,
  OutgoingDocumentStep,
  OutgoingNumberCounter,
  OutgoingNumberLog,
  OutgoingNumberPrefix,
} from '../modules/documents/outgoing/outgoing.entity';
import { DestructionList, DestructionListItem, DestructionWitness } from '../platform/retention/destruction.entities';
import { DocumentInventory, DocumentInventoryItem } from '../modules/documents/inventory/inventory.entities';
import { DocumentText } from '../modules/documents/search/document-text.entity';
import { ADMINISTRATION_ENTITIES } from '../modules/administration/administration.entities';
import { INFORMATION_ENTITIES } from '../modules/information/desensitisation/name-list.entity';
import { NOTICE_ENTITIES } from '../modules/information/notices/notice.entities';
import { RECEPTION_ENTITIES } from '../modules/information/reception.entities';
import { TRAINING_ENTITIES } from '../modules/assessment/training/training.entities';
import { Suggestion } from '../modules/assessment/suggestions/suggestion.entity';
import { MonthlySummary } from '../modules/assessment/summary/monthly-summary.entity';
import { QUESTIONNAIRE_ENTITIES } from '../modules/assessment/questionnaires/questionnaire.entities';
import { MeetingRoom } from '../modules/meetings/rooms/room.entity';
import { RoomBooking, RoomBookingSeries } from '../modules/meetings/bookings/booking.entity';
import {
  Meeting,
  MeetingAttendee,
  MeetingCalendarFeed,
  MeetingDepartment,
  MeetingTopic,
  MeetingType,
} from '../modules/meetings/meetings/meeting.entity';
import { MAINTENANCE_ENTITIES } from '../modules/logistics/maintenance/maintenance.entities';
import { MEETING_PREPARATION_ENTITIES } from '../modules/meetings/preparation/preparation.entities';
import { MEETING_MINUTES_ENTITIES } from '../modules/meetings/minutes/minutes-entities';
import { BOARD_ENTITIES } from '../modules/information/boards/boards.entities';
import { SUPPLIES_LEDGER_ENTITIES } from '../modules/logistics/supplies/catalogue.entities';
import { PURCHASING_ENTITIES } from '../modules/logistics/purchasing/purchasing.entities';
import { SUPPLIES_DISTRIBUTION_ENTITIES } from '../modules/logistics/supplies/distribution.entities';
import { EVENT_LOGISTICS_ENTITIES } from '../modules/logistics/events/event.entities';
import { IMPROVEMENT_ENTITIES } from '../modules/assessment/improvement/improvement.entities';
import { Incident } from '../modules/assessment/incidents/incident.entity';
import { Escalation, EscalationRoute } from '../modules/assessment/escalations/escalation.entities';
import { SupportRequest } from '../modules/assessment/support/support-request.entity';
import { EVALUATION_ENTITIES } from '../modules/assessment/evaluations/evaluation.entities';
import { InnovationSuggestion } from '../modules/assessment/innovation/innovation-suggestion.entity';

/** Every entity of the app; modules add theirs here so the CLI and the app see the same schema. */
export const ENTITIES = [
  Department,
  User,
  Role,
  RefreshToken,
  AuditEntry,
  AuditSeal,
  IdempotencyKey,
  // workflow platform, part 1 (PLT-2, PLT-3, PLT-4, ADM-2)
  InboxItem,
  Message,
  MessageRecipient,
  NotificationDelivery,
  NotificationPreference,
  ChannelSetting,
  ApprovalChain,
  ApprovalRequest,
  ApprovalTask,
  ApprovalEvent,
  ApprovalCopy,
  ApprovalOutcomeReceipt,
  // backups (NFR-8)
  Backup,
  // school calendar (PLT-10)
  Semester,
  CalendarDay,
  // files and object access (PLT-5, REQ-3)
  AccessGrant,
  StoredFile,
  // integration (PLT-9)
  ApiToken,
  WebhookSubscription,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  // documents: incoming (DOC-1–DOC-6)
  IncomingDocumentCounter,
  IncomingDocument,
  IncomingDocumentRoute,
  OutgoingNumberPrefix,
  OutgoingNumberCounter,
  OutgoingDocument,
  OutgoingNumberLog,
  OutgoingDocumentStep,
  OutgoingDocumentCountersign,
  OutgoingDocumentDistribution,
  // retention and destruction (DOC-10), inventory (DOC-9)
  DestructionList,
  DestructionListItem,
  DestructionWitness,
  DocumentInventory,
  DocumentInventoryItem,
  DocumentText,
  // meetings: rooms, bookings, meetings and notices (MTG-1–MTG-3)
  MeetingRoom,
  RoomBookingSeries,
  RoomBooking,
  MeetingType,
  Meeting,
  MeetingTopic,
  MeetingDepartment,
  MeetingAttendee,
  MeetingCalendarFeed,
  // meetings: preparation, materials and notes (MTG-4, MTG-5, MTG-7)
  ...MEETING_PREPARATION_ENTITIES,
  // administration: seals (ADM-4–ADM-6) and the work ledger (ADM-3)
  ...ADMINISTRATION_ENTITIES,
  ...INFORMATION_ENTITIES,
  ...NOTICE_ENTITIES,
  // assessment: training records (ASM-6)
  ...TRAINING_ENTITIES,
  Suggestion,
  // meetings: minutes (MTG-8), resolutions (MTG-9), coordination meetings (ADM-1)
  ...MEETING_MINUTES_ENTITIES,
  // logistics: maintenance requests and facility inspections (LOG-9, LOG-10)
  ...MAINTENANCE_ENTITIES,
  // information: bulletin boards (INF-6), group robots, the link checker (INF-5)
  ...BOARD_ENTITIES,
  // logistics: supplies catalogue and stock ledger (LOG-1, LOG-5–LOG-8)
  ...SUPPLIES_LEDGER_ENTITIES,
  // logistics: purchasing (LOG-2–LOG-4)
  ...PURCHASING_ENTITIES,
  // logistics: supplies distribution, low-stock alerts, stocktaking (LOG-5–LOG-7)
  ...SUPPLIES_DISTRIBUTION_ENTITIES,
  // information: collection (INF-1), notice comments (INF-4), visitors (INF-7), reception cover (INF-9)
  ...RECEPTION_ENTITIES,
  // logistics: event logistics (LOG-11)
  ...EVENT_LOGISTICS_ENTITIES,
  // assessment: the monthly work summary (ASM-1, REQ-4)
  MonthlySummary,
  // assessment: improvement (ASM-5), incidents (REQ-5), escalation (REQ-1), support requests (REQ-2)
  ...IMPROVEMENT_ENTITIES,
  Incident,
  EscalationRoute,
  Escalation,
  SupportRequest,
  // assessment: questionnaires (ASM-3)
  ...QUESTIONNAIRE_ENTITIES,
  // assessment: evaluations (ASM-2) and innovation suggestions (ASM-7)
  ...EVALUATION_ENTITIES,
  InnovationSuggestion,
];
