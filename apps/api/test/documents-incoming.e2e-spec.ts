import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  INCOMING_ACTIONS,
  INCOMING_TRANSITIONS,
  addDays,
  isoWeekday,
  schoolDateOf,
  type IncomingAction,
  type IncomingStatus,
} from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { IncomingDocument } from '../src/modules/documents/incoming/incoming.entity';
import { IncomingService } from '../src/modules/documents/incoming/incoming.service';
import { StoredFile } from '../src/platform/files/file.entity';
import { PageRows } from '../src/platform/http/page-rows';
import { binary, samplePdf } from './factories/files.factory';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff, eventually, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

describe('documents: incoming (收文)', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool;
  let clerk: Person;
  let uncleared: Person;
  let otherDepartment: { id: string; head: Person };
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const admin = () => ({ token: adminToken });

  /** A person with seeded roles and any other account fields (clearance, department …). */
  const person = (roles: string[], fields: Record<string, unknown> = {}): Promise<Person> =>
    createStaff(t, adminToken, { roles, ...fields });

  const registration = (body: Record<string, unknown> = {}) => ({
    title: '关于做好春季学期开学工作的通知',
    sourceOrg: '市教育局',
    docType: 'notice',
    senderNumber: '市教〔2026〕15号',
    ...body,
  });
  const register = (user: { token: string }, body: Record<string, unknown> = {}) =>
    t.http.post('/api/v1/documents/incoming').set(as(user)).send(registration(body));
  const signFor = (user: { token: string }, body: Record<string, unknown> = {}) =>
    t.http.post('/api/v1/documents/incoming/sign-for').set(as(user)).send(registration(body));

  const act = (user: { token: string }, id: string, action: string, body: object = {}) =>
    t.http.post(`/api/v1/documents/incoming/${id}/${action}`).set(as(user)).send(body);

  /** A valid body for each flow action, so that only the flow can refuse it. */
  const bodyOf = (action: IncomingAction): object =>
    ({
      review: {},
      return: { reason: '不属于本校办理范围' },
      propose: { proposal: '拟请教务处主办' },
      instruct: { instruction: '同意' },
      route: { receivers: [{ userId: school.colleague.id }] },
      remind: {},
      complete: {},
      file: {},
      register: {},
    })[action];

  /** Takes a fresh document to `status` through the legal moves. */
  async function documentAt(status: IncomingStatus, extra: Record<string, unknown> = {}): Promise<string> {
    const created = status === 'signed-for' ? signFor(clerk, extra) : register(clerk, extra);
    const id = (await created.expect(201)).body.id as string;
    const path: [IncomingAction, { token: string }][] = [];
    const to: Record<IncomingStatus, [IncomingAction, { token: string }][]> = {
      'signed-for': [],
      registered: [],
      reviewed: [['review', clerk]],
      returned: [['return', clerk]],
      proposed: [
        ['review', clerk],
        ['propose', clerk],
      ],
      instructed: [
        ['review', clerk],
        ['propose', clerk],
        ['instruct', school.leaders[0]],
      ],
      handling: [
        ['review', clerk],
        ['propose', clerk],
        ['instruct', school.leaders[0]],
        ['route', clerk],
      ],
      completed: [
        ['review', clerk],
        ['propose', clerk],
        ['instruct', school.leaders[0]],
        ['route', clerk],
        ['complete', clerk],
      ],
      filed: [
        ['review', clerk],
        ['propose', clerk],
        ['instruct', school.leaders[0]],
        ['route', clerk],
        ['complete', clerk],
        ['file', clerk],
      ],
    };
    path.push(...to[status]);
    for (const [action, user] of path) {
      const body = action === 'propose' ? { proposal: '拟请教务处主办', leaderId: school.leaders[0].id } : bodyOf(action);
      await act(user, id, action, body).expect(200);
    }
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken, 1);
    clerk = await person(['office-clerk'], { clearance: 'confidential' });
    uncleared = await person(['office-clerk'], { clearance: 'none' });
    const head = await person(['department-head']);
    const dept = await createDepartment(t, adminToken, { name: unique('总务处'), headId: head.id });
    otherDepartment = { id: dept.id, head };
  });
  afterAll(() => t.close());

  it('DOC-1 100 parallel registrations get 100 distinct, gap-free numbers; a rolled-back one leaves no gap', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => register(clerk, { title: `并发登记测试文件${i}` })));
    for (const res of results) expect(res.status).toBe(201);
    const numbers = results.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(100);
    const year = new Date().getFullYear();
    for (const n of numbers) expect(n).toMatch(new RegExp(`^收〔${year}〕\\d{4}$`));
    const seqs = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
    expect(seqs[seqs.length - 1] - seqs[0]).toBe(99);

    // An attachment that is not the registrar's fails after the number was taken: the transaction rolls back.
    await register(clerk, { attachmentIds: [randomUUID()] }).expect(400);
    const next = (await register(clerk).expect(201)).body;
    expect(Number(next.number.slice(-4))).toBe(seqs[seqs.length - 1] + 1);
    const [{ count }] = await t.sql<{ count: string }>('SELECT count(*) FROM incoming_documents WHERE year = $1', [year]);
    const [{ max }] = await t.sql<{ max: number }>('SELECT max(seq) AS max FROM incoming_documents WHERE year = $1', [year]);
    expect(Number(count)).toBe(Number(max));
  });

  it('DOC-1 签收 then 登记: a document signed for has no number until it is registered, and then takes the next one', async () => {
    const signed = (await signFor(clerk, { title: '先签收后登记的来文' }).expect(201)).body;
    expect(signed).toMatchObject({ status: 'signed-for', number: null, allowedActions: ['register'] });
    await act(clerk, signed.id, 'review').expect(409);
    const between = (await register(clerk).expect(201)).body;
    const registered = (await act(clerk, signed.id, 'register').expect(200)).body;
    expect(registered).toMatchObject({ status: 'registered', allowedActions: ['review', 'return'] });
    expect(Number(registered.number.slice(-4))).toBe(Number(between.number.slice(-4)) + 1);
    await act(clerk, signed.id, 'register').expect(409);
    const found = (await t.http.get('/api/v1/documents/incoming').query({ q: registered.number }).set(as(clerk)).expect(200)).body;
    expect(found.items.map((d: { id: string }) => d.id)).toEqual([signed.id]);
  });

  it('DOC-1 a registration keeps its elements; retention defaults from the schedule by type; scanned attachments are attached', async () => {
    const upload = await t.http
      .post('/api/v1/files')
      .set(as(clerk))
      .attach('file', await samplePdf('scan'), '扫描件.pdf')
      .expect(201);
    const attachmentIds = [upload.body.id as string];
    const doc = (
      await register(clerk, {
        docType: 'decision',
        copies: 3,
        pages: 12,
        writtenOn: '2026-02-20',
        receivedOn: '2026-02-25',
        signedForBy: '张收发',
        responsibleId: school.head.id,
        departmentId: school.departmentId,
        attachmentIds,
      }).expect(201)
    ).body;
    expect(doc).toMatchObject({
      status: 'registered',
      docType: 'decision',
      retention: 'permanent',
      copies: 3,
      pages: 12,
      writtenOn: '2026-02-20',
      receivedOn: '2026-02-25',
      signedForBy: '张收发',
      senderNumber: '市教〔2026〕15号',
      secrecy: 'none',
      urgency: 'normal',
      responsible: { id: school.head.id },
      allowedActions: ['review', 'return'],
    });
    expect(doc.attachments.map((a: { id: string }) => a.id)).toEqual(attachmentIds);
    expect((await register(clerk, { docType: 'letter' }).expect(201)).body.retention).toBe('10-years');
    // A classified document needs its 份号 and 保密期限; an unclassified one carries no 份号.
    const missing = await register(clerk, { secrecy: 'secret' }).expect(400);
    expect(Object.keys(missing.body.errors)).toEqual(expect.arrayContaining(['copyNumber', 'secrecyPeriod']));
    await register(clerk, { copyNumber: '000001' }).expect(400);
    // Registering above one's clearance is refused.
    await register(uncleared, { secrecy: 'secret', copyNumber: '000001', secrecyPeriod: '5年' }).expect(400);
  });

  it('DOC-8 NFR-9 a row of the list and of a search shows exactly what the document’s own page shows', async () => {
    // Every kind of field set: people and a department, dates, a deadline, the flow's notes.
    const title = `关于${unique('校园安全')}专项检查的通知`;
    const id = await documentAt('handling', {
      title,
      urgency: 'urgent',
      writtenOn: '2026-03-02',
      receivedOn: '2026-03-04',
      responsibleId: school.head.id,
      departmentId: school.departmentId,
    });
    const { routes, whereNow, attachments, receiverActions, ...shown } = (
      await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(clerk)).expect(200)
    ).body;
    expect([routes.length, whereNow.length, attachments, receiverActions]).toEqual([1, 1, [], []]);
    expect(shown).toMatchObject({
      writtenOn: '2026-03-02',
      handlingDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      responsible: { id: school.head.id, name: expect.any(String) },
      department: { id: school.departmentId, name: expect.any(String) },
      registeredBy: { id: clerk.id, name: clerk.name },
      leader: { id: school.leaders[0].id, name: expect.any(String) },
    });
    for (const path of [`?number=${encodeURIComponent(shown.number)}`, `?q=${encodeURIComponent(title.slice(2, -6))}`]) {
      const page = (await t.http.get(`/api/v1/documents/incoming${path}`).set(as(clerk)).expect(200)).body;
      expect(page.items).toEqual([shown]);
    }
  });

  it('NFR-9 the lean page reader of the lists refuses an entity whose values TypeORM transforms', () => {
    expect(() => new PageRows(t.app.get(DataSource), StoredFile, [])).toThrow(/StoredFile\.\w+: TypeORM converts its value/);
    expect(() => new PageRows(t.app.get(DataSource), IncomingDocument, ['title'])).toThrow(/not a many-to-one relation/);
  });

  it('DOC-1 DOC-3 every illegal move of the flow is refused with 409 DOCUMENT_ILLEGAL_TRANSITION', async () => {
    const statuses: IncomingStatus[] = [
      'signed-for',
      'registered',
      'reviewed',
      'proposed',
      'instructed',
      'handling',
      'completed',
      'filed',
      'returned',
    ];
    let refused = 0;
    for (const status of statuses) {
      const id = await documentAt(status);
      for (const action of INCOMING_ACTIONS.filter((a) => !INCOMING_TRANSITIONS[status][a])) {
        // The admin holds every permission and sees every unclassified document: only the flow can refuse.
        const user = action === 'instruct' ? admin() : clerk;
        const res = await act(user, id, action, bodyOf(action));
        expect([status, action, res.status]).toEqual([status, action, 409]);
        expect(res.body.code).toBe('DOCUMENT_ILLEGAL_TRANSITION');
        refused++;
      }
      const after = (await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(clerk)).expect(200)).body;
      expect(after.status).toBe(status);
    }
    expect(refused).toBeGreaterThan(40);
  });

  it('DOC-2 an urgent registration notifies the responsible person at once on a mandatory channel, opens their inbox item, and heads the intake', async () => {
    const responsible = await person(['staff']);
    await register(clerk, { title: '普通来文', urgency: 'normal' }).expect(201);
    const urgent = (await register(clerk, { title: '加急来文', urgency: 'urgent', responsibleId: responsible.id }).expect(201)).body;
    const extra = (await register(clerk, { title: '特急来文', urgency: 'extra-urgent', responsibleId: responsible.id }).expect(201)).body;
    await register(clerk, { urgency: 'urgent' }).expect(400); // an urgent document needs someone to tell

    const deliveries = await t.sql<{ channel: string; mandatory: boolean; link: string }>(
      `SELECT channel, mandatory, link FROM notification_deliveries WHERE recipient_id = $1 AND kind = 'document.incoming.urgent'`,
      [responsible.id],
    );
    expect(
      deliveries
        .filter((d) => d.channel === 'in-app')
        .map((d) => d.link)
        .sort(),
    ).toEqual([`/documents/incoming/${urgent.id}`, `/documents/incoming/${extra.id}`].sort());
    expect(deliveries.every((d) => d.mandatory)).toBe(true);
    const inbox = await t.sql<{ source_id: string; urgency: number }>(
      `SELECT source_id, urgency FROM inbox_items WHERE assignee_id = $1 AND source_type = 'incoming-document' AND status = 'open'`,
      [responsible.id],
    );
    expect(inbox.map((i) => i.source_id).sort()).toEqual([urgent.id, extra.id].sort());
    // The responsible person sees what they are responsible for.
    await t.http.get(`/api/v1/documents/incoming/${extra.id}`).set(as(responsible)).expect(200);

    const intake = (await t.http.get('/api/v1/documents/incoming/intake').query({ pageSize: 100 }).set(as(clerk)).expect(200)).body;
    const rank = { 'extra-urgent': 0, urgent: 1, normal: 2 } as Record<string, number>;
    const ranks = intake.items.map((d: { urgency: string }) => rank[d.urgency]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(intake.items[0].urgency).toBe('extra-urgent');
  });

  it('DOC-3 a document failing 初审 is returned to its sender with the reason recorded', async () => {
    const id = await documentAt('registered');
    await act(clerk, id, 'return', { reason: '' }).expect(400);
    const returned = (await act(clerk, id, 'return', { reason: '来文不属于本校办理范围，请径送区教育局。' }).expect(200)).body;
    expect(returned).toMatchObject({ status: 'returned', returnReason: '来文不属于本校办理范围，请径送区教育局。', allowedActions: [] });
    const [audit] = await t.sql<{ details: unknown }>(
      `SELECT diff AS details FROM audit_log WHERE action = 'document.incoming.return' AND object_id = $1`,
      [id],
    );
    expect(JSON.stringify(audit.details)).toContain('来文不属于本校办理范围');
  });

  it('DOC-4 routing records time, receiver and method for each transfer, one lead, and receivers confirm receipt', async () => {
    const id = await documentAt('instructed');
    // Several departments: one of them must lead.
    await act(clerk, id, 'route', { receivers: [{ departmentId: school.departmentId }, { departmentId: otherDepartment.id }] }).expect(400);
    await act(clerk, id, 'route', {
      receivers: [
        { departmentId: school.departmentId, lead: true },
        { departmentId: otherDepartment.id, lead: true },
      ],
    }).expect(400);
    const before = Date.now();
    const routed = (
      await act(clerk, id, 'route', {
        receivers: [
          { departmentId: school.departmentId, lead: true, method: 'system' },
          { departmentId: otherDepartment.id, method: 'paper' },
          { userId: school.leaders[0].id, method: 'email' },
        ],
        handlingDays: 3,
      }).expect(200)
    ).body;
    expect(routed.status).toBe('handling');
    expect(routed.routes).toHaveLength(3);
    expect(routed.routes.filter((r: { lead: boolean }) => r.lead)).toHaveLength(1);
    const byMethod = Object.fromEntries(routed.routes.map((r: { method: string }) => [r.method, r]));
    expect(byMethod.system).toMatchObject({ lead: true, department: { id: school.departmentId }, routedBy: { id: clerk.id } });
    expect(byMethod.paper).toMatchObject({ lead: false, department: { id: otherDepartment.id } });
    expect(byMethod.email).toMatchObject({ user: { id: school.leaders[0].id } });
    for (const r of routed.routes) {
      expect(new Date(r.routedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(r.confirmedAt).toBeNull();
    }
    expect(routed.whereNow).toHaveLength(3);
    // A second lead is refused, in the API and in the database.
    await act(clerk, id, 'route', { receivers: [{ userId: school.applicant.id, lead: true }] }).expect(400);
    await expect(
      t.sql(`INSERT INTO incoming_document_routes (document_id, user_id, lead, method, routed_at) VALUES ($1, $2, true, 'system', now())`, [
        id,
        school.applicant.id,
      ]),
    ).rejects.toThrow(/UQ_incoming_document_routes_lead/);
    // 传阅 during 承办: another receiver, no second lead.
    await act(clerk, id, 'route', { receivers: [{ userId: school.applicant.id }] }).expect(200);

    // A member of the lead department sees it and confirms; so does the other department's head.
    const seen = (await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(school.colleague)).expect(200)).body;
    expect(seen.receiverActions).toEqual(['confirm', 'opinion']);
    const confirmed = (await act(school.colleague, id, 'confirm').expect(200)).body;
    const lead = confirmed.routes.find((r: { lead: boolean }) => r.lead);
    expect(lead).toMatchObject({ confirmedBy: { id: school.colleague.id } });
    expect(lead.confirmedAt).not.toBeNull();
    await act(school.colleague, id, 'confirm').expect(409);
    await act(otherDepartment.head, id, 'confirm').expect(200);
    // Someone it was not routed to neither confirms nor sees it.
    const outsider = await person(['staff']);
    await act(outsider, id, 'confirm').expect(404);
    await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(outsider)).expect(404);
    const grants = await t.sql<{ user_id: string; reason: string }>(
      `SELECT user_id, reason FROM access_grants WHERE object_type = 'incoming-document' AND object_id = $1`,
      [id],
    );
    expect(grants).toEqual(
      expect.arrayContaining([
        { user_id: clerk.id, reason: 'router' },
        { user_id: school.head.id, reason: 'recipient' },
        { user_id: otherDepartment.head.id, reason: 'recipient' },
        { user_id: school.leaders[0].id, reason: 'recipient' },
      ]),
    );
  });

  it('DOC-5 a major document cannot be routed before a leader approves it, and can after; the 批示 is kept', async () => {
    const id = await documentAt('instructed', { major: true, title: '关于校园安全专项整治的重要通知' });
    const doc = (await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(clerk)).expect(200)).body;
    expect(doc).toMatchObject({ major: true, majorStatus: 'pending' });
    expect(doc.allowedActions).not.toContain('route');
    const refused = await act(clerk, id, 'route', bodyOf('route')).expect(409);
    expect(refused.body.code).toBe('DOCUMENT_AWAITING_APPROVAL');

    const request = (await t.http.get(`/api/v1/approvals/requests/${doc.majorRequestId}`).set(as(school.leaders[0])).expect(200)).body;
    expect(request.kind).toBe('major-incoming');
    await t.http
      .post(`/api/v1/approvals/requests/${doc.majorRequestId}/approve`)
      .set(as(school.leaders[0]))
      .send({ comment: '请总务处牵头，务必于本周内落实。' })
      .expect(200);
    const approved = await eventually(async () => {
      const body = (await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(clerk)).expect(200)).body;
      return body.majorStatus === 'approved' && body;
    });
    expect(approved.majorInstruction).toBe('请总务处牵头，务必于本周内落实。');
    expect(approved.allowedActions).toContain('route');
    await act(clerk, id, 'route', bodyOf('route')).expect(200);
  });

  it('DOC-6 the handling deadline counts working days across a holiday; reminders go out before and after it; completion closes the inbox', async () => {
    // The next two weekdays after today are a holiday.
    const today = schoolDateOf(new Date(), t.config.schoolTimeZone);
    const weekdays: string[] = [];
    for (let d = addDays(today, 1); weekdays.length < 2; d = addDays(d, 1)) if (isoWeekday(d) <= 5) weekdays.push(d);
    await t.http
      .put('/api/v1/calendar/days')
      .set(as(admin()))
      .send({ days: weekdays.map((date) => ({ date, kind: 'holiday', name: '校庆' })) })
      .expect(200);
    let expected = today;
    for (let counted = 0; counted < 3;) {
      expected = addDays(expected, 1);
      if (isoWeekday(expected) <= 5 && !weekdays.includes(expected)) counted++;
    }

    const id = await documentAt('instructed');
    const routed = (await act(clerk, id, 'route', { receivers: [{ userId: school.applicant.id }], handlingDays: 3 }).expect(200)).body;
    expect(routed.handlingDueOn).toBe(expected);
    const [item] = await t.sql<{ due_at: Date; status: string }>(
      `SELECT due_at, status FROM inbox_items WHERE source_id = $1 AND assignee_id = $2`,
      [id, school.applicant.id],
    );
    expect(item.status).toBe('open');
    expect(schoolDateOf(item.due_at, t.config.schoolTimeZone)).toBe(expected);

    const service = t.app.get(IncomingService);
    const reminders = async () =>
      (
        await t.sql<{ title: string }>(
          `SELECT title FROM notification_deliveries WHERE kind = 'document.incoming.reminder' AND link = $1 AND recipient_id = $2 AND channel = 'in-app'`,
          [`/documents/incoming/${id}`, school.applicant.id],
        )
      ).map((r) => r.title);
    expect((await service.sendHandlingReminders(addDays(expected, -20))).before).toBe(0);
    expect(await reminders()).toEqual([]);
    await service.sendHandlingReminders(expected);
    expect(await reminders()).toEqual([expect.stringContaining('到期提醒')]);
    await service.sendHandlingReminders(expected); // once only
    await service.sendHandlingReminders(addDays(expected, 1));
    expect(await reminders()).toEqual(expect.arrayContaining([expect.stringContaining('逾期提醒')]));
    expect(await reminders()).toHaveLength(2);
    // 催办 is an action, not a state.
    expect((await act(clerk, id, 'remind', { note: '请于今日反馈。' }).expect(200)).body.status).toBe('handling');
    expect(await reminders()).toEqual(expect.arrayContaining([expect.stringContaining('催办')]));
    expect(await reminders()).toHaveLength(3);

    const handled = (await act(school.applicant, id, 'opinion', { opinion: '已按要求完成自查。' }).expect(200)).body;
    expect(handled.routes[0]).toMatchObject({ opinion: '已按要求完成自查。', handledBy: { id: school.applicant.id } });
    const [closed] = await t.sql<{ status: string }>(`SELECT status FROM inbox_items WHERE source_id = $1 AND assignee_id = $2`, [
      id,
      school.applicant.id,
    ]);
    expect(closed.status).toBe('done');
    await service.sendHandlingReminders(addDays(expected, 2)); // handled: no more reminders
    expect(await reminders()).toHaveLength(3);
    const completed = (await act(clerk, id, 'complete').expect(200)).body;
    expect(completed).toMatchObject({ status: 'completed', allowedActions: ['file'] });
  });

  it('DOC-8 search finds 2-character Chinese terms as substrings, exactly as LIKE does', async () => {
    const meeting = (await register(clerk, { title: '关于召开安全工作会议的通知', sourceOrg: '区教育局' }).expect(201)).body;
    const exam = (await register(clerk, { title: '期末考试安排', sourceOrg: '教研室' }).expect(201)).body;
    const search = async (q: string) =>
      (await t.http.get('/api/v1/documents/incoming').query({ q, pageSize: 100 }).set(as(clerk)).expect(200)).body;
    const found = await search('会议');
    expect(found.items.map((d: { id: string }) => d.id)).toContain(meeting.id);
    expect(found.items.map((d: { id: string }) => d.id)).not.toContain(exam.id);
    expect((await search('教研')).items.map((d: { id: string }) => d.id)).toEqual([exam.id]);
    expect((await search(meeting.number)).items.map((d: { id: string }) => d.id)).toEqual([meeting.id]);
    expect((await search('议会')).total).toBe(0); // both bigrams' characters occur, not this substring
    for (const q of ['会议', '通知', '安全工作', '市教育局', '考试']) {
      const like = await t.sql<{ count: string }>(
        `SELECT count(*) FROM incoming_documents WHERE secrecy = 'none' AND (title LIKE $1 OR number LIKE $1 OR sender_number LIKE $1 OR source_org LIKE $1)`,
        [`%${q}%`],
      );
      const result = await search(q);
      expect([q, result.total]).toEqual([q, Math.min(Number(like[0].count), 1000)]);
    }
    const filtered = (
      await t.http
        .get('/api/v1/documents/incoming')
        .query({ docType: 'notice', urgency: 'normal', status: 'registered', q: '会议' })
        .set(as(clerk))
        .expect(200)
    ).body;
    expect(filtered.items.map((d: { id: string }) => d.id)).toContain(meeting.id);
  });

  it('DOC-8 a person without clearance neither sees nor counts a 机密 document: list, search, export, files; 404 by id', async () => {
    const scan = (
      await t.http
        .post('/api/v1/files')
        .set(as(clerk))
        .attach('file', await samplePdf('secret scan'), '机密扫描件.pdf')
        .expect(201)
    ).body;
    const secret = (
      await register(clerk, {
        title: '机密级测试来文专项',
        secrecy: 'confidential',
        secrecyPeriod: '10年',
        copyNumber: '000012',
        attachmentIds: [scan.id],
      }).expect(201)
    ).body;
    // The scan of a classified document is encrypted at rest, and only those who see the document download it.
    const [stored] = await t.sql<{ encrypted: boolean }>('SELECT encrypted FROM files WHERE id = $1', [scan.id]);
    expect(stored.encrypted).toBe(true);
    await t.http.get(`/api/v1/files/${scan.id}`).set(as(clerk)).expect(200);
    await t.http.get(`/api/v1/files/${scan.id}`).set(as(uncleared)).expect(404);
    await t.http.get('/api/v1/files').query({ ownerType: 'incoming-document', ownerId: secret.id }).set(as(uncleared)).expect(404);
    expect(secret).toMatchObject({ secrecy: 'confidential', copyNumber: '000012', secrecyPeriod: '10年' });
    await t.http.get(`/api/v1/documents/incoming/${secret.id}`).set(as(clerk)).expect(200);

    const seenBy = async (user: Person) => {
      const all = (
        await t.http.get('/api/v1/documents/incoming').query({ pageSize: 100, secrecy: 'confidential' }).set(as(user)).expect(200)
      ).body;
      const search = (await t.http.get('/api/v1/documents/incoming').query({ q: '机密级测试' }).set(as(user)).expect(200)).body;
      return { ids: [...all.items, ...search.items].map((d: { id: string }) => d.id), counts: [all.total, search.total] };
    };
    expect(await seenBy(clerk)).toEqual({ ids: [secret.id, secret.id], counts: [1, 1] });
    expect(await seenBy(uncleared)).toEqual({ ids: [], counts: [0, 0] });
    await t.http.get(`/api/v1/documents/incoming/${secret.id}`).set(as(uncleared)).expect(404);
    await act(uncleared, secret.id, 'review').expect(404);
    const exported = await t.http
      .get('/api/v1/documents/incoming')
      .query({ format: 'xlsx', q: '机密级测试' })
      .set(as(uncleared))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(exported.headers['x-export-rows']).toBe('0');
    // Clearance alone is not enough: a cleared office clerk without need-to-know sees nothing either.
    const clearedStranger = await person(['office-clerk'], { clearance: 'top-secret' });
    await t.http.get(`/api/v1/documents/incoming/${secret.id}`).set(as(clearedStranger)).expect(404);
  });

  it('DOC-12 the incoming register (收文登记簿) exports to Excel with the expected rows', async () => {
    const tag = unique('登记簿导出');
    const a = (await register(clerk, { title: `${tag}甲`, urgency: 'urgent', responsibleId: school.head.id }).expect(201)).body;
    const b = (await register(clerk, { title: `${tag}乙`, docType: 'letter' }).expect(201)).body;
    const res = await t.http
      .get('/api/v1/documents/incoming')
      .query({ format: 'xlsx', q: tag })
      .set(as(clerk))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('收文登记簿');
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const headers = rows[0];
    expect(headers).toEqual(
      expect.arrayContaining(['收文编号', '收文日期', '来文单位', '来文字号', '标题', '文种', '密级', '紧急程度', '保管期限']),
    );
    const data = rows.slice(1).filter((r) => r.some((c) => c.includes(tag)));
    expect(data).toHaveLength(2);
    const col = (name: string) => headers.indexOf(name);
    const byNumber = Object.fromEntries(data.map((r) => [r[col('收文编号')], r]));
    expect(byNumber[a.number][col('紧急程度')]).toBe('加急');
    expect(byNumber[a.number][col('文种')]).toBe('通知');
    expect(byNumber[b.number][col('文种')]).toBe('函');
    expect(byNumber[b.number][col('保管期限')]).toBe('定期10年');
    expect(byNumber[b.number][col('标题')]).toBe(`${tag}乙`);
  });
});
