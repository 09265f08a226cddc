import { loginAsAdmin } from './factories/org.factory';
import { casesFor, operationsOf, type FuzzCase, type OpenApiDocument, type Operation } from './fuzz/openapi-fuzz';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * NFR-10: every operation of the OpenAPI document, fed malformed input generated from its own
 * schema (test/fuzz/openapi-fuzz.ts), as the school administrator, who holds every permission, so
 * that input reaches the deepest validation. CI runs FUZZ_RUNS (default 20) cases per operation
 * with a fixed seed; `pnpm test:fuzz` runs 200.
 *
 * The checks: no 5xx; every error body has the documented shape; and a rejected request leaves no
 * business data behind. Tables a rejection may rightly write are listed with the reason.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

const WRITTEN_ON_REJECTION: Record<string, string> = {
  audit_log: 'security events (refusals, failed logins) are audited though the request was rejected (ARCHITECTURE.md)',
  audit_seals: 'the sealing job links audit rows into the chain in its own time',
  idempotency_keys: 'a stored response for a key is the point of the key, whatever its status',
  backups: 'a backup an earlier, accepted case started finishes in the background',
};

interface Finding {
  operation: string;
  kind: string;
  url: string;
  status: number;
  problem: string;
}

describe('NFR-10 fuzzing every operation from the OpenAPI document', () => {
  let t: TestApp;
  let token: string;
  let operations: Operation[];
  let fingerprintSql: string;

  beforeAll(async () => {
    t = await startTestApp();
    token = await loginAsAdmin(t);
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    operations = operationsOf(doc);
    // One row per business table: a hash over all its rows, so that an insert, update or delete shows.
    const tables = await t.sql<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    fingerprintSql = tables
      .filter(({ name }) => !(name in WRITTEN_ON_REJECTION) && name !== 'migrations')
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*)::int AS n, coalesce(sum(hashtext(x::text)::bigint), 0)::text AS h FROM "${name}" x`,
      )
      .join(' UNION ALL ');
  }, 120_000);
  afterAll(() => t.close());

  async function fingerprint(): Promise<Map<string, string>> {
    const rows = await t.sql<{ name: string; n: number; h: string }>(fingerprintSql);
    return new Map(rows.map((r) => [r.name, `${r.n}:${r.h}`]));
  }

  function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
    return [...after].filter(([name, value]) => before.get(name) !== value).map(([name]) => name);
  }

  async function send(op: Operation, fuzz: FuzzCase) {
    const request = t.http[op.method](fuzz.url).set('authorization', `Bearer ${token}`);
    if (fuzz.rawBody) return request.set('content-type', 'application/json').send(fuzz.rawBody);
    if (fuzz.body !== undefined) return request.set('content-type', 'application/json').send(JSON.stringify(fuzz.body));
    return request;
  }

  function shapeProblem(status: number, body: unknown): string | null {
    if (!body || typeof body !== 'object') return 'error body is not JSON';
    const b = body as Record<string, unknown>;
    if (b.statusCode !== status) return `statusCode ${String(b.statusCode)} ≠ ${status}`;
    if (typeof b.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(b.code)) return `code ${JSON.stringify(b.code)}`;
    if (typeof b.message !== 'string' || !b.message) return 'no message';
    if (b.errors !== undefined) {
      const errors = b.errors as Record<string, unknown>;
      if (typeof errors !== 'object' || errors === null || Array.isArray(errors)) return 'errors is not keyed by field';
      for (const [field, messages] of Object.entries(errors)) {
        if (!Array.isArray(messages) || messages.some((m) => typeof m !== 'string')) return `errors.${field} is not a list of messages`;
      }
    }
    return null;
  }

  it(
    'NFR-10 malformed input to every operation gets no 5xx, a documented error body, and leaves no business data when rejected',
    async () => {
      expect(operations.length).toBeGreaterThan(200);
      const findings: Finding[] = [];
      let requests = 0;
      let rejected = 0;
      for (const [index, op] of operations.entries()) {
        const cases = casesFor(op, RUNS, SEED + index);
        const name = `${op.method.toUpperCase()} ${op.path} (${op.operationId})`;
        // One fingerprint around the operation's whole batch; per request only when some case was accepted.
        let before = await fingerprint();
        const results: { fuzz: FuzzCase; status: number; body: unknown }[] = [];
        for (const fuzz of cases) {
          let res = await send(op, fuzz);
          if (res.status === 401 && (await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${token}`)).status === 401) {
            // A case ended the session (logout): sign in again (which writes a session) and carry on.
            token = await loginAsAdmin(t);
            before = await fingerprint();
            res = await send(op, fuzz);
          }
          requests++;
          results.push({ fuzz, status: res.status, body: res.body });
        }
        const accepted = results.some((r) => r.status < 400);
        const batchChanges = changedTables(before, await fingerprint());
        for (const { fuzz, status, body } of results) {
          const finding = (problem: string) =>
            findings.push({ operation: name, kind: fuzz.kind, url: fuzz.url.slice(0, 120), status, problem });
          if (status >= 500) finding('server error');
          else if (status >= 400) {
            rejected++;
            const problem = shapeProblem(status, body);
            if (problem) finding(problem);
          }
        }
        if (batchChanges.length && !accepted) {
          findings.push({
            operation: name,
            kind: 'every case rejected',
            url: op.path,
            status: 0,
            problem: `data changed in ${batchChanges.join(', ')}`,
          });
        } else if (batchChanges.length) {
          // Some case was accepted: replay the rejected ones one by one to find any that wrote.
          for (const { fuzz, status } of results.filter((r) => r.status >= 400)) {
            const one = await fingerprint();
            const again = await send(op, fuzz);
            const changed = changedTables(one, await fingerprint());
            if (again.status >= 400 && changed.length) {
              findings.push({
                operation: name,
                kind: fuzz.kind,
                url: fuzz.url.slice(0, 120),
                status,
                problem: `rejected yet wrote ${changed.join(', ')}`,
              });
            }
          }
        }
      }
      // Most malformed input is refused; the figures are printed for the record.
      console.log(`NFR-10: ${operations.length} operations, ${requests} requests, ${rejected} rejected, ${findings.length} findings`);
      expect(rejected / requests).toBeGreaterThan(0.8);
      expect(findings).toEqual([]);
    },
    Math.max(600_000, RUNS * 60_000),
  );
});
