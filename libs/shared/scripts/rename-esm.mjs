// The ESM build is emitted to dist/esm/*.js; Vite and Node need it as dist/index.mjs with
// .mjs import specifiers, so rename the files and rewrite their relative imports.
import { readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const esmDir = new URL('../dist/esm/', import.meta.url).pathname;
const distDir = new URL('../dist/', import.meta.url).pathname;
for (const file of readdirSync(esmDir)) {
  if (!file.endsWith('.js')) continue;
  const source = readFileSync(join(esmDir, file), 'utf8').replace(
    /(from\s+['"])(\.\/[^'"]+?)(['"])/g,
    (_m, a, path, b) => `${a}${path.replace(/\.js$/, '')}.mjs${b}`,
  );
  writeFileSync(join(distDir, file.replace(/\.js$/, '.mjs')), source);
}
rmSync(esmDir, { recursive: true, force: true });
