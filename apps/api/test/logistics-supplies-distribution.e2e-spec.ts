import ExcelJS from 'exceljs';
import { schoolDateOf } from '@xiaoban/shared';
import { binary } from './factories/files.factory';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { createSupplyItem, stockIn } from './factories/supplies.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };
type Line = { id: string; item: { id: string }; quantity: number; issued: number; waiting: number; reserved: number };
type Request = {
  id: string;
  status: string;
  lines: Line[];
  issues: { id: string; signedAt: string | null; canSign: boolean }[];
  actions: string[];
};

describe('logistics: supplies distribution, alerts, stocktaking, consumption (LOG-5–LOG-8)', () => {
  let t: TestApp;
  let adminToken: string;
  let keeper: Person;
  let director: Person;
  let deptA: { id: string; name: string };
  let deptB: { id: string; name: string };
  let teacherA: Person;
  let teacherB: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    keeper = await createStaff(t, adminToken, { roles: ['storekeeper'], name: '赵库管' });
    director = await createStaff(t, adminToken, { roles: ['office-director'], name: '周主任' });
    deptA = await createDepartment(t, adminToken, { name: '教务处' });
    deptB = await createDepartment(t, adminToken, { name: '德育处' });
    teacherA = await createStaff(t, adminToken, { roles: ['staff'], name: '钱老师', departmentId: deptA.id });
    teacherB = await createStaff(t, adminToken, { roles: ['staff'], name: '孙老师', departmentId: deptB.id });
  });
  afterAll(() => t.close());

  const request = async (who: Person, lines: { itemId: string; quantity: number }[]): Promise<Request> =>
    (await t.http.post('/api/v1/logistics/supplies/requests').set(as(who)).send({ lines, note: '日常办公' }).expect(201)).body;
  const issue = (requestId: string, lines: { lineId: string; quantity: number }[]) =>
    t.http.post(`/api/v1/logistics/supplies/requests/${requestId}/issue`).set(as(keeper)).send({ lines });
  const itemOf = async (id: string) =>
    (await t.http.get(`/api/v1/logistics/supplies/items/${id}`).set(as(keeper)).expect(200)).body as {
      onHand: number;
      reserved: number;
      available: number;
      version: number;
    };
  const openAlerts = async (itemId: string) =>
    (await t.http.get('/api/v1/logistics/supplies/alerts').query({ itemId, status: 'open' }).set(as(keeper)).expect(200)).body.items as {
      available: number;
      onHand: number;
      reserved: number;
      safetyStock: number;
      suggestedQuantity: number;
    }[];

  it('LOG-5 100 parallel issue actions of 1 unit with 10 in stock: exactly 10 succeed, 90 get 409 INSUFFICIENT_STOCK, stock ends at 0', async () => {
    const item = await createSupplyItem(t, keeper, { name: '订书钉', unit: '盒', category: '装订用品' });
    await stockIn(t, keeper, item.id, 10);
    const requests: Request[] = [];
    for (let i = 0; i < 100; i++) requests.push(await request(i % 2 ? teacherA : teacherB, [{ itemId: item.id, quantity: 1 }]));
    const results = await Promise.all(requests.map((r) => issue(r.id, [{ lineId: r.lines[0].id, quantity: 1 }])));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(90);
    expect(new Set(refused.map((r) => `${r.status} ${r.body.code}`))).toEqual(new Set(['409 INSUFFICIENT_STOCK']));
    expect(await itemOf(item.id)).toMatchObject({ onHand: 0, reserved: 0 });
    const [ledger] = await t.sql<{ outs: number; min: number; issues: number }>(
      `SELECT count(*) FILTER (WHERE kind = 'out')::int AS outs, min(on_hand_after)::int AS min,
              (SELECT count(*)::int FROM supply_issues i JOIN supply_issue_lines l ON l.issue_id = i.id WHERE l.item_id = $1) AS issues
         FROM stock_movements WHERE item_id = $1`,
      [item.id],
    );
    expect(ledger).toEqual({ outs: 10, min: 0, issues: 10 });
    // The refused ones changed nothing: still waiting to be issued, with nothing reserved.
    const [left] = await t.sql<{ submitted: number }>(
      `SELECT count(*)::int AS submitted FROM supply_requests r JOIN supply_request_lines l ON l.request_id = r.id
        WHERE l.item_id = $1 AND r.status = 'submitted' AND l.issued = 0 AND l.reserved = 0`,
      [item.id],
    );
    expect(left.submitted).toBe(90);
  });

  it('LOG-5 a part issue leaves a waiting line the department sees, held as a reservation; one action asking more than on hand changes nothing; the department signs', async () => {
    const paper = await createSupplyItem(t, keeper, { name: 'A4复印纸', unit: '包' });
    const pens = await createSupplyItem(t, keeper, { name: '红色水笔', unit: '支' });
    await stockIn(t, keeper, paper.id, 6);
    await stockIn(t, keeper, pens.id, 20);
    const req = await request(teacherA, [
      { itemId: paper.id, quantity: 10 },
      { itemId: pens.id, quantity: 5 },
    ]);
    const paperLine = req.lines.find((l) => l.item.id === paper.id)!;
    const pensLine = req.lines.find((l) => l.item.id === pens.id)!;

    // One action asking 7 of paper (6 on hand) and 5 pens: refused as a whole, nothing changes.
    const tooMuch = await issue(req.id, [
      { lineId: paperLine.id, quantity: 7 },
      { lineId: pensLine.id, quantity: 5 },
    ]);
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('INSUFFICIENT_STOCK');
    expect(await itemOf(pens.id)).toMatchObject({ onHand: 20, reserved: 0 });
    expect(await itemOf(paper.id)).toMatchObject({ onHand: 6, reserved: 0 });

    const part = await issue(req.id, [
      { lineId: paperLine.id, quantity: 6 },
      { lineId: pensLine.id, quantity: 5 },
    ]);
    expect(part.status).toBe(201);
    expect(part.body.status).toBe('waiting');
    expect(await itemOf(paper.id)).toMatchObject({ onHand: 0, reserved: 4, available: -4 });

    // The department sees its waiting line; another department does not see the request at all.
    const mine = (await t.http.get('/api/v1/logistics/supplies/requests').query({ mine: true }).set(as(teacherA)).expect(200)).body;
    const seen = mine.items.find((r: Request) => r.id === req.id) as Request;
    expect(seen.lines.find((l) => l.item.id === paper.id)).toMatchObject({ issued: 6, waiting: 4, reserved: 4 });
    await t.http.get(`/api/v1/logistics/supplies/requests/${req.id}`).set(as(teacherB)).expect(404);
    const others = (await t.http.get('/api/v1/logistics/supplies/requests').set(as(teacherB)).expect(200)).body;
    expect(others.items.map((r: Request) => r.id)).not.toContain(req.id);

    // Signing for the slip: by a member of the department, once; the storekeeper cannot sign for them.
    const slip = seen.issues[0];
    expect(slip.canSign).toBe(true);
    await t.http.post(`/api/v1/logistics/supplies/issues/${slip.id}/sign`).set(as(keeper)).expect(403);
    await t.http.post(`/api/v1/logistics/supplies/issues/${slip.id}/sign`).set(as(teacherB)).expect(404);
    const signed = await t.http.post(`/api/v1/logistics/supplies/issues/${slip.id}/sign`).set(as(teacherA)).expect(201);
    expect(signed.body).toMatchObject({ signedBy: { id: teacherA.id }, canSign: false });
    const again = await t.http.post(`/api/v1/logistics/supplies/issues/${slip.id}/sign`).set(as(teacherA)).expect(409);
    expect(again.body.code).toBe('SUPPLY_ISSUE_ALREADY_SIGNED');

    // The rest arrives and is issued: the reservation is released, the request is issued.
    await stockIn(t, keeper, paper.id, 10);
    const rest = await issue(req.id, [{ lineId: paperLine.id, quantity: 4 }]);
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ status: 'issued', actions: [] });
    expect(await itemOf(paper.id)).toMatchObject({ onHand: 6, reserved: 0 });
    const late = await issue(req.id, [{ lineId: paperLine.id, quantity: 1 }]);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('SUPPLY_REQUEST_ILLEGAL_ACTION');
  });

  it('LOG-5 cancelling what still waits releases its reservation', async () => {
    const item = await createSupplyItem(t, keeper, { name: '档案袋', unit: '个' });
    await stockIn(t, keeper, item.id, 3);
    const req = await request(teacherA, [{ itemId: item.id, quantity: 8 }]);
    await issue(req.id, [{ lineId: req.lines[0].id, quantity: 3 }]).expect(201);
    expect(await itemOf(item.id)).toMatchObject({ onHand: 0, reserved: 5 });
    const cancelled = await t.http
      .post(`/api/v1/logistics/supplies/requests/${req.id}/cancel`)
      .set(as(teacherA))
      .send({ reason: '不再需要' })
      .expect(201);
    expect(cancelled.body.status).toBe('issued');
    expect(await itemOf(item.id)).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('LOG-5 NFR-7 a retried issue with the same Idempotency-Key issues once and answers the same', async () => {
    const item = await createSupplyItem(t, keeper, { name: '回形针', unit: '盒' });
    await stockIn(t, keeper, item.id, 10);
    const req = await request(teacherA, [{ itemId: item.id, quantity: 6 }]);
    const send = () =>
      t.http
        .post(`/api/v1/logistics/supplies/requests/${req.id}/issue`)
        .set(as(keeper))
        .set('idempotency-key', `issue-${req.id}`)
        .send({ lines: [{ lineId: req.lines[0].id, quantity: 2 }] });
    const first = await send().expect(201);
    const retry = await send().expect(201);
    expect(retry.body).toEqual(first.body);
    expect(await itemOf(item.id)).toMatchObject({ onHand: 8, reserved: 4 });
  });

  it('LOG-6 the alert fires on available stock (reservations count) at or below the safety level, once while low, with a suggested reorder', async () => {
    const item = await createSupplyItem(t, keeper, { name: '白板笔', unit: '支', safetyStock: 5 });
    await stockIn(t, keeper, item.id, 8);
    expect(await openAlerts(item.id)).toEqual([]);
    // On hand stays 8, but a waiting line reserves 3: available 5 = the level → alert.
    const other = await createSupplyItem(t, keeper, { name: unique('占位'), unit: '个' });
    await stockIn(t, keeper, other.id, 1);
    const req = await request(teacherA, [
      { itemId: other.id, quantity: 1 },
      { itemId: item.id, quantity: 3 },
    ]);
    const otherLine = req.lines.find((l) => l.item.id === other.id)!;
    await issue(req.id, [{ lineId: otherLine.id, quantity: 1 }]).expect(201);
    expect(await itemOf(item.id)).toMatchObject({ onHand: 8, reserved: 3, available: 5 });
    const [alert] = await openAlerts(item.id);
    expect(alert).toMatchObject({ onHand: 8, reserved: 3, available: 5, safetyStock: 5, suggestedQuantity: 5 });
    const notices = await t.sql<{ title: string; body: string }>(
      `SELECT title, body FROM notification_deliveries WHERE recipient_id = $1 AND kind = 'logistics.supplies.low-stock' AND channel = 'in-app' AND title LIKE $2`,
      [keeper.id, '%白板笔%'],
    );
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain('建议补货5支');

    // Still low after another movement: no second alert.
    const more = await request(teacherA, [{ itemId: item.id, quantity: 1 }]);
    await issue(more.id, [{ lineId: more.lines[0].id, quantity: 1 }]).expect(201);
    expect(await openAlerts(item.id)).toHaveLength(1);
    const [count] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM low_stock_alerts WHERE item_id = $1`, [item.id]);
    expect(count.n).toBe(1);

    // Back above the level: the alert closes.
    await stockIn(t, keeper, item.id, 10);
    expect(await openAlerts(item.id)).toEqual([]);
  });

  it('LOG-6 an item above the level by on-hand alone is not low: only available counts', async () => {
    const item = await createSupplyItem(t, keeper, { name: '胶水', unit: '瓶', safetyStock: 2 });
    await stockIn(t, keeper, item.id, 3);
    expect(await openAlerts(item.id)).toEqual([]);
  });

  it('LOG-6 an excluded item never alerts', async () => {
    const item = await createSupplyItem(t, keeper, { name: '纪念品', unit: '个', safetyStock: 50, alertsExcluded: true });
    await stockIn(t, keeper, item.id, 2);
    const req = await request(teacherB, [{ itemId: item.id, quantity: 2 }]);
    await issue(req.id, [{ lineId: req.lines[0].id, quantity: 2 }]).expect(201);
    expect(await openAlerts(item.id)).toEqual([]);
    const [count] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM low_stock_alerts WHERE item_id = $1`, [item.id]);
    expect(count.n).toBe(0);
    // Including it again raises the alert on the current figure.
    const current = await itemOf(item.id);
    await t.http
      .patch(`/api/v1/logistics/supplies/items/${item.id}`)
      .set(as(keeper))
      .send({ alertsExcluded: false, version: current.version })
      .expect(200);
    expect(await openAlerts(item.id)).toHaveLength(1);
  });

  it('LOG-7 a stocktake variance writes an adjustment movement with its reason, approved by a second person', async () => {
    const item = await createSupplyItem(t, keeper, { name: '复写纸', unit: '盒' });
    await stockIn(t, keeper, item.id, 12);
    const sheet = (await t.http.post('/api/v1/logistics/supplies/stocktakes').set(as(keeper)).send({ title: '期末盘点' }).expect(201)).body;
    const line = sheet.lines.find((l: { item: { id: string } }) => l.item.id === item.id);
    expect(line).toMatchObject({ bookQuantity: 12, countedQuantity: null });
    // Everything else counted as booked; this one short by 2 with no reason yet.
    const counts = sheet.lines.map((l: { id: string; bookQuantity: number }) => ({ lineId: l.id, countedQuantity: l.bookQuantity }));
    counts.find((c: { lineId: string }) => c.lineId === line.id).countedQuantity = 10;
    await t.http.put(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/counts`).set(as(keeper)).send({ lines: counts }).expect(200);
    const unexplained = await t.http.post(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/submit`).set(as(keeper)).expect(400);
    expect(unexplained.body.errors).toHaveProperty('lines');
    await t.http
      .put(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/counts`)
      .set(as(keeper))
      .send({ lines: [{ lineId: line.id, countedQuantity: 10, reason: '受潮报损2盒' }] })
      .expect(200);
    await t.http.post(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/submit`).set(as(keeper)).expect(201);
    // The storekeeper cannot approve (no permission); the director can, being a second person.
    await t.http.post(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/approve`).set(as(keeper)).expect(403);
    const approved = await t.http.post(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/approve`).set(as(director)).expect(201);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: { id: director.id } });
    const movements = (
      await t.http.get('/api/v1/logistics/supplies/movements').query({ itemId: item.id, kind: 'adjustment' }).set(as(keeper)).expect(200)
    ).body.items;
    expect(movements).toHaveLength(1);
    expect(movements[0]).toMatchObject({
      quantity: -2,
      onHandAfter: 10,
      reason: '盘点调整：受潮报损2盒',
      sourceType: 'stocktake',
      sourceId: sheet.id,
    });
    expect(await itemOf(item.id)).toMatchObject({ onHand: 10 });
    await t.http.post(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/approve`).set(as(director)).expect(409);
  });

  it('LOG-7 the one who submitted a stocktake cannot approve it', async () => {
    const sheet = (await t.http.post('/api/v1/logistics/supplies/stocktakes').set(as(director)).send({ title: '抽盘' }).expect(201)).body;
    const counts = sheet.lines.map((l: { id: string; bookQuantity: number }) => ({ lineId: l.id, countedQuantity: l.bookQuantity }));
    await t.http.put(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/counts`).set(as(director)).send({ lines: counts }).expect(200);
    await t.http.post(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/submit`).set(as(director)).expect(201);
    const same = await t.http.post(`/api/v1/logistics/supplies/stocktakes/${sheet.id}/approve`).set(as(director)).expect(409);
    expect(same.body.code).toBe('STOCKTAKE_SAME_PERSON');
  });

  it('LOG-8 consumption per department and item per month is issued minus returned, as figures and as an Excel export', async () => {
    const item = await createSupplyItem(t, keeper, { name: '计算器', unit: '个', consumable: false });
    await stockIn(t, keeper, item.id, 20);
    const a = await request(teacherA, [{ itemId: item.id, quantity: 5 }]);
    await issue(a.id, [{ lineId: a.lines[0].id, quantity: 5 }]).expect(201);
    const b = await request(teacherB, [{ itemId: item.id, quantity: 4 }]);
    await issue(b.id, [{ lineId: b.lines[0].id, quantity: 4 }]).expect(201);
    await t.http
      .post('/api/v1/logistics/supplies/movements')
      .set(as(keeper))
      .send({ itemId: item.id, kind: 'return', quantity: 2, reason: '教务处退回', departmentId: deptA.id })
      .expect(201);
    const month = schoolDateOf(new Date()).slice(0, 7);
    const report = (
      await t.http
        .get('/api/v1/logistics/supplies/consumption')
        .query({ from: month, to: month, itemId: item.id })
        .set(as(keeper))
        .expect(200)
    ).body;
    expect(report.months).toEqual([month]);
    const byDept = Object.fromEntries(
      report.rows.map((r: { department: { name: string }; issued: number; returned: number; net: number; month: string }) => [
        r.department.name,
        [r.month, r.issued, r.returned, r.net],
      ]),
    );
    expect(byDept).toEqual({ 教务处: [month, 5, 2, 3], 德育处: [month, 4, 0, 4] });
    const onlyA = (
      await t.http
        .get('/api/v1/logistics/supplies/consumption')
        .query({ itemId: item.id, departmentId: deptA.id })
        .set(as(keeper))
        .expect(200)
    ).body;
    expect(onlyA.rows).toHaveLength(1);
    expect(onlyA.months).toHaveLength(12);

    const exported = await t.http
      .get('/api/v1/logistics/supplies/consumption')
      .query({ format: 'xlsx', from: month, to: month, itemId: item.id })
      .set(as(keeper))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('办公用品消耗统计');
    const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows).toEqual(
      expect.arrayContaining([
        [month, '教务处', '计算器', '70g 500张/包', '个', 5, 2, 3],
        [month, '德育处', '计算器', '70g 500张/包', '个', 4, 0, 4],
      ]),
    );
    await t.http.get('/api/v1/logistics/supplies/consumption').set(as(teacherA)).expect(403);
    await t.http.get('/api/v1/logistics/supplies/consumption').query({ from: '2026-05', to: '2026-01' }).set(as(keeper)).expect(400);
  });
});
