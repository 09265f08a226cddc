import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { AuditEntry } from './audit-entry.entity';

/**
 * The hash chain over the audit log. A sealing job links committed audit rows into the chain in
 * its own order shortly after they are written, so that no write in the school waits on a chain
 * lock. `hash = sha256(prevHash | canonical row)`; changing a sealed row breaks its link.
 * Append-only like the log itself.
 */
@Entity('audit_seals')
export class AuditSeal {
  @PrimaryColumn({ name: 'audit_id', type: 'bigint' })
  auditId: string;

  @OneToOne('AuditEntry', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'audit_id', foreignKeyConstraintName: 'FK_audit_seals_audit' })
  entry?: AuditEntry;

  /** Position in the chain, 1, 2, 3, … without gaps. */
  @Index('UQ_audit_seals_position', { unique: true })
  @Column({ type: 'bigint' })
  position: string;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'sealed_at', type: 'timestamptz', default: () => 'now()' })
  sealedAt: Date;
}
