import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A remembered `Idempotency-Key` (NFR-7): the first response for a key is stored and replayed
 * for a retry with the same body. Keys are scoped to the caller.
 */
@Entity('idempotency_keys')
export class IdempotencyKey {
  /** The caller: a user id, or `anonymous`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scope: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  /** SHA-256 of method, route and body: the same key with another body is refused (422). */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 20 })
  state: 'processing' | 'completed';

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
