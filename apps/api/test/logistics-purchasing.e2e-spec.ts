import { DataSource } from 'typeorm';
import { DemandService } from '../src/modules/logistics/purchasing/demand.service';
import { StockLedgerService } from '../src/modules/logistics/supplies/stock-ledger.service';
import { contextOf, principalOf } from './factories/access.factory';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff, eventually } from './factories/school.factory';
import { createSupplyItem, stockIn } from './factories/supplies.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };
type Quote = { id: string; supplier: { id: string; name: string }; model: string; unitPriceFen: number; matchesSpecification: boolean };
type Line = {
  id: string;
  itemId: string;
  specification: string;
  requestedQuantity: number;
  availableQuantity: number;
  quantity: number;
  receivedQuantity: number;
  quotes: Quote[];
  bestQuoteId: string | null;
  chosenQuoteId: string | null;
  choiceReason: string | null;
};
type List = {
  id: string;
  status: string;
  amountFen: number;
  approvalRequestId: string | null;
  actions: string[];
  lines: Line[];
  deliveries: {
    lines: { lineId: string; deliveredModel: string; deliveredQuantity: number; acceptedQuantity: number; mismatches: string[] }[];
  }[];
};

describe('logistics: purchasing — demand, quotes, approval, receiving (LOG-2, LOG-3, LOG-4)', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person;
  let director: Person;
  let leader: Person;
  let keeper: Person;
  let monthCounter = 0;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  /** A month of its own for each window (the month is unique). */
  const nextMonth = () => `2031-${String(++monthCounter).padStart(2, '0')}`;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '孙采购' });
    director = await createStaff(t, adminToken, { roles: ['office-director'], name: '李主任' });
    leader = await createStaff(t, adminToken, { roles: ['school-leader'], name: '周校长' });
    keeper = await createStaff(t, adminToken, { roles: ['storekeeper'], name: '赵库管' });
  });
  afterAll(() => t.close());

  /** A department with its head, who submits its demand. */
  async function departmentWithHead(name: string): Promise<{ id: string; head: Person }> {
    const head = await createStaff(t, adminToken, { roles: ['department-head'], name: `${name}主任` });
    const dept = await createDepartment(t, adminToken, { name: unique(name), headId: head.id });
    await t.http
      .patch(`/api/v1/org/users/${head.id}`)
      .set(as({ token: adminToken }))
      .send({ departmentId: dept.id, version: 1 })
      .expect(200);
    return { id: dept.id, head };
  }

  const openWindow = async (month = nextMonth()) =>
    (await t.http.post('/api/v1/logistics/demand-windows').set(as(clerk)).send({ month }).expect(201)).body as {
      id: string;
      month: string;
    };

  const submitDemand = (who: Person, windowId: string, lines: { itemId: string; quantity: number; reason?: string }[]) =>
    t.http.post('/api/v1/logistics/demands').set(as(who)).send({ windowId, lines });

  const merge = async (windowId: string): Promise<List> => {
    const window = (await t.http.post(`/api/v1/logistics/demand-windows/${windowId}/merge`).set(as(clerk)).expect(201)).body;
    return listOf(window.purchaseListId);
  };

  const listOf = async (id: string): Promise<List> =>
    (await t.http.get(`/api/v1/logistics/purchase-lists/${id}`).set(as(clerk)).expect(200)).body;

  const supplier = async (name: string) =>
    (
      await t.http
        .post('/api/v1/logistics/suppliers')
        .set(as(clerk))
        .send({ name: unique(name), contacts: [{ name: '王经理', phone: '13800138000' }] })
        .expect(201)
    ).body as { id: string; name: string };

  const quote = (listId: string, lineId: string, supplierId: string, model: string, unitPriceFen: number) =>
    t.http
      .post(`/api/v1/logistics/purchase-lists/${listId}/lines/${lineId}/quotes`)
      .set(as(clerk))
      .send({ supplierId, model, unitPriceFen });

  /** A merged list of one line (an item of `quantity` to buy) with three quotes: cheapest matching from `cheap`. */
  async function quotedList(quantity: number, prices: [number, number, number] = [2300, 2500, 2100]) {
    const dept = await departmentWithHead('教务处');
    const item = await createSupplyItem(t, keeper, { specification: '70g 500张/包' });
    const window = await openWindow();
    await submitDemand(dept.head, window.id, [{ itemId: item.id, quantity }]).expect(201);
    const list = await merge(window.id);
    const line = list.lines[0];
    const [a, b, c] = [await supplier('文具批发'), await supplier('办公用品商行'), await supplier('纸业公司')];
    await quote(list.id, line.id, a.id, '70g 500张/包', prices[0]).expect(201);
    await quote(list.id, line.id, b.id, '７０Ｇ　500张/包', prices[1]).expect(201); // full-width, same model
    // The cheapest quote is for another paper weight: it does not match the specification.
    await quote(list.id, line.id, c.id, '60g 500张/包', prices[2]).expect(201);
    return { list: await listOf(list.id), item, suppliers: { a, b, c } };
  }

  /** Has the approvers approve the list's request, step by step, and waits for the list to be approved. */
  async function approve(list: List, approvers: Person[]): Promise<List> {
    for (const approver of approvers) {
      await t.http
        .post(`/api/v1/approvals/requests/${list.approvalRequestId}/approve`)
        .set(as(approver))
        .send({ comment: '同意采购' })
        .expect(200);
    }
    return eventually(
      async () => {
        const now = await listOf(list.id);
        return now.status === 'approved' ? now : undefined;
      },
      20_000,
      'the approval to reach the purchase list',
    );
  }

  it('LOG-2 the monthly job opens the month’s demand window once, however often it runs', async () => {
    const demand = t.app.get(DemandService);
    const first = await demand.openCurrentMonth();
    const again = await demand.openCurrentMonth();
    expect(again).toBeNull();
    const windows = (await t.http.get('/api/v1/logistics/demand-windows').set(as(clerk)).expect(200)).body as {
      id: string;
      month: string;
      status: string;
    }[];
    const current = windows.filter((w) => w.month === first?.month);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ status: 'open' });
    await t.http.post('/api/v1/logistics/demand-windows').set(as(clerk)).send({ month: first!.month }).expect(409);
  });

  it('LOG-2 a department submits its monthly needs against its quota: over the quota only with a reason (422 keyed by line); others’ demands are 404', async () => {
    const academic = await departmentWithHead('教务处');
    const general = await departmentWithHead('总务处');
    const paper = await createSupplyItem(t, keeper);
    const pens = await createSupplyItem(t, keeper, {
      name: unique('中性笔'),
      specification: '0.5mm 黑色',
      unit: '支',
      category: '书写工具',
    });
    await t.http
      .put(`/api/v1/logistics/supplies/items/${paper.id}/quotas`)
      .set(as(keeper))
      .send({ quotas: [{ departmentId: academic.id, monthlyQuantity: 10 }] })
      .expect(200);
    const window = await openWindow();
    // The heads of departments are told that the month's demand is open.
    const told = await eventually(async () => {
      const res = await t.http
        .get('/api/v1/notifications/deliveries')
        .query({ recipientId: academic.head.id, channel: 'in-app' })
        .set(as({ token: adminToken }))
        .expect(200);
      return (res.body.items as { kind: string; title: string }[]).find((d) => d.kind === 'logistics.demand.window-open');
    });
    expect(told.title).toContain(window.month);

    const over = await submitDemand(academic.head, window.id, [
      { itemId: pens.id, quantity: 30 },
      { itemId: paper.id, quantity: 12 },
    ]).expect(422);
    expect(over.body.code).toBe('DEMAND_OVER_QUOTA');
    expect(Object.keys(over.body.errors)).toEqual(['lines.1.reason']);
    // Teachers have no demand to submit; the head of department does.
    const teacher = await createStaff(t, adminToken, { roles: ['staff'], departmentId: academic.id });
    await submitDemand(teacher, window.id, [{ itemId: pens.id, quantity: 1 }]).expect(403);

    const submitted = await submitDemand(academic.head, window.id, [
      { itemId: pens.id, quantity: 30 },
      { itemId: paper.id, quantity: 12, reason: '期末考试印制试卷' },
    ]).expect(201);
    expect(submitted.body.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: paper.id, quantity: 12, quota: 10, overQuotaReason: '期末考试印制试卷' }),
        expect.objectContaining({ itemId: pens.id, quantity: 30, quota: null, overQuotaReason: null }),
      ]),
    );
    // A second submission replaces the first.
    const replaced = await submitDemand(academic.head, window.id, [{ itemId: paper.id, quantity: 8 }]).expect(201);
    expect(replaced.body.id).toBe(submitted.body.id);
    expect(replaced.body.lines).toHaveLength(1);

    await t.http.get(`/api/v1/logistics/demands/${submitted.body.id}`).set(as(general.head)).expect(404);
    const theirs = (await t.http.get('/api/v1/logistics/demands').query({ windowId: window.id }).set(as(general.head)).expect(200)).body;
    expect(theirs.items).toEqual([]);
    const office = (await t.http.get('/api/v1/logistics/demands').query({ windowId: window.id }).set(as(clerk)).expect(200)).body;
    expect(office.items.map((d: { id: string }) => d.id)).toEqual([submitted.body.id]);

    await t.http.post(`/api/v1/logistics/demand-windows/${window.id}/close`).set(as(clerk)).expect(201);
    const closed = await submitDemand(academic.head, window.id, [{ itemId: paper.id, quantity: 1 }]).expect(409);
    expect(closed.body.code).toBe('DEMAND_WINDOW_CLOSED');
  });

  it('LOG-2 the merge sums the departments’ demands and subtracts the available stock (on hand − reserved)', async () => {
    const academic = await departmentWithHead('教务处');
    const general = await departmentWithHead('总务处');
    const paper = await createSupplyItem(t, keeper);
    const toner = await createSupplyItem(t, keeper, { name: unique('硒鼓'), specification: 'HP 88A', unit: '个', category: '耗材' });
    const folders = await createSupplyItem(t, keeper, {
      name: unique('文件夹'),
      specification: 'A4 蓝色',
      unit: '个',
      category: '文件管理',
    });
    // Paper: 30 on hand, 8 of them reserved for an event: 22 available.
    await stockIn(t, keeper, paper.id, 30);
    const ctx = contextOf(await principalOf(t, keeper.id));
    await t.app
      .get(DataSource)
      .transaction((manager) =>
        t.app.get(StockLedgerService).record(manager, ctx, { itemId: paper.id, kind: 'reservation', quantity: 8, reason: '运动会预留' }),
      );
    // Folders: 100 on hand covers every demand.
    await stockIn(t, keeper, folders.id, 100);

    const window = await openWindow();
    await submitDemand(academic.head, window.id, [
      { itemId: paper.id, quantity: 40 },
      { itemId: toner.id, quantity: 2 },
      { itemId: folders.id, quantity: 20 },
    ]).expect(201);
    await submitDemand(general.head, window.id, [
      { itemId: paper.id, quantity: 10 },
      { itemId: toner.id, quantity: 1 },
    ]).expect(201);

    const list = await merge(window.id);
    expect(list.status).toBe('draft');
    const byItem = Object.fromEntries(list.lines.map((l) => [l.itemId, l]));
    expect(byItem[paper.id]).toMatchObject({ requestedQuantity: 50, availableQuantity: 22, quantity: 28 });
    expect(byItem[toner.id]).toMatchObject({ requestedQuantity: 3, availableQuantity: 0, quantity: 3, specification: 'HP 88A' });
    expect(byItem[folders.id]).toBeUndefined(); // fully covered by stock
    // A window is merged once, and takes no more demand.
    expect((await t.http.post(`/api/v1/logistics/demand-windows/${window.id}/merge`).set(as(clerk)).expect(409)).body.code).toBe(
      'DEMAND_WINDOW_CLOSED',
    );
    await submitDemand(academic.head, window.id, [{ itemId: paper.id, quantity: 1 }]).expect(409);
    // Department heads do not run purchasing.
    await t.http.get(`/api/v1/logistics/purchase-lists/${list.id}`).set(as(academic.head)).expect(403);
  });

  it('LOG-3 suppliers are kept with their contacts', async () => {
    const created = await t.http
      .post('/api/v1/logistics/suppliers')
      .set(as(clerk))
      .send({
        name: unique('市文具批发有限公司'),
        address: '人民路88号',
        contacts: [
          { name: '赵经理', phone: '13800138000', position: '销售经理' },
          { name: '钱会计', email: 'qian@supplier.example' },
        ],
      })
      .expect(201);
    expect(created.body.contacts.map((c: { name: string }) => c.name).sort()).toEqual(['赵经理', '钱会计'].sort());
    await t.http.post('/api/v1/logistics/suppliers').set(as(clerk)).send({ name: created.body.name }).expect(409);
    const changed = await t.http
      .patch(`/api/v1/logistics/suppliers/${created.body.id}`)
      .set(as(clerk))
      .send({ name: created.body.name, contacts: [{ name: '孙主管', phone: '0571-88886666' }], version: created.body.version })
      .expect(200);
    expect(changed.body.contacts).toEqual([expect.objectContaining({ name: '孙主管', phone: '0571-88886666' })]);
    await t.http
      .patch(`/api/v1/logistics/suppliers/${created.body.id}`)
      .set(as(clerk))
      .send({ name: created.body.name, version: created.body.version })
      .expect(409);
    await t.http.get('/api/v1/logistics/suppliers').set(as(keeper)).expect(403);
  });

  it('LOG-3 the comparison picks the lowest quote that matches the specification; choosing another needs a written reason', async () => {
    const { list, suppliers } = await quotedList(10);
    const line = list.lines[0];
    const bySupplier = Object.fromEntries(line.quotes.map((q) => [q.supplier.id, q]));
    expect(bySupplier[suppliers.c.id].matchesSpecification).toBe(false);
    expect(bySupplier[suppliers.b.id].matchesSpecification).toBe(true);
    // ¥21.00 is cheapest but of another model; ¥23.00 is the lowest matching quote.
    expect(line.bestQuoteId).toBe(bySupplier[suppliers.a.id].id);

    const noReason = await t.http
      .post(`/api/v1/logistics/purchase-lists/${list.id}/lines/${line.id}/choice`)
      .set(as(clerk))
      .send({ quoteId: bySupplier[suppliers.b.id].id })
      .expect(422);
    expect(noReason.body).toMatchObject({ code: 'PURCHASE_CHOICE_REASON_REQUIRED', errors: { reason: expect.any(Array) } });
    const blank = await t.http
      .post(`/api/v1/logistics/purchase-lists/${list.id}/lines/${line.id}/choice`)
      .set(as(clerk))
      .send({ quoteId: bySupplier[suppliers.b.id].id, reason: '   ' })
      .expect(422);
    expect(blank.body.code).toBe('PURCHASE_CHOICE_REASON_REQUIRED');
    expect((await listOf(list.id)).lines[0].chosenQuoteId).toBeNull();

    const other = await t.http
      .post(`/api/v1/logistics/purchase-lists/${list.id}/lines/${line.id}/choice`)
      .set(as(clerk))
      .send({ quoteId: bySupplier[suppliers.b.id].id, reason: '该供应商可当日送货，纸张质量更稳定' })
      .expect(201);
    expect(other.body.lines[0]).toMatchObject({
      chosenQuoteId: bySupplier[suppliers.b.id].id,
      choiceReason: '该供应商可当日送货，纸张质量更稳定',
    });
    const best = await t.http
      .post(`/api/v1/logistics/purchase-lists/${list.id}/lines/${line.id}/choice`)
      .set(as(clerk))
      .send({ quoteId: bySupplier[suppliers.a.id].id })
      .expect(201);
    expect(best.body.lines[0]).toMatchObject({ chosenQuoteId: bySupplier[suppliers.a.id].id, choiceReason: null });
  });

  it('LOG-3 a line needs the school’s minimum number of quotes (default 3, configurable) before the list is submitted', async () => {
    const settings = (await t.http.get('/api/v1/logistics/purchasing-settings').set(as(clerk)).expect(200)).body;
    expect(settings.minQuotes).toBe(3);
    const dept = await departmentWithHead('教务处');
    const item = await createSupplyItem(t, keeper);
    const window = await openWindow();
    await submitDemand(dept.head, window.id, [{ itemId: item.id, quantity: 5 }]).expect(201);
    const list = await merge(window.id);
    const s1 = await supplier('文具店');
    const s2 = await supplier('商贸公司');
    await quote(list.id, list.lines[0].id, s1.id, '70g 500张/包', 2400).expect(201);
    await quote(list.id, list.lines[0].id, s2.id, '70g 500张/包', 2450).expect(201);
    const short = await t.http.post(`/api/v1/logistics/purchase-lists/${list.id}/submit`).set(as(clerk)).expect(422);
    expect(short.body.code).toBe('PURCHASE_QUOTES_MISSING');
    expect(Object.keys(short.body.errors)).toEqual([`lines.${list.lines[0].id}`]);

    const lowered = await t.http
      .put('/api/v1/logistics/purchasing-settings')
      .set(as(clerk))
      .send({ minQuotes: 2, version: settings.version })
      .expect(200);
    try {
      const submitted = (await t.http.post(`/api/v1/logistics/purchase-lists/${list.id}/submit`).set(as(clerk)).expect(201)).body as List;
      // No choice was made: the best matching quote is taken.
      expect(submitted.lines[0].chosenQuoteId).toBe(submitted.lines[0].bestQuoteId);
      expect(submitted).toMatchObject({ status: 'submitted', amountFen: 5 * 2400 });
    } finally {
      await t.http
        .put('/api/v1/logistics/purchasing-settings')
        .set(as(clerk))
        .send({ minQuotes: 3, version: lowered.body.version })
        .expect(200);
    }
  });

  it('LOG-3 PLT-2 the list cannot be ordered before approval (409), and the approval chain depends on the amount', async () => {
    // 10 × ¥23.00 = ¥230.00: the office director alone.
    const small = (await quotedList(10)).list;
    const early = await t.http.post(`/api/v1/logistics/purchase-lists/${small.id}/order`).set(as(clerk)).expect(409);
    expect(early.body.code).toBe('PURCHASE_LIST_NOT_APPROVED');
    const submitted = (await t.http.post(`/api/v1/logistics/purchase-lists/${small.id}/submit`).set(as(clerk)).expect(201)).body as List;
    expect(submitted).toMatchObject({ status: 'submitted', amountFen: 23_000, actions: [] });
    expect((await t.http.post(`/api/v1/logistics/purchase-lists/${small.id}/order`).set(as(clerk)).expect(409)).body.code).toBe(
      'PURCHASE_LIST_NOT_APPROVED',
    );
    // Quotes are frozen while the list is under approval.
    await quote(small.id, small.lines[0].id, small.lines[0].quotes[0].supplier.id, '70g 500张/包', 100).expect(409);
    const smallRequest = (await t.http.get(`/api/v1/approvals/requests/${submitted.approvalRequestId}`).set(as(director)).expect(200)).body;
    expect(smallRequest.steps.map((s: { name: string }) => s.name)).toEqual(['办公室主任审核']);
    // The approvers read what they approve: the line, its chosen quote and the total.
    expect(smallRequest.data).toMatchObject({ amountFen: 23_000, lineCount: 1 });
    expect(smallRequest.data.content).toContain('10包 × ¥23.00 = ¥230.00');
    const approved = await approve(submitted, [director]);
    expect(approved.actions).toEqual(['order']);
    const ordered = (await t.http.post(`/api/v1/logistics/purchase-lists/${small.id}/order`).set(as(clerk)).expect(201)).body as List;
    expect(ordered.status).toBe('ordered');
    expect((await t.http.post(`/api/v1/logistics/purchase-lists/${small.id}/order`).set(as(clerk)).expect(409)).body.code).toBe(
      'PURCHASE_LIST_ILLEGAL_ACTION',
    );

    // 300 × ¥23.00 = ¥6,900.00: from ¥5,000 a school leader approves after the director.
    const large = (await quotedList(300)).list;
    const bigSubmitted = (await t.http.post(`/api/v1/logistics/purchase-lists/${large.id}/submit`).set(as(clerk)).expect(201)).body as List;
    expect(bigSubmitted.amountFen).toBe(690_000);
    const bigRequest = (await t.http.get(`/api/v1/approvals/requests/${bigSubmitted.approvalRequestId}`).set(as(director)).expect(200))
      .body;
    expect(bigRequest.steps.map((s: { name: string }) => s.name)).toEqual(['办公室主任审核', '校领导审批']);
    await t.http.post(`/api/v1/approvals/requests/${bigSubmitted.approvalRequestId}/approve`).set(as(director)).send({}).expect(200);
    expect((await listOf(large.id)).status).toBe('submitted'); // the leader has still to approve
    await t.http.post(`/api/v1/logistics/purchase-lists/${large.id}/order`).set(as(clerk)).expect(409);
    await approve(bigSubmitted, [leader]);
  });

  it('LOG-3 a rejected list goes back to gathering quotes and is submitted again', async () => {
    const { list } = await quotedList(10);
    const submitted = (await t.http.post(`/api/v1/logistics/purchase-lists/${list.id}/submit`).set(as(clerk)).expect(201)).body as List;
    await t.http
      .post(`/api/v1/approvals/requests/${submitted.approvalRequestId}/reject`)
      .set(as(director))
      .send({ reason: '价格偏高，请重新询价' })
      .expect(200);
    const back = await eventually(
      async () => {
        const now = await listOf(list.id);
        return now.status === 'draft' ? now : undefined;
      },
      20_000,
      'the rejection to reach the list',
    );
    expect(back.actions).toEqual(['quote', 'choose', 'submit']);
    await t.http.post(`/api/v1/logistics/purchase-lists/${list.id}/order`).set(as(clerk)).expect(409);
    const again = (await t.http.post(`/api/v1/logistics/purchase-lists/${list.id}/submit`).set(as(clerk)).expect(201)).body as List;
    expect(again.status).toBe('submitted');
    expect(again.approvalRequestId).not.toBe(submitted.approvalRequestId);
  });

  it('LOG-4 a delivery is checked against its order: partial delivery and model mismatch are recorded, and the ledger shows the stock-in', async () => {
    const { list, item, suppliers } = await quotedList(10);
    const line = list.lines[0];
    await t.http.post(`/api/v1/logistics/purchase-lists/${list.id}/submit`).set(as(clerk)).expect(201);
    await approve(await listOf(list.id), [director]);
    // Receiving before the order is refused.
    await t.http
      .post(`/api/v1/logistics/purchase-lists/${list.id}/deliveries`)
      .set(as(clerk))
      .send({ supplierId: suppliers.a.id, lines: [{ lineId: line.id, model: '70g 500张/包', quantity: 1 }] })
      .expect(409);
    await t.http.post(`/api/v1/logistics/purchase-lists/${list.id}/order`).set(as(clerk)).expect(201);
    const before = (await t.http.get(`/api/v1/logistics/supplies/items/${item.id}`).set(as(keeper)).expect(200)).body.onHand as number;

    // Another supplier's delivery does not match this order.
    const wrongSupplier = await t.http
      .post(`/api/v1/logistics/purchase-lists/${list.id}/deliveries`)
      .set(as(clerk))
      .send({ supplierId: suppliers.b.id, lines: [{ lineId: line.id, model: '70g 500张/包', quantity: 10 }] })
      .expect(400);
    expect(wrongSupplier.body.errors).toHaveProperty(['lines.0.lineId']);

    // First delivery: 4 of 10, the right model.
    const partial = (
      await t.http
        .post(`/api/v1/logistics/purchase-lists/${list.id}/deliveries`)
        .set(as(clerk))
        .send({ supplierId: suppliers.a.id, lines: [{ lineId: line.id, model: '70g 500张/包', quantity: 4 }] })
        .expect(201)
    ).body as List;
    expect(partial.status).toBe('receiving');
    expect(partial.lines[0].receivedQuantity).toBe(4);
    expect(partial.deliveries[0].lines[0]).toMatchObject({ deliveredQuantity: 4, acceptedQuantity: 4, mismatches: [] });

    // Second delivery: 6 of another model, recorded and not taken in.
    const mismatch = (
      await t.http
        .post(`/api/v1/logistics/purchase-lists/${list.id}/deliveries`)
        .set(as(clerk))
        .send({ supplierId: suppliers.a.id, lines: [{ lineId: line.id, model: '80g 500张/包', quantity: 6, note: '送错克重，已退回' }] })
        .expect(201)
    ).body as List;
    expect(mismatch.status).toBe('receiving');
    expect(mismatch.lines[0].receivedQuantity).toBe(4);
    expect(mismatch.deliveries[1].lines[0]).toMatchObject({
      deliveredModel: '80g 500张/包',
      deliveredQuantity: 6,
      acceptedQuantity: 0,
      mismatches: ['model'],
    });

    // Third delivery: 8 of the right model where 6 are outstanding: 6 taken in, the excess recorded.
    const rest = (
      await t.http
        .post(`/api/v1/logistics/purchase-lists/${list.id}/deliveries`)
        .set(as(clerk))
        .send({ supplierId: suppliers.a.id, lines: [{ lineId: line.id, model: '70G 500张/包', quantity: 8 }] })
        .expect(201)
    ).body as List;
    expect(rest.status).toBe('received');
    expect(rest.lines[0].receivedQuantity).toBe(10);
    expect(rest.deliveries[2].lines[0]).toMatchObject({ deliveredQuantity: 8, acceptedQuantity: 6, mismatches: ['excess'] });
    expect(rest.actions).toEqual([]);

    // The ledger: two stock-ins from purchase deliveries, 4 and 6; on hand up by 10.
    const movements = (
      await t.http.get('/api/v1/logistics/supplies/movements').query({ itemId: item.id, pageSize: 50 }).set(as(keeper)).expect(200)
    ).body.items as { kind: string; quantity: number; sourceType: string | null; onHandAfter: number }[];
    const fromPurchase = movements.filter((m) => m.sourceType === 'purchase-delivery');
    expect(fromPurchase.map((m) => [m.kind, m.quantity]).sort()).toEqual([
      ['in', 4],
      ['in', 6],
    ]);
    const after = (await t.http.get(`/api/v1/logistics/supplies/items/${item.id}`).set(as(keeper)).expect(200)).body.onHand as number;
    expect(after - before).toBe(10);
  });

  it('LOG-4 two deliveries received at once never take in more than was ordered', async () => {
    const { list, suppliers } = await quotedList(5);
    const line = list.lines[0];
    await t.http.post(`/api/v1/logistics/purchase-lists/${list.id}/submit`).set(as(clerk)).expect(201);
    await approve(await listOf(list.id), [director]);
    await t.http.post(`/api/v1/logistics/purchase-lists/${list.id}/order`).set(as(clerk)).expect(201);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.http
          .post(`/api/v1/logistics/purchase-lists/${list.id}/deliveries`)
          .set(as(clerk))
          .send({ supplierId: suppliers.a.id, lines: [{ lineId: line.id, model: '70g 500张/包', quantity: 2 }] }),
      ),
    );
    // 5 ordered: 2 + 2 + 1 are taken in, then the list is received and further deliveries are refused.
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    const final = await listOf(list.id);
    expect(final.lines[0].receivedQuantity).toBe(5);
    expect(final.deliveries.reduce((n, d) => n + d.lines[0].acceptedQuantity, 0)).toBe(5);
  });
});
