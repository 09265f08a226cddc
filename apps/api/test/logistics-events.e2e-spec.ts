import { loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { createSupplyItem, stockIn } from './factories/supplies.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };
type Line = { id: string; name: string; source: string; status: string; actions: string[] };
type Event = { id: string; status: string; version: number; materials: Line[]; transitions: string[]; canChange: boolean };
type Balance = { onHand: number; reserved: number; available: number };

describe('logistics: event logistics (活动后勤, LOG-11)', () => {
  let t: TestApp;
  let adminToken: string;
  let office: Person; // office clerk: logistics.events.manage
  let keeper: Person; // storekeeper: logistics.supplies.manage
  let owner: Person; // a teacher who owns an event
  let outsider: Person; // a teacher with nothing to do with it
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const base = '/api/v1/logistics/events';

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    office = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '周后勤' });
    keeper = await createStaff(t, adminToken, { roles: ['storekeeper'], name: '吴库管' });
    owner = await createStaff(t, adminToken, { roles: ['staff'], name: '郑体育' });
    outsider = await createStaff(t, adminToken, { roles: ['staff'], name: '王旁人' });
  });
  afterAll(() => t.close());

  async function createEvent(fields: Record<string, unknown> = {}): Promise<Event> {
    const res = await t.http
      .post(base)
      .set(as(office))
      .send({
        title: unique('春季田径运动会'),
        startsAt: '2026-04-18T08:00:00+08:00',
        endsAt: '2026-04-18T17:00:00+08:00',
        venue: '学校田径场',
        ownerId: owner.id,
        ...fields,
      })
      .expect(201);
    return res.body;
  }

  async function balance(itemId: string): Promise<Balance> {
    const res = await t.http.get(`/api/v1/logistics/supplies/items/${itemId}`).set(as(keeper)).expect(200);
    return { onHand: res.body.onHand, reserved: res.body.reserved, available: res.body.available };
  }

  async function addLine(eventId: string, body: Record<string, unknown>, by: Person = office): Promise<Line> {
    const res = await t.http.post(`${base}/${eventId}/materials`).set(as(by)).send(body).expect(201);
    return (res.body as Event).materials.at(-1)!;
  }

  const lineAction = (eventId: string, lineId: string, action: string, by: Person = office) =>
    t.http.post(`${base}/${eventId}/materials/${lineId}/${action}`).set(as(by));

  async function move(eventId: string, to: string, by: Person = office): Promise<Event> {
    const current = (await t.http.get(`${base}/${eventId}`).set(as(by)).expect(200)).body as Event;
    return (await t.http.post(`${base}/${eventId}/status`).set(as(by)).send({ to, version: current.version }).expect(201)).body;
  }

  it('LOG-11, LOG-6: confirming a stock line reserves it (available falls, on hand stays); issuing releases it and lowers on hand', async () => {
    const item = await createSupplyItem(t, keeper, { name: unique('折叠桌'), specification: '1.8m×0.6m', unit: '张' });
    await stockIn(t, keeper, item.id, 20);
    const event = await createEvent();
    const line = await addLine(event.id, { source: 'stock', itemId: item.id, quantity: 12 });
    expect(line).toMatchObject({ source: 'stock', name: item.name, specification: '1.8m×0.6m', status: 'planned' });
    expect(line.actions).toEqual(['confirm', 'remove']);
    expect(await balance(item.id)).toEqual({ onHand: 20, reserved: 0, available: 20 });

    const confirmed = (await lineAction(event.id, line.id, 'confirm').expect(201)).body as Event;
    expect(confirmed.materials[0].status).toBe('reserved');
    expect(await balance(item.id)).toEqual({ onHand: 20, reserved: 12, available: 8 });
    // Confirmed twice is refused: the line is reserved already, and nothing more is reserved.
    expect((await lineAction(event.id, line.id, 'confirm').expect(409)).body.code).toBe('EVENT_MATERIAL_ILLEGAL_ACTION');

    // A second line asking more than is available is refused with 409 INSUFFICIENT_STOCK and reserves nothing.
    const greedy = await addLine(event.id, { source: 'stock', itemId: item.id, quantity: 9 });
    expect((await lineAction(event.id, greedy.id, 'confirm').expect(409)).body.code).toBe('INSUFFICIENT_STOCK');
    expect(await balance(item.id)).toEqual({ onHand: 20, reserved: 12, available: 8 });

    // Issued only once the event is ready: planning has no issue.
    expect((await lineAction(event.id, line.id, 'issue').expect(409)).body.code).toBe('EVENT_MATERIAL_ILLEGAL_ACTION');
    await move(event.id, 'ready');
    const issued = (await lineAction(event.id, line.id, 'issue').expect(201)).body as Event;
    expect(issued.materials.find((m) => m.id === line.id)!.status).toBe('issued');
    expect(await balance(item.id)).toEqual({ onHand: 8, reserved: 0, available: 8 });

    const movements = (
      await t.http.get('/api/v1/logistics/supplies/movements').query({ itemId: item.id, pageSize: 50 }).set(as(keeper)).expect(200)
    ).body.items as { kind: string; quantity: number; sourceType: string | null; sourceId: string | null }[];
    const ours = movements
      .filter((m) => m.sourceType === 'logistics-event' && m.sourceId === event.id)
      .map((m) => `${m.kind}:${m.quantity}`);
    expect(ours.sort()).toEqual(['out:12', 'release:12', 'reservation:12']);
  });

  it('LOG-11: removing a reserved line gives its reservation back', async () => {
    const item = await createSupplyItem(t, keeper, { name: unique('塑料椅') });
    await stockIn(t, keeper, item.id, 50);
    const event = await createEvent();
    const line = await addLine(event.id, { source: 'stock', itemId: item.id, quantity: 30 });
    await lineAction(event.id, line.id, 'confirm').expect(201);
    expect(await balance(item.id)).toEqual({ onHand: 50, reserved: 30, available: 20 });
    const after = (await t.http.delete(`${base}/${event.id}/materials/${line.id}`).set(as(office)).expect(200)).body as Event;
    expect(after.materials).toEqual([]);
    expect(await balance(item.id)).toEqual({ onHand: 50, reserved: 0, available: 50 });
  });

  it('LOG-11: parallel confirmations never reserve more than is on hand', async () => {
    const item = await createSupplyItem(t, keeper, { name: unique('签字笔') });
    await stockIn(t, keeper, item.id, 10);
    const event = await createEvent();
    const lines: Line[] = [];
    for (let i = 0; i < 8; i++) lines.push(await addLine(event.id, { source: 'stock', itemId: item.id, quantity: 3 }));
    const results = await Promise.all(lines.map((line) => lineAction(event.id, line.id, 'confirm')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'INSUFFICIENT_STOCK')).toBe(true);
    expect(await balance(item.id)).toEqual({ onHand: 10, reserved: 9, available: 1 });
  });

  it('LOG-11: returned stock goes back into the ledger; a missing stock item and a missing rental are reported with the person responsible; reconciliation waits for every line', async () => {
    const item = await createSupplyItem(t, keeper, { name: unique('桌布'), unit: '条' });
    await stockIn(t, keeper, item.id, 40);
    const event = await createEvent();
    const cloths = await addLine(event.id, { source: 'stock', itemId: item.id, quantity: 10 });
    const tent = await addLine(event.id, {
      source: 'rent',
      name: '遮阳帐篷',
      specification: '3m×3m',
      quantity: 4,
      supplier: '鸿运会展租赁公司',
      costFen: 120000,
      returnOn: '2026-04-19',
    });
    const water = await addLine(event.id, { source: 'buy', name: '矿泉水', quantity: 20, note: '超市采购，按箱' });
    expect(water.actions).toEqual(['remove']);
    // A rental needs its supplier, cost and return date.
    const bad = await t.http
      .post(`${base}/${event.id}/materials`)
      .set(as(office))
      .send({ source: 'rent', name: '音响', quantity: 1 })
      .expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['costFen', 'returnOn', 'supplier']);

    await lineAction(event.id, cloths.id, 'confirm').expect(201);
    await move(event.id, 'ready');
    await lineAction(event.id, cloths.id, 'issue').expect(201);
    expect(await balance(item.id)).toEqual({ onHand: 30, reserved: 0, available: 30 });
    await move(event.id, 'held');

    // Nothing accounted for yet: the reconciliation is refused and the report lists both lines (the purchase is not counted).
    const held = (await t.http.get(`${base}/${event.id}`).set(as(office)).expect(200)).body as Event;
    const refused = await t.http.post(`${base}/${event.id}/reconcile`).set(as(office)).send({ version: held.version }).expect(409);
    expect(refused.body.code).toBe('EVENT_LINES_UNACCOUNTED');
    expect(refused.body.errors.materials).toHaveLength(2);
    const before = (await t.http.get(`${base}/${event.id}/reconciliation`).set(as(office)).expect(200)).body;
    expect(before.unaccounted.map((l: { materialId: string }) => l.materialId).sort()).toEqual([cloths.id, tent.id].sort());
    expect(before.complete).toBe(false);

    // Counts that do not add up, and a loss without the person responsible, are refused.
    await lineAction(event.id, cloths.id, 'account').send({ returned: 5 }).expect(400);
    const noOne = await lineAction(event.id, cloths.id, 'account').send({ returned: 8, missing: 2 }).expect(400);
    expect(noOne.body.errors).toHaveProperty('responsibleId');
    expect(await balance(item.id)).toEqual({ onHand: 30, reserved: 0, available: 30 });

    // 8 cloths come back (a return movement), 1 was stained beyond use, 1 is missing: 郑体育 answers for them.
    await lineAction(event.id, cloths.id, 'account')
      .send({ returned: 8, missing: 1, damaged: 1, responsibleId: owner.id, note: '一条污损，一条未找到' })
      .expect(201);
    expect(await balance(item.id)).toEqual({ onHand: 38, reserved: 0, available: 38 });
    const returns = (
      await t.http.get('/api/v1/logistics/supplies/movements').query({ itemId: item.id, kind: 'return' }).set(as(keeper)).expect(200)
    ).body.items as { quantity: number; sourceId: string; onHandAfter: number }[];
    expect(returns).toEqual([expect.objectContaining({ quantity: 8, sourceId: event.id, onHandAfter: 38 })]);
    // Accounted once: a second count is refused and moves no stock.
    await lineAction(event.id, cloths.id, 'account').send({ returned: 10 }).expect(409);
    expect((await balance(item.id)).onHand).toBe(38);

    // Still refused: the rental is not accounted for.
    const mid = (await t.http.get(`${base}/${event.id}`).set(as(office)).expect(200)).body as Event;
    const stillRefused = await t.http.post(`${base}/${event.id}/reconcile`).set(as(office)).send({ version: mid.version }).expect(409);
    expect(stillRefused.body.errors.materials).toEqual([expect.stringContaining('遮阳帐篷')]);

    // 3 tents go back to the supplier, 1 is missing: 王旁人 (who took it down) answers for it.
    await lineAction(event.id, tent.id, 'account').send({ returned: 3, missing: 1, responsibleId: outsider.id }).expect(201);
    const done = await t.http.post(`${base}/${event.id}/reconcile`).set(as(office)).send({ version: mid.version }).expect(201);
    expect(done.body).toMatchObject({
      status: 'reconciled',
      complete: true,
      unaccounted: [],
      returnedStockUnits: 8,
      returnedRentals: 1,
      rentalCostFen: 120000,
    });
    expect(done.body.losses).toEqual([
      expect.objectContaining({ materialId: cloths.id, missing: 1, damaged: 1, responsible: { id: owner.id, name: '郑体育' } }),
      expect.objectContaining({
        materialId: tent.id,
        name: '遮阳帐篷',
        missing: 1,
        damaged: 0,
        supplier: '鸿运会展租赁公司',
        responsible: { id: outsider.id, name: '王旁人' },
      }),
    ]);
    const final = (await t.http.get(`${base}/${event.id}`).set(as(office)).expect(200)).body;
    expect(final).toMatchObject({ status: 'reconciled', transitions: [] });
    expect(final.reconciledAt).toEqual(expect.any(String));
    // A reconciled event takes no more changes.
    await t.http
      .post(`${base}/${event.id}/incidents`)
      .set(as(office))
      .send({ occurredAt: '2026-04-18T10:00:00+08:00', description: '补记' })
      .expect(409);
  });

  it('LOG-11: status moves follow the table; anything else is 409 EVENT_ILLEGAL_STATUS; a stale version is 409', async () => {
    const event = await createEvent();
    expect(event.transitions).toEqual(['ready']);
    const skip = await t.http.post(`${base}/${event.id}/status`).set(as(office)).send({ to: 'held', version: event.version }).expect(409);
    expect(skip.body.code).toBe('EVENT_ILLEGAL_STATUS');
    await t.http.post(`${base}/${event.id}/status`).set(as(office)).send({ to: 'reconciled', version: event.version }).expect(400);
    const ready = await move(event.id, 'ready');
    expect(ready.transitions).toEqual(['planning', 'held']);
    const stale = await t.http.post(`${base}/${event.id}/status`).set(as(office)).send({ to: 'held', version: event.version }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    await move(event.id, 'held');
    // Held before anything was accounted for: a held event with no stock or rentals reconciles at once.
    const held = (await t.http.get(`${base}/${event.id}`).set(as(office)).expect(200)).body as Event;
    await t.http.post(`${base}/${event.id}/reconcile`).set(as(office)).send({ version: held.version }).expect(201);
    const again = await t.http
      .post(`${base}/${event.id}/reconcile`)
      .set(as(office))
      .send({ version: held.version + 1 })
      .expect(409);
    expect(again.body.code).toBe('EVENT_ILLEGAL_STATUS');
  });

  it('LOG-11: the layout grid places one piece per cell inside the grid; decorations, rehearsal checks (who and when), duty roster and incidents', async () => {
    const event = await createEvent({ layoutRows: 4, layoutCols: 6 });
    const placed = (
      await t.http.post(`${base}/${event.id}/layout`).set(as(owner)).send({ kind: 'table', label: '主席台', row: 0, col: 2 }).expect(201)
    ).body;
    expect(placed.layout).toEqual([expect.objectContaining({ kind: 'table', label: '主席台', row: 0, col: 2 })]);
    const taken = await t.http.post(`${base}/${event.id}/layout`).set(as(owner)).send({ kind: 'chair', row: 0, col: 2 }).expect(409);
    expect(taken.body.code).toBe('EVENT_LAYOUT_CELL_TAKEN');
    const outside = await t.http.post(`${base}/${event.id}/layout`).set(as(owner)).send({ kind: 'chair', row: 4, col: 0 }).expect(400);
    expect(outside.body.errors).toHaveProperty('row');
    await t.http.post(`${base}/${event.id}/layout`).set(as(owner)).send({ kind: 'rocket', row: 1, col: 1 }).expect(400);
    // Many hands placing in one cell at once: exactly one piece lands.
    const racing = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post(`${base}/${event.id}/layout`).set(as(owner)).send({ kind: 'chair', row: 3, col: 5 })),
    );
    expect(racing.map((r) => r.status).filter((s) => s === 201)).toHaveLength(1);
    const pieces = (await t.http.get(`${base}/${event.id}`).set(as(owner)).expect(200)).body.layout as { id: string; row: number }[];
    expect(pieces).toHaveLength(2);
    const removed = await t.http.delete(`${base}/${event.id}/layout/${pieces[0].id}`).set(as(owner)).expect(200);
    expect(removed.body.layout).toHaveLength(1);

    const decorated = await t.http
      .post(`${base}/${event.id}/decorations`)
      .set(as(owner))
      .send({ name: '横幅', quantity: 2, note: '主席台上方' })
      .expect(201);
    expect(decorated.body.decorations).toEqual([expect.objectContaining({ name: '横幅', quantity: 2, note: '主席台上方' })]);

    const listed = await t.http.post(`${base}/${event.id}/checks`).set(as(owner)).send({ text: '音响试音' }).expect(201);
    const check = listed.body.checks[0];
    expect(check).toMatchObject({ text: '音响试音', checkedBy: null, checkedAt: null });
    const ticked = await t.http.post(`${base}/${event.id}/checks/${check.id}`).set(as(office)).send({ checked: true }).expect(201);
    expect(ticked.body.checks[0]).toMatchObject({ checkedBy: { id: office.id, name: '周后勤' }, checkedAt: expect.any(String) });

    const rostered = await t.http
      .post(`${base}/${event.id}/duties`)
      .set(as(owner))
      .send({ personId: outsider.id, role: '签到引导', startsAt: '2026-04-18T07:30:00+08:00', endsAt: '2026-04-18T09:00:00+08:00' })
      .expect(201);
    expect(rostered.body.duties).toEqual([expect.objectContaining({ person: { id: outsider.id, name: '王旁人' }, role: '签到引导' })]);
    await t.http
      .post(`${base}/${event.id}/duties`)
      .set(as(owner))
      .send({ personId: outsider.id, role: '签到', startsAt: '2026-04-18T09:00:00+08:00', endsAt: '2026-04-18T08:00:00+08:00' })
      .expect(400);

    const logged = await t.http
      .post(`${base}/${event.id}/incidents`)
      .set(as(owner))
      .send({ occurredAt: '2026-04-18T10:15:00+08:00', description: '主席台话筒无声', action: '更换备用话筒' })
      .expect(201);
    expect(logged.body.incidents).toEqual([
      expect.objectContaining({ description: '主席台话筒无声', action: '更换备用话筒', reporter: { id: owner.id, name: '郑体育' } }),
    ]);

    // Once held the layout and decorations no longer change; the day's logs still do.
    await move(event.id, 'ready');
    await move(event.id, 'held');
    const locked = await t.http.post(`${base}/${event.id}/layout`).set(as(owner)).send({ kind: 'table', row: 2, col: 2 }).expect(409);
    expect(locked.body.code).toBe('EVENT_LOCKED');
    await t.http
      .post(`${base}/${event.id}/incidents`)
      .set(as(owner))
      .send({ occurredAt: '2026-04-18T16:00:00+08:00', description: '散场' })
      .expect(201);
  });

  it('LOG-11: the owner sees and works on their event; anyone else without the permission gets 404 and does not find it in lists', async () => {
    const event = await createEvent();
    // Creating needs logistics.events.manage.
    await t.http
      .post(base)
      .set(as(owner))
      .send({
        title: '自办活动',
        startsAt: '2026-05-01T08:00:00+08:00',
        endsAt: '2026-05-01T09:00:00+08:00',
        venue: '操场',
        ownerId: owner.id,
      })
      .expect(403);

    // The owner is told, with the link to the event.
    const told = await t.sql<{ link: string }>(
      `SELECT DISTINCT link FROM notification_deliveries WHERE kind = 'logistics.events.owner' AND recipient_id = $1 AND link = $2`,
      [owner.id, `/logistics/events/${event.id}`],
    );
    expect(told).toHaveLength(1);
    const mine = (await t.http.get(base).set(as(owner)).query({ pageSize: 100 }).expect(200)).body;
    expect(mine.items.map((e: { id: string }) => e.id)).toContain(event.id);
    expect(mine.items.every((e: { owner: { id: string } }) => e.owner.id === owner.id)).toBe(true);
    const seen = (await t.http.get(`${base}/${event.id}`).set(as(owner)).expect(200)).body;
    expect(seen.canChange).toBe(true);
    await t.http.post(`${base}/${event.id}/decorations`).set(as(owner)).send({ name: '气球' }).expect(201);

    const theirs = (await t.http.get(base).set(as(outsider)).query({ pageSize: 100 }).expect(200)).body;
    expect(theirs.items.map((e: { id: string }) => e.id)).not.toContain(event.id);
    await t.http.get(`${base}/${event.id}`).set(as(outsider)).expect(404);
    await t.http.get(`${base}/${event.id}/reconciliation`).set(as(outsider)).expect(404);
    await t.http.post(`${base}/${event.id}/decorations`).set(as(outsider)).send({ name: '气球' }).expect(404);
    await t.http
      .post(`${base}/${event.id}/incidents`)
      .set(as(outsider))
      .send({ occurredAt: '2026-04-18T10:00:00+08:00', description: '冒充' })
      .expect(404);
    // A stranger's stock line is not even looked at.
    await t.http.post(`${base}/${event.id}/materials/${event.id}/confirm`).set(as(outsider)).expect(404);

    // The office sees every event.
    const all = (await t.http.get(base).set(as(office)).query({ pageSize: 100 }).expect(200)).body;
    expect(all.items.map((e: { id: string }) => e.id)).toContain(event.id);
    const audit = await t.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE object_type = 'logistics-event' AND object_id = $1 ORDER BY id`,
      [event.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['logistics.events.create', 'logistics.events.decoration.add']);
  });

  it('LOG-11: bad input is 400 keyed by field, never a 500', async () => {
    const event = await createEvent();
    const res = await t.http
      .post(base)
      .set(as(office))
      .send({ title: '', startsAt: 'soon', endsAt: '2026-04-18T08:00:00+08:00', venue: '操场', ownerId: 'x', extra: 1 })
      .expect(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['extra', 'ownerId', 'startsAt', 'title']);
    const backwards = await t.http
      .post(base)
      .set(as(office))
      .send({ title: '倒序', startsAt: '2026-04-18T10:00:00+08:00', endsAt: '2026-04-18T08:00:00+08:00', venue: '操场', ownerId: owner.id })
      .expect(400);
    expect(backwards.body.errors).toHaveProperty('endsAt');
    const ghost = await t.http
      .post(base)
      .set(as(office))
      .send({
        title: '无主',
        startsAt: '2026-04-18T08:00:00+08:00',
        endsAt: '2026-04-18T10:00:00+08:00',
        venue: '操场',
        ownerId: '00000000-0000-4000-8000-000000000000',
      })
      .expect(400);
    expect(ghost.body.errors).toHaveProperty('ownerId');
    const noItem = await t.http
      .post(`${base}/${event.id}/materials`)
      .set(as(office))
      .send({ source: 'stock', itemId: '00000000-0000-4000-8000-000000000000', quantity: 1 })
      .expect(400);
    expect(noItem.body.errors).toHaveProperty('itemId');
    await t.http.post(`${base}/${event.id}/materials`).set(as(office)).send({ source: 'stock', quantity: 0 }).expect(400);
    await t.http.get(`${base}/not-a-uuid`).set(as(office)).expect(400);
    await t.http.get(`${base}/00000000-0000-4000-8000-000000000000`).set(as(office)).expect(404);
  });
});
