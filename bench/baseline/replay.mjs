/**
 * The baseline (NFR-9): a bare Fastify + pg server that answers each read scenario with exactly
 * the SQL the API ran for it (captured through the API's SQL_TRACE_FILE), in the same order,
 * with the same parameters and the same pool size, and returns the last statement's rows as
 * JSON. What the API costs beyond this is the framework's cost (Nest, guards, validation,
 * TypeORM, DTO mapping).
 *
 *   node bench/baseline/replay.mjs <routes.json> <port> <databaseUrl> <poolSize>
 * routes.json: { "/r/<n>": [{ "query": "…", "parameters": […] }, …], … }
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';

const [routesFile, port, databaseUrl, poolSize] = process.argv.slice(2);
const routes = JSON.parse(readFileSync(routesFile, 'utf8'));
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(poolSize) });
const BEGIN = /^\s*(START TRANSACTION|BEGIN)\b/i;
const END = /^\s*(COMMIT|ROLLBACK)\b/i;

/** What pg is sent: a statement the API ran as a named prepared statement (queryPrepared) runs as one here too. */
const asSent = ({ query, parameters, prepared }) => ({
  text: query,
  values: parameters,
  ...(prepared ? { name: `baseline_${createHash('sha256').update(query).digest('hex').slice(0, 24)}` } : {}),
});

/** Runs the statements as the API did: each on a pooled connection, a transaction on one connection. */
async function replay(statements) {
  let rows = [];
  for (let i = 0; i < statements.length; i++) {
    if (BEGIN.test(statements[i].query)) {
      const client = await pool.connect();
      try {
        for (; i < statements.length; i++) {
          const s = statements[i];
          rows = (await client.query(s.query, s.parameters)).rows;
          if (END.test(s.query)) break;
        }
      } finally {
        client.release();
      }
    } else {
      rows = (await pool.query(statements[i].sent)).rows;
    }
  }
  return rows;
}

const app = Fastify({ logger: false });
for (const [path, statements] of Object.entries(routes)) {
  // Made once, as the API names its statements once.
  for (const s of statements) s.sent = asSent(s);
  app.get(path, () => replay(statements));
}
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () =>
  app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0)),
);
