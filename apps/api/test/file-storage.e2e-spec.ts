import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PERMISSIONS } from '@xiaoban/shared';
import S3rver from 's3rver';
import { FILE_STORAGE, StoredObjectMissing, type FileStorage } from '../src/platform/files/storage/file-storage';
import { LocalDiskStorage } from '../src/platform/files/storage/local-disk.storage';
import { S3Storage } from '../src/platform/files/storage/s3.storage';
import { binary, samplePdf, sha256 } from './factories/files.factory';
import { createUserWith, loginAsAdmin } from './factories/org.factory';
import { startTestApp } from './setup/test-app';

/** A local S3-compatible server (s3rver) on 127.0.0.1 and a free port, with its data in a temp folder. */
async function startS3(): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const directory = mkdtempSync(join(tmpdir(), 'xiaoban-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

const S3_CREDENTIALS = { accessKey: 'S3RVER', secretKey: 'S3RVER', region: 'us-east-1' };

/** `size` bytes of a repeating pattern, streamed in 64 KiB chunks (never one buffer). */
function patternStream(size: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const n = Math.min(64 * 1024, size - sent);
      const chunk = Buffer.alloc(n);
      for (let i = 0; i < n; i++) chunk[i] = (sent + i) % 251;
      sent += n;
      this.push(chunk);
    },
  });
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Backend {
  storage: FileStorage;
  close: () => Promise<void>;
}

const backends: [string, () => Promise<Backend>][] = [
  [
    'local disk',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'xiaoban-files-'));
      return { storage: new LocalDiskStorage(root), close: async () => rmSync(root, { recursive: true, force: true }) };
    },
  ],
  [
    's3rver',
    async () => {
      const s3 = await startS3();
      const storage = new S3Storage({ endpoint: s3.endpoint, bucket: 'xiaoban-contract', ...S3_CREDENTIALS });
      await storage.ensureBucket();
      return {
        storage,
        close: async () => {
          storage.destroy();
          await s3.close();
        },
      };
    },
  ],
];

describe.each(backends)('file storage contract (PLT-5) on %s', (_name, open) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(() => backend.close());

  it('PLT-5 the storage contract: what is put is got back byte for byte, streamed both ways', async () => {
    const { storage } = backend;
    const size = 3 * 1024 * 1024 + 17;
    await storage.put('2026/03/contract-a', patternStream(size), size);
    expect(await storage.exists('2026/03/contract-a')).toBe(true);
    const back = await bytesOf(await storage.get('2026/03/contract-a'));
    expect(back.length).toBe(size);
    expect(sha256(back)).toBe(sha256(await bytesOf(patternStream(size))));

    const small = Buffer.from('通知：周五下午三点召开全体教职工大会。');
    await storage.put('2026/03/contract-b', Readable.from([small]), small.length);
    expect(await bytesOf(await storage.get('2026/03/contract-b'))).toEqual(small);
  });

  it('PLT-5 the storage contract: a missing object is reported as missing; delete is idempotent', async () => {
    const { storage } = backend;
    expect(await storage.exists('2026/03/never-written')).toBe(false);
    await expect(storage.get('2026/03/never-written')).rejects.toBeInstanceOf(StoredObjectMissing);

    await storage.put('2026/03/contract-c', Readable.from([Buffer.from('x')]), 1);
    await storage.delete('2026/03/contract-c');
    expect(await storage.exists('2026/03/contract-c')).toBe(false);
    await expect(storage.delete('2026/03/contract-c')).resolves.toBeUndefined();
  });

  it('PLT-5 the storage contract: a put whose stream fails leaves no object', async () => {
    const { storage } = backend;
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 1));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('2026/03/contract-d', failing, 1024 * 1024)).rejects.toThrow();
    expect(await storage.exists('2026/03/contract-d')).toBe(false);
  });

  it('PLT-5 the storage contract: keys are ours, never paths a user could steer', async () => {
    const { storage } = backend;
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', '课表.pdf', 'a//b']) {
      await expect(storage.put(key, Readable.from([Buffer.from('x')]), 1)).rejects.toThrow(/Invalid storage key/);
    }
  });
});

describe('files on S3-compatible storage (PLT-5)', () => {
  it('PLT-5 with S3_* configured the app stores uploads in the bucket (created when missing), encrypted ones too, and serves them intact', async () => {
    const s3 = await startS3();
    const t = await startTestApp({
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: 'xiaoban-files',
      S3_ACCESS_KEY: S3_CREDENTIALS.accessKey,
      S3_SECRET_KEY: S3_CREDENTIALS.secretKey,
    });
    try {
      const storage = t.app.get<FileStorage>(FILE_STORAGE);
      expect(storage.kind).toBe('s3');
      const admin = await loginAsAdmin(t);
      const user = await createUserWith(t, admin, [PERMISSIONS.MESSAGES_SEND]);
      const pdf = await samplePdf('Stored in S3');
      for (const classified of [false, true]) {
        const res = await t.http
          .post('/api/v1/files')
          .query({ classified })
          .set('authorization', `Bearer ${user.token}`)
          .attach('file', pdf, '校历.pdf')
          .expect(201);
        expect(res.body.encrypted).toBe(classified);
        const [row] = await t.sql<{ storage_key: string }>('SELECT storage_key FROM files WHERE id = $1', [res.body.id]);
        const raw = await bytesOf(await storage.get(row.storage_key));
        expect(raw.equals(pdf)).toBe(!classified);
        const back = await t.http
          .get(`/api/v1/files/${res.body.id}`)
          .set('authorization', `Bearer ${user.token}`)
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect(sha256(back.body)).toBe(sha256(pdf));
      }
    } finally {
      await t.close();
      await s3.close();
    }
  });
});
