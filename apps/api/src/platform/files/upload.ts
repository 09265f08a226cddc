import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpStatus } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import type { FastifyRequest } from 'fastify';
import { ApiError, badRequest } from '../http/api-error';
import { FILE_ERRORS } from './files.errors';

/** An upload received into a temp file of ours. */
export interface ReceivedUpload {
  path: string;
  /** The user's file name, cleaned: shown and offered on download, never used as a path. */
  name: string;
  size: number;
  sha256: string;
}

export const tooLarge = (maxBytes: number) =>
  new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, PLATFORM_ERRORS.PAYLOAD_TOO_LARGE, `The file is larger than ${maxBytes} bytes`, {
    file: [`must be at most ${maxBytes} bytes`],
  });

const notMultipart = () =>
  new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, FILE_ERRORS.NOT_MULTIPART, 'Send the file as multipart/form-data in the field "file"', {
    file: ['send the file as multipart/form-data'],
  });

/** A file name safe to show and to put in a header: no folders, no control characters, at most 255 characters. */
export function cleanFileName(raw: string | undefined): string {
  const name = basename((raw ?? '').replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return [...(name || 'file')].slice(0, 255).join('');
}

/**
 * Streams the multipart field `file` into a temp file under `tempDir`, hashing it on the way
 * (SHA-256), never holding it in memory. Over `maxBytes` the temp file is removed and the
 * upload refused with 413: nothing partial is left behind.
 */
export async function receiveUpload(request: FastifyRequest, tempDir: string, maxBytes: number): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw notMultipart();
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 20 } });
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw notMultipart();
    throw error;
  }
  if (!part || part.fieldname !== 'file') throw badRequest('No file was sent', { file: ['choose a file'] });

  await mkdir(tempDir, { recursive: true, mode: 0o700 });
  const path = join(tempDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, measure, createWriteStream(path, { mode: 0o600 }));
    if (part.file.truncated) throw tooLarge(maxBytes);
  } catch (error) {
    await rm(path, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
  return { path, name: cleanFileName(part.filename), size, sha256: hash.digest('hex') };
}
