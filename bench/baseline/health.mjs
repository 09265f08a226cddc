/**
 * The floor for /api/health (NFR-9): a bare node:http server answering the API's body. The API
 * caches its database check for a second, so under load its health answer is this much work
 * plus the framework.
 *
 *   node bench/baseline/health.mjs <port>
 */
import { createServer } from 'node:http';

const body = JSON.stringify({ status: 'ok' });
createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}).listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => process.exit(0));
