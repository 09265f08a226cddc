import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import {
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isClassified, type SecrecyLevel } from '@xiaoban/shared';
import type { FastifyRequest } from 'fastify';
import { DataSource, In, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessService, type ObjectRef } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { ApiError, badRequest, notFound } from '../http/api-error';
import type { RequestContext } from '../http/request-context';
import { returnedRows } from '../http/sql';
import { JobsService } from '../jobs/jobs.service';
import { WatermarkService } from '../watermark/watermark.service';
import { DRAFT_OWNER, StoredFile } from './file.entity';
import { FileEncryption } from './file-encryption';
import { DEFAULT_FILE_TYPES, detectFileType, RefusedFileType } from './file-types';
import type { AttachmentDto, FileDto } from './files.dto';
import { FILE_ERRORS } from './files.errors';
import { toAttachmentDto, toFileDto } from './files.mapper';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage';
import { S3Storage } from './storage/s3.storage';
import { receiveUpload } from './upload';

const DELETE_OBJECT_QUEUE = 'files-delete-object';
const CLEANUP_QUEUE = 'files-cleanup';
/** Drafts nobody attached within this time are removed. */
const DRAFT_LIFETIME = '24 hours';
/** Temp files of uploads that died mid-way are removed after this long. */
const TEMP_LIFETIME_MS = 3600_000;

/** A download, ready to send. */
export interface FileDownload {
  name: string;
  contentType: string;
  body: Readable | Buffer;
  /** Known up front unless the body is a stream of unknown length. */
  length: number;
  watermarked: boolean;
}

/**
 * Files (附件, PLT-5). An upload is streamed to a temp file while it is hashed, its type is
 * detected from the content, and it is stored under a random key as a draft of its uploader.
 * A module attaches drafts to its object in its own transaction; from then on the file is read
 * through that object: whoever may read the object may download the file, nobody else, and the
 * file id alone opens nothing. Files of classified objects are encrypted at rest and their
 * downloads are audited and watermarked.
 */
