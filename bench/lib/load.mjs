/**
 * One load run, in its own process so that the load generator does not share the API's event
 * loop or the bench's memory: autocannon against `url` with `connections`, cycling through
 * `paths`. Every response time is kept, so the percentiles (p95 included, which autocannon's
 * summary lacks) are exact. Prints one JSON line: { requests, rps, p50, p95, p99, max, non2xx, errors }.
 */
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
const times = [];
const instance = autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.duration,
  headers: options.headers,
  requests: options.paths.map((path) => ({ method: 'GET', path })),
});
instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
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
    }) + '\n',
  );
});
