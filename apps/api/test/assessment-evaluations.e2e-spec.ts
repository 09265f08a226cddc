import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };
type Form = { id: string; source: string; status: string; evaluatee: { id: string } };

const DIMENSIONS = [
  { key: 'workload', name: '工作量', weight: 40, scaleMin: 1, scaleMax: 5 },
  { key: 'quality', name: '工作质量', weight: 40, scaleMin: 1, scaleMax: 5 },
  { key: 'attitude', name: '服务态度', weight: 20, scaleMin: 0, scaleMax: 100 },
];
const score = (workload: number, quality: number, attitude: number) => ({ workload, quality, attitude });

/** Evaluations (考核, ASM-2): cycles, forms, weighted results, reports, and who may see what. */
describe('assessment: evaluations', () => {
  let t: TestApp;
  let admin: string;
  let office: Person;
  let head: Person; // head of the teaching office: the leader of A, B and C
  let a: Person;
  let b: Person;
  let c: Person;
  let head2: Person; // head of a second department, with one member D
  let d: Person;
  let departmentId: string;
  let department2: string;
  let templateId: string;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const api = '/api/v1/assessment/evaluations';

  const formsOf = async (evaluator: Person): Promise<Form[]> => (await t.http.get(`${api}/forms`).set(as(evaluator)).expect(200)).body;
  const formFor = async (evaluator: Person, evaluatee: Person, source: string, cycleId: string) => {
    const forms = (await formsOf(evaluator)).filter(
      (f) => f.evaluatee.id === evaluatee.id && f.source === source && (f as unknown as { cycle: { id: string } }).cycle.id === cycleId,
    );
    expect(forms).toHaveLength(1);
    return forms[0];
  };
  const submit = async (evaluator: Person, evaluatee: Person, source: string, cycleId: string, scores: Record<string, number>) => {
    const form = await formFor(evaluator, evaluatee, source, cycleId);
    return t.http.post(`${api}/forms/${form.id}/submit`).set(as(evaluator)).send({ scores }).expect(200);
  };
  const createCycle = async (body: Record<string, unknown>) =>
    (
      await t.http
        .post(`${api}/cycles`)
        .set(as(office))
        .send({
          name: unique('2026年12月考核'),
          period: 'monthly',
          periodStart: '2026-12-01',
          periodEnd: '2026-12-31',
          templateId,
          sourceWeights: { self: 20, peer: 30, leader: 50 },
          peerMinimum: 2,
          ...body,
        })
        .expect(201)
    ).body;
  const move = async (cycle: { id: string }, action: string) => {
    const current = (await t.http.get(`${api}/cycles/${cycle.id}`).set(as(office)).expect(200)).body;
    return (await t.http.post(`${api}/cycles/${cycle.id}/${action}`).set(as(office)).send({ version: current.version }).expect(200)).body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAsAdmin(t);
    office = await createStaff(t, admin, { roles: ['office-clerk'] });
    head = await createStaff(t, admin, { roles: ['department-head'], name: '王主任' });
    departmentId = (await createDepartment(t, admin, { name: unique('教务处'), headId: head.id })).id;
    a = await createStaff(t, admin, { roles: ['staff'], departmentId, name: '刘老师' });
    b = await createStaff(t, admin, { roles: ['staff'], departmentId, name: '陈老师' });
    c = await createStaff(t, admin, { roles: ['staff'], departmentId, name: '张老师' });
    head2 = await createStaff(t, admin, { roles: ['department-head'], name: '李主任' });
    department2 = (await createDepartment(t, admin, { name: unique('总务处'), headId: head2.id })).id;
    d = await createStaff(t, admin, { roles: ['staff'], departmentId: department2, name: '赵老师' });
    templateId = (
      await t.http.post(`${api}/templates`).set(as(office)).send({ name: '教职工月度考核', dimensions: DIMENSIONS }).expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  it('ASM-2 weights not summing to 100 and scores out of scale are 400 keyed by field, and write nothing', async () => {
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation_templates`);
    const badTemplate = await t.http
      .post(`${api}/templates`)
      .set(as(office))
      .send({ name: '权重不足', dimensions: [{ ...DIMENSIONS[0], weight: 50 }, DIMENSIONS[1]] })
      .expect(400);
    expect(badTemplate.body.errors.dimensions[0]).toContain('sum to 100');
    const badScale = await t.http
      .post(`${api}/templates`)
      .set(as(office))
      .send({ name: '量表颠倒', dimensions: [{ ...DIMENSIONS[0], weight: 100, scaleMin: 5, scaleMax: 1 }] })
      .expect(400);
    expect(badScale.body.errors).toHaveProperty(['dimensions.0.scaleMax']);
    expect(await t.sql(`SELECT count(*)::int AS n FROM evaluation_templates`)).toEqual(before);

    const badWeights = await t.http
      .post(`${api}/cycles`)
      .set(as(office))
      .send({
        name: '权重错误',
        period: 'monthly',
        periodStart: '2026-12-01',
        periodEnd: '2026-12-31',
        templateId,
        sourceWeights: { self: 20, peer: 30, leader: 40 },
        peerMinimum: 2,
        personIds: [a.id],
      })
      .expect(400);
    expect(badWeights.body.errors).toHaveProperty('sourceWeights');
    expect(await t.sql(`SELECT * FROM evaluation_cycles WHERE name = '权重错误'`)).toEqual([]);

    const cycle = await createCycle({ personIds: [d.id] });
    await move(cycle, 'open');
    const self = await formFor(d, d, 'self', cycle.id);
    const outOfScale = await t.http
      .post(`${api}/forms/${self.id}/submit`)
      .set(as(d))
      .send({ scores: { workload: 6, quality: 3 } })
      .expect(400);
    expect(outOfScale.body.errors).toEqual({
      'scores.workload': ['must be between 1 and 5'],
      'scores.attitude': ['required'],
    });
    const [row] = await t.sql(`SELECT status, scores FROM evaluation_forms WHERE id = $1`, [self.id]);
    expect(row).toEqual({ status: 'pending', scores: null });
    // Staff do not run cycles.
    await t.http.post(`${api}/templates`).set(as(a)).send({ name: 'x', dimensions: DIMENSIONS }).expect(403);
    await t.http.get(`${api}/cycles`).set(as(a)).expect(403);
  });

  it('ASM-2 a form is submitted once: of parallel submissions exactly one wins; it leaves the inbox', async () => {
    const cycle = await createCycle({ personIds: [d.id] });
    await move(cycle, 'open');
    const form = await formFor(d, d, 'self', cycle.id);
    const inbox = (await t.http.get('/api/v1/inbox').query({ sourceType: 'evaluation-form' }).set(as(d)).expect(200)).body.items;
    expect(inbox.map((i: { sourceId: string }) => i.sourceId)).toContain(form.id);
    const statuses = (
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          t.http
            .post(`${api}/forms/${form.id}/submit`)
            .set(as(d))
            .send({ scores: score(1 + (i % 5), 3, 50) }),
        ),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    await t.http
      .post(`${api}/forms/${form.id}/submit`)
      .set(as(d))
      .send({ scores: score(5, 5, 100) })
      .expect(409);
    const after = (await t.http.get('/api/v1/inbox').query({ sourceType: 'evaluation-form' }).set(as(d)).expect(200)).body.items;
    expect(after.map((i: { sourceId: string }) => i.sourceId)).not.toContain(form.id);
    // Someone else's form is not there for anyone else, the office included.
    await t.http.get(`${api}/forms/${form.id}`).set(as(office)).expect(404);
    await t.http
      .post(`${api}/forms/${form.id}/submit`)
      .set(as(a))
      .send({ scores: score(1, 1, 1) })
      .expect(404);
  });

  describe('a full cycle with known scores', () => {
    let cycle: { id: string };
    let results: Record<
      string,
      {
        total: number | null;
        rank: number | null;
        sources: { source: string; score: number | null; notEnoughResponses: boolean; responses: number }[];
      }
    >;

    beforeAll(async () => {
      cycle = await createCycle({ personIds: [a.id, b.id, c.id, d.id] });
      await move(cycle, 'open');
      // A: self 100; peers B 76 and C 72 (mean 74, two responses = the minimum); leader 50.
      await submit(a, a, 'self', cycle.id, score(5, 5, 100));
      await submit(b, a, 'peer', cycle.id, score(5, 3, 80));
      await submit(c, a, 'peer', cycle.id, score(3, 5, 60));
      await submit(head, a, 'leader', cycle.id, score(3, 3, 50));
      // B: self 75; one peer only (A, 50): below the minimum; leader 25.
      await submit(b, b, 'self', cycle.id, score(4, 4, 75));
      await submit(a, b, 'peer', cycle.id, score(3, 3, 50));
      await submit(head, b, 'leader', cycle.id, score(2, 2, 25));
      // C: no self form; peers A 70 and B 30 (mean 50); leader 80.
      await submit(a, c, 'peer', cycle.id, score(4, 4, 50));
      await submit(b, c, 'peer', cycle.id, score(2, 2, 50));
      await submit(head, c, 'leader', cycle.id, score(4, 4, 100));
      // D, alone in the other department: no peers; self 50, leader 100.
      await submit(d, d, 'self', cycle.id, score(3, 3, 50));
      await submit(head2, d, 'leader', cycle.id, score(5, 5, 100));
      await move(cycle, 'close');
      const all = (await t.http.get(`${api}/results`).query({ cycleId: cycle.id }).set(as(office)).expect(200)).body;
      results = Object.fromEntries(all.map((r: { person: { id: string } }) => [r.person.id, r]));
    });

    it('ASM-2 the weighted result is exactly Σ source weight × Σ dimension weight × normalised score', () => {
      // 0.2×100 + 0.3×74 + 0.5×50 = 67.2
      expect(results[a.id].total).toBe(67.2);
      expect(results[a.id].sources).toEqual([
        expect.objectContaining({ source: 'self', score: 100, responses: 1 }),
        expect.objectContaining({ source: 'peer', score: 74, responses: 2, notEnoughResponses: false }),
        expect.objectContaining({ source: 'leader', score: 50, responses: 1 }),
      ]);
      // No self form: (30×50 + 50×80) / 80 = 68.75.
      expect(results[c.id].total).toBe(68.75);
      // No peers at all: (20×50 + 50×100) / 70 = 85.714…
      expect(results[d.id].total).toBe(85.71);
    });

    it('ASM-2 peer results stay hidden below the minimum and show at it; the weights renormalise over the sources present', () => {
      expect(results[b.id].sources.find((s) => s.source === 'peer')).toEqual(
        expect.objectContaining({ score: null, responses: 0, notEnoughResponses: true }),
      );
      // (20×75 + 50×25) / 70 = 39.285…
      expect(results[b.id].total).toBe(39.29);
      expect(results[a.id].sources.find((s) => s.source === 'peer')).toMatchObject({ score: 74, notEnoughResponses: false });
    });

    it('ASM-2 a leader sees only their own department, ranked; staff see nothing before release', async () => {
      // The head picks the cycle among those with results, then sees their department ranked.
      const cycles = (await t.http.get(`${api}/result-cycles`).set(as(head)).expect(200)).body;
      expect(cycles.map((x: { id: string }) => x.id)).toContain(cycle.id);
      const mine = (await t.http.get(`${api}/results`).query({ cycleId: cycle.id }).set(as(head)).expect(200)).body;
      expect(mine.map((r: { person: { name: string }; rank: number }) => [r.person.name, r.rank])).toEqual([
        ['张老师', 1],
        ['刘老师', 2],
        ['陈老师', 3],
      ]);
      const other = (await t.http.get(`${api}/results`).query({ cycleId: cycle.id }).set(as(head2)).expect(200)).body;
      expect(other.map((r: { person: { id: string } }) => r.person.id)).toEqual([d.id]);
      await t.http.get(`${api}/results/${mine[1].id}`).set(as(head2)).expect(404);
      expect((await t.http.get(`${api}/results`).query({ cycleId: cycle.id }).set(as(a)).expect(200)).body).toEqual([]);
      expect((await t.http.get(`${api}/reports`).set(as(a)).expect(200)).body).toEqual([]);
      // The office sees every department.
      expect(Object.keys(results).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
    });

    it('ASM-2 a person can never see who scored them: not in their report, their forms, the results, nor the database after close', async () => {
      await move(cycle, 'release');
      const scorersOfA = [b, c, head];
      const report = (await t.http.get(`${api}/reports`).set(as(a)).expect(200)).body;
      expect(report).toHaveLength(1);
      expect(report[0]).toMatchObject({ total: 67.2, person: { id: a.id }, leaderComment: null });
      const byId = (await t.http.get(`${api}/results/${report[0].id}`).set(as(a)).expect(200)).body;
      const list = (await t.http.get(`${api}/results`).query({ cycleId: cycle.id }).set(as(a)).expect(200)).body;
      expect(list).toHaveLength(1);
      // A's own forms name the people A scored, never the people who scored A.
      const forms = (await formsOf(a)).filter((f) => (f as unknown as { cycle: { id: string } }).cycle.id === cycle.id);
      const aboutA = forms.filter((f) => f.evaluatee.id === a.id);
      expect(aboutA.map((f) => f.source)).toEqual(['self']);
      for (const body of [report, byId, list, aboutA]) {
        const text = JSON.stringify(body);
        for (const scorer of scorersOfA) {
          expect(text).not.toContain(scorer.id);
          expect(text).not.toContain(scorer.name);
        }
      }
      // The peer forms about A cannot be read by id, by A or by the office.
      const peerForms = await t.sql<{ id: string; scores: unknown; comment: unknown }>(
        `SELECT f.id, f.scores, f.comment FROM evaluation_forms f JOIN evaluation_participants p ON p.id = f.participant_id
          WHERE f.cycle_id = $1 AND p.person_id = $2 AND f.source = 'peer'`,
        [cycle.id, a.id],
      );
      expect(peerForms).toHaveLength(2);
      // A's inbox holds the forms A fills, never the peer forms about A.
      const inbox = [
        ...(await t.http.get('/api/v1/inbox').query({ box: 'done' }).set(as(a)).expect(200)).body.items,
        ...(await t.http.get('/api/v1/inbox').set(as(a)).expect(200)).body.items,
      ].map((item: { sourceId: string }) => item.sourceId);
      expect(inbox.filter((id) => peerForms.some((form) => form.id === id))).toEqual([]);
      for (const form of peerForms) {
        await t.http.get(`${api}/forms/${form.id}`).set(as(a)).expect(404);
        await t.http.get(`${api}/forms/${form.id}`).set(as(office)).expect(404);
        // After close only the aggregate remains: the peer forms keep no scores.
        expect(form).toMatchObject({ scores: null, comment: null });
      }
      // The office's progress view counts peer forms; it does not say whose.
      const progress = (await t.http.get(`${api}/cycles/${cycle.id}/progress`).set(as(office)).expect(200)).body;
      const ofA = progress.find((p: { person: { id: string } }) => p.person.id === a.id);
      expect(ofA).toMatchObject({ peersAsked: 2, peersSubmitted: 2, selfSubmitted: true, leaderSubmitted: true });
      expect(JSON.stringify(ofA)).not.toContain(b.id);
      expect(JSON.stringify(ofA)).not.toContain(c.id);
      // The results table has no column that could hold an evaluator.
      const columns = await t.sql<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'evaluation_results'`,
      );
      expect(columns.map((col) => col.column_name).filter((name) => /evaluator|peer_id|scorer/.test(name))).toEqual([]);
      // A peer form takes no comment: words could give the peer away.
      const other = await createCycle({ personIds: [a.id, b.id] });
      await move(other, 'open');
      const peerForm = await formFor(b, a, 'peer', other.id);
      const withComment = await t.http
        .post(`${api}/forms/${peerForm.id}/submit`)
        .set(as(b))
        .send({ scores: score(3, 3, 50), comment: '我觉得' })
        .expect(400);
      expect(withComment.body.errors).toHaveProperty('comment');
    });

    it('ASM-2 the person acknowledges their report once; nobody else can', async () => {
      const [report] = (await t.http.get(`${api}/reports`).set(as(b)).expect(200)).body;
      const todo = (await t.http.get('/api/v1/inbox').query({ sourceType: 'evaluation-report' }).set(as(b)).expect(200)).body.items;
      expect(todo.map((i: { sourceId: string }) => i.sourceId)).toEqual([report.id]);
      await t.http.post(`${api}/results/${report.id}/acknowledge`).set(as(head)).expect(403);
      await t.http.post(`${api}/results/${report.id}/acknowledge`).set(as(a)).expect(404);
      const acknowledged = (await t.http.post(`${api}/results/${report.id}/acknowledge`).set(as(b)).expect(200)).body;
      expect(acknowledged.acknowledgedAt).not.toBeNull();
      await t.http.post(`${api}/results/${report.id}/acknowledge`).set(as(b)).expect(409);
      expect((await t.http.get('/api/v1/inbox').query({ sourceType: 'evaluation-report' }).set(as(b)).expect(200)).body.items).toEqual([]);
    });

    it('ASM-8 ASM-2 the director’s dashboard shows the released cycle per department: people and mean result, no names', async () => {
      const director = await createStaff(t, admin, { roles: ['office-director'] });
      const dashboard = (await t.http.get('/api/v1/assessment/dashboard').set(as(director)).expect(200)).body as {
        panels: { key: string; categories: string[]; series: { key: string; values: number[] }[] }[];
      };
      const panel = dashboard.panels.find((p) => p.key === 'evaluation-results')!;
      const [names] = await t.sql<{ first: string; second: string }>(
        `SELECT (SELECT name FROM departments WHERE id = $1) AS first, (SELECT name FROM departments WHERE id = $2) AS second`,
        [department2, departmentId],
      );
      // 赵老师 alone: 85.71; 刘、陈、张: (67.2 + 39.29 + 68.75) / 3 = 58.41.
      expect(panel.categories).toEqual([names.first, names.second]);
      expect(panel.series.find((s) => s.key === 'average')!.values).toEqual([85.7, 58.4]);
      expect(panel.series.find((s) => s.key === 'people')!.values).toEqual([1, 3]);
      expect(JSON.stringify(panel)).not.toMatch(/老师|主任/);
    });
  });

  it('ASM-2 the evidence panel shows the evaluated person’s own inbox figures for the period, computed from the records', async () => {
    const e = await createStaff(t, admin, { roles: ['staff'], departmentId, name: '孙老师' });
    const seed = (closedAt: string | null, dueAt: string | null, status: string) =>
      t.sql(
        `INSERT INTO inbox_items (assignee_id, source_type, source_id, title, link, due_at, status, closed_at)
         VALUES ($1, 'test-work', gen_random_uuid()::text, '测试待办', '/inbox', $2, $3, $4)`,
        [e.id, dueAt, status, closedAt],
      );
    await seed('2026-10-10T02:00:00Z', '2026-10-12T02:00:00Z', 'done'); // on time
    await seed('2026-10-20T02:00:00Z', '2026-10-15T02:00:00Z', 'done'); // late
    await seed('2026-10-21T02:00:00Z', null, 'done'); // no deadline
    await seed('2026-11-02T02:00:00Z', '2026-11-05T02:00:00Z', 'done'); // outside the period
    await seed('2026-10-22T02:00:00Z', '2026-10-23T02:00:00Z', 'cancelled'); // not work done
    await seed(null, '2026-10-30T02:00:00Z', 'open'); // overdue now
    const cycle = await createCycle({ personIds: [e.id], periodStart: '2026-10-01', periodEnd: '2026-10-31' });
    await move(cycle, 'open');
    const form = await formFor(head, e, 'leader', cycle.id);
    const detail = (await t.http.get(`${api}/forms/${form.id}`).set(as(head)).expect(200)).body;
    expect(detail.evidence).toEqual({
      inboxClosed: 3,
      inboxWithDeadline: 2,
      inboxOnTime: 1,
      onTimeRate: 50,
      inboxOverdueOpen: 1,
      trainingSessions: 0,
    });
    expect(detail.dimensions.map((dim: { name: string }) => dim.name)).toEqual(['工作量', '工作质量', '服务态度']);
  });
});
