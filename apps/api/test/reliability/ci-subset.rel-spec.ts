import request from 'supertest';
import { createDepartment } from '../factories/org.factory';
import { createStaff } from '../factories/school.factory';
import { createSupplyItem, stockIn } from '../factories/supplies.factory';
import type { TestApp } from '../setup/test-app';
import { clusterKinds } from './cluster';
import { load, startSystem, timing, type Json, type System } from './harness';

/**
 * The CI subset of `pnpm test:reliability` (at most 5 minutes; `pnpm test:reliability:ci`): two
 * API processes on one database of the harness's own cluster, the load split across both.
 * RELIABILITY_PG picks the server (default: embedded).
 */
describe.each(clusterKinds('embedded'))('reliability, CI subset (PostgreSQL: %s)', (kind) => {
  let system: System;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    system = await startSystem(kind, 2);
  }, 180_000);
  afterAll(async () => {
    await system?.close();
  });

  it('NFR-5 a room slot booked in parallel through both instances has exactly one winner', async () => {
    const started = Date.now();
    const room = await system.call(0, 'POST', '/api/v1/meetings/rooms', {
      name: `可靠性会议室${kind}`,
      building: '行政楼',
      floor: '3',
      capacity: 30,
      equipment: ['projector'],
    });
    expect(room.status).toBe(201);
    const slot = { roomId: room.body.id, startsAt: '2027-04-06T09:00:00+08:00', endsAt: '2027-04-06T10:00:00+08:00', attendeeCount: 10 };
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => system.call(i, 'POST', '/api/v1/meetings/bookings', { ...slot, title: `并发预约${i}` })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(39);
    const [{ n }] = await system.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM room_bookings WHERE room_id = $1 AND status IN ('pending', 'confirmed')`,
      [room.body.id],
    );
    expect(n).toBe(1);
    timing(`${kind}: NFR-5 booking winner`, started);
  });

  it('NFR-5 incoming document numbers registered in parallel through both instances are unique and gap-free', async () => {
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        system.call(i, 'POST', '/api/v1/documents/incoming', {
          title: `关于做好期末考试安排的通知（并发${i}）`,
          sourceOrg: '市教育局',
          docType: 'notice',
          senderNumber: `市教〔${year}〕${i + 1}号`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    const numbers = results.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(80);
    for (const number of numbers) expect(number).toMatch(new RegExp(`^收〔${year}〕\\d{4}$`));
    const rows = await system.sql<{ seq: number }>('SELECT seq FROM incoming_documents WHERE year = $1 AND seq IS NOT NULL ORDER BY seq', [
      year,
    ]);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    timing(`${kind}: NFR-5 gap-free numbers`, started);
  });

  it('NFR-5 stock never goes below zero: 100 parallel 1-unit issues through both instances with 10 in stock, exactly 10 succeed', async () => {
    const started = Date.now();
    // The factories speak supertest to a TestApp: hand them the first instance by its URL.
    const viaFirst = { http: request(system.instances[0].baseUrl) } as unknown as TestApp;
    const keeper = await createStaff(viaFirst, system.token, { roles: ['storekeeper'], name: '赵库管' });
    const department = await createDepartment(viaFirst, system.token, { name: `教务处${kind}` });
    const teacher = await createStaff(viaFirst, system.token, { roles: ['staff'], name: '钱老师', departmentId: department.id });
    const item = await createSupplyItem(viaFirst, keeper, { name: `订书钉${kind}`, unit: '盒', category: '装订用品' });
    await stockIn(viaFirst, keeper, item.id, 10);
    const as = (base: string, token: string, method: string, path: string, body?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as Json }));
    const base = (i: number) => system.instances[i % 2].baseUrl;
    const requests: { id: string; lines: { id: string }[] }[] = [];
    for (let i = 0; i < 100; i++) {
      const created = await as(base(i), teacher.token, 'POST', '/api/v1/logistics/supplies/requests', {
        lines: [{ itemId: item.id, quantity: 1 }],
        note: '日常办公',
      });
      expect(created.status).toBe(201);
      requests.push(created.body);
    }
    const results = await Promise.all(
      requests.map((r, i) =>
        as(base(i), keeper.token, 'POST', `/api/v1/logistics/supplies/requests/${r.id}/issue`, {
          lines: [{ lineId: r.lines[0].id, quantity: 1 }],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = results.filter((r) => r.status !== 201);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(new Set(['409 INSUFFICIENT_STOCK']));
    const [ledger] = await system.sql<{ outs: number; min: number }>(
      `SELECT count(*) FILTER (WHERE kind = 'out')::int AS outs, min(on_hand_after)::int AS min FROM stock_movements WHERE item_id = $1`,
      [item.id],
    );
    expect(ledger).toEqual({ outs: 10, min: 0 });
    expect((await as(base(1), keeper.token, 'GET', `/api/v1/logistics/supplies/items/${item.id}`)).body).toMatchObject({
      onHand: 0,
      reserved: 0,
    });
    timing(`${kind}: NFR-5 stock never below zero`, started);
  });

  it('NFR-6 one instance is killed (SIGKILL) during a write load: every acknowledged write is in the database, numbers stay gap-free', async () => {
    const started = Date.now();
    const victim = system.instances[1];
    let acknowledged = 0;
    let killedAt = -1;
    const results = await load(160, 10, async (i) => {
      const res = await system.call(i, 'POST', '/api/v1/documents/incoming', {
        title: `关于做好校园安全检查的通知（压测${i}）`,
        sourceOrg: '区教育局',
        docType: 'notice',
      });
      if (res.status === 201 && ++acknowledged === 50) {
        killedAt = i;
        victim.process.kill('SIGKILL');
      }
      return res;
    });
    expect(killedAt).toBeGreaterThan(0);
    expect(victim.process.signalCode).toBe('SIGKILL');
    const acked = results.flatMap((r) => (r.ok && r.value.status === 201 ? [r.value.body as { id: string; number: string }] : []));
    const refused = results.filter((r) => r.ok && r.value.status !== 201);
    // Only the connection to the killed process may fail; the live one answers every request.
    expect(refused.map((r) => r.ok && r.value.status)).toEqual([]);
    expect(acked.length).toBeGreaterThan(100);
    const stored = await system.sql<{ id: string; number: string }>(
      'SELECT id, number FROM incoming_documents WHERE id = ANY($1::uuid[])',
      [acked.map((a) => a.id)],
    );
    expect(new Map(stored.map((s) => [s.id, s.number]))).toEqual(new Map(acked.map((a) => [a.id, a.number])));
    // A transaction cut off by the kill rolled back with its number: no gap.
    const rows = await system.sql<{ seq: number }>('SELECT seq FROM incoming_documents WHERE year = $1 AND seq IS NOT NULL ORDER BY seq', [
      year,
    ]);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    timing(`${kind}: NFR-6 SIGKILL during writes (${acked.length} acknowledged, ${160 - acked.length} lost with the process)`, started);
  });
});
