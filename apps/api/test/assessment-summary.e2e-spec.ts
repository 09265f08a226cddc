import ExcelJS from 'exceljs';
import { SummariesService } from '../src/modules/assessment/summary/summaries.service';
import { completeIncoming, registerIncoming } from './factories/documents.factory';
import { binary } from './factories/files.factory';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff, type SmallSchool } from './factories/school.factory';
import { createSupplyItem, stockIn } from './factories/supplies.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string };
type Figure = { key: string; unit: string; value: number | null };
type Summary = {
  id: string;
  month: string;
  status: string;
  version: number;
  actions: string[];
  compiledAt: string;
  figures: { sections: { key: string; figures: Figure[] }[]; serviceTimes: Record<string, number | string | null>[] };
};

/**
 * The monthly work summary (ASM-1), its service figures (REQ-4) and the director's dashboard
 * (ASM-8). March 2026 is seeded with known numbers. Incoming documents, suggestions and supply
 * issues are made through the API, then their timestamps are moved into March with SQL UPDATEs
 * (the API stamps "now" and cannot backdate). Repairs, meetings and notices are inserted with SQL
 * directly: their API flows need rooms, locations, approvals and channels that add nothing to
 * what is measured here. All times are written in Beijing time (+08), the school's zone.
 */
describe('assessment: monthly summary, service figures and dashboard', () => {
  let t: TestApp;
  let admin: string;
  let director: Person;
  let clerk: Person;
  let leader: Person;
  let teacher: Person;
  let keeper: Person;
  let school: SmallSchool;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const figure = (s: Summary, key: string) => s.figures.sections.flatMap((x) => x.figures).find((f) => f.key === key)?.value;
  const service = (s: Summary, kind: string) => s.figures.serviceTimes.find((r) => r.kind === kind);

  async function seedIncoming(): Promise<void> {
    // A: registered 3-02 09:00, routed 2 h later, completed 3-05 09:00 (72 h), due 3-06: on time.
    // B: registered 3-10 09:00, routed 4 h later, completed 3-20 09:00 (240 h), due 3-15: late.
    // C: registered 3-31 23:30 Beijing (15:30 UTC): still March; not handled.
    // D: registered 4-01 00:30 Beijing (3-31 16:30 UTC): April, not March.
    const [a, b, c, d] = [
      await registerIncoming(t, clerk, { title: unique('关于开展春季安全大检查的通知') }),
      await registerIncoming(t, clerk, { title: unique('关于报送教师培训计划的通知') }),
      await registerIncoming(t, clerk, { title: unique('关于做好清明节假期安全工作的通知') }),
      await registerIncoming(t, clerk, { title: unique('关于组织四月份教研活动的通知') }),
    ];
    await completeIncoming(t, clerk, school, a);
    await completeIncoming(t, clerk, school, b);
    const move = async (id: string, registered: string, routed: string | null, completed: string | null, due: string | null) => {
      await t.sql(`UPDATE incoming_documents SET registered_at = $2, completed_at = $3, handling_due_on = $4 WHERE id = $1`, [
        id,
        registered,
        completed,
        due,
      ]);
      await t.sql(`UPDATE incoming_document_routes SET routed_at = $2 WHERE document_id = $1`, [id, routed]);
    };
    await move(a, '2026-03-02 09:00+08', '2026-03-02 11:00+08', '2026-03-05 09:00+08', '2026-03-06');
    await move(b, '2026-03-10 09:00+08', '2026-03-10 13:00+08', '2026-03-20 09:00+08', '2026-03-15');
    await move(c, '2026-03-31 23:30+08', null, null, null);
    await move(d, '2026-04-01 00:30+08', null, null, null);
  }

  async function seedOutgoing(): Promise<void> {
    // Drafted through the API; issuing (印发) is the end of a long flow, so its distribution rows are inserted.
    const draft = async (title: string, created: string) => {
      const res = await t.http
        .post('/api/v1/documents/outgoing')
        .set(as(clerk))
        .send({ docType: 'notice', direction: 'downward', title, body: '各处室：现就有关事项通知如下……', mainRecipients: ['各处室'] })
        .expect(201);
      await t.sql(`UPDATE outgoing_documents SET created_at = $2 WHERE id = $1`, [res.body.id, created]);
      return res.body.id as string;
    };
    const first = await draft(unique('关于做好清明节期间安全工作的通知'), '2026-03-03 10:00+08');
    await draft(unique('关于开展春季运动会的通知'), '2026-03-25 10:00+08');
    const february = await draft(unique('关于寒假值班安排的通知'), '2026-02-10 10:00+08');
    // The March one goes to two recipients on two days: one document issued. The February one is issued in April.
    await t.sql(
      `INSERT INTO outgoing_document_distributions (document_id, kind, org_name, distributed_at) VALUES
         ($1, 'main', '各处室', '2026-03-12 09:00+08'), ($1, 'cc', '区教育局', '2026-03-13 09:00+08'), ($2, 'main', '各处室', '2026-04-02 09:00+08')`,
      [first, february],
    );
  }

  async function seedSuggestion(fields: {
    hotline?: boolean;
    received: string;
    answered?: string;
    closed?: string;
    due: string;
  }): Promise<string> {
    const body = { category: 'campus', subject: unique('操场照明不足'), content: '晚自习后操场太暗。', anonymous: true };
    if (fields.hotline) await t.http.post('/api/v1/assessment/suggestions/hotline').set(as(clerk)).send(body).expect(201);
    else await t.http.post('/api/v1/public/suggestions').send(body).expect(201);
    const [row] = await t.sql<{ id: string }>(`SELECT id FROM suggestions WHERE subject = $1`, [body.subject]);
    if (fields.answered) {
      const act = (action: string, payload: object) =>
        t.http.post(`/api/v1/assessment/suggestions/${row.id}/${action}`).set(as(clerk)).send(payload).expect(200);
      let s = (await act('assign', { assigneeId: clerk.id, version: 1 })).body;
      s = (await act('answer', { answer: '已安排加装路灯', version: s.version })).body;
      if (fields.closed) await act('close', { version: s.version });
    }
    await t.sql(
      `UPDATE suggestions SET received_at = $2, due_at = $3, assigned_at = coalesce($4, assigned_at), answered_at = $4, closed_at = $5 WHERE id = $1`,
      [row.id, fields.received, fields.due, fields.answered ?? null, fields.closed ?? null],
    );
    return row.id;
  }

  async function seedRepairs(): Promise<void> {
    const [location] = await t.sql<{ id: string }>(
      `INSERT INTO maintenance_locations (kind, name) VALUES ('building', '教学楼') RETURNING id`,
    );
    const repair = async (created: string, firstMove: string, status: string, completed: string | null, due: string) => {
      const [r] = await t.sql<{ id: string }>(
        `INSERT INTO maintenance_requests (category, source, description, location_id, status, created_at, completed_at, due_at)
         VALUES ('electrical', 'online', '教室灯管不亮', $1, $2, $3, $4, $5) RETURNING id`,
        [location.id, status, created, completed, due],
      );
      await t.sql(
        `INSERT INTO maintenance_request_events (request_id, action, from_status, to_status, created_at) VALUES
           ($1, 'submit', NULL, 'submitted', $2), ($1, 'assign', 'submitted', 'assigned', $3)`,
        [r.id, created, firstMove],
      );
    };
    // Completed in March: 4 h (on time), 48 h (late), and one reported in February, 48 h (on time).
    await repair('2026-03-02 08:00+08', '2026-03-02 09:00+08', 'completed', '2026-03-02 12:00+08', '2026-03-03 08:00+08');
    await repair('2026-03-10 08:00+08', '2026-03-10 11:00+08', 'completed', '2026-03-12 08:00+08', '2026-03-11 08:00+08');
    await repair('2026-02-27 08:00+08', '2026-02-27 10:00+08', 'completed', '2026-03-01 08:00+08', '2026-03-02 08:00+08');
    // Reported in March, still open and past its deadline.
    await repair('2026-03-28 08:00+08', '2026-03-28 09:00+08', 'assigned', null, '2026-03-29 08:00+08');
  }

  async function seedMeetings(): Promise<void> {
    const meeting = async (status: string, starts: string, attendees: [string, string | null][]) => {
      const [m] = await t.sql<{ id: string }>(
        `INSERT INTO meetings (title, type_code, starts_at, ends_at, status, organiser_id)
         VALUES ('校务会', 'school-affairs', $1, $1::timestamptz + interval '1 hour', $2, $3) RETURNING id`,
        [starts, status, director.id],
      );
      const people = [director, clerk, teacher, leader, keeper];
      for (const [i, [response, attendance]] of attendees.entries()) {
        await t.sql(
          `INSERT INTO meeting_attendees (meeting_id, user_id, role, response, leave_reason, attendance) VALUES ($1, $2, 'attendee', $3, $4, $5)`,
          [m.id, people[i].id, response, response === 'leave' ? '外出培训' : null, attendance],
        );
      }
    };
    await meeting('notified', '2026-03-10 15:00+08', [
      ['accepted', 'present'],
      ['accepted', 'late'],
      ['accepted', 'absent'],
      ['leave', 'leave'],
    ]);
    await meeting('notified', '2026-03-20 15:00+08', [
      ['accepted', 'present'],
      ['pending', null],
    ]);
    await meeting('cancelled', '2026-03-25 15:00+08', [['accepted', null]]);
  }

  async function seedNotices(): Promise<void> {
    const notice = async (status: string, published: string | null, recipients: [Person, boolean][]) => {
      const [n] = await t.sql<{ id: string }>(
        `INSERT INTO notices (title, body, channels, audience, status, published_at, created_by)
         VALUES ('关于清明节放假的通知', '清明节放假三天。', '{}', '{}', $1, $2, $3) RETURNING id`,
        [status, published, clerk.id],
      );
      for (const [person, confirmed] of recipients) {
        await t.sql(`INSERT INTO notice_recipients (notice_id, user_id, confirmed_at) VALUES ($1, $2, $3)`, [
          n.id,
          person.id,
          confirmed ? published : null,
        ]);
      }
    };
    await notice('published', '2026-03-05 10:00+08', [
      [teacher, true],
      [leader, true],
      [keeper, false],
    ]);
    await notice('published', '2026-03-15 10:00+08', [
      [teacher, false],
      [leader, false],
    ]);
    await notice('draft', null, [[teacher, false]]);
  }

  async function seedSupplies(): Promise<void> {
    const item = await createSupplyItem(t, keeper, { name: unique('A4复印纸') });
    await stockIn(t, keeper, item.id, 20);
    for (const quantity of [3, 5]) {
      const req = (
        await t.http
          .post('/api/v1/logistics/supplies/requests')
          .set(as(teacher))
          .send({ lines: [{ itemId: item.id, quantity }] })
          .expect(201)
      ).body;
      await t.http
        .post(`/api/v1/logistics/supplies/requests/${req.id}/issue`)
        .set(as(keeper))
        .send({ lines: [{ lineId: req.lines[0].id, quantity }] })
        .expect(201);
      await t.sql(`UPDATE supply_issues SET issued_at = '2026-03-18 10:00+08' WHERE request_id = $1`, [req.id]);
    }
  }

  async function seedQuestionnaire(): Promise<void> {
    // Opened on 3-10 and answered twice (3-11 and 3-31), once more on 4-01; closed on 4-02. Answers keep only their date.
    const created = (
      await t.http
        .post('/api/v1/assessment/questionnaires')
        .set(as(clerk))
        .send({
          title: '家长满意度调查（三月）',
          anonymous: true,
          responseMode: 'open',
          questions: [{ type: 'single', title: '您对学校的总体满意度', required: true, options: ['满意', '一般'] }],
        })
        .expect(201)
    ).body;
    await t.http.post(`/api/v1/assessment/questionnaires/${created.id}/open`).set(as(clerk)).send({ version: created.version }).expect(200);
    for (let i = 0; i < 3; i++) {
      await t.http
        .post(`/api/v1/public/questionnaires/${created.code}/responses`)
        .send({ answers: [i % 2] })
        .expect(201);
    }
    await t.sql(`UPDATE questionnaires SET opened_at = '2026-03-10 09:00+08' WHERE id = $1`, [created.id]);
    const ids = (
      await t.sql<{ id: string }>(`SELECT id FROM questionnaire_responses WHERE questionnaire_id = $1 ORDER BY id`, [created.id])
    ).map((r) => r.id);
    for (const [id, on] of ids.map((id, i) => [id, ['2026-03-11', '2026-03-31', '2026-04-01'][i]])) {
      await t.sql(`UPDATE questionnaire_responses SET submitted_on = $2 WHERE id = $1`, [id, on]);
    }
  }

  async function seedImprovementWork(): Promise<void> {
    // Inserted straight into the tables, like the repairs: each flow has its own e2e test, and these need exact instants.
    // Incidents: two in March (one reviewed on 3-14), one on 4-02.
    for (const [occurred, reviewed] of [
      ['2026-03-12 10:00+08', '2026-03-14 16:00+08'],
      ['2026-03-25 10:00+08', null],
      ['2026-04-02 10:00+08', null],
    ]) {
      await t.sql(
        `INSERT INTO incidents (title, description, location, occurred_at, handled_by, steps_taken, outcome, severity, status,
                                recorded_by, review_summary, reviewed_at, reviewed_by)
         VALUES ($1, '教学楼三楼走廊积水', '教学楼三楼', $2, '总务处', '断电、排水', '已恢复', 'minor', $3, $4, $5, $6, $7)`,
        [
          unique('走廊积水'),
          occurred,
          reviewed ? 'reviewed' : 'recorded',
          clerk.id,
          reviewed ? '排水沟堵塞' : null,
          reviewed,
          reviewed ? clerk.id : null,
        ],
      );
    }
    // Improvement: P1 raised 3-02, analysed 8 h later, closed 3-12 (240 h); P2 raised 3-20, analysed after 48 h, still open
    // with one measure done on time (due 3-27, done 3-26) and one done late (due 3-25, done 3-28).
    const problem = async (created: string, analysed: string, closed: string | null) =>
      (
        await t.sql<{ id: string }>(
          `INSERT INTO improvement_problems (title, description, source, status, root_cause, analysed_at, closed_at, created_by, created_at)
           VALUES ($1, '学生反映食堂排队时间长', 'inspection', $2, '窗口不足', $3, $4, $5, $6) RETURNING id`,
          [unique('食堂排队'), closed ? 'closed' : 'implementing', analysed, closed, clerk.id, created],
        )
      )[0].id;
    await problem('2026-03-02 09:00+08', '2026-03-02 17:00+08', '2026-03-12 09:00+08');
    const p2 = await problem('2026-03-20 09:00+08', '2026-03-22 09:00+08', null);
    for (const [position, due, done, reported] of [
      [1, '2026-03-27', '2026-03-26', '2026-03-26 15:00+08'],
      [2, '2026-03-25', '2026-03-28', '2026-03-28 15:00+08'],
      [3, '2026-03-20', null, null],
    ] as const) {
      await t.sql(
        `INSERT INTO improvement_measures (problem_id, description, owner_id, due_on, position, status, implemented_on, reported_at)
         VALUES ($1, '增开窗口', $2, $3, $4, $5, $6, $7)`,
        [p2, teacher.id, due, position, reported ? 'implemented' : 'pending', done, reported],
      );
    }
    // Escalations: E1 reported 3-03 09:00, answered 3-04 09:00 (24 h, due 3-06); E2 reported 3-10, answered 3-20 (240 h, due 3-13): late.
    for (const [created, due, answered] of [
      ['2026-03-03 09:00+08', '2026-03-06 17:00+08', '2026-03-04 09:00+08'],
      ['2026-03-10 09:00+08', '2026-03-13 17:00+08', '2026-03-20 09:00+08'],
    ]) {
      await t.sql(
        `INSERT INTO escalations (category, description, proposed_solution, channel, reported_by, leader_id, status, due_at, answer, answered_at, created_at)
         VALUES ('safety', '校门口接送车辆拥堵', '错峰放学', 'phone', $1, $2, 'answered', $3, '已安排', $4, $5)`,
        [teacher.id, leader.id, due, answered, created],
      );
    }
    // Support: S1 asked 3-05 09:00, responded 2 h later (due 3-05 17:00), completed 3-06 09:00 (24 h); S2 asked 3-16, responded
    // 3-18 09:00 (48 h, due 3-17): late, still not completed.
    const other = await createDepartment(t, admin, { name: unique('总务处') });
    for (const [created, due, responded, completed] of [
      ['2026-03-05 09:00+08', '2026-03-05 17:00+08', '2026-03-05 11:00+08', '2026-03-06 09:00+08'],
      ['2026-03-16 09:00+08', '2026-03-17 09:00+08', '2026-03-18 09:00+08', null],
    ]) {
      await t.sql(
        `INSERT INTO support_requests (title, detail, requesting_department_id, target_department_id, requested_by, handler_id,
                                       response_due_at, status, response, responded_at, responded_by, completed_at, created_at)
         VALUES ($1, '请协助布置考场', $2, $3, $4, $5, $6, $7, '收到', $8, $5, $9, $10)`,
        [
          unique('布置考场'),
          school.departmentId,
          other.id,
          teacher.id,
          school.head.id,
          due,
          completed ? 'completed' : 'responded',
          responded,
          completed,
          created,
        ],
      );
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAsAdmin(t);
    director = await createStaff(t, admin, { roles: ['office-director'], name: '周主任' });
    clerk = await createStaff(t, admin, { roles: ['office-clerk'], name: '吴文员' });
    leader = await createStaff(t, admin, { roles: ['school-leader'], name: '郑校长' });
    keeper = await createStaff(t, admin, { roles: ['storekeeper'], name: '赵库管' });
    school = await createSmallSchool(t, admin, 1);
    teacher = await createStaff(t, admin, { roles: ['staff'], departmentId: school.departmentId, name: '钱老师' });
    await seedIncoming();
    await seedOutgoing();
    // Answered in 2 h (closed after 24 h), on time; a hotline call answered in 120 h (closed after 132 h), late; one still open.
    await seedSuggestion({
      received: '2026-03-03 08:00+08',
      answered: '2026-03-03 10:00+08',
      closed: '2026-03-04 08:00+08',
      due: '2026-03-06 17:00+08',
    });
    await seedSuggestion({
      hotline: true,
      received: '2026-03-05 08:00+08',
      answered: '2026-03-10 08:00+08',
      closed: '2026-03-10 20:00+08',
      due: '2026-03-08 17:00+08',
    });
    await seedSuggestion({ received: '2026-03-20 08:00+08', due: '2026-03-25 17:00+08' });
    await seedRepairs();
    await seedMeetings();
    await seedNotices();
    await seedSupplies();
    await seedImprovementWork();
    await seedQuestionnaire();
  });
  afterAll(() => t.close());

  let march: Summary;

  it('ASM-1 a seeded month compiles to exactly its numbers, on-time rates included, read in the school’s time zone', async () => {
    march = (await t.http.post('/api/v1/assessment/summaries').set(as(clerk)).send({ month: '2026-03' }).expect(201)).body;
    expect(march).toMatchObject({ month: '2026-03', status: 'draft', actions: ['compile', 'write', 'submit'] });
    expect(march.figures.sections.map((s) => s.key)).toEqual([
      'documents',
      'meetings',
      'notices',
      'logistics',
      'suggestions',
      'questionnaires',
      'improvement',
      'requests',
    ]);
    const expected: Record<string, number> = {
      'documents.incomingRegistered': 3,
      'documents.incomingRouted': 2,
      'documents.incomingHandled': 2,
      'documents.incomingOnTimeRate': 50,
      'documents.outgoingDrafted': 2,
      'documents.outgoingIssued': 1,
      'meetings.served': 2,
      // present + late of the 5 whose attendance was taken; 5 of 6 invited replied.
      'meetings.attendanceRate': 60,
      'meetings.responseRate': 83.3,
      'notices.published': 2,
      'notices.recipients': 5,
      'notices.reachRate': 40,
      'logistics.repairsOpened': 3,
      'logistics.repairsClosed': 3,
      'logistics.repairMedianHours': 48,
      'logistics.repairOnTimeRate': 66.7,
      'logistics.supplyIssues': 2,
      'logistics.supplyItemsIssued': 8,
      'suggestions.received': 3,
      'suggestions.hotlineCalls': 1,
      'suggestions.answered': 2,
      'suggestions.onTimeRate': 50,
      // ASM-3: the April answer is April's.
      'questionnaires.opened': 1,
      'questionnaires.closed': 0,
      'questionnaires.responses': 2,
      // REQ-5 / ASM-5: the April incident is not March's; one measure of two done by its date.
      'improvement.incidents': 2,
      'improvement.incidentsReviewed': 1,
      'improvement.problemsOpened': 2,
      'improvement.problemsClosed': 1,
      'improvement.measuresImplemented': 2,
      'improvement.measuresOnTimeRate': 50,
      // REQ-1 / REQ-2: one answer of two within its deadline; one response of two in time.
      'requests.escalationsReceived': 2,
      'requests.escalationsAnswered': 2,
      'requests.escalationsOnTimeRate': 50,
      'requests.supportRequested': 2,
      'requests.supportCompleted': 1,
      'requests.supportOnTimeRate': 50,
    };
    const actual = Object.fromEntries(march.figures.sections.flatMap((s) => s.figures).map((f) => [f.key, f.value]));
    expect(actual).toEqual(expected);
    // The month again: 409, nothing written; a month to come: 400 keyed by field.
    const again = await t.http.post('/api/v1/assessment/summaries').set(as(clerk)).send({ month: '2026-03' }).expect(409);
    expect(again.body.code).toBe('SUMMARY_EXISTS');
    const future = await t.http.post('/api/v1/assessment/summaries').set(as(clerk)).send({ month: '2099-01' }).expect(400);
    expect(future.body.errors).toHaveProperty('month');
    const malformed = await t.http.post('/api/v1/assessment/summaries').set(as(clerk)).send({ month: '2026-13' }).expect(400);
    expect(malformed.body.errors).toHaveProperty('month');
  });

  it('REQ-4 median and 90th percentile of response and handling times per kind of work, from known durations', async () => {
    // Interpolated percentiles (percentile_cont): of two values a < b, the median is (a+b)/2 and p90 a + 0.9(b−a).
    expect(service(march, 'incoming-documents')).toEqual({
      kind: 'incoming-documents',
      completed: 2,
      responseMedianHours: 3,
      responseP90Hours: 3.8,
      handlingMedianHours: 156,
      handlingP90Hours: 223.2,
    });
    // Responses 1, 2, 3 h; handling 4, 48, 48 h.
    expect(service(march, 'repairs')).toEqual({
      kind: 'repairs',
      completed: 3,
      responseMedianHours: 2,
      responseP90Hours: 2.8,
      handlingMedianHours: 48,
      handlingP90Hours: 48,
    });
    expect(service(march, 'suggestions')).toEqual({
      kind: 'suggestions',
      completed: 2,
      responseMedianHours: 61,
      responseP90Hours: 108.2,
      handlingMedianHours: 78,
      handlingP90Hours: 121.2,
    });
    // Five suggestions closed in May: responses 1, 2, 3, 4, 10 h → median 3, p90 4 + 0.6 × 6 = 7.6;
    // handling 10, 20, 30, 40, 100 h → median 30, p90 40 + 0.6 × 60 = 76.
    const start = Date.parse('2026-05-04T08:00:00+08:00');
    const at = (hours: number) => new Date(start + hours * 3_600_000).toISOString();
    for (const [response, handling] of [
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 40],
      [10, 100],
    ]) {
      await seedSuggestion({ received: at(0), answered: at(response), closed: at(handling), due: at(72) });
    }
    const may = (await t.http.post('/api/v1/assessment/summaries').set(as(clerk)).send({ month: '2026-05' }).expect(201)).body as Summary;
    expect(service(may, 'suggestions')).toEqual({
      kind: 'suggestions',
      completed: 5,
      responseMedianHours: 3,
      responseP90Hours: 7.6,
      handlingMedianHours: 30,
      handlingP90Hours: 76,
    });
  });

  it('REQ-4 REQ-1 REQ-2 ASM-5 response and handling times of improvement, escalations and support requests finished in the month', async () => {
    // Improvement: the one closed in March, analysed after 8 h, closed after 240 h.
    expect(service(march, 'improvement')).toEqual({
      kind: 'improvement',
      completed: 1,
      responseMedianHours: 8,
      responseP90Hours: 8,
      handlingMedianHours: 240,
      handlingP90Hours: 240,
    });
    // Escalations: answers after 24 h and 240 h; the answer is both the response and the end.
    expect(service(march, 'escalations')).toEqual({
      kind: 'escalations',
      completed: 2,
      responseMedianHours: 132,
      responseP90Hours: 218.4,
      handlingMedianHours: 132,
      handlingP90Hours: 218.4,
    });
    // Support: the completed one, responded after 2 h, completed after 24 h.
    expect(service(march, 'support-requests')).toEqual({
      kind: 'support-requests',
      completed: 1,
      responseMedianHours: 2,
      responseP90Hours: 2,
      handlingMedianHours: 24,
      handlingP90Hours: 24,
    });
  });

  it('ASM-1 a month with none of some kind of work gives 0 and "no data" (null), never NaN or an error', async () => {
    const may = (await t.http.get('/api/v1/assessment/summaries').query({ q: '2026-05' }).set(as(clerk)).expect(200)).body
      .items[0] as Summary;
    expect(figure(may, 'documents.incomingHandled')).toBe(0);
    expect(figure(may, 'documents.incomingOnTimeRate')).toBeNull();
    expect(figure(may, 'meetings.served')).toBe(0);
    expect(figure(may, 'meetings.attendanceRate')).toBeNull();
    expect(figure(may, 'notices.reachRate')).toBeNull();
    expect(figure(may, 'logistics.repairMedianHours')).toBeNull();
    expect(figure(may, 'logistics.supplyItemsIssued')).toBe(0);
    expect(figure(may, 'suggestions.answered')).toBe(5);
    expect(figure(may, 'improvement.incidents')).toBe(0);
    expect(figure(may, 'improvement.measuresOnTimeRate')).toBeNull();
    expect(figure(may, 'requests.supportOnTimeRate')).toBeNull();
    expect(service(may, 'escalations')).toMatchObject({ completed: 0, responseMedianHours: null, handlingP90Hours: null });
    expect(service(may, 'repairs')).toEqual({
      kind: 'repairs',
      completed: 0,
      responseMedianHours: null,
      responseP90Hours: null,
      handlingMedianHours: null,
      handlingP90Hours: null,
    });
    expect(JSON.stringify(may.figures)).not.toContain('NaN');
  });

  it('ASM-1 the monthly job compiles the previous month once, even when run twice at the same time and again later', async () => {
    const summaries = t.app.get(SummariesService);
    const firstOfJuly = new Date('2026-07-01T02:00:00+08:00');
    const runs = await Promise.all([summaries.compileMonthly(firstOfJuly), summaries.compileMonthly(firstOfJuly)]);
    expect(runs.filter((id) => id !== null)).toHaveLength(1);
    const [before] = await t.sql<{ id: string; compiled_at: Date }>(
      `SELECT id, compiled_at FROM monthly_summaries WHERE month = '2026-06'`,
    );
    expect(await summaries.compileMonthly(new Date('2026-07-20T12:00:00+08:00'))).toBeNull();
    const rows = await t.sql<{ id: string; compiled_at: Date }>(`SELECT id, compiled_at FROM monthly_summaries WHERE month = '2026-06'`);
    expect(rows).toEqual([before]);
    // Just before midnight on 31 July in Beijing is still July: the job then compiles June, which exists.
    expect(await summaries.compileMonthly(new Date('2026-07-31T23:59:00+08:00'))).toBeNull();
    const june = (await t.http.get(`/api/v1/assessment/summaries/${before.id}`).set(as(clerk)).expect(200)).body as Summary;
    expect(june).toMatchObject({ month: '2026-06', status: 'draft' });
    expect(figure(june, 'documents.incomingRegistered')).toBe(0);
    expect(figure(june, 'suggestions.onTimeRate')).toBeNull();
  });

  it('ASM-1 narrative, recompile, submit, return with a reason, submit, approve, archive; illegal moves are 409', async () => {
    const url = `/api/v1/assessment/summaries/${march.id}`;
    let s = (
      await t.http
        .patch(url)
        .set(as(clerk))
        .send({ narrative: '三月份办公室共办理收文3件，按期办结率50%。\n下月重点：清明节安全工作。', version: march.version })
        .expect(200)
    ).body as Summary & { narrative: string };
    // A stale version is 409 and writes nothing.
    await t.http.patch(url).set(as(clerk)).send({ narrative: '覆盖', version: march.version }).expect(409);
    s = (await t.http.post(`${url}/compile`).set(as(clerk)).send({ version: s.version }).expect(200)).body;
    expect(new Date(s.compiledAt).getTime()).toBeGreaterThan(new Date(march.compiledAt).getTime());
    expect(s.narrative).toContain('下月重点');
    // Approving or archiving a draft is illegal.
    expect((await t.http.post(`${url}/approve`).set(as(director)).send({ version: s.version }).expect(409)).body.code).toBe(
      'SUMMARY_ILLEGAL_MOVE',
    );
    await t.http.post(`${url}/archive`).set(as(director)).send({ version: s.version }).expect(409);
    s = (await t.http.post(`${url}/submit`).set(as(clerk)).send({ version: s.version }).expect(200)).body;
    expect(s.status).toBe('submitted');
    // Once submitted, no writing, compiling or submitting again.
    await t.http.patch(url).set(as(clerk)).send({ narrative: '改', version: s.version }).expect(409);
    await t.http.post(`${url}/compile`).set(as(clerk)).send({ version: s.version }).expect(409);
    await t.http.post(`${url}/submit`).set(as(clerk)).send({ version: s.version }).expect(409);
    // Returning needs a reason (400 keyed by field); with one, the summary is a draft again.
    expect(
      (await t.http.post(`${url}/return`).set(as(director)).send({ version: s.version, reason: ' ' }).expect(400)).body.errors,
    ).toHaveProperty('reason');
    s = (await t.http.post(`${url}/return`).set(as(director)).send({ version: s.version, reason: '请补充会议服务情况' }).expect(200)).body;
    expect(s).toMatchObject({ status: 'draft', returnReason: '请补充会议服务情况' });
    s = (await t.http.post(`${url}/submit`).set(as(clerk)).send({ version: s.version }).expect(200)).body;
    expect(s).toMatchObject({ status: 'submitted', returnReason: null });
    s = (await t.http.post(`${url}/approve`).set(as(director)).send({ version: s.version }).expect(200)).body;
    expect(s).toMatchObject({ status: 'approved', actions: ['archive'], reviewedBy: { id: director.id } });
    s = (await t.http.post(`${url}/archive`).set(as(director)).send({ version: s.version }).expect(200)).body;
    expect(s).toMatchObject({ status: 'archived', actions: [] });
    await t.http.post(`${url}/return`).set(as(director)).send({ version: s.version, reason: '再改' }).expect(409);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE object_id = $1 ORDER BY occurred_at, id`, [march.id]);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'assessment.summary.open',
        'assessment.summary.write',
        'assessment.summary.return',
        'assessment.summary.archive',
      ]),
    );
  });

  it('ASM-1 the DOCX and the Excel export open and carry the figures and the narrative', async () => {
    const docx = await t.http.get(`/api/v1/assessment/summaries/${march.id}/docx`).set(as(clerk)).buffer(true).parse(binary).expect(200);
    const mammoth = (await import('mammoth')).default;
    const text = (await mammoth.extractRawText({ buffer: docx.body as unknown as Buffer })).value;
    expect(text).toContain('学校办公室2026年3月工作总结');
    expect(text).toContain('下月重点：清明节安全工作');
    expect(text).toMatch(/收文按期办结率\s*50%/);
    expect(text).toMatch(/会议出席率\s*60%/);
    expect(text).toMatch(/发文拟稿\s*2/);

    const xlsx = await t.http.get(`/api/v1/assessment/summaries/${march.id}/xlsx`).set(as(clerk)).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const figures = rows('工作数据');
    expect(figures[0]).toEqual(['板块', '指标', '数值', '单位']);
    expect(figures).toContainEqual(['公文处理', '收文办结', 2, '']);
    expect(figures).toContainEqual(['公文处理', '收文按期办结率', 50, '%']);
    expect(figures).toContainEqual(['后勤保障', '维修用时中位数', 48, '小时']);
    expect(rows('服务时长')).toContainEqual(['收文办理', 2, 3, 3.8, 156, 223.2]);
  });

  it('ASM-8 the dashboard’s figures equal the records: trends, open and overdue items by module, service times; each table exports', async () => {
    const dashboard = (await t.http.get('/api/v1/assessment/dashboard').query({ month: '2026-03' }).set(as(director)).expect(200)).body as {
      month: string;
      panels: { key: string; chart: string; categories: string[]; series: { key: string; values: (number | null)[] }[] }[];
    };
    const panel = (key: string) => dashboard.panels.find((p) => p.key === key)!;
    expect(dashboard.panels.map((p) => p.key)).toEqual([
      'monthly-counts',
      'monthly-rates',
      'open-items',
      'service-times',
      'questionnaire-responses',
      'evaluation-results',
    ]);
    const counts = panel('monthly-counts');
    expect(counts.categories).toHaveLength(12);
    expect(counts.categories.slice(-3)).toEqual(['2026-01', '2026-02', '2026-03']);
    const seriesOf = (p: ReturnType<typeof panel>, key: string) => p.series.find((s) => s.key === key)!.values;
    expect(seriesOf(counts, 'documents.incomingHandled').slice(-3)).toEqual([0, 0, 2]);
    // The February repair was reported in February.
    expect(seriesOf(counts, 'logistics.repairsOpened').slice(-3)).toEqual([0, 1, 3]);
    expect(seriesOf(panel('monthly-rates'), 'documents.incomingOnTimeRate').slice(-2)).toEqual([null, 50]);

    // Open items, counted straight from the records.
    const [records] = await t.sql<Record<string, number>>(
      `SELECT (SELECT count(*) FROM incoming_documents WHERE status NOT IN ('completed', 'filed', 'returned'))::int AS incoming,
              (SELECT count(*) FROM maintenance_requests WHERE status NOT IN ('completed', 'confirmed', 'cancelled'))::int AS repairs,
              (SELECT count(*) FROM maintenance_requests WHERE status NOT IN ('completed', 'confirmed', 'cancelled') AND due_at < now())::int AS repairs_overdue,
              (SELECT count(*) FROM suggestions WHERE status IN ('received', 'assigned'))::int AS suggestions,
              (SELECT count(*) FROM suggestions WHERE status IN ('received', 'assigned') AND due_at < now())::int AS suggestions_overdue`,
    );
    expect(records).toMatchObject({ incoming: 2, repairs: 1, repairs_overdue: 1, suggestions: 1, suggestions_overdue: 1 });
    const open = panel('open-items');
    const row = (category: string) => Object.fromEntries(open.series.map((s) => [s.key, s.values[open.categories.indexOf(category)]]));
    expect(row('incoming-documents')).toEqual({ open: records.incoming, overdue: 0 });
    expect(row('repairs')).toEqual({ open: records.repairs, overdue: records.repairs_overdue });
    expect(row('suggestions')).toEqual({ open: records.suggestions, overdue: records.suggestions_overdue });
    expect(row('supply-requests')).toEqual({ open: 0, overdue: null });
    // The open problem has a measure past its date; the late support request has been responded to, so it is no longer overdue.
    expect(row('improvement')).toEqual({ open: 1, overdue: 1 });
    expect(row('escalations')).toEqual({ open: 0, overdue: 0 });
    expect(row('support-requests')).toEqual({ open: 1, overdue: 0 });
    // The questionnaire is still open; it has no closing date, so it cannot be overdue.
    expect(row('questionnaires')).toEqual({ open: 1, overdue: 0 });
    // ASM-3 results: March's answers per questionnaire.
    const answered = panel('questionnaire-responses');
    expect(answered.categories).toEqual(['家长满意度调查（三月）']);
    expect(seriesOf(answered, 'responses')).toEqual([2]);

    const times = panel('service-times');
    expect(times.categories).toEqual(['incoming-documents', 'repairs', 'suggestions', 'improvement', 'escalations', 'support-requests']);
    expect(seriesOf(times, 'handlingP90Hours')).toEqual([223.2, 48, 121.2, 240, 218.4, 24]);

    const exported = await t.http
      .get('/api/v1/assessment/dashboard/export')
      .query({ panel: 'open-items', month: '2026-03' })
      .set(as(leader))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['', '在办', '已逾期']);
    const repairsRow = [2, 3, 4, 5, 6, 7].map((i) => (sheet.getRow(i).values as unknown[]).slice(1)).find((r) => r[0] === '报修');
    expect(repairsRow).toEqual(['报修', 1, 1]);
    await t.http.get('/api/v1/assessment/dashboard/export').query({ panel: 'nonsense' }).set(as(leader)).expect(400);
  });

  it('ASM-8 ASM-1 permissions: without them 403 (the teacher, the leader for summaries, the clerk for review)', async () => {
    await t.http.get('/api/v1/assessment/dashboard').set(as(teacher)).expect(403);
    await t.http.get('/api/v1/assessment/dashboard').set(as(clerk)).expect(403);
    await t.http.get('/api/v1/assessment/dashboard').set(as(leader)).expect(200);
    await t.http.get('/api/v1/assessment/summaries').set(as(teacher)).expect(403);
    await t.http.get('/api/v1/assessment/summaries').set(as(leader)).expect(403);
    await t.http.post('/api/v1/assessment/summaries').set(as(teacher)).send({ month: '2026-02' }).expect(403);
    await t.http.get(`/api/v1/assessment/summaries/${march.id}/docx`).set(as(teacher)).expect(403);
    const [june] = await t.sql<{ id: string }>(`SELECT id FROM monthly_summaries WHERE month = '2026-06'`);
    const s = (await t.http.post(`/api/v1/assessment/summaries/${june.id}/submit`).set(as(clerk)).send({ version: 1 }).expect(200)).body;
    await t.http.post(`/api/v1/assessment/summaries/${june.id}/approve`).set(as(clerk)).send({ version: s.version }).expect(403);
    expect(s.actions).toEqual([]);
    const [row] = await t.sql<{ status: string }>(`SELECT status FROM monthly_summaries WHERE id = $1`, [june.id]);
    expect(row.status).toBe('submitted');
  });
});
