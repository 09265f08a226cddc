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
import { ChannelSetting, NotificationDelivery, NotificationPreference } from '../platform/notifications/delivery.entity';
import { Message, MessageRecipient } from '../platform/notifications/messages/message.entity';

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
];
