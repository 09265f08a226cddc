// Exports the OpenAPI document to libs/api-client/openapi.json without a database and without
// listening: Nest builds the module graph in preview mode, which instantiates nothing.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
execFileSync('pnpm', ['exec', 'tsc', '-b', 'tsconfig.build.json'], { cwd: here, stdio: 'inherit' });

const require = createRequire(import.meta.url);
require('reflect-metadata');
const { createApp } = require('../dist/app.factory.js');
const { buildOpenApiDocument } = require('../dist/openapi.js');
const { loadConfig } = require('../dist/config/config.js');

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

const config = loadConfig({ ...process.env, ADMIN_DIST: '' });
const app = await createApp(config, 'postgres://preview.invalid/none', { preview: true, quiet: true });
const document = buildOpenApiDocument(app);
const target = fileURLToPath(new URL('../../../libs/api-client/openapi.json', import.meta.url));
writeFileSync(target, JSON.stringify(sortKeys(document), null, 2) + '\n');
console.log(`Wrote ${target}: ${Object.keys(document.paths).length} paths`);
process.exit(0);
