import { FILING_ERRORS, INVENTORY_ERRORS } from '@xiaoban/shared';
import { FilingService } from '../src/modules/documents/filing/filing.service';
import { InventoryService } from '../src/modules/documents/inventory/inventory.service';
import { completeIncoming, registerIncoming } from './factories/documents.factory';
import { loginAsAdmin } from './factories/org.factory';
import { createSmallSchool, createStaff, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Token = { token: string };

describe('documents: monthly inventory (清点) and filing (归档)', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool;
  let clerk: Token & { id: string };
  const as = (user: Token) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken, 1);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '收发员' });
  });
  afterAll(() => t.close());

  const scan = (user: Token, recordId: string) =>
    t.http.post('/api/v1/documents/inventories/scan').set(as(user)).send({ kind: 'incoming-document', recordId });
  const items = async (id: string, state?: string) =>
    (await t.http.get(`/api/v1/documents/inventories/${id}/items`).query({ state, pageSize: 100 }).set(as(clerk)).expect(200)).body
      .items as {
      id: string;
      recordId: string | null;
      title: string;
      state: string;
      damaged: boolean;
      remedy: string | null;
    }[];

  it('DOC-9 the inventory detects a missing item, an extra one and a damaged one, with its repair recorded', async () => {
    const onShelf = await registerIncoming(t, clerk, { title: '关于开展校园安全检查的通知' });
    const damaged = await registerIncoming(t, clerk, { title: '关于教师培训的通知' });
    const lost = await registerIncoming(t, clerk, { title: '关于食堂卫生检查的通知' });
    const returned = await registerIncoming(t, clerk, { title: '误投来文' });
    await t.http.post(`/api/v1/documents/incoming/${returned}/return`).set(as(clerk)).send({ reason: '非本校来文' }).expect(200);

    // Scanning before any inventory is open is refused.
    expect((await scan(clerk, onShelf).expect(409)).body.code).toBe(INVENTORY_ERRORS.NOT_OPEN);
    // A teacher without the permission cannot open one.
    await t.http.post('/api/v1/documents/inventories').set(as(school.colleague)).expect(403);

    // The monthly job opens this month's checklist; a second run or an "open now" finds it exists.
    const service = t.app.get(InventoryService);
    const openedId = await service.openMonthly();
    expect(openedId).toBeTruthy();
    expect(await service.openMonthly()).toBeNull();
    expect((await t.http.post('/api/v1/documents/inventories').set(as(clerk)).expect(409)).body.code).toBe(INVENTORY_ERRORS.ALREADY_OPEN);
    const inventory = (await t.http.get(`/api/v1/documents/inventories/${openedId}`).set(as(clerk)).expect(200)).body;
    expect(inventory).toMatchObject({ status: 'open', openedBy: null });
    const checklist = await items(inventory.id);
    expect(checklist.map((i) => i.recordId).sort()).toEqual([onShelf, damaged, lost].sort());

    // Counting by scanning the labels (twice counts once).
    expect((await scan(clerk, onShelf).expect(200)).body).toMatchObject({ alreadyCounted: false, item: { state: 'counted' } });
    expect((await scan(clerk, onShelf).expect(200)).body.alreadyCounted).toBe(true);
    const damagedLine = (await scan(clerk, damaged).expect(200)).body.item;

    // A document registered after the checklist was made is found on the shelf: extra (多出).
    const late = await registerIncoming(t, clerk, { title: '关于补报统计数据的函', docType: 'letter' });
    expect((await scan(clerk, late).expect(200)).body.item).toMatchObject({ state: 'extra', recordId: late });
    // …and a paper the system does not know at all, entered by hand.
    await t.http
      .post(`/api/v1/documents/inventories/${inventory.id}/extra`)
      .set(as(clerk))
      .send({ title: '无登记的旧文件', note: '在文件柜底层发现' })
      .expect(201);
    // A record that does not exist is not counted.
    await scan(clerk, '00000000-0000-4000-8000-000000000000').expect(404);

    // Damage and its repair.
    await t.http.post(`/api/v1/documents/inventories/items/${damagedLine.id}/remedy`).set(as(clerk)).send({ remedy: 'copied' }).expect(400);
    await t.http
      .post(`/api/v1/documents/inventories/items/${damagedLine.id}/damage`)
      .set(as(clerk))
      .send({ note: '第2页水渍' })
      .expect(200);

    const progress = (await t.http.get(`/api/v1/documents/inventories/${inventory.id}`).set(as(clerk)).expect(200)).body;
    expect(progress.tally).toEqual({ expected: 3, counted: 2, missing: 1, extra: 2, damaged: 1 });

    const closed = (
      await t.http
        .post(`/api/v1/documents/inventories/${inventory.id}/close`)
        .set(as(clerk))
        .send({ version: progress.version })
        .expect(200)
    ).body;
    expect(closed.status).toBe('closed');
    expect(closed.tally).toEqual({ expected: 3, counted: 2, missing: 1, extra: 2, damaged: 1 });
    expect((await items(inventory.id, 'missing')).map((i) => i.recordId)).toEqual([lost]);
    expect((await items(inventory.id, 'extra')).map((i) => i.title).sort()).toEqual(['关于补报统计数据的函', '无登记的旧文件'].sort());
    expect((await items(inventory.id, 'damaged')).map((i) => i.recordId)).toEqual([damaged]);

    // Closed: no more counting; the repair of the damaged item is still recorded (it takes time).
    expect((await scan(clerk, lost).expect(409)).body.code).toBe(INVENTORY_ERRORS.NOT_OPEN);
    const repaired = (
      await t.http
        .post(`/api/v1/documents/inventories/items/${damagedLine.id}/remedy`)
        .set(as(clerk))
        .send({ remedy: 'copied', note: '复印一份替换' })
        .expect(200)
    ).body;
    expect(repaired).toMatchObject({ damaged: true, remedy: 'copied', remedyNote: '复印一份替换' });

    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id`, [inventory.id]);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'document.inventory.open',
        'document.inventory.count',
        'document.inventory.extra',
        'document.inventory.damage',
        'document.inventory.close',
        'document.inventory.remedy',
      ]),
    );
  });

  it('DOC-11 a finished document is marked ready to file, listed, described for the archive and filed with its reference', async () => {
    const id = await registerIncoming(t, clerk, {
      title: '关于2026年秋季开学工作的通知',
      writtenOn: '2026-08-20',
      receivedOn: '2026-08-21',
      pages: 4,
    });
    // Not finished yet: refused.
    expect((await t.http.post(`/api/v1/documents/filing/incoming-document/${id}/ready`).set(as(clerk)).expect(409)).body.code).toBe(
      FILING_ERRORS.NOT_READY,
    );
    await completeIncoming(t, clerk, school, id);
    await t.http.post(`/api/v1/documents/filing/incoming-document/${id}/ready`).set(as(school.colleague)).expect(403);
    await t.http.post(`/api/v1/documents/filing/no-such-kind/${id}/ready`).set(as(clerk)).expect(404);
    await t.http.post(`/api/v1/documents/filing/incoming-document/${id}/ready`).set(as(clerk)).expect(204);

    const ready = (await t.http.get('/api/v1/documents/filing/ready').set(as(clerk)).expect(200)).body;
    expect(ready).toEqual([
      expect.objectContaining({
        kind: 'incoming-document',
        kindLabel: '收文',
        id,
        title: '关于2026年秋季开学工作的通知',
        documentDate: '2026-08-20',
        retention: '10-years',
      }),
    ]);

    const filing = t.app.get(FilingService);
    expect(await filing.listReadyToFile()).toHaveLength(1);
    const described = await filing.describe('incoming-document', id);
    expect(described).toMatchObject({ id, responsible: '市教育局', otherNumber: '市教〔2026〕15号', pages: 4 });
    expect(described!.history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['document.incoming.register', 'document.incoming.complete', 'document.incoming.ready-to-file']),
    );

    await filing.markFiled('incoming-document', id, 'Z001-WS·2026-D10-BGS-0001');
    const doc = (await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(clerk)).expect(200)).body;
    expect(doc).toMatchObject({ status: 'filed', archiveRef: 'Z001-WS·2026-D10-BGS-0001' });
    expect(doc.filedAt).toBeTruthy();
    expect((await t.http.get('/api/v1/documents/filing/ready').set(as(clerk)).expect(200)).body).toEqual([]);
    // Filed once: the archive cannot take it twice.
    await expect(filing.markFiled('incoming-document', id, 'Z001-WS·2026-D10-BGS-0002')).rejects.toMatchObject({
      code: FILING_ERRORS.NOT_READY,
    });
  });

  // ---------- outgoing documents (发文) as records ----------

  /**
   * An outgoing document at `status`, inserted directly (its flow is tested in
   * documents-outgoing.e2e-spec.ts): numbered 校办〔2026〕seq号, with its distribution list.
   */
  async function outgoingAt(status: string, title: string, fields: { copies?: number; sent?: number[] } = {}): Promise<string> {
    const [prefix] = await t.sql<{ id: string }>(
      `INSERT INTO outgoing_number_prefixes (code, name) VALUES ('校办', '学校办公室发文')
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    );
    const [doc] = await t.sql<{ id: string }>(
      `INSERT INTO outgoing_documents (status, doc_type, direction, title, retention, drafter_id, written_on, main_recipients,
                                       issuer_mark, printing_org, copies, prefix_id, year, seq, number, signoff_round)
       SELECT $1, 'notice', 'downward', $2, '10-years', $3, '2026-08-20', '{各处室}', '某某市第一中学文件', '某某市第一中学办公室',
              $4, $5, 2026, n, '校办〔2026〕' || n || '号', 1
         FROM (SELECT COALESCE(max(seq), 0) + 1 AS n FROM outgoing_documents WHERE prefix_id = $5 AND year = 2026) AS next
       RETURNING id`,
      [status, title, clerk.id, fields.copies ?? 1, prefix.id],
    );
    for (const copies of fields.sent ?? []) {
      await t.sql(
        `INSERT INTO outgoing_document_distributions (document_id, kind, org_name, copies, method, distributed_at, distributed_by)
         VALUES ($1, 'main', '区教育局', $2, 'paper', now(), $3)`,
        [doc.id, copies, clerk.id],
      );
    }
    return doc.id;
  }

  it('DOC-9 an issued outgoing document (已分发) is on the checklist with the copies the office kept, until it is filed', async () => {
    const issued = await outgoingAt('distributed', '关于做好2026年寒假安全工作的通知', { copies: 5, sent: [2, 1] });
    const waiting = await outgoingAt('ready-to-file', '关于调整作息时间的通知', { copies: 2, sent: [2] });
    const unsent = await outgoingAt('sealed', '关于召开家长会的通知', { copies: 3 });
    const filed = await outgoingAt('ready-to-file', '关于2026年教师节表彰的决定', { sent: [1] });
    await t.sql(`UPDATE outgoing_documents SET filed_at = now(), archive_ref = 'Z001-WS·2026-D10-BGS-0009' WHERE id = $1`, [filed]);

    // A later month's checklist (this month's was closed above).
    const inventoryId = (await t.app.get(InventoryService).openMonthly('2099-01-15'))!;
    const outgoing = (await items(inventoryId)).filter((i) => [issued, waiting, unsent, filed].includes(i.recordId!));
    expect(outgoing.map((i) => i.recordId).sort()).toEqual([issued, waiting].sort());
    const line = outgoing.find((i) => i.recordId === issued) as unknown as Record<string, unknown>;
    // 5 printed, 3 sent out: 2 kept; a document sent out whole still leaves its signed original.
    expect(line).toMatchObject({ kindLabel: '发文', title: '关于做好2026年寒假安全工作的通知', copies: 2 });
    expect(line.number).toMatch(/^校办〔2026〕\d+号$/);
    expect(outgoing.find((i) => i.recordId === waiting)).toMatchObject({ copies: 1 });

    // Counted by scanning its label.
    const counted = await t.http
      .post('/api/v1/documents/inventories/scan')
      .set(as(clerk))
      .send({ kind: 'outgoing-document', recordId: issued })
      .expect(200);
    expect(counted.body).toMatchObject({ alreadyCounted: false, item: { state: 'counted', recordId: issued } });
  });

  it('DOC-11 an outgoing document is marked ready to file from the filing list, listed as 发文 and filed with its archive reference', async () => {
    const id = await outgoingAt('distributed', '关于2026年秋季运动会的通知', { copies: 3, sent: [2] });
    const drafted = await outgoingAt('sealed', '关于规范用印的通知');
    // Not distributed yet: refused.
    expect((await t.http.post(`/api/v1/documents/filing/outgoing-document/${drafted}/ready`).set(as(clerk)).expect(409)).body.code).toBe(
      FILING_ERRORS.NOT_READY,
    );
    // The filing list's 归档 takes the flow's step: the document waits for the archive (待归档).
    await t.http.post(`/api/v1/documents/filing/outgoing-document/${id}/ready`).set(as(clerk)).expect(204);
    const waiting = (await t.http.get(`/api/v1/documents/outgoing/${id}`).set(as(clerk)).expect(200)).body;
    expect(waiting).toMatchObject({ status: 'ready-to-file', filedAt: null, archiveRef: null, allowedActions: [] });
    expect(waiting.readyToFileAt).toBeTruthy();
    expect(waiting.steps.map((s: { action: string }) => s.action)).toContain('file');
    // Asking again changes nothing.
    await t.http.post(`/api/v1/documents/filing/outgoing-document/${id}/ready`).set(as(clerk)).expect(204);

    const ready = (await t.http.get('/api/v1/documents/filing/ready').set(as(clerk)).expect(200)).body;
    expect(ready.filter((c: { id: string }) => [id, drafted].includes(c.id))).toEqual([
      expect.objectContaining({
        kind: 'outgoing-document',
        kindLabel: '发文',
        id,
        title: '关于2026年秋季运动会的通知',
        documentDate: '2026-08-20',
        retention: '10-years',
      }),
    ]);
    const filing = t.app.get(FilingService);
    const described = await filing.describe('outgoing-document', id);
    expect(described).toMatchObject({ id, responsible: '某某市第一中学文件', copies: 3 });
    expect(described!.history.map((h) => h.action)).toEqual(expect.arrayContaining(['document.outgoing.file']));

    await filing.markFiled('outgoing-document', id, 'Z001-WS·2026-D10-BGS-0002');
    const doc = (await t.http.get(`/api/v1/documents/outgoing/${id}`).set(as(clerk)).expect(200)).body;
    expect(doc).toMatchObject({ status: 'ready-to-file', archiveRef: 'Z001-WS·2026-D10-BGS-0002' });
    expect(doc.filedAt).toBeTruthy();
    const after = (await t.http.get('/api/v1/documents/filing/ready').set(as(clerk)).expect(200)).body;
    expect(after.map((c: { id: string }) => c.id)).not.toContain(id);
    await expect(filing.markFiled('outgoing-document', id, 'Z001-WS·2026-D10-BGS-0003')).rejects.toMatchObject({
      code: FILING_ERRORS.NOT_READY,
    });
    await t.http.post(`/api/v1/documents/filing/outgoing-document/${id}/ready`).set(as(clerk)).expect(409);
  });
});
