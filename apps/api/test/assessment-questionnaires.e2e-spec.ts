import ExcelJS from 'exceljs';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { QuestionnairesService } from '../src/modules/assessment/questionnaires/questionnaires.service';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string };

/** Questionnaires (问卷, ASM-3), and a questionnaire as the form of an information collection (INF-1). */
describe('assessment: questionnaires', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person;
  let teacher: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  /** Q0 single (走读/住校), Q1 rating 1..5 only for 住校 (option 1), Q2 multiple, Q3 text (optional). */
  const QUESTIONS = [
    { type: 'single', title: '您的孩子是走读还是住校？', required: true, options: ['走读', '住校'] },
    { type: 'rating', title: '您对宿舍管理的满意度', required: true, scale: 5, showIf: { question: 0, option: 1 } },
    { type: 'multiple', title: '您最关注哪些方面？', required: false, options: ['伙食', '安全', '作业量'] },
    { type: 'text', title: '其他意见和建议', required: false },
  ];

  async function questionnaire(fields: Record<string, unknown> = {}, open = true) {
    const created = (
      await t.http
        .post('/api/v1/assessment/questionnaires')
        .set(as(clerk))
        .send({ title: unique('家长满意度调查'), anonymous: true, responseMode: 'open', questions: QUESTIONS, ...fields })
        .expect(201)
    ).body;
    if (!open) return created;
    return (
      await t.http
        .post(`/api/v1/assessment/questionnaires/${created.id}/open`)
        .set(as(clerk))
        .send({ version: created.version })
        .expect(200)
    ).body;
  }
  // Each public request comes from its own address: the public routes are throttled per client.
  let clients = 0;
  const client = () => `203.0.${113 + Math.floor(++clients / 250)}.${(clients % 250) + 1}`;
  const answerPublic = (code: string, answers: unknown[], token?: string) =>
    t.http
      .post(`/api/v1/public/questionnaires/${code}/responses`)
      .set('x-forwarded-for', client())
      .send({ answers, ...(token ? { token } : {}) });

  beforeAll(async () => {
    // Behind a proxy, as deployed: the client's address comes from X-Forwarded-For, so the test can
    // send a known IP and look for it, and the per-client throttle of the public routes sees distinct clients.
    t = await startTestApp({ TRUST_PROXY: 'true' });
    adminToken = await loginAsAdmin(t);
    [clerk, teacher] = await Promise.all([
      createStaff(t, adminToken, { roles: ['office-clerk'] }),
      createStaff(t, adminToken, { roles: ['staff'] }),
    ]);
  });
  afterAll(() => t.close());

  it('ASM-3 an anonymous questionnaire stores no user id and no IP with the answers, nor in the audit log', async () => {
    const q = await questionnaire({ responseMode: 'token' });
    const ip = '198.51.100.77';
    const { token } = (
      await t.http.post(`/api/v1/assessment/questionnaire-answers/${q.code}/token`).set(as(teacher)).set('x-forwarded-for', ip).expect(200)
    ).body;
    await answerPublic(q.code, [1, 4, [0, 1], '希望增加晚自习辅导'], token)
      .set('x-forwarded-for', ip)
      .expect(201);
    await t.http
      .post(`/api/v1/assessment/questionnaire-answers/${q.code}/responses`)
      .set(as(teacher))
      .send({ answers: [0] })
      .expect(400);

    const responses = await t.sql<Record<string, unknown>>(`SELECT * FROM questionnaire_responses WHERE questionnaire_id = $1`, [q.id]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({
      anonymous: true,
      respondent_id: null,
      submitted_at: null,
      answers: [1, 4, [0, 1], '希望增加晚自习辅导'],
    });
    // The id is a random (version 4) uuid; the columns are only these: no token, no person, no time of day.
    expect(responses[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Object.keys(responses[0]).sort()).toEqual([
      'anonymous',
      'answers',
      'id',
      'questionnaire_id',
      'respondent_id',
      'submitted_at',
      'submitted_on',
    ]);
    const usedTokens = await t.sql(`SELECT * FROM questionnaire_used_tokens WHERE questionnaire_id = $1`, [q.id]);
    expect(usedTokens).toHaveLength(1);
    expect(Object.keys(usedTokens[0]).sort()).toEqual(['questionnaire_id', 'token_hash']);
    expect(JSON.stringify(usedTokens)).not.toContain(token);
    // Who took a token is known (that stops a second one), but that row holds nothing of the token.
    const holders = await t.sql(`SELECT * FROM questionnaire_token_holders WHERE questionnaire_id = $1`, [q.id]);
    expect(holders).toEqual([{ questionnaire_id: q.id, user_id: teacher.id }]);

    // No answer table row and no audit row about the answers names the teacher or the IP.
    for (const table of ['questionnaire_responses', 'questionnaire_used_tokens']) {
      const rows = await t.sql(`SELECT * FROM ${table} WHERE questionnaire_id = $1`, [q.id]);
      expect(JSON.stringify(rows)).not.toContain(teacher.id);
      expect(JSON.stringify(rows)).not.toContain(ip);
    }
    const audit = await t.sql<Record<string, unknown>>(
      `SELECT * FROM audit_log WHERE action = 'assessment.questionnaire.answer' AND object_id = $1`,
      [q.id],
    );
    expect(audit).toEqual([expect.objectContaining({ actor_id: null, ip: null })]);
    const everything = await t.sql(`SELECT * FROM audit_log WHERE object_id = $1 OR object_id = ANY($2)`, [
      q.id,
      responses.map((r) => r.id),
    ]);
    expect(
      JSON.stringify(everything.filter((row) => (row as { action: string }).action !== 'assessment.questionnaire.create')),
    ).not.toContain(teacher.id);
    const anyAudit = await t.sql(`SELECT 1 FROM audit_log WHERE ip = $1 OR diff::text LIKE '%' || $1 || '%'`, [ip]);
    expect(anyAudit).toEqual([]);
  });

  it('ASM-3 only one response per token and one token per person, with parallel requests', async () => {
    const q = await questionnaire({ responseMode: 'token' });
    const takes = await Promise.all(
      Array.from({ length: 8 }, () => t.http.post(`/api/v1/assessment/questionnaire-answers/${q.code}/token`).set(as(teacher))),
    );
    expect(takes.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const token = takes.find((r) => r.status === 200)!.body.token as string;
    const sends = await Promise.all(Array.from({ length: 10 }, () => answerPublic(q.code, [0, null, [2], null], token)));
    expect(sends.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    // A made-up or tampered token is refused; no token at all is 400 keyed by field.
    expect((await answerPublic(q.code, [0], `${token.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAA`).expect(400)).body.errors).toHaveProperty(
      'token',
    );
    expect((await answerPublic(q.code, [0]).expect(400)).body.errors).toHaveProperty('token');
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM questionnaire_responses WHERE questionnaire_id = $1`, [
      q.id,
    ]);
    expect(n).toBe(1);
  });

  it('ASM-3 a named questionnaire accepts one response per person, with parallel requests, and keeps who answered', async () => {
    const q = await questionnaire({ responseMode: 'named', anonymous: false });
    const sends = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.http
          .post(`/api/v1/assessment/questionnaire-answers/${q.code}/responses`)
          .set(as(teacher))
          .send({ answers: [0, null, [], '无'] }),
      ),
    );
    expect(sends.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const rows = await t.sql(`SELECT respondent_id, anonymous FROM questionnaire_responses WHERE questionnaire_id = $1`, [q.id]);
    expect(rows).toEqual([{ respondent_id: teacher.id, anonymous: false }]);
    // Not through the public link, and a named questionnaire cannot be anonymous.
    await answerPublic(q.code, [0]).expect(400);
    const bad = await t.http
      .post('/api/v1/assessment/questionnaires')
      .set(as(clerk))
      .send({ title: '匿名实名冲突', anonymous: true, responseMode: 'named', questions: QUESTIONS })
      .expect(400);
    expect(bad.body.errors).toHaveProperty('anonymous');
  });

  it('ASM-3 branching skips the right question: the rating is required for 住校, refused for 走读', async () => {
    const q = await questionnaire();
    // 走读: the rating is skipped, so it may be left out, and an answer to it is refused.
    await answerPublic(q.code, [0, null, [1], null]).expect(201);
    const skipped = (await answerPublic(q.code, [0, 3, [1], null]).expect(400)).body;
    expect(Object.keys(skipped.errors)).toEqual(['answers.1']);
    // 住校: the rating is shown and required.
    const missing = (await answerPublic(q.code, [1, null, [], null]).expect(400)).body;
    expect(Object.keys(missing.errors)).toEqual(['answers.1']);
    await answerPublic(q.code, [1, 5, [], null]).expect(201);
  });

  it('ASM-3 forty people answering from the school’s one address within a minute are all accepted', async () => {
    const q = await questionnaire();
    const sends = await Promise.all(
      Array.from({ length: 40 }, () =>
        t.http
          .post(`/api/v1/public/questionnaires/${q.code}/responses`)
          .set('x-forwarded-for', '198.51.100.20')
          .send({ answers: [0, null, [], null] }),
      ),
    );
    expect(sends.filter((r) => r.status === 201)).toHaveLength(40);
  });

  it('ASM-3 invalid answers and definitions are 400 keyed by field; nothing is written', async () => {
    const q = await questionnaire();
    // 7 is no option of question 0, so question 1 (shown only for option 1) is skipped, and its 9 refused.
    const res = (await answerPublic(q.code, [7, 9, [0, 0], 42]).expect(400)).body;
    expect(Object.keys(res.errors).sort()).toEqual(['answers.0', 'answers.1', 'answers.2', 'answers.3']);
    expect((await answerPublic(q.code, [1, 6, null, null]).expect(400)).body.errors).toHaveProperty(['answers.1']);
    expect((await answerPublic(q.code, [null]).expect(400)).body.errors).toHaveProperty(['answers.0']);
    expect((await answerPublic(q.code, [0, null, null, null, 'extra']).expect(400)).body.errors).toHaveProperty('answers');
    await t.http
      .post(`/api/v1/public/questionnaires/${q.code}/responses`)
      .set('x-forwarded-for', client())
      .send({ answers: 'all good' })
      .expect(400);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM questionnaire_responses WHERE questionnaire_id = $1`, [
      q.id,
    ]);
    expect(n).toBe(0);

    const definition = await t.http
      .post('/api/v1/assessment/questionnaires')
      .set(as(clerk))
      .send({
        title: '有误的问卷',
        anonymous: true,
        responseMode: 'open',
        questions: [
          { type: 'single', title: '只有一个选项', required: true, options: ['是'] },
          { type: 'text', title: '依赖后面的题', required: false, showIf: { question: 2, option: 0 } },
          { type: 'rating', title: '缺少量表', required: true },
        ],
      })
      .expect(400);
    expect(Object.keys(definition.body.errors).sort()).toEqual(['questions.0.options', 'questions.1.showIf', 'questions.2.scale']);
  });

  it('ASM-3 the definition is frozen once open; a draft or closed questionnaire takes no responses', async () => {
    const draft = await questionnaire({}, false);
    await t.http.get(`/api/v1/public/questionnaires/${draft.code}`).set('x-forwarded-for', client()).expect(404);
    await answerPublic(draft.code, [0]).expect(404);
    const opened = (
      await t.http.post(`/api/v1/assessment/questionnaires/${draft.id}/open`).set(as(clerk)).send({ version: draft.version }).expect(200)
    ).body;
    const frozen = await t.http
      .patch(`/api/v1/assessment/questionnaires/${draft.id}`)
      .set(as(clerk))
      .send({ title: '改题', anonymous: true, responseMode: 'open', questions: QUESTIONS, version: opened.version })
      .expect(409);
    expect(frozen.body.code).toBe('QUESTIONNAIRE_FROZEN');
    const shown = (await t.http.get(`/api/v1/public/questionnaires/${draft.code}`).set('x-forwarded-for', client()).expect(200)).body;
    expect(shown).toMatchObject({
      accepting: true,
      questions: [expect.objectContaining({ options: ['走读', '住校'] }), expect.anything(), expect.anything(), expect.anything()],
    });
    expect(JSON.stringify(shown)).not.toMatch(/secret/i);
    await t.http.post(`/api/v1/assessment/questionnaires/${draft.id}/close`).set(as(clerk)).send({ version: opened.version }).expect(200);
    const late = await answerPublic(draft.code, [0, null, [], null]).expect(409);
    expect(late.body.code).toBe('QUESTIONNAIRE_NOT_ACCEPTING');
    // Past its closing date it takes none either.
    const past = await questionnaire({
      opensAt: new Date(Date.now() - 7_200_000).toISOString(),
      closesAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(past.accepting).toBe(false);
    await answerPublic(past.code, [0, null, [], null]).expect(409);
  });

  it('ASM-3 past closes_at answers are refused at once, and the closing job closes it as the office would, once', async () => {
    const hour = 3_600_000;
    const named = await questionnaire({ responseMode: 'named', anonymous: false, closesAt: new Date(Date.now() + hour).toISOString() });
    const running = await questionnaire({ closesAt: new Date(Date.now() + hour).toISOString() });
    const draft = await questionnaire({ closesAt: new Date(Date.now() + hour).toISOString() }, false);
    await t.sql(`UPDATE questionnaires SET closes_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [[named.id, draft.id]]);

    // Before the job has run: still 'open', yet no answer is taken.
    const refused = await t.http
      .post(`/api/v1/assessment/questionnaire-answers/${named.code}/responses`)
      .set(as(teacher))
      .send({ answers: [0, null, [], null] })
      .expect(409);
    expect(refused.body.code).toBe('QUESTIONNAIRE_NOT_ACCEPTING');

    const job = t.app.get(QuestionnairesService);
    const first = await job.closeExpired();
    expect(first.closed).toContain(named.id);
    expect(first.closed).not.toContain(running.id);
    expect(first.closed).not.toContain(draft.id);
    expect((await job.closeExpired()).closed).toEqual([]);

    const closed = (await t.http.get(`/api/v1/assessment/questionnaires/${named.id}`).set(as(clerk)).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', accepting: false, version: named.version + 1 });
    expect(closed.closedAt).toEqual(expect.any(String));
    expect((await t.http.get(`/api/v1/assessment/questionnaires/${running.id}`).set(as(clerk)).expect(200)).body.status).toBe('open');
    expect((await t.http.get(`/api/v1/assessment/questionnaires/${draft.id}`).set(as(clerk)).expect(200)).body.status).toBe('draft');
    const audit = await t.sql<{ actor_id: string | null; request_id: string }>(
      `SELECT actor_id, request_id FROM audit_log WHERE action = 'assessment.questionnaire.close' AND object_id = $1`,
      [named.id],
    );
    expect(audit).toEqual([{ actor_id: null, request_id: 'system' }]);
    // Closed by the job, it is as closed as by hand: the office's close is now an illegal move.
    const again = await t.http
      .post(`/api/v1/assessment/questionnaires/${named.id}/close`)
      .set(as(clerk))
      .send({ version: closed.version })
      .expect(409);
    expect(again.body.code).toBe('QUESTIONNAIRE_ILLEGAL_MOVE');
  });

  it('ASM-3 someone without the permission gets 403 on the admin routes, and 404 for an unknown questionnaire', async () => {
    const q = await questionnaire();
    await t.http.get('/api/v1/assessment/questionnaires').set(as(teacher)).expect(403);
    await t.http.get(`/api/v1/assessment/questionnaires/${q.id}`).set(as(teacher)).expect(403);
    await t.http.get(`/api/v1/assessment/questionnaires/${q.id}/results`).set(as(teacher)).expect(403);
    await t.http.get(`/api/v1/assessment/questionnaires/${q.id}/answers.xlsx`).set(as(teacher)).expect(403);
    await t.http.post(`/api/v1/assessment/questionnaires/${q.id}/close`).set(as(teacher)).send({ version: q.version }).expect(403);
    await t.http.post('/api/v1/assessment/questionnaires').set(as(teacher)).send({}).expect(403);
    await t.http.get('/api/v1/assessment/questionnaires/00000000-0000-4000-8000-000000000000').set(as(clerk)).expect(404);
    await t.http.get('/api/v1/public/questionnaires/NOSUCHCODE').set('x-forwarded-for', client()).expect(404);
  });

  it('ASM-3 results are exactly right, and the Excel export opens with one row per response', async () => {
    const q = await questionnaire();
    const answers = [
      [0, null, [0, 1], '食堂菜品可以更丰富'],
      [1, 5, [1], null],
      [1, 3, [1, 2], '宿舍熄灯时间合理'],
      [1, 4, [], null],
    ];
    for (const a of answers) await answerPublic(q.code, a).expect(201);
    const results = (await t.http.get(`/api/v1/assessment/questionnaires/${q.id}/results`).set(as(clerk)).expect(200)).body;
    expect(results.responseCount).toBe(4);
    expect(results.questions[0]).toMatchObject({
      answered: 4,
      options: [
        { label: '走读', count: 1 },
        { label: '住校', count: 3 },
      ],
    });
    expect(results.questions[1]).toMatchObject({
      answered: 3,
      mean: 4,
      distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: value >= 3 ? 1 : 0 })),
    });
    expect(results.questions[2]).toMatchObject({
      answered: 3,
      options: [
        { label: '伙食', count: 1 },
        { label: '安全', count: 3 },
        { label: '作业量', count: 1 },
      ],
    });
    expect(results.questions[3].texts.sort()).toEqual(['宿舍熄灯时间合理', '食堂菜品可以更丰富'].sort());
    const list = (await t.http.get('/api/v1/assessment/questionnaires').set(as(clerk)).expect(200)).body;
    expect(list.items.find((i: { id: string }) => i.id === q.id)).toMatchObject({ responseCount: 4, status: 'open' });

    const file = await t.http
      .get(`/api/v1/assessment/questionnaires/${q.id}/answers.xlsx`)
      .set(as(clerk))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '提交日期', ...QUESTIONS.map((qq, i) => `${i + 1}. ${qq.title}`)]);
    const firstColumn = [2, 3, 4, 5].map((r) => String(sheet.getRow(r).getCell(3).value));
    expect(firstColumn.sort()).toEqual(['住校', '住校', '住校', '走读']);
    const multiple = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(5).value ?? '');
    expect(multiple.sort()).toEqual(['', '伙食、安全', '安全', '安全、作业量'].sort());
  });

  it('ASM-3 distribution notifies the chosen department’s members through the notification platform', async () => {
    const q = await questionnaire({ responseMode: 'named', anonymous: false });
    const department = await createDepartment(t, adminToken, { name: unique('总务处') });
    const member = await createStaff(t, adminToken, { roles: ['staff'], departmentId: department.id });
    const sent = (
      await t.http
        .post(`/api/v1/assessment/questionnaires/${q.id}/distribute`)
        .set(as(clerk))
        .send({ departmentIds: [department.id], userIds: [teacher.id] })
        .expect(200)
    ).body;
    expect(sent.recipients).toBe(2);
    const messages = await t.sql<{ recipient_id: string; link: string }>(
      `SELECT recipient_id, link FROM notification_deliveries WHERE kind = 'assessment.questionnaire' AND link = $1`,
      [`/q/${q.code}`],
    );
    expect(new Set(messages.map((m) => m.recipient_id))).toEqual(new Set([member.id, teacher.id]));
  });

  it('INF-1 a collection request uses a named questionnaire as its form; the department’s submission links its response', async () => {
    const form = await questionnaire({ responseMode: 'named', anonymous: false });
    const head = await createStaff(t, adminToken, { roles: ['department-head'] });
    const department = await createDepartment(t, adminToken, { name: unique('教务处'), headId: head.id });
    await t.http
      .patch(`/api/v1/org/users/${head.id}`)
      .set(as({ token: adminToken }))
      .send({ departmentId: department.id, version: 1 })
      .expect(200);
    const anonymousForm = await questionnaire();
    const body = {
      title: unique('关于报送满意度的通知'),
      description: '请填写问卷',
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      departmentIds: [department.id],
    };
    const refused = await t.http
      .post('/api/v1/information/collection/requests')
      .set(as(clerk))
      .send({ ...body, questionnaireId: anonymousForm.id })
      .expect(400);
    expect(refused.body.errors).toHaveProperty('questionnaireId');
    const request = (
      await t.http
        .post('/api/v1/information/collection/requests')
        .set(as(clerk))
        .send({ ...body, questionnaireId: form.id })
        .expect(201)
    ).body;
    expect(request.questionnaire).toEqual({ id: form.id, title: form.title, code: form.code });

    const early = await t.http
      .post(`/api/v1/information/collection/requests/${request.id}/submissions`)
      .set(as(head))
      .send({ content: '见问卷' })
      .expect(400);
    expect(early.body.errors).toHaveProperty('questionnaireId');
    await t.http
      .post(`/api/v1/assessment/questionnaire-answers/${form.code}/responses`)
      .set(as(head))
      .send({ answers: [1, 4, [0], '教务处意见'] })
      .expect(201);
    const submission = (
      await t.http
        .post(`/api/v1/information/collection/requests/${request.id}/submissions`)
        .set(as(head))
        .send({ content: '见问卷' })
        .expect(201)
    ).body;
    const [response] = await t.sql<{ id: string }>(
      `SELECT id FROM questionnaire_responses WHERE questionnaire_id = $1 AND respondent_id = $2`,
      [form.id, head.id],
    );
    expect(submission.questionnaireResponseId).toBe(response.id);
  });
});
