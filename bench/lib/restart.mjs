import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from './server.mjs';

/**
 * Restart time (NFR-9 goal: healthy in under 10 s): the built API on the embedded PostgreSQL in a
 * fresh DATA_DIR (first start: initdb, migrations, seed), stopped, then started `restarts` times
 * on that existing DATA_DIR, each timed from spawn to the first healthy answer (polled every 100 ms).
 */
export async function measureRestart({ adminPassword, restarts = 2, log }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'xiaoban-bench-restart-'));
  try {
    const first = await startApi({ adminPassword, dataDir });
    await first.stop();
    log(`restart: first start (initdb, migrations) ${first.startupMs} ms`);
    const times = [];
    for (let i = 0; i < restarts; i++) {
      const api = await startApi({ adminPassword, dataDir });
      times.push(api.startupMs);
      await api.stop();
      log(`restart: start ${i + 1} on the existing DATA_DIR healthy in ${api.startupMs} ms`);
    }
    return { firstMs: first.startupMs, restartsMs: times };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
