import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { S3Config } from '../../../config/config';
import { checkKey, StoredObjectMissing, type FileStorage } from './file-storage';

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

/**
 * The AWS SDK costs about 21 MB of RSS once loaded (NFR-9), so it is loaded by the first S3Storage,
 * which exists only when S3 storage is configured, not whenever this file is imported.
 */
const loadS3 = () => import('@aws-sdk/client-s3');

/** Files in an S3-compatible bucket (MinIO in docker-compose, or a cloud bucket), path-style. */
export class S3Storage implements FileStorage {
  readonly kind = 's3' as const;
  /** The SDK's commands and the client made with it; every method waits for them. */
  private readonly sdk: Promise<{ s3: Awaited<ReturnType<typeof loadS3>>; client: S3Client }>;

  constructor(private readonly config: S3Config) {
    this.sdk = loadS3().then((s3) => ({
      s3,
      client: new s3.S3Client({
        endpoint: config.endpoint,
        region: config.region,
        forcePathStyle: true,
        credentials:
          config.accessKey && config.secretKey ? { accessKeyId: config.accessKey, secretAccessKey: config.secretKey } : undefined,
        // Checksums only where the API requires them: MinIO and other S3-compatible servers do not
        // all understand the SDK's newer default of chunked uploads with checksum trailers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
  }

  /** Creates the bucket when it is missing (a fresh MinIO); other problems are left to the first put. */
  async ensureBucket(): Promise<void> {
    const { s3, client } = await this.sdk;
    try {
      await client.send(new s3.HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch (error) {
      if (!isMissing(error)) throw error;
      await client.send(new s3.CreateBucketCommand({ Bucket: this.config.bucket }));
    }
  }

  async put(key: string, body: Readable, size: number): Promise<void> {
    checkKey(key);
    const { s3, client } = await this.sdk;
    // The SDK does not notice a body stream that fails (e.g. the uploading client went away) and
    // would wait for the missing bytes forever: abort the request instead, so nothing is stored.
    const abort = new AbortController();
    const onError = (error: Error) => abort.abort(error);
    body.once('error', onError);
    try {
      await client.send(new s3.PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: body, ContentLength: size }), {
        abortSignal: abort.signal,
      });
    } finally {
      body.off('error', onError);
    }
  }

  async get(key: string): Promise<Readable> {
    const { s3, client } = await this.sdk;
    try {
      const result = await client.send(new s3.GetObjectCommand({ Bucket: this.config.bucket, Key: checkKey(key) }));
      return result.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new StoredObjectMissing(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const { s3, client } = await this.sdk;
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.config.bucket, Key: checkKey(key) }));
  }

  async exists(key: string): Promise<boolean> {
    const { s3, client } = await this.sdk;
    try {
      await client.send(new s3.HeadObjectCommand({ Bucket: this.config.bucket, Key: checkKey(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  destroy(): void {
    // A client that never came (the SDK failed to load) has nothing to close.
    void this.sdk.then(
      ({ client }) => client.destroy(),
      () => undefined,
    );
  }
}
