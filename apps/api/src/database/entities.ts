import { AuditEntry } from '../platform/audit/audit-entry.entity';
import { AuditSeal } from '../platform/audit/audit-seal.entity';
import { RefreshToken } from '../platform/auth/refresh-token.entity';
import { IdempotencyKey } from '../platform/http/idempotency-key.entity';
import { Department } from '../platform/org/department.entity';
import { Role } from '../platform/org/role.entity';
import { User } from '../platform/org/user.entity';

/** Every entity of the app; modules add theirs here so the CLI and the app see the same schema. */
export const ENTITIES = [Department, User, Role, RefreshToken, AuditEntry, AuditSeal, IdempotencyKey];
