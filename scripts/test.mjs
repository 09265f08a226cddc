// `pnpm test`: everything, in order, with each stage timed: unit tests, e2e tests on the
// embedded PostgreSQL (or DATABASE_URL), and browser tests in Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { buildIfStale, root } from './build-if-stale.mjs';
import { ensureChromium } from './chromium.mjs';

const only = process.argv.slice(2);
const stages = [
  ['build', () => buildIfStale()],
  ['unit: libs/shared', () => run('pnpm', ['--filter', '@xiaoban/shared', 'run', 'test:unit'])],
  ['unit: api', () => run('pnpm', ['--filter', '@xiaoban/api', 'run', 'test:unit'])],
  ['unit: admin', () => run('pnpm', ['--filter', '@xiaoban/admin', 'run', 'test:unit'])],
  ['e2e: api', () => run('pnpm', ['--filter', '@xiaoban/api', 'run', 'test:e2e'])],
  [
    'browser',
    () => {
      ensureChromium();
      run('node', ['scripts/browser-tests.mjs']);
    },
  ],
].filter(([name]) => only.length === 0 || name === 'build' || only.some((o) => name.startsWith(o)));

function run(command, args) {
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
}

const timings = [];
let failed;
for (const [name, stage] of stages) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    stage();
  } catch {
    failed = name;
    timings.push([name, Date.now() - started, 'FAILED']);
    break;
  }
  timings.push([name, Date.now() - started, 'ok']);
}
console.log('\n=== test stages ===');
for (const [name, ms, result] of timings) console.log(`${name.padEnd(20)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${result}`);
if (failed) {
  console.error(`\nFAILED at stage: ${failed}`);
  process.exit(1);
}
