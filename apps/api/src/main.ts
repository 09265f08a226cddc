import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadConfig } from './config/config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded';
import { prepareDatabase } from './database/prepare';
import { loadDemoRecords } from './database/seeds/demo-records';

/**
 * Starts xiaoban: the database (embedded unless DATABASE_URL is set), migrations and seeds, then
 * the API with the admin panel. SIGINT/SIGTERM close the app first, then the embedded database.
 */
async function main(): Promise<void> {
  const log = new Logger('xiaoban');
  const config = loadConfig();
  const demo = process.argv.includes('--demo') || process.env.XIAOBAN_DEMO === '1';

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, (message) => {
      if (/FATAL|ERROR|PANIC/.test(message)) log.warn(message);
    });
    databaseUrl = embedded.url;
    log.log(`Embedded PostgreSQL started with its data in ${config.dataDir}/postgres`);
  }

  let closing = false;
  const app = await (async () => {
    try {
      await prepareDatabase(databaseUrl, {
        adminPassword: config.adminPassword,
        demo,
        demoPassword: config.demoPassword,
        log: (message) => log.log(message),
      });
      const created = await createApp(config, databaseUrl);
      if (demo) {
        await created.init();
        await loadDemoRecords(created, (message) => log.log(message));
      }
      return created;
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
  })();

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.log(`${signal} received; shutting down`);
    const force = setTimeout(() => process.exit(1), 20_000).unref();
    try {
      await app.close();
    } finally {
      await embedded?.stop();
      clearTimeout(force);
      process.exit(0);
    }
  };
  // Our handlers replace Nest's, so that the database stops only after the app has closed.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  log.log(`xiaoban is serving on http://localhost:${config.port} (API /api/v1, docs /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
