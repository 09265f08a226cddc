import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { User } from '../org/user.entity';

/** Owner type of a file uploaded but not yet attached to anything: owned by its uploader. */
export const DRAFT_OWNER = 'draft';

/**
 * A stored file (附件, PLT-5). It belongs to an owning object (a message, a document, …) and is
 * readable exactly by those who may read that object; until attached it is a draft of its
 * uploader. The bytes are in the file storage under `storageKey`, never under the user's name.
 */
@Entity('files')
@Index('IDX_files_owner', ['ownerType', 'ownerId'])
@Check('CHK_files_encryption', `encrypted = (iv IS NOT NULL AND auth_tag IS NOT NULL)`)
@Check('CHK_files_size', `size >= 0`)
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A resource type registered with the access service, or `draft`. */
  @Column({ name: 'owner_type', type: 'varchar', length: 60 })
  ownerType: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  /** The name the uploader gave it, shown and offered on download; never used as a path. */
  @Column({ name: 'original_name', type: 'varchar', length: 255 })
  originalName: string;

  /** Detected from the content, not taken from the client. */
  @Column({ name: 'content_type', type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  /** SHA-256 of the content (hex), as uploaded. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Index('UQ_files_storage_key', { unique: true })
  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey: string;

  /** True for files of classified objects: AES-256-GCM at rest. */
  @Column({ type: 'boolean', default: false })
  encrypted: boolean;

  @Column({ type: 'bytea', nullable: true })
  iv: Buffer | null;

  @Column({ name: 'auth_tag', type: 'bytea', nullable: true })
  authTag: Buffer | null;

  @Index('IDX_files_uploaded_by')
  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'FK_files_uploaded_by' })
  uploader?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
