// Builds each package only when its sources are newer than its last build, so that a restart of
// a built install starts in seconds. Used by `pnpm start`, `pnpm demo` and the test runner.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The packages in build order, each with the inputs that make its build stale. */
const TARGETS = [
  { name: '@xiaoban/shared', dir: 'libs/shared', inputs: ['src', 'package.json', 'tsconfig.build.json'] },
  {
    name: '@xiaoban/api',
    dir: 'apps/api',
    inputs: ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json', '../../libs/shared/dist'],
  },
  {
    name: '@xiaoban/admin',
    dir: 'apps/admin',
    inputs: ['src', 'index.html', 'vite.config.ts', 'package.json', 'public', '../../libs/shared/dist', '../../libs/api-client/src'],
  },
];

export function buildIfStale({ log = console.log } = {}) {
  for (const target of TARGETS) {
    const dir = join(root, target.dir);
    const stamp = join(dir, 'dist', '.build-stamp');
    const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
    const changed = Math.max(...target.inputs.map((input) => newestMtime(join(dir, input))));
    if (built && changed <= built) continue;
    log(`[build] ${target.name} …`);
    const started = Date.now();
    execFileSync('pnpm', ['--filter', target.name, 'run', 'build'], { cwd: root, stdio: 'inherit' });
    mkdirSync(dirname(stamp), { recursive: true });
    writeFileSync(stamp, new Date().toISOString());
    log(`[build] ${target.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();
