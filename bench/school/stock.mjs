import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyRows } from '../lib/copy.mjs';
import { api } from '../lib/server.mjs';
import { rng } from '../lib/random.mjs';

/**
 * The "issuing stock" scenario (NFR-9, LOG-5): every request is the storekeeper's issue action
 * (发放) of one whole supply request, POST /api/v1/logistics/supplies/requests/:id/issue: a
 * transaction that locks the request, takes stock out through the ledger's conditional UPDATE,
 * appends the movement, writes the issue slip, audits and notifies the requester.
 *
 * Setup, before the measured runs:
 * - a storekeeper signs in (logistics.supplies.manage);
 * - ITEMS catalogue items get 1,000,000 more on hand through the API (a stock-in, kind 'in'), so
 *   that no issue during the run can take a balance below zero: a run issues at most
 *   pool × MAX_QUANTITY per item, far less;
 * - a pool of submitted requests per run (one line of 1–MAX_QUANTITY of one of those items, from
 *   a generated staff member's department) is bulk-loaded with COPY, like the rest of the data:
 *   creating them is not what is measured. Each run gets its own pool in a file, so no request is
 *   issued twice; should a run outlast its pool, the extra requests are 409s and counted.
 *
 * There is no baseline: this is a write, and a bare server replaying the same INSERTs and UPDATEs
 * would need fresh ids per request and would measure the same statements the read scenarios'
 * baseline already measures minus the framework, while the ledger's serialisation per item (the
 * row lock of its balance) is the same on both sides. The figures are reported alone, with the
 * ledger checked afterwards (as booking creation).
 */
const ITEMS = 16;
const MAX_QUANTITY = 5;
const STOCK_IN = 1_000_000;

export async function prepareStockIssue({ db, url, adminToken, supplyItems, runs, perRun, work, log }) {
  const roles = await api(url, '/api/v1/org/roles', { token: adminToken });
  const username = `benchkeeper${Date.now().toString(36)}`;
  const password = 'Bench-passw0rd';
  await api(url, '/api/v1/org/users', {
    token: adminToken,
    method: 'POST',
    body: {
      username,
      name: '基准库管员',
      password,
      roleIds: roles.filter((r) => r.code === 'storekeeper').map((r) => r.id),
      email: `${username}@school.example`,
      clearance: 'none',
    },
  });
  const token = (await api(url, '/api/v1/auth/login', { method: 'POST', body: { username, password } })).accessToken;
  const items = supplyItems.slice(0, ITEMS);
  for (const itemId of items)
    await api(url, '/api/v1/logistics/supplies/movements', {
      token,
      method: 'POST',
      body: { itemId, kind: 'in', quantity: STOCK_IN, reason: '基准测试入库' },
    });
  const { rows: requesters } = await db.query(
    `SELECT id, department_id FROM users WHERE username LIKE 'bench\\_staff\\_%' AND department_id IS NOT NULL ORDER BY username`,
  );
  const { pick, int } = rng(17);
  const files = [];
  const requests = [];
  const lines = [];
  for (let run = 0; run < runs; run++) {
    const pool = [];
    for (let i = 0; i < perRun; i++) {
      const requester = pick(requesters);
      const requestId = randomUUID();
      const lineId = randomUUID();
      const quantity = 1 + int(MAX_QUANTITY);
      requests.push([requestId, requester.department_id, requester.id, '基准测试领用', 'submitted']);
      lines.push([lineId, requestId, items[(run * perRun + i) % items.length], quantity]);
      pool.push({ requestId, lineId, quantity });
    }
    const file = join(work, `stock-pool-${run}.json`);
    writeFileSync(file, JSON.stringify(pool));
    files.push(file);
  }
  await copyRows(db, 'supply_requests', ['id', 'department_id', 'requester_id', 'note', 'status'], requests);
  await copyRows(db, 'supply_request_lines', ['id', 'request_id', 'item_id', 'quantity'], lines);
  await db.query('ANALYZE supply_requests; ANALYZE supply_request_lines');
  log(
    `issuing stock: ${items.length} items stocked in through the API (+${STOCK_IN.toLocaleString('en')} each); ${runs} pools of ${perRun} submitted requests`,
  );
  return { token, items, files, perRun };
}

/**
 * After the runs: the ledger still agrees with itself. No balance is negative; each scenario
 * item's balance equals its last movement's on_hand_after; and every issued request line has
 * exactly its quantity in `out` movements.
 */
export async function checkStockLedger(db, items) {
  const [{ negative }] = (await db.query('SELECT count(*)::int AS negative FROM stock_balances WHERE on_hand < 0 OR reserved < 0')).rows;
  const [{ disagreeing }] = (
    await db.query(
      `SELECT count(*)::int AS disagreeing FROM stock_balances b
         JOIN LATERAL (SELECT on_hand_after, reserved_after FROM stock_movements m WHERE m.item_id = b.item_id ORDER BY seq DESC LIMIT 1) last ON true
        WHERE b.item_id = ANY($1::uuid[]) AND (b.on_hand <> last.on_hand_after OR b.reserved <> last.reserved_after)`,
      [items],
    )
  ).rows;
  const [{ issued, mismatched }] = (
    await db.query(
      `SELECT count(*)::int AS issued,
              count(*) FILTER (WHERE l.issued <> coalesce(m.total, 0))::int AS mismatched
         FROM supply_requests r
         JOIN supply_request_lines l ON l.request_id = r.id
         LEFT JOIN LATERAL (SELECT sum(quantity) AS total FROM stock_movements m
                             WHERE m.source_type = 'supply-request' AND m.source_id = r.id::text AND m.kind = 'out') m ON true
        WHERE r.note = '基准测试领用' AND r.status = 'issued'`,
    )
  ).rows;
  return { negative, disagreeing, issued, mismatched, ok: negative === 0 && disagreeing === 0 && mismatched === 0 };
}
