import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LOAD = fileURLToPath(new URL('./load.mjs', import.meta.url));

/**
 * Runs one autocannon load in a separate process (lib/load.mjs) and returns its figures.
 * `paths` (GETs) or `requests` ({ method, path, body }); `booking` for distinct booking slots;
 * `stock` for issuing a pool of supply requests (school/stock.mjs);
 * no `token` for public routes.
 */
export function load({ url, paths, requests, booking, stock, connections, duration, token }) {
  const options = {
    url,
    requests: requests ?? (paths ?? []).map((path) => ({ method: 'GET', path })),
    booking,
    stock,
    connections,
    duration,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [LOAD, JSON.stringify(options)], { maxBuffer: 1 << 24 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout.trim().split('\n').pop())),
    );
  });
}

/** The median of numbers (nulls ignored); null when there are none. */
export function median(values) {
  const xs = values.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : Math.round(((xs[mid - 1] + xs[mid]) / 2) * 100) / 100;
}

/** Resident set size of a process, in MB (0 once it has gone). */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`);
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every 200 ms while `work` runs; returns [work's result, the peak in MB]. */
export async function withPeakRss(pid, work) {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  try {
    const result = await work();
    return [result, Math.max(peak, rssMb(pid))];
  } finally {
    clearInterval(timer);
  }
}
