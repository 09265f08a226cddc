#!/usr/bin/env node
/**
 * The benchmark (NFR-9). One command: creates (or reuses) a bench database, migrates it with the
 * app's own prepareDatabase, bulk-loads realistic data with COPY, starts the built API, checks
 * search results against a plain LIKE scan, runs autocannon scenarios in a separate process and
 * writes bench/results/<date>-<part>.md. See bench/README.md.
 *
 *   pnpm bench                      large school (50,000 incoming documents with body text)
 *   pnpm bench:stress               1,000,000 incoming documents (metadata)
 *   node bench/run.mjs --size=large --duration=10 --fresh --only=documents --count=20000 --check=300
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import pg from 'pg';
import { documents, SIZES } from './documents/scenarios.mjs';
import { load } from './lib/measure.mjs';
import { api, startApi } from './lib/server.mjs';

const require = createRequire(import.meta.url);
/** Every part of the benchmark; other modules (meetings, stock …) add theirs here. */
const PARTS = [documents];
const ADMIN_PASSWORD = 'Bench-admin-2026';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [key, value] = a.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
const sizeName = args.size ?? 'large';
const size = SIZES[sizeName];
if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const count = Number(args.count ?? size.count);
const duration = Number(args.duration ?? 10);
const checks = Number(args.check ?? size.check);
const parts = PARTS.filter((p) => !args.only || String(args.only).split(',').includes(p.name));
const log = (message) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** BENCH_DATABASE_URL names the database; else xiaoban_bench_<size> on DATABASE_URL's server or the local PostgreSQL. */
function databaseUrls() {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, server: undefined };
  const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = '/postgres';
  const url = new URL(server);
  url.pathname = `/xiaoban_bench_${sizeName}${args.count ? `_${count}` : ''}`;
  return { url: url.toString(), server: server.toString() };
}

async function ensureDatabase({ url, server }) {
  if (!server) return;
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    if (args.fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE ${name}`);
      log(`created database ${name}`);
    }
  } finally {
    await admin.end();
  }
}

async function machine(db) {
  const cpus = os.cpus();
  const [{ version }] = (await db.query('SELECT version()')).rows;
  return [
    `- CPU: ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}; memory ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `- Node ${process.version}; ${version.split(',')[0]}`,
    `- ${os.type()} ${os.release()}`,
  ].join('\n');
}

async function main() {
  const { url, server } = databaseUrls();
  await ensureDatabase({ url, server });
  log(`migrating ${url.replace(/\/\/[^@]*@/, '//')} with the app's prepareDatabase …`);
  const { prepareDatabase } = require('@xiaoban/api/dist/database/prepare.js');
  await prepareDatabase(url, { adminPassword: ADMIN_PASSWORD, log: (m) => log(`  ${m}`) });

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await db.query('CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)');
  const metas = new Map();
  for (const part of parts) metas.set(part.name, await part.prepare({ db, size, count, log, fresh: Boolean(args.fresh) }));
  if (args['generate-only']) {
    await db.end();
    return;
  }

  const apiServer = await startApi({ databaseUrl: url, adminPassword: ADMIN_PASSWORD });
  const date = new Date().toISOString().slice(0, 10);
  const command = `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim();
  try {
    const adminToken = (
      await api(apiServer.url, '/api/v1/auth/login', { method: 'POST', body: { username: 'admin', password: ADMIN_PASSWORD } })
    ).accessToken;
    for (const part of parts) {
      const meta = metas.get(part.name);
      const token = await part.user({ url: apiServer.url, adminToken });
      const correctness = args['no-check'] ? undefined : await part.check({ db, url: apiServer.url, token, meta, checks, log });
      const scenarios = part.scenarios({ meta });
      log(`${part.name}: warming up …`);
      await load({
        url: apiServer.url,
        paths: scenarios.flatMap(([, , paths]) => paths),
        connections: 16,
        duration: Math.min(5, duration),
        token,
      });
      const rows = [];
      for (const [name, description, paths, connectionCounts] of scenarios) {
        for (const connections of connectionCounts) {
          const result = await load({ url: apiServer.url, paths, connections, duration, token });
          const rss = apiServer.rssMb();
          rows.push({ name, description, connections, ...result, rss });
          log(
            `  ${name} @${connections}: ${result.rps} req/s, p50 ${result.p50} p95 ${result.p95} p99 ${result.p99} ms, non-2xx ${result.non2xx}, RSS ${rss} MB`,
          );
        }
      }
      const file = new URL(`./results/${date}-${part.name}.md`, import.meta.url);
      mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
      const fresh = !existsSync(file);
      const target = (rows, pick) => rows.filter(pick).every((r) => r.p95 !== null && r.p95 <= 30);
      const section = [
        fresh ? `# Benchmark: ${part.name} (${date})\n\nFigures measured by bench/run.mjs; see bench/README.md for the method.\n` : '',
        `## ${sizeName}: ${meta.count.toLocaleString('en')} incoming documents${meta.bodies ? ' with body text' : ' (metadata)'} — ${new Date().toISOString()}`,
        '',
        `Command: \`${command}\` (duration ${duration} s per run; generation took ${meta.generationSeconds} s on ${meta.generatedAt.slice(0, 10)})`,
        '',
        await machine(db),
        '',
        correctness
          ? `Correctness: ${correctness.queries} searches (first page ids, total, totalCapped) compared with a plain LIKE scan (index scans off): **${correctness.mismatches} mismatches**.`
          : 'Correctness: not checked (--no-check).',
        '',
        '| scenario | connections | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | API RSS MB |',
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
        ...rows.map(
          (r) =>
            `| ${r.name} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.non2xx + r.errors} | ${r.rss} |`,
        ),
        '',
        `Target p95 ≤ 30 ms at 16 connections — list: **${target(rows, (r) => r.connections === 16 && r.name.startsWith('list')) ? 'met' : 'not met'}**; ` +
          `search: **${target(rows, (r) => r.connections === 16 && r.name.startsWith('search')) ? 'met' : 'not met'}**` +
          (meta.bodies
            ? `; body search: **${target(rows, (r) => r.connections === 16 && r.name.startsWith('body')) ? 'met' : 'not met'}**`
            : '') +
          '.',
        '',
        'Terms (frequency = documents containing the term):',
        '',
        ...scenarios.filter(([, , , c]) => c.length === 1).map(([name, description]) => `- ${name}: ${description}`),
        '',
      ].join('\n');
      (fresh ? writeFileSync : appendFileSync)(file, section + '\n');
      log(`${part.name}: results in ${file.pathname}`);
    }
  } finally {
    await apiServer.stop();
    await db.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
