import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const info = globalThis.__XIAOBAN_TEMPLATE__;
  const embedded = globalThis.__XIAOBAN_EMBEDDED__;
  if (embedded) {
    await embedded.stop();
    rmSync(globalThis.__XIAOBAN_DATA_DIR__, { recursive: true, force: true }); // the whole throwaway cluster goes
    return;
  }
  if (!info) return;
  // On a shared server (DATABASE_URL), drop what this run created.
  const admin = new pg.Client({ connectionString: info.serverUrl });
  await admin.connect();
  const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${info.template}%`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  await admin.end();
}
