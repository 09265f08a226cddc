import { createCipheriv, createDecipheriv, randomBytes, type CipherGCM, type DecipherGCM } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ALGORITHM = 'aes-256-gcm';

/**
 * Encryption at rest of classified files (PLT-5): AES-256-GCM, a random IV per file, the tag kept
 * with the file's row. The key never enters the database: FILE_ENCRYPTION_KEY (base64, 32 bytes),
 * or on the embedded default a key file DATA_DIR/secrets/file-encryption.key made on first use
 * (mode 0600). Backups must carry the key with them, separately from the database dump.
 */
export class FileEncryption {
  private key: Buffer | undefined;

  constructor(
    private readonly configuredKey: string | undefined,
    private readonly dataDir: string,
  ) {}

  get keyFile(): string {
    return join(this.dataDir, 'secrets', 'file-encryption.key');
  }

  /** A cipher for one file, with its fresh IV; read `getAuthTag()` once it has ended. */
  encryptor(): { cipher: CipherGCM; iv: Buffer } {
    const iv = randomBytes(12);
    return { cipher: createCipheriv(ALGORITHM, this.loadKey(), iv), iv };
  }

  /** A decipher that fails at its end when the bytes or the tag were changed. */
  decryptor(iv: Buffer, authTag: Buffer): DecipherGCM {
    const decipher = createDecipheriv(ALGORITHM, this.loadKey(), iv);
    decipher.setAuthTag(authTag);
    return decipher;
  }

  private loadKey(): Buffer {
    if (this.key) return this.key;
    if (this.configuredKey) {
      this.key = Buffer.from(this.configuredKey, 'base64');
      return this.key;
    }
    const path = this.keyFile;
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // 'wx': two instances starting together on one data directory do not overwrite each other's key.
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte base64 key`);
    this.key = key;
    return key;
  }
}
