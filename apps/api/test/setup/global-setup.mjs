// Runs once per e2e run, natively (outside Jest's module registry): the database server, and a
// template database with every migration and the base seed applied. Test files copy the template.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);

export const TEST_ADMIN_PASSWORD = 'Admin-e2e-2026';

export default async function globalSetup() {
  const started = Date.now();
  const { startEmbeddedDatabase } = require('../../dist/database/embedded.js');
  const { prepareDatabase } = require('../../dist/database/prepare.js');
  const { PgBoss } = await import('pg-boss');

  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'xiaoban-e2e-'));
    const embedded = await startEmbeddedDatabase(dataDir);
    globalThis.__XIAOBAN_EMBEDDED__ = embedded;
    globalThis.__XIAOBAN_DATA_DIR__ = dataDir;
    serverUrl = embedded.url;
  }
  const template = `xiaoban_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const templateUrl = withDatabase(serverUrl, template);
  await prepareDatabase(templateUrl, { adminPassword: TEST_ADMIN_PASSWORD, log: () => undefined });
  // pg-boss creates its schema on first start; do it once here rather than in every test file.
  const boss = new PgBoss({ connectionString: templateUrl, schedule: false, supervise: false });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false });

  process.env.XIAOBAN_TEST_SERVER_URL = serverUrl;
  process.env.XIAOBAN_TEST_TEMPLATE = template;
  process.env.XIAOBAN_TEST_ADMIN_PASSWORD = TEST_ADMIN_PASSWORD;
  globalThis.__XIAOBAN_TEMPLATE__ = { serverUrl, template };
  console.log(`\n[e2e] database ready in ${Date.now() - started} ms (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'})`);
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
