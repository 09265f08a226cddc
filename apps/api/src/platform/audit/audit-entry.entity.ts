import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row of the audit log (操作日志, PLT-6), written in the same transaction as the change it
 * records. The table is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_log')
@Index('IDX_audit_log_object', ['objectType', 'objectId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Index('IDX_audit_log_occurred_at')
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** Null for anonymous submissions and for the system itself. */
  @Index('IDX_audit_log_actor')
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  /** What happened, e.g. `user.create`, `auth.login-failed`. */
  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ name: 'object_type', type: 'varchar', length: 100 })
  objectType: string;

  @Column({ name: 'object_id', type: 'varchar', length: 100, nullable: true })
  objectId: string | null;

  /** Changed fields as `{ field: [before, after] }`, secrets removed. */
  @Column({ type: 'jsonb', nullable: true })
  diff: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
