import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';
import { Client } from 'pg';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app.factory';
import { loadConfig, type AppConfig } from '../../src/config/config';

export const ADMIN_PASSWORD = process.env.XIAOBAN_TEST_ADMIN_PASSWORD ?? 'Admin-e2e-2026';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  /** Connection string of this test file's own database. */
  databaseUrl: string;
  config: AppConfig;
  routes: RouteOptions[];
  /** Runs SQL on this file's database as the server's superuser (for checks and tampering). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database copied from the migrated template: data is isolated per test file. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = process.env.XIAOBAN_TEST_SERVER_URL;
  const template = process.env.XIAOBAN_TEST_TEMPLATE;
  if (!serverUrl || !template) throw new Error('Run e2e tests through jest.e2e.config.js (globalSetup prepares the database)');
  const name = `${template}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}

/** Starts the whole API in-process on its own database, as main.ts would, but without listening. */
export async function startTestApp(env: Record<string, string> = {}, options: { databaseUrl?: string } = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaoban-app-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    ADMIN_DIST: '',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'e2e-secret-not-for-production',
    ...env,
  });
  const routes: RouteOptions[] = [];
  const app = await createApp(config, databaseUrl, { quiet: true, onRoute: (route) => routes.push(route) });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return {
    app,
    http: request(app.getHttpServer()),
    databaseUrl,
    config,
    routes,
    sql: async (text, params) => (await db.query(text, params)).rows,
    async close() {
      await app.close();
      await db.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
