import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../org/user.entity';

/**
 * An API token (接口令牌) for another school system (PLT-9). The secret is shown once when the
 * token is made; only its SHA-256 is kept, with a short prefix to recognise it in lists. A token
 * acts with exactly its scopes (permission codes), until it expires or is revoked.
 */
@Entity('api_tokens')
@Check('CHK_api_tokens_permissions', `cardinality(permissions) >= 1`)
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The start of the secret (`xbt_` and 8 characters), for display; not enough to use it. */
  @Column({ name: 'token_prefix', type: 'varchar', length: 16 })
  tokenPrefix: string;

  @Index('UQ_api_tokens_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  /** Scopes: permission codes from libs/shared, a subset of the creator's at creation. */
  @Column({ type: 'text', array: true })
  permissions: string[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_api_tokens_created_by' })
  createdBy?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** Updated at most once a minute, so a busy integration does not write on every request. */
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