@Injectable()
export class FilesService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Files');
  private readonly acceptedTypes: readonly string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly encryption: FileEncryption,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly watermark: WatermarkService,
    private readonly jobs: JobsService,
  ) {
    this.acceptedTypes = config.fileTypes ?? DEFAULT_FILE_TYPES;
  }

  private get tempDir(): string {
    return join(this.config.dataDir, 'tmp', 'uploads');
  }

  onModuleInit(): void {
    this.jobs.register({
      name: DELETE_OBJECT_QUEUE,
      handler: (data) => this.storage.delete((data as { key: string }).key),
      retryLimit: 10,
    });
    this.jobs.register({ name: CLEANUP_QUEUE, cron: '23 * * * *', handler: () => this.cleanUp().then(() => undefined) });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.fileEncryptionKey && (this.config.databaseUrl || this.config.s3)) {
      // Several instances, or a machine that may change, each make their own key file: one key must be shared.
      this.logger.warn(
        `FILE_ENCRYPTION_KEY is not set: classified files are encrypted with the key file ${this.encryption.keyFile}. ` +
          'Running more than one API instance needs the same FILE_ENCRYPTION_KEY on each.',
      );
    }
    if (this.storage instanceof S3Storage) {
      await this.storage.ensureBucket().catch((error) => this.logger.warn({ err: error }, 'Could not check the S3 bucket'));
    }
  }

  onApplicationShutdown(): void {
    if (this.storage instanceof S3Storage) this.storage.destroy();
  }

  // ---------- uploading ----------

  /** Receives an upload as a draft of its uploader, to be attached by a module. */
  async upload(request: FastifyRequest, options: { classified?: boolean }, ctx: RequestContext): Promise<FileDto> {
    const received = await receiveUpload(request, this.tempDir, this.config.fileMaxBytes);
    try {
      let contentType: string;
      try {
        contentType = (await detectFileType(received.path, received.name, this.acceptedTypes)).contentType;
      } catch (error) {
        if (!(error instanceof RefusedFileType)) throw error;
        await this.audit.recordSecurityEvent(ctx, {
          action: 'file.upload-refused',
          objectType: 'file',
          details: { name: received.name, size: received.size, reason: error.message },
        });
        throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, FILE_ERRORS.FILE_TYPE_REFUSED, `The file was refused: ${error.message}`, {
          file: [error.message],
        });
      }
      const stored = await this.store(() => createReadStream(received.path), received.size, Boolean(options.classified));
      try {
        const file = await this.dataSource.transaction(async (manager) => {
          const [row] = await manager.query(
            `INSERT INTO files (owner_type, owner_id, original_name, content_type, size, sha256, storage_key, encrypted, iv, auth_tag, uploaded_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $2) RETURNING id`,
            [
              DRAFT_OWNER,
              ctx.actor!.id,
              received.name,
              contentType,
              received.size,
              received.sha256,
              stored.key,
              stored.iv !== null,
              stored.iv,
              stored.authTag,
            ],
          );
          await this.audit.record(manager, ctx, {
            action: 'file.upload',
            objectType: 'file',
            objectId: row.id,
            details: { name: received.name, size: received.size, contentType, sha256: received.sha256 },
          });
          return manager.findOneByOrFail(StoredFile, { id: row.id });
        });
        return toFileDto(file, ctx.actor!.name);
      } catch (error) {
        await this.storage.delete(stored.key);
        throw error;
      }
    } finally {
      await rm(received.path, { force: true });
    }
  }

  /** Discards a draft its uploader no longer wants. */
  async discardDraft(fileId: string, ctx: RequestContext): Promise<void> {
    const key = await this.dataSource.transaction(async (manager) => {
      const file = await manager.findOneBy(StoredFile, { id: fileId, ownerType: DRAFT_OWNER, ownerId: ctx.actor!.id });
      if (!file) throw notFound('file');
      await manager.delete(StoredFile, { id: file.id });
      await this.audit.record(manager, ctx, { action: 'file.discard', objectType: 'file', objectId: file.id });
      return file.storageKey;
    });
    await this.storage.delete(key);
  }

  // ---------- attaching (for modules) ----------

  /**
   * Attaches drafts of the acting person to an object, in the module's transaction. Files of a
   * classified object are encrypted now if they were not uploaded encrypted. `field` names the
   * request field for the error a form shows.
   */
  async attach(manager: EntityManager, fileIds: string[], owner: ObjectRef, ctx: RequestContext, field = 'attachmentIds'): Promise<void> {
    const ids = [...new Set(fileIds)];
    if (ids.length === 0) return;
    const files = await manager
      .createQueryBuilder(StoredFile, 'f')
      .setLock('pessimistic_write')
      .where('f.id IN (:...ids)', { ids })
      .getMany();
    if (files.length !== ids.length || files.some((f) => f.ownerType !== DRAFT_OWNER || f.ownerId !== ctx.actor?.id)) {
      throw badRequest('Some files cannot be attached', {
        [field]: ['one or more files do not exist, are attached already, or are not yours'],
      });
    }
    const secrecy = await this.access.secrecyOf(owner, manager);
    if (secrecy === undefined) throw new Error(`Cannot attach files to ${owner.type} ${owner.id}: it is not registered or does not exist`);
    if (isClassified(secrecy)) {
      for (const file of files.filter((f) => !f.encrypted)) await this.seal(manager, file);
    }
    await manager.update(StoredFile, { id: In(ids) }, { ownerType: owner.type, ownerId: owner.id });
    await this.audit.record(manager, ctx, {
      action: 'file.attach',
      objectType: owner.type,
      objectId: owner.id,
      details: { fileIds: ids },
    });
  }

  /** The attachments of objects of one type, keyed by object id (for a module's list and detail views). */
  async attachmentsOf(manager: EntityManager, ownerType: string, ownerIds: string[]): Promise<Map<string, AttachmentDto[]>> {
    const result = new Map<string, AttachmentDto[]>();
    if (ownerIds.length === 0) return result;
    const files = await manager.find(StoredFile, {
      where: { ownerType, ownerId: In([...new Set(ownerIds)]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const file of files) result.set(file.ownerId, [...(result.get(file.ownerId) ?? []), toAttachmentDto(file)]);
    return result;
  }

  /** Of `fileIds`, those attached to `owner` already: a form may send its whole list of files again. */
  async attachedTo(manager: EntityManager, owner: ObjectRef, fileIds: string[]): Promise<Set<string>> {
    if (fileIds.length === 0) return new Set();
    const files = await manager.find(StoredFile, {
      select: { id: true },
      where: { id: In([...new Set(fileIds)]), ownerType: owner.type, ownerId: owner.id },
    });
    return new Set(files.map((f) => f.id));
  }

  /**
   * Detaches files from an object, in the module's transaction: the file rows go at once (and with
   * them any text read from them for search), the bytes once it commits. `field` names the request
   * field for the error a form shows.
   */
  async detach(
    manager: EntityManager,
    fileIds: string[],
    owner: ObjectRef,
    ctx: RequestContext,
    field = 'removeAttachmentIds',
  ): Promise<void> {
    const ids = [...new Set(fileIds)];
    if (ids.length === 0) return;
    const files = await manager
      .createQueryBuilder(StoredFile, 'f')
      .setLock('pessimistic_write')
      .where('f.id IN (:...ids) AND f.owner_type = :type AND f.owner_id = :owner', { ids, type: owner.type, owner: owner.id })
      .getMany();
    if (files.length !== ids.length)
      throw badRequest('Some files are not attached', { [field]: ['one or more files are not attached to this object'] });
    await this.remove(manager, files);
    await this.audit.record(manager, ctx, { action: 'file.detach', objectType: owner.type, objectId: owner.id, details: { fileIds: ids } });
  }

  /** Removes the files of an object that is deleted, in its transaction; the bytes go once it commits. */
  async removeOwned(manager: EntityManager, owner: ObjectRef): Promise<void> {
    await this.remove(manager, await manager.findBy(StoredFile, { ownerType: owner.type, ownerId: owner.id }));
  }

  private async remove(manager: EntityManager, files: StoredFile[]): Promise<void> {
    if (files.length === 0) return;
    await manager.delete(StoredFile, { id: In(files.map((f) => f.id)) });
    for (const file of files) await this.jobs.sendWithin(manager, DELETE_OBJECT_QUEUE, { key: file.storageKey });
  }

  // ---------- reading ----------

  /** The files of an object the viewer may read (their own drafts for `draft`). */
  async listOwned(viewer: Principal, owner: ObjectRef, ctx: RequestContext): Promise<FileDto[]> {
    if (owner.type === DRAFT_OWNER) {
      if (owner.id !== viewer.id) throw notFound(DRAFT_OWNER);
    } else {
      await this.access.assertCanRead(viewer, owner, ctx);
    }
    const rows = await this.dataSource.manager
      .createQueryBuilder(StoredFile, 'f')
      .leftJoinAndSelect('f.uploader', 'u')
      .where('f.owner_type = :type AND f.owner_id = :id', { type: owner.type, id: owner.id })
      .orderBy('f.created_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
    return rows.map((f) => toFileDto(f, f.uploader?.name ?? ''));
  }

  /**
   * A file for download, authorised through its owning object: a file id alone opens nothing.
   * Downloads of files of classified objects are audited and always watermarked where the type allows.
   */
  async download(fileId: string, viewer: Principal, ctx: RequestContext, options: { watermark?: boolean } = {}): Promise<FileDownload> {
    const file = await this.dataSource.manager.findOneBy(StoredFile, { id: fileId });
    if (!file) throw notFound('file');
    let secrecy: SecrecyLevel | null = null;
    if (file.ownerType === DRAFT_OWNER) {
      if (file.ownerId !== viewer.id) throw notFound('file');
    } else {
      try {
        ({ secrecy } = await this.access.assertCanRead(viewer, { type: file.ownerType, id: file.ownerId }, ctx));
      } catch (error) {
        if (error instanceof ApiError && error.getStatus() === HttpStatus.NOT_FOUND) throw notFound('file');
        throw error;
      }
    }
    const classified = isClassified(secrecy);
    const mark = (classified || options.watermark === true) && this.watermark.supports(file.contentType);
    if (classified) {
      await this.audit.record(this.dataSource.manager, ctx, {
        action: 'file.download',
        objectType: 'file',
        objectId: file.id,
        details: { ownerType: file.ownerType, ownerId: file.ownerId, secrecy, watermarked: mark },
      });
    }
    const plain = await this.plaintext(file);
    if (!mark) return { name: file.originalName, contentType: file.contentType, body: plain, length: file.size, watermarked: false };
    const marked = await this.watermark.apply(await collect(plain), file.contentType, { viewer: viewer.name, at: new Date() });
    return { name: file.originalName, contentType: file.contentType, body: marked, length: marked.length, watermarked: true };
  }

  // ---------- storage ----------

  /** Writes bytes under a new random key, encrypted when asked; returns the key and the IV and tag. */
  private async store(
    open: () => Readable,
    size: number,
    encrypt: boolean,
  ): Promise<{ key: string; iv: Buffer | null; authTag: Buffer | null }> {
    const now = new Date();
    const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    if (!encrypt) {
      await this.storage.put(key, open(), size);
      return { key, iv: null, authTag: null };
    }
    const { cipher, iv } = this.encryption.encryptor();
    // GCM adds no padding: the ciphertext is exactly as long as the content.
    await this.storage.put(
      key,
      pipeline(open(), cipher, () => undefined),
      size,
    );
    return { key, iv, authTag: cipher.getAuthTag() };
  }

  /** Encrypts a plain file in place (a new object; the old one is deleted once the transaction commits). */
  private async seal(manager: EntityManager, file: StoredFile): Promise<void> {
    const plain = await collect(await this.storage.get(file.storageKey));
    const stored = await this.store(() => streamOf(plain), plain.length, true);
    await manager.update(StoredFile, { id: file.id }, { storageKey: stored.key, encrypted: true, iv: stored.iv, authTag: stored.authTag });
    await this.jobs.sendWithin(manager, DELETE_OBJECT_QUEUE, { key: file.storageKey });
  }

  private async plaintext(file: StoredFile): Promise<Readable> {
    const stored = await this.storage.get(file.storageKey);
    if (!file.encrypted) return stored;
    // A changed byte or tag fails the stream at its end, and the download is cut off.
    return pipeline(stored, this.encryption.decryptor(file.iv!, file.authTag!), () => undefined);
  }

  /** Removes drafts nobody attached, and temp files of uploads that died mid-way. */
  async cleanUp(): Promise<number> {
    const stale = returnedRows<{ id: string; storage_key: string }>(
      await this.dataSource.query(
        `DELETE FROM files WHERE id IN (
           SELECT id FROM files WHERE owner_type = $1 AND created_at < now() - interval '${DRAFT_LIFETIME}' LIMIT 1000)
         RETURNING id, storage_key`,
        [DRAFT_OWNER],
      ),
    );
    for (const row of stale) await this.storage.delete(row.storage_key);
    const temp = await readdir(this.tempDir).catch(() => [] as string[]);
    for (const name of temp) {
      const path = join(this.tempDir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > TEMP_LIFETIME_MS) await rm(path, { force: true });
    }
    return stale.length;
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function streamOf(bytes: Buffer): Readable {
  return Readable.from([bytes]);
}
