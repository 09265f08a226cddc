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
  /** Public address of the admin panel, for links in emails and messages. */
  publicUrl: string;
  /** Shared token the SMS gateway's delivery-report callback must present. */
  smsReportToken: string | undefined;
  /** Retries of a failed notification before it is marked failed, and the first delay (doubling). */
  notifyRetryLimit: number;
  notifyRetryDelaySeconds: number;
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
    smsReportToken: env.SMS_REPORT_TOKEN || undefined,
    notifyRetryLimit: integer(env, 'NOTIFY_RETRY_LIMIT', 4, 0),
    notifyRetryDelaySeconds: integer(env, 'NOTIFY_RETRY_DELAY_SECONDS', 2, 1),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, ''),
  };
}

/** Nest injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
