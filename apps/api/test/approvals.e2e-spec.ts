import { ApprovalKindRegistry } from '../src/platform/approvals/approval-kinds';
import { ApprovalsService } from '../src/platform/approvals/approvals.service';
import { DataSource } from 'typeorm';
import { loginAsAdmin } from './factories/org.factory';
import { createSmallSchool, createStaff, eventually, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

describe('approval chains (PLT-2) and the inbox (PLT-3)', () => {
  let t: TestApp;
  let adminToken: string;
  let s: SmallSchool;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    s = await createSmallSchool(t, adminToken, 2);
  });
  afterAll(() => t.close());

  const submit = async (title = '关于举办校园开放日活动的请示') =>
    (
      await t.http
        .post('/api/v1/approvals/requests')
        .set(as(s.applicant))
        .send({ title, content: '拟于下月举办校园开放日，请审批。' })
        .expect(201)
    ).body;
  const inboxOf = async (user: { token: string }, box = 'todo') =>
    (await t.http.get('/api/v1/inbox').query({ box }).set(as(user)).expect(200)).body.items as {
      sourceType: string;
      link: string;
      title: string;
      overdue: boolean;
      dueAt: string;
    }[];
  const act = (user: { token: string }, id: string, action: string, body: object = {}) =>
    t.http.post(`/api/v1/approvals/requests/${id}/${action}`).set(as(user)).send(body);

  it('PLT-2 PLT-3 a general request goes to the head of department, then a school leader, and back to the applicant', async () => {
    const request = await submit();
    expect(request).toMatchObject({ status: 'pending', currentStepName: '部门负责人审核', kind: 'general-request', kindName: '事项请示' });
    expect(request.allowedActions).toEqual(['copy', 'withdraw']);

    // The head sees it in their inbox with a due date; nobody else does.
    const headInbox = await inboxOf(s.head);
    expect(headInbox).toEqual([expect.objectContaining({ sourceType: 'approval-task', link: `/approvals/${request.id}`, overdue: false })]);
    expect(headInbox[0].dueAt).toEqual(expect.any(String));
    expect(await inboxOf(s.colleague)).toEqual([]);
    expect(await inboxOf(s.leaders[0])).toEqual([]);
    await t.http.get(`/api/v1/approvals/requests/${request.id}`).set(as(s.colleague)).expect(404);

    const afterHead = (await act(s.head, request.id, 'approve', { comment: '同意，报校领导。' }).expect(200)).body;
    expect(afterHead).toMatchObject({ status: 'pending', currentStepName: '校领导审批' });
    expect(await inboxOf(s.head)).toEqual([]);
    expect((await inboxOf(s.head, 'done')).map((i) => i.link)).toEqual([`/approvals/${request.id}`]);
    expect(await inboxOf(s.leaders[0])).toHaveLength(1);
    expect(await inboxOf(s.leaders[1])).toHaveLength(1);

    const done = (await act(s.leaders[1], request.id, 'approve', { comment: '同意。' }).expect(200)).body;
    expect(done.status).toBe('approved');
    // One approval decided the "any" step: the other leader's item went away.
    expect(await inboxOf(s.leaders[0])).toEqual([]);
    expect(
      done.events.map((e: { action: string; actor: { name: string } | null; comment: string | null }) => [
        e.action,
        e.actor?.name,
        e.comment,
      ]),
    ).toEqual([
      ['submit', '刘老师', null],
      ['approve', '王主任', '同意，报校领导。'],
      ['approve', '校领导2', '同意。'],
      ['complete', '校领导2', 'approved'],
    ]);
    // The applicant is told in the message centre.
    const messages = (await t.http.get('/api/v1/messages').set(as(s.applicant)).expect(200)).body.items;
    expect(messages[0]).toMatchObject({
      sender: null,
      subject: '审批已通过：关于举办校园开放日活动的请示',
      link: `/approvals/${request.id}`,
    });
    await act(s.leaders[0], request.id, 'approve').expect(409);
  });

  it('PLT-2 reject needs a reason and is final', async () => {
    const request = await submit('关于更换办公桌椅的请示');
    const missing = await act(s.head, request.id, 'reject', {}).expect(400);
    expect(missing.body.errors).toHaveProperty('reason');
    const rejected = (await act(s.head, request.id, 'reject', { reason: '预算不足，下学期再议。' }).expect(200)).body;
    expect(rejected.status).toBe('rejected');
    expect(rejected.tasks[0]).toMatchObject({ status: 'rejected', comment: '预算不足，下学期再议。' });
    expect((await act(s.applicant, request.id, 'resubmit', {}).expect(409)).body.code).toBe('APPROVAL_ILLEGAL_ACTION');
  });

  it('PLT-2 PLT-3 return for changes puts it back in the applicant’s inbox; the resubmission starts a new round', async () => {
    const request = await submit('关于组织教师外出培训的请示');
    await act(s.head, request.id, 'return', { reason: '请补充培训费用预算。' }).expect(200);
    const mine = await inboxOf(s.applicant);
    expect(mine).toEqual([expect.objectContaining({ sourceType: 'approval-resubmit', link: `/approvals/${request.id}` })]);
    const returned = (await t.http.get(`/api/v1/approvals/requests/${request.id}`).set(as(s.applicant)).expect(200)).body;
    expect(returned.status).toBe('returned');
    expect(returned.allowedActions.sort()).toEqual(['copy', 'resubmit', 'withdraw']);

    const again = (await act(s.applicant, request.id, 'resubmit', { content: '已补充预算：每人800元。' }).expect(200)).body;
    expect(again).toMatchObject({ status: 'pending', round: 2, currentStep: 0, data: { content: '已补充预算：每人800元。' } });
    expect(await inboxOf(s.applicant)).toEqual([]);
    expect(await inboxOf(s.head)).toHaveLength(1);
    await act(s.head, request.id, 'approve').expect(200);
    await act(s.leaders[0], request.id, 'approve').expect(200);
  });

  it('PLT-2 the applicant may withdraw before the first decision, and not after', async () => {
    const first = await submit('关于借用礼堂的请示');
    const withdrawn = (await act(s.applicant, first.id, 'withdraw').expect(200)).body;
    expect(withdrawn.status).toBe('withdrawn');
    expect(await inboxOf(s.head)).toEqual([]);

    const second = await submit('关于借用操场的请示');
    await act(s.head, second.id, 'approve').expect(200);
    const late = await act(s.applicant, second.id, 'withdraw').expect(409);
    expect(late.body.code).toBe('APPROVAL_ALREADY_DECIDED');
    await act(s.colleague, second.id, 'withdraw').expect(404);
    await act(s.leaders[0], second.id, 'approve').expect(200);
  });

  it('PLT-2 PLT-3 transfer (转办) moves the task to another person, and copy (抄送) lets others follow', async () => {
    const request = await submit('关于调整课表的请示');
    const deputy = await createStaff(t, adminToken, { roles: ['staff'], name: '副主任' });
    await act(s.head, request.id, 'transfer', { toUserId: deputy.id, comment: '请副主任代为审核。' }).expect(200);
    expect(await inboxOf(s.head)).toEqual([]);
    expect(await inboxOf(deputy)).toHaveLength(1);
    await act(s.head, request.id, 'approve').expect(409);

    await t.http.get(`/api/v1/approvals/requests/${request.id}`).set(as(s.colleague)).expect(404);
    await act(s.applicant, request.id, 'copy', { userIds: [s.colleague.id] }).expect(200);
    const seen = (await t.http.get(`/api/v1/approvals/requests/${request.id}`).set(as(s.colleague)).expect(200)).body;
    expect(seen.copiedTo).toEqual([{ id: s.colleague.id, name: '陈老师' }]);
    expect(seen.allowedActions).toEqual(['copy']);
    await act(s.colleague, request.id, 'approve').expect(409);

    const approved = (await act(deputy, request.id, 'approve').expect(200)).body;
    expect(approved.currentStepName).toBe('校领导审批');
    const transfer = approved.events.find((e: { action: string }) => e.action === 'transfer');
    expect(transfer).toMatchObject({
      actor: { name: '王主任' },
      comment: '请副主任代为审核。',
      targets: [{ id: deputy.id, name: '副主任' }],
    });
  });

  it('PLT-2 a 会签 step needs every approver', async () => {
    const chains = (await t.http.get('/api/v1/approvals/chains').set('authorization', `Bearer ${adminToken}`).expect(200)).body;
    const chain = chains.find((c: { kind: string }) => c.kind === 'general-request');
    const countersign = [{ name: '校领导会签', approvers: { type: 'users', userIds: s.leaders.map((l) => l.id) }, mode: 'all' }];
    await t.http
      .put('/api/v1/approvals/chains/general-request')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ steps: countersign, version: chain.version })
      .expect(200);
    try {
      const request = await submit('关于修订学校章程的请示');
      const half = (await act(s.leaders[0], request.id, 'approve').expect(200)).body;
      expect(half).toMatchObject({ status: 'pending', currentStepName: '校领导会签' });
      expect((await inboxOf(s.leaders[1])).filter((i) => i.link === `/approvals/${request.id}`)).toHaveLength(1);
      const all = (await act(s.leaders[1], request.id, 'approve').expect(200)).body;
      expect(all.status).toBe('approved');
    } finally {
      const now = (await t.http.get('/api/v1/approvals/chains').set('authorization', `Bearer ${adminToken}`)).body.find(
        (c: { kind: string }) => c.kind === 'general-request',
      );
      await t.http
        .put('/api/v1/approvals/chains/general-request')
        .set('authorization', `Bearer ${adminToken}`)
        .send({ steps: chain.steps, version: now.version })
        .expect(200);
    }
  });

  it('PLT-2 a chain that names a missing role is refused with a field error, and a stale version with 409', async () => {
    const chain = (await t.http.get('/api/v1/approvals/chains').set('authorization', `Bearer ${adminToken}`)).body[0];
    const bad = await t.http
      .put(`/api/v1/approvals/chains/${chain.kind}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ steps: [{ name: '某步骤', approvers: { type: 'role', role: 'no-such-role' }, mode: 'any' }], version: chain.version })
      .expect(400);
    expect(bad.body.errors).toHaveProperty(['steps[0].approvers.role']);
    await t.http
      .put(`/api/v1/approvals/chains/${chain.kind}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ steps: chain.steps, version: chain.version + 7 })
      .expect(409);
    await t.http
      .put(`/api/v1/approvals/chains/${chain.kind}`)
      .set(as(s.applicant))
      .send({ steps: chain.steps, version: chain.version })
      .expect(403);
  });

  it('PLT-2 NFR-5 five approvers acting on one step at once: exactly one decision counts, the others get 409', async () => {
    const extra = [];
    for (let i = 0; i < 3; i++) extra.push(await createStaff(t, adminToken, { roles: ['school-leader'], name: `校领导加${i}` }));
    const leaders = [...s.leaders, ...extra];
    const request = await submit('关于设立奖学金的请示');
    await act(s.head, request.id, 'approve').expect(200);
    const results = await Promise.all(leaders.map((leader) => act(leader, request.id, 'approve', { comment: `同意（${leader.name}）` })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const final = (await t.http.get(`/api/v1/approvals/requests/${request.id}`).set(as(s.applicant))).body;
    expect(final.events.filter((e: { action: string }) => e.action === 'approve')).toHaveLength(2);
    for (const leader of extra)
      await t.http
        .patch(`/api/v1/org/users/${leader.id}`)
        .set('authorization', `Bearer ${adminToken}`)
        .send({ active: false, version: 1 })
        .expect(200);
  });

  describe('a kind registered by a module', () => {
    const effects: string[] = [];
    let failFirst = true;

    beforeAll(async () => {
      const registry = t.app.get(ApprovalKindRegistry);
      registry.register({
        kind: 'test-purchase',
        name: '测试采购',
        nameEn: 'Test purchase',
        defaultSteps: [
          { name: '部门负责人审核', approvers: { type: 'department-head' }, mode: 'any' },
          {
            name: '校领导审批',
            approvers: { type: 'role', role: 'school-leader' },
            mode: 'any',
            condition: { field: 'amountFen', op: 'gte', value: 500_000 },
          },
        ],
        // The module's reaction: a write in the outcome transaction. The first run dies mid-way.
        async onOutcome(outcome, manager) {
          await manager.query(`INSERT INTO audit_log (action, object_type, object_id) VALUES ('test.outcome', 'approval-request', $1)`, [
            outcome.requestId,
          ]);
          if (failFirst) {
            failFirst = false;
            throw new Error('the handler process died mid-way');
          }
          effects.push(outcome.requestId);
        },
      });
      await t.app.get(ApprovalsService).ensureChains();
    });

    const submitPurchase = (amountFen: number) =>
      t.app.get(DataSource).transaction((manager) =>
        t.app.get(ApprovalsService).submit(
          manager,
          {
            kind: 'test-purchase',
            title: `采购打印纸 ${amountFen / 100} 元`,
            subjectType: 'purchase',
            subjectId: String(amountFen),
            data: { amountFen },
          },
          { actor: { id: s.applicant.id, name: s.applicant.name } as never, ip: null, requestId: 'test' },
        ),
      );

    it('PLT-2 a condition on the request chooses the steps', async () => {
      const small = await submitPurchase(120_000);
      const large = await submitPurchase(880_000);
      const smallView = (await t.http.get(`/api/v1/approvals/requests/${small}`).set(as(s.applicant))).body;
      const largeView = (await t.http.get(`/api/v1/approvals/requests/${large}`).set(as(s.applicant))).body;
      expect(smallView.steps.map((st: { name: string }) => st.name)).toEqual(['部门负责人审核']);
      expect(largeView.steps.map((st: { name: string }) => st.name)).toEqual(['部门负责人审核', '校领导审批']);
      expect((await act(s.head, small, 'approve').expect(200)).body.status).toBe('approved');
      expect((await act(s.head, large, 'approve').expect(200)).body.status).toBe('pending');
      await act(s.leaders[0], large, 'approve').expect(200);
    });

    it('PLT-2 the module’s outcome handler runs exactly once, although its first run died mid-way and the job was retried', async () => {
      failFirst = true;
      const id = await submitPurchase(50_000);
      await act(s.head, id, 'approve').expect(200);
      await eventually(async () => effects.includes(id), 30_000, 'the outcome handler');
      // A repeated delivery of the same outcome changes nothing.
      await t.app.get(ApprovalsService).handleOutcome(id);
      const rows = await t.sql(`SELECT 1 FROM audit_log WHERE action = 'test.outcome' AND object_id = $1`, [id]);
      expect(rows).toHaveLength(1);
      expect(effects.filter((e) => e === id)).toHaveLength(1);
    });
  });

  it('PLT-3 the inbox lists the most urgent first, then the nearest deadline, and counts what is open and overdue', async () => {
    const counts = (await t.http.get('/api/v1/inbox/counts').set(as(s.head)).expect(200)).body;
    const open = await inboxOf(s.head);
    expect(counts.todo).toBe(open.length);
    await t.sql(
      `INSERT INTO inbox_items (assignee_id, source_type, source_id, title, link, urgency, due_at) VALUES
         ($1, 'test', 'a', '普通，明天到期', '/x/a', 0, now() + interval '1 day'),
         ($1, 'test', 'b', '特急', '/x/b', 2, now() + interval '5 days'),
         ($1, 'test', 'c', '普通，已超期', '/x/c', 0, now() - interval '1 hour'),
         ($1, 'test', 'd', '普通，无期限', '/x/d', 0, NULL)`,
      [s.head.id],
    );
    const items = (await t.http.get('/api/v1/inbox').query({ sourceType: 'test' }).set(as(s.head)).expect(200)).body.items;
    expect(items.map((i: { title: string }) => i.title)).toEqual(['特急', '普通，已超期', '普通，明天到期', '普通，无期限']);
    expect(items.map((i: { overdue: boolean }) => i.overdue)).toEqual([false, true, false, false]);
    const after = (await t.http.get('/api/v1/inbox/counts').set(as(s.head)).expect(200)).body;
    expect(after).toEqual({ todo: counts.todo + 4, overdue: counts.overdue + 1 });
  });

  it('PLT-2 reminders (催办) go out before the time limit and once it has passed, not twice', async () => {
    const request = await submit('关于采购实验器材的请示');
    const service = t.app.get(ApprovalsService);
    const task = (
      await t.sql<{ id: string; due_at: Date }>(`SELECT id, due_at FROM approval_tasks WHERE request_id = $1`, [request.id])
    )[0];
    const soon = new Date(task.due_at.getTime() - 30 * 60_000);
    expect(await service.sendReminders(soon)).toBeGreaterThanOrEqual(1);
    const overdue = new Date(task.due_at.getTime() + 60_000);
    expect(await service.sendReminders(overdue)).toBeGreaterThanOrEqual(1);
    const [row] = await t.sql<{ before: Date; after: Date }>(
      'SELECT reminded_before_at AS before, reminded_after_at AS after FROM approval_tasks WHERE id = $1',
      [task.id],
    );
    expect(row.before).not.toBeNull();
    expect(row.after).not.toBeNull();
    const subjects = (await t.http.get('/api/v1/messages').set(as(s.head))).body.items.map((m: { subject: string }) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['即将到期：关于采购实验器材的请示', '已超期：关于采购实验器材的请示']));
    const again = await service.sendReminders(new Date(overdue.getTime() + 60_000));
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE kind = 'approval.overdue' AND title LIKE '%实验器材%'`,
    );
    expect(n).toBeGreaterThanOrEqual(1);
    expect(again).toBe(0);
  });
});
