import type { Readable } from 'node:stream';

/**
 * Where the bytes of files live (PLT-5): local disk under DATA_DIR by default, an S3-compatible
 * bucket when S3_* is configured. Keys are ours (random ids), never a user's file name. One
 * contract test runs against every implementation.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  /** Stores `size` bytes under `key`, replacing nothing half-written: a failed put leaves no object. */
  put(key: string, body: Readable, size: number): Promise<void>;
  /** The bytes under `key`; StoredObjectMissing when there are none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Nest injection token of the configured FileStorage. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class StoredObjectMissing extends Error {
  constructor(key: string) {
    super(`No stored object under ${key}`);
  }
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)*$/;

/** Keys are plain path segments: no `..`, no leading slash, nothing a user chose. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 200) throw new Error(`Invalid storage key: ${key}`);
  return key;
}
