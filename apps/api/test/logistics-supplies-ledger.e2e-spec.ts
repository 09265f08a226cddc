import { DataSource } from 'typeorm';
import { StockLedgerService } from '../src/modules/logistics/supplies/stock-ledger.service';
import { contextOf, principalOf } from './factories/access.factory';
import { createDepartment, loginAsAdmin } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { createSupplyItem, stockIn } from './factories/supplies.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

describe('logistics: supplies catalogue and stock ledger (LOG-1, LOG-5)', () => {
  let t: TestApp;
  let adminToken: string;
  let keeper: Person;
  let teacher: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    keeper = await createStaff(t, adminToken, { roles: ['storekeeper'], name: '赵库管' });
    teacher = await createStaff(t, adminToken, { roles: ['staff'], name: '钱老师' });
  });
  afterAll(() => t.close());

  const balanceOf = async (itemId: string) =>
    (await t.http.get(`/api/v1/logistics/supplies/items/${itemId}`).set(as(teacher)).expect(200)).body as {
      onHand: number;
      reserved: number;
      available: number;
    };

  it('LOG-1 the storekeeper keeps the catalogue with unit, category, consumable flag, safety stock and department quotas', async () => {
    const item = await createSupplyItem(t, keeper, {
      name: '中性笔',
      specification: '0.5mm 黑色',
      unit: '支',
      category: '书写工具',
      safetyStock: 20,
    });
    expect(item).toMatchObject({
      name: '中性笔',
      unit: '支',
      category: '书写工具',
      consumable: true,
      safetyStock: 20,
      onHand: 0,
      active: true,
    });
    // Teachers see the catalogue but cannot change it.
    await t.http.post('/api/v1/logistics/supplies/items').set(as(teacher)).send({ name: 'x', unit: '个', category: 'y' }).expect(403);
    const list = (await t.http.get('/api/v1/logistics/supplies/items').query({ q: '中性笔' }).set(as(teacher)).expect(200)).body;
    expect(list.items.map((i: { id: string }) => i.id)).toContain(item.id);

    const changed = await t.http
      .patch(`/api/v1/logistics/supplies/items/${item.id}`)
      .set(as(keeper))
      .send({ safetyStock: 30, consumable: false, version: item.version })
      .expect(200);
    expect(changed.body).toMatchObject({ safetyStock: 30, consumable: false, version: item.version + 1 });
    await t.http
      .patch(`/api/v1/logistics/supplies/items/${item.id}`)
      .set(as(keeper))
      .send({ safetyStock: 10, version: item.version })
      .expect(409);

    const dept = await createDepartment(t, adminToken, { name: '教务处' });
    const quotas = await t.http
      .put(`/api/v1/logistics/supplies/items/${item.id}/quotas`)
      .set(as(keeper))
      .send({ quotas: [{ departmentId: dept.id, monthlyQuantity: 50 }] })
      .expect(200);
    expect(quotas.body).toEqual([{ department: { id: dept.id, name: '教务处' }, monthlyQuantity: 50 }]);
    const missing = await t.http
      .put(`/api/v1/logistics/supplies/items/${item.id}/quotas`)
      .set(as(keeper))
      .send({ quotas: [{ departmentId: '00000000-0000-4000-8000-000000000000', monthlyQuantity: 5 }] })
      .expect(400);
    expect(missing.body.errors).toHaveProperty('quotas');
  });

  it('LOG-5 the ledger records each movement with its balance after; an out beyond on-hand is 409 INSUFFICIENT_STOCK and writes nothing', async () => {
    const item = await createSupplyItem(t, keeper);
    await stockIn(t, keeper, item.id, 5);
    const ledger = t.app.get(StockLedgerService);
    const ctx = contextOf(await principalOf(t, keeper.id));
    const dataSource = t.app.get(DataSource);
    const out = await dataSource.transaction((m) =>
      ledger.record(m, ctx, { itemId: item.id, kind: 'out', quantity: 3, reason: '教务处领用' }),
    );
    expect(out).toMatchObject({ onHandAfter: 2, reservedAfter: 0 });

    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM stock_movements WHERE item_id = $1', [item.id]);
    await expect(
      dataSource.transaction((m) => ledger.record(m, ctx, { itemId: item.id, kind: 'out', quantity: 3, reason: '超量领用' })),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    await expect(
      dataSource.transaction((m) => ledger.record(m, ctx, { itemId: item.id, kind: 'adjustment', quantity: -3, reason: '盘亏' })),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    const after = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM stock_movements WHERE item_id = $1', [item.id]);
    expect(after).toEqual(before);
    expect(await balanceOf(item.id)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });

    // A reservation is never refused (a waiting line may reserve stock not yet here); a release below zero is.
    await dataSource.transaction((m) => ledger.record(m, ctx, { itemId: item.id, kind: 'reservation', quantity: 4, reason: '等待发放' }));
    expect(await balanceOf(item.id)).toMatchObject({ onHand: 2, reserved: 4, available: -2 });
    await expect(
      dataSource.transaction((m) => ledger.record(m, ctx, { itemId: item.id, kind: 'release', quantity: 5, reason: '取消' })),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_RESERVED' });

    const movements = (await t.http.get('/api/v1/logistics/supplies/movements').query({ itemId: item.id }).set(as(keeper)).expect(200)).body
      .items;
    expect(
      movements.map((m: { kind: string; quantity: number; onHandAfter: number; reservedAfter: number }) => [
        m.kind,
        m.quantity,
        m.onHandAfter,
        m.reservedAfter,
      ]),
    ).toEqual([
      ['reservation', 4, 2, 4],
      ['out', 3, 2, 0],
      ['in', 5, 5, 0],
    ]);
    expect(movements[1]).toMatchObject({ reason: '教务处领用', actor: { id: keeper.id } });
    await t.http.get('/api/v1/logistics/supplies/movements').set(as(teacher)).expect(403);
    const audited = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE object_type = 'supply-item' AND object_id = $1 AND action LIKE 'logistics.supplies.stock.%'`,
      [item.id],
    );
    expect(audited[0].n).toBe(3);
  });

  it('LOG-5 the database itself refuses negative on-hand stock and edits of the ledger', async () => {
    const item = await createSupplyItem(t, keeper);
    await stockIn(t, keeper, item.id, 1);
    await expect(t.sql('UPDATE stock_balances SET on_hand = on_hand - 2 WHERE item_id = $1', [item.id])).rejects.toThrow(
      /CHK_stock_balances_on_hand/,
    );
    await expect(t.sql('UPDATE stock_movements SET quantity = 100 WHERE item_id = $1', [item.id])).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM stock_movements WHERE item_id = $1', [item.id])).rejects.toThrow(/append-only/);
  });

  it('LOG-5 parallel outs through the ledger never take stock below zero: 30 outs of 1 with 7 on hand, exactly 7 succeed', async () => {
    const item = await createSupplyItem(t, keeper);
    await stockIn(t, keeper, item.id, 7);
    const ledger = t.app.get(StockLedgerService);
    const ctx = contextOf(await principalOf(t, keeper.id));
    const dataSource = t.app.get(DataSource);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        dataSource.transaction((m) => ledger.record(m, ctx, { itemId: item.id, kind: 'out', quantity: 1, reason: '并发领用' })),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(23).fill('INSUFFICIENT_STOCK'));
    expect(await balanceOf(item.id)).toMatchObject({ onHand: 0 });
    const [min] = await t.sql<{ min: number }>('SELECT min(on_hand_after)::int AS min FROM stock_movements WHERE item_id = $1', [item.id]);
    expect(min.min).toBe(0);
  });

  it('LOG-5 bad input to the stock-in route is a 400 keyed by field', async () => {
    const res = await t.http
      .post('/api/v1/logistics/supplies/movements')
      .set(as(keeper))
      .send({ itemId: 'x', kind: 'out', quantity: 0, reason: '' })
      .expect(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['itemId', 'kind', 'quantity', 'reason']);
    const ghost = await t.http
      .post('/api/v1/logistics/supplies/movements')
      .set(as(keeper))
      .send({ itemId: '00000000-0000-4000-8000-000000000000', kind: 'in', quantity: 1, reason: '入库' })
      .expect(400);
    expect(ghost.body.errors).toHaveProperty('itemId');
  });
});
