import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LOAD = fileURLToPath(new URL('./load.mjs', import.meta.url));

/** Runs one autocannon load in a separate process (lib/load.mjs) and returns its figures. */
export function load({ url, paths, connections, duration, token }) {
  const options = { url, paths, connections, duration, headers: { authorization: `Bearer ${token}` } };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [LOAD, JSON.stringify(options)], { maxBuffer: 1 << 20 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout.trim().split('\n').pop())),
    );
  });
}
