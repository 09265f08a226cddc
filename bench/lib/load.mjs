/**
 * One load run, in its own process so that the load generator does not share the server's event
 * loop or the bench's memory: autocannon against `url` with `connections`, cycling through
 * `requests` ({ method, path, body }). Every response time is kept, so the percentiles (p95
 * included, which autocannon's summary lacks) are exact. With `booking`, every request is a POST
 * of a distinct 30-minute slot (room i mod n, then the next slot of that room), so requests never
 * collide with each other or with another run (each run has its own base time); 409s are counted
 * apart from other statuses. With `stock`, every request issues the next whole supply request of
 * the run's pool (a JSON file of { requestId, lineId, quantity }), each at most once. Prints one JSON line:
 * { requests, rps, p50, p95, p99, max, non2xx, errors, statuses }.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
const times = [];
const statuses = {};
let requests = options.requests;
if (options.booking) {
  const { path, roomIds, base, title } = options.booking;
  let counter = 0;
  const SLOT = 30 * 60_000;
  requests = [
    {
      method: 'POST',
      path,
      setupRequest(request) {
        const i = counter++;
        const roomId = roomIds[i % roomIds.length];
        const startsAt = base + Math.floor(i / roomIds.length) * SLOT;
        return {
          ...request,
          headers: { ...request.headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            roomId,
            startsAt: new Date(startsAt).toISOString(),
            endsAt: new Date(startsAt + SLOT).toISOString(),
            attendeeCount: 5,
            title: `${title} ${i}`,
          }),
        };
      },
    },
  ];
}
if (options.stock) {
  const pool = JSON.parse(readFileSync(options.stock.file, 'utf8'));
  let counter = 0;
  requests = [
    {
      method: 'POST',
      path: options.stock.path,
      setupRequest(request) {
        // Past the end of the pool the first requests come round again: those answer 409 (already issued).
        const { requestId, lineId, quantity } = pool[counter++ % pool.length];
        return {
          ...request,
          path: `${options.stock.path}/${requestId}/issue`,
          headers: { ...request.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ lines: [{ lineId, quantity }] }),
        };
      },
    },
  ];
}
const instance = autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.duration,
  headers: options.headers,
  requests: requests.map((r) =>
    r.setupRequest
      ? r
      : {
          method: r.method ?? 'GET',
          path: r.path,
          ...(r.body ? { body: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } } : {}),
        },
  ),
});
instance.on('response', (_client, status, _bytes, responseTime) => {
  times.push(responseTime);
  statuses[status] = (statuses[status] ?? 0) + 1;
});
instance.on('done', (result) => {
  times.sort((a, b) => a - b);
  const at = (q) => (times.length ? times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] : null);
  const round = (x) => (x === null ? null : Math.round(x * 100) / 100);
  process.stdout.write(
    JSON.stringify({
      requests: times.length,
      rps: round(times.length / options.duration),
      p50: round(at(0.5)),
      p95: round(at(0.95)),
      p99: round(at(0.99)),
      max: round(times[times.length - 1] ?? null),
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      statuses,
    }) + '\n',
  );
});
