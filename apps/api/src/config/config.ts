import { resolve } from 'node:path';

/**
 * The environment, read and checked once at start-up. A bad value stops the start with a message
 * naming the variable, instead of failing later in the middle of a request.
 */
export interface AppConfig {
  port: number;
  host: string;
  /** Unset: the API runs its own embedded PostgreSQL with data in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Directory of the built admin panel served at `/`; absent in tests. */
  adminDist: string | undefined;
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Failed logins in a row before the account locks, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Login attempts one client may make per minute before it gets 429. */
  loginThrottlePerMinute: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  logLevel: string;
  schoolTimeZone: string;
  corsOrigins: string[];
  /** False: this instance queues jobs but runs no workers or schedules (an API-only instance). */
  jobWorkers: boolean;
  /** How often idle job workers look for new jobs. */
  jobPollSeconds: number;
  /**
   * How often each instance checks the schedules (pg-boss cron monitor), and how often the due
   * occurrences it found are turned into jobs (cron worker); 1 to 45 seconds (PLT-8).
   */
  jobCronMonitorSeconds: number;
  jobCronWorkerSeconds: number;
  /** Retries of a failed webhook delivery before it is marked failed, the first delay (doubling), and the request timeout (PLT-9). */
  webhookRetryLimit: number;
  webhookRetryDelaySeconds: number;
  webhookTimeoutSeconds: number;
  /** Public address of the admin panel, for links in emails and messages. */
  publicUrl: string;
  /** Shared token the SMS gateway's delivery-report callback must present. */
  smsReportToken: string | undefined;
  /** Retries of a failed notification before it is marked failed, and the first delay (doubling). */
  notifyRetryLimit: number;
  notifyRetryDelaySeconds: number;
  /** Rows an Excel export holds at most (PLT-7); a larger result is cut and says so. */
  exportMaxRows: number;
  /** Largest upload accepted (PLT-5); an upload over it is refused and leaves nothing behind. */
  fileMaxBytes: number;
  /** Kinds of file accepted (FILE_TYPES, e.g. `pdf,jpg,png,docx`); unset: the files module's default list. */
  fileTypes: string[] | undefined;
  /** Base64 AES-256 key for classified files; unset: a key file in DATA_DIR/secrets, made on first use. */
  fileEncryptionKey: string | undefined;
  /** S3-compatible storage for files when S3_BUCKET is set; local disk under DATA_DIR otherwise. */
  s3: S3Config | undefined;
  /** Where backups go, and when the nightly one runs (NFR-8). */
  backupDir: string;
  backupCron: string;
  /** When the archive's own backup (its digitised files and catalogue, ADM-9) runs: weekly by default. */
  archiveBackupCron: string;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`Environment variable ${name} must be an integer >= ${min}, got "${raw}"`);
  }
  return value;
}

/** An S3-compatible object store (MinIO, a cloud bucket); path-style addressing. */
export interface S3Config {
  endpoint: string | undefined;
  bucket: string;
  accessKey: string | undefined;
  secretKey: string | undefined;
  region: string;
}

function fileEncryptionKey(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.FILE_ENCRYPTION_KEY;
  if (!raw) return undefined;
  if (Buffer.from(raw, 'base64').length !== 32) {
    throw new Error('Environment variable FILE_ENCRYPTION_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  }
  return raw;
}

function atMost(env: NodeJS.ProcessEnv, name: string, value: number, max: number): number {
  if (value > max) throw new Error(`Environment variable ${name} must be at most ${max}, got "${env[name]}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.DATA_DIR || './data');
  return {
    port: integer(env, 'PORT', 3000, 0),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    // Default: the admin panel built next to this app (apps/admin/dist).
    adminDist: env.ADMIN_DIST === '' ? undefined : resolve(env.ADMIN_DIST || resolve(__dirname, '../../../admin/dist')),
    jwtSecret: env.JWT_SECRET || undefined,
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL', 15 * 60, 10),
    refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL', 14 * 24 * 3600, 60),
    lockoutThreshold: integer(env, 'LOCKOUT_THRESHOLD', 5, 1),
    lockoutMinutes: integer(env, 'LOCKOUT_MINUTES', 15, 1),
    loginThrottlePerMinute: integer(env, 'LOGIN_THROTTLE_PER_MINUTE', 20, 1),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    demoPassword: env.DEMO_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    schoolTimeZone: env.TZ_SCHOOL || 'Asia/Shanghai',
    corsOrigins: (env.CORS_ORIGINS || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    jobWorkers: env.JOBS_WORKERS !== 'false',
    jobPollSeconds: integer(env, 'JOBS_POLL_SECONDS', 2, 1),
    jobCronMonitorSeconds: atMost(env, 'JOBS_CRON_MONITOR_SECONDS', integer(env, 'JOBS_CRON_MONITOR_SECONDS', 30, 1), 45),
    jobCronWorkerSeconds: atMost(env, 'JOBS_CRON_WORKER_SECONDS', integer(env, 'JOBS_CRON_WORKER_SECONDS', 5, 1), 45),
    webhookRetryLimit: integer(env, 'WEBHOOK_RETRY_LIMIT', 6, 0),
    webhookRetryDelaySeconds: integer(env, 'WEBHOOK_RETRY_DELAY_SECONDS', 30, 1),
    webhookTimeoutSeconds: atMost(env, 'WEBHOOK_TIMEOUT_SECONDS', integer(env, 'WEBHOOK_TIMEOUT_SECONDS', 10, 1), 60),
    smsReportToken: env.SMS_REPORT_TOKEN || undefined,
    notifyRetryLimit: integer(env, 'NOTIFY_RETRY_LIMIT', 4, 0),
    notifyRetryDelaySeconds: integer(env, 'NOTIFY_RETRY_DELAY_SECONDS', 2, 1),
    exportMaxRows: integer(env, 'EXPORT_MAX_ROWS', 100_000, 1),
    fileMaxBytes: integer(env, 'FILE_MAX_BYTES', 50 * 1024 * 1024, 1),
    fileTypes: env.FILE_TYPES
      ? env.FILE_TYPES.split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean)
      : undefined,
    fileEncryptionKey: fileEncryptionKey(env),
    s3: env.S3_BUCKET
      ? {
          endpoint: env.S3_ENDPOINT || undefined,
          bucket: env.S3_BUCKET,
          accessKey: env.S3_ACCESS_KEY || undefined,
          secretKey: env.S3_SECRET_KEY || undefined,
          region: env.S3_REGION || 'us-east-1',
        }
      : undefined,
    backupDir: resolve(env.BACKUP_DIR || resolve(dataDir, 'backups')),
    backupCron: env.BACKUP_CRON || '0 2 * * *',
    // Sunday 03:00: the archive changes slowly, and its nightly full backup already holds the database.
    archiveBackupCron: env.ARCHIVE_BACKUP_CRON || '0 3 * * 0',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, ''),
  };
}

/** Nest injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
