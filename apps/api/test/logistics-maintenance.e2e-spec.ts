import { createMeeting } from './factories/meeting-prep.factory';
import { loginAsAdmin, unique } from './factories/org.factory';
import { createStaff, eventually } from './factories/school.factory';
import { MaintenanceService } from '../src/modules/logistics/maintenance/maintenance.service';
import { InspectionsService } from '../src/modules/logistics/maintenance/inspections.service';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };
type Request = {
  id: string;
  status: string;
  version: number;
  actions: string[];
  events: { action: string; note: string | null; photos: { id: string }[] }[];
  photos: { id: string }[];
  [key: string]: unknown;
};

/** A 1×1 PNG: a real image the files platform accepts as a photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Maintenance requests (LOG-9), facility inspections (LOG-10), failed meeting equipment tests (MTG-4). */
describe('logistics: maintenance and inspections', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person; // 办公室文员: runs maintenance
  let leader: Person; // 校领导: approves repair costs
  let worker: Person; // 维修工
  let otherWorker: Person;
  let teacher: Person; // reports from a phone
  let colleague: Person; // another teacher
  let room305: string;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const base = '/api/v1/logistics/maintenance';

  const photo = async (user: Person, name = '现场照片.png') =>
    (await t.http.post('/api/v1/files').set(as(user)).attach('file', PNG, name).expect(201)).body.id as string;
  const location = async (kind: string, name: string, parentId?: string) =>
    (await t.http.post(`${base}/locations`).set(as(clerk)).send({ kind, name, parentId }).expect(201)).body as { id: string; path: string };
  const submit = async (user: Person, body: Record<string, unknown> = {}): Promise<Request> =>
    (
      await t.http
        .post(`${base}/requests`)
        .set(as(user))
        .send({ category: 'electrical', locationId: room305, description: '讲台左侧插座没电，投影仪无法使用', ...body })
        .expect(201)
    ).body;
  const read = async (user: Person, id: string): Promise<Request> =>
    (await t.http.get(`${base}/requests/${id}`).set(as(user)).expect(200)).body;
  const act = (user: Person, r: { id: string; version: number }, action: string, body: Record<string, unknown> = {}) =>
    t.http
      .post(`${base}/requests/${r.id}/${action}`)
      .set(as(user))
      .send({ version: r.version, ...body });
  const inboxOf = async (user: Person, box: 'todo' | 'done' = 'todo') =>
    (await t.http.get('/api/v1/inbox').query({ box, sourceType: 'maintenance-request' }).set(as(user)).expect(200)).body.items as {
      sourceId: string;
    }[];
  const listIds = async (user: Person, query: Record<string, unknown> = {}) =>
    (
      (
        await t.http
          .get(`${base}/requests`)
          .query({ pageSize: 100, ...query })
          .set(as(user))
          .expect(200)
      ).body.items as { id: string }[]
    ).map((r) => r.id);

  /** Submitted → triaged in-house → assigned to `worker`. */
  async function assigned(by: Person = teacher): Promise<Request> {
    const r = await submit(by);
    const triaged = (await act(clerk, r, 'triage', { handling: 'in-house' }).expect(200)).body;
    return (await act(clerk, triaged, 'assign', { assigneeId: worker.id }).expect(200)).body;
  }

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '办公室文员' });
    leader = await createStaff(t, adminToken, { roles: ['school-leader'], name: '李校长' });
    worker = await createStaff(t, adminToken, { roles: ['maintenance-worker'], name: '刘师傅' });
    otherWorker = await createStaff(t, adminToken, { roles: ['maintenance-worker'], name: '陈师傅' });
    teacher = await createStaff(t, adminToken, { roles: ['staff'], name: '张老师' });
    colleague = await createStaff(t, adminToken, { roles: ['staff'], name: '赵老师' });
    const campus = await location('campus', unique('东校区'));
    const building = await location('building', '实验楼', campus.id);
    const floor = await location('floor', '3F', building.id);
    room305 = (await location('room', '305', floor.id)).id;
  });
  afterAll(() => t.close());

  it('LOG-9: full lifecycle from phone submission to rated confirmation', async () => {
    const reported = await photo(teacher);
    const r = await submit(teacher, { urgency: 'urgent', photoIds: [reported], contactPhone: '13800001111' });
    expect(r).toMatchObject({ status: 'submitted', source: 'online', urgency: 'urgent', requester: { id: teacher.id } });
    expect(r.locationPath).toMatch(/东校区.* \/ 实验楼 \/ 3F \/ 305$/);
    expect(r.photos.map((p) => p.id)).toEqual([reported]);
    // Urgent: the SLA is hours away, not days.
    expect(new Date(r.dueAt as string).getTime() - Date.now()).toBeLessThanOrEqual(4 * 3600_000 + 60_000);
    // The requester may only cancel it now; the office's buttons are not theirs.
    expect(r.actions).toEqual(['cancel']);
    expect((await act(teacher, r, 'triage', { handling: 'in-house' })).status).toBe(403);

    const triaged = (await act(clerk, r, 'triage', { handling: 'in-house', note: '本校电工处理' }).expect(200)).body;
    expect(triaged.status).toBe('triaged');
    const job = (await act(clerk, triaged, 'assign', { assigneeId: worker.id }).expect(200)).body;
    expect(job).toMatchObject({ status: 'assigned', assignee: { id: worker.id } });
    expect((await inboxOf(worker)).map((i) => i.sourceId)).toContain(r.id);
    // A person who is not a maintenance worker cannot be assigned.
    expect((await act(clerk, job, 'assign', { assigneeId: colleague.id })).status).toBe(400);

    const started = (await act(worker, job, 'start', { note: '已到现场' }).expect(200)).body;
    const progressed = (await act(worker, started, 'progress', { note: '插座烧坏，去仓库领配件' }).expect(200)).body;
    const fixed = await photo(worker, '修好后.png');
    const done = (await act(worker, progressed, 'complete', { note: '更换插座面板，已通电测试', photoIds: [fixed] }).expect(200)).body;
    expect(done.status).toBe('completed');
    expect((await inboxOf(worker)).map((i) => i.sourceId)).not.toContain(r.id);
    expect((await inboxOf(worker, 'done')).map((i) => i.sourceId)).toContain(r.id);

    // The requester follows the progress and sees both photos, each with its step.
    const seen = await read(teacher, r.id);
    expect(seen.events.map((e) => e.action)).toEqual(['submit', 'triage', 'assign', 'start', 'progress', 'complete']);
    expect(seen.events.find((e) => e.action === 'progress')!.note).toBe('插座烧坏，去仓库领配件');
    expect(seen.events.find((e) => e.action === 'complete')!.photos.map((p) => p.id)).toEqual([fixed]);
    expect(seen.actions).toEqual(['confirm', 'reject']);
    // The worker cannot confirm their own work.
    expect((await act(worker, seen, 'confirm', { rating: 5 })).status).toBe(403);
    expect((await act(teacher, seen, 'confirm', { rating: 6 })).status).toBe(400);

    const confirmed = (await act(teacher, seen, 'confirm', { rating: 5, note: '修得很快' }).expect(200)).body;
    expect(confirmed).toMatchObject({ status: 'confirmed', rating: 5, actions: [] });
    const again = await act(teacher, confirmed, 'reject', { note: '又坏了' }).expect(409);
    expect(again.body.code).toBe('MAINTENANCE_ILLEGAL_TRANSITION');
    // The location keeps its history.
    expect(await listIds(clerk, { locationId: room305 })).toContain(r.id);
  });

  it('LOG-9: another requester gets 404 (and the list omits it) unless office staff', async () => {
    const r = await submit(teacher, { description: unique('窗户关不上') });
    expect((await t.http.get(`${base}/requests/${r.id}`).set(as(colleague))).status).toBe(404);
    expect((await act(colleague, r, 'cancel', { note: '误报' })).status).toBe(404);
    expect(await listIds(colleague)).not.toContain(r.id);
    // Nor does a worker see a job that is not theirs.
    expect((await t.http.get(`${base}/requests/${r.id}`).set(as(otherWorker))).status).toBe(404);
    expect(await listIds(otherWorker)).not.toContain(r.id);
    // The office sees every request; the requester sees theirs; the assigned worker sees the job.
    expect(await listIds(clerk)).toContain(r.id);
    expect(await listIds(teacher, { scope: 'mine' })).toContain(r.id);
    const triaged = (await act(clerk, r, 'triage', { handling: 'in-house' }).expect(200)).body;
    await act(clerk, triaged, 'assign', { assigneeId: otherWorker.id }).expect(200);
    expect(await listIds(otherWorker, { scope: 'assigned' })).toContain(r.id);
    await read(otherWorker, r.id);
    expect((await t.http.get(`${base}/requests/${r.id}`).set(as(worker))).status).toBe(404);
  });

  it('LOG-9: a rejected confirmation reopens the request', async () => {
    const job = await assigned();
    const done = (await act(worker, job, 'complete', { note: '已更换灯管' }).expect(200)).body;
    const reopened = (await act(teacher, done, 'reject', { note: '灯还是一闪一闪的' }).expect(200)).body;
    expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, completedAt: null });
    // Back in the worker's inbox, and the requester cannot confirm an open job.
    expect((await inboxOf(worker)).map((i) => i.sourceId)).toContain(job.id);
    expect((await act(teacher, reopened, 'confirm', { rating: 3 })).status).toBe(409);
    const redone = (await act(worker, reopened, 'complete', { note: '更换镇流器' }).expect(200)).body;
    const confirmed = (await act(teacher, redone, 'confirm', { rating: 4 }).expect(200)).body;
    expect(confirmed).toMatchObject({ status: 'confirmed', rating: 4, reopenCount: 1 });
    expect(confirmed.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'triage',
      'assign',
      'complete',
      'reject',
      'complete',
      'confirm',
    ]);
  });

  it('LOG-9: two actions on one request at once: one wins, the others get 409 and change nothing', async () => {
    const r = await submit(teacher, { description: unique('门锁坏了') });
    const triaged = (await act(clerk, r, 'triage', { handling: 'in-house' }).expect(200)).body;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => act(clerk, triaged, 'assign', { assigneeId: i % 2 ? worker.id : otherWorker.id })),
    );
    expect(results.map((res) => res.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const now = await read(clerk, r.id);
    expect(now.events.filter((e) => e.action === 'assign')).toHaveLength(1);
    // Exactly one worker has the job in their inbox.
    const holders = [
      (await inboxOf(worker)).some((i) => i.sourceId === r.id),
      (await inboxOf(otherWorker)).some((i) => i.sourceId === r.id),
    ];
    expect(holders.filter(Boolean)).toHaveLength(1);
  });

  it('LOG-9: an external cost above the threshold waits for approval', async () => {
    const settings = (await t.http.get(`${base}/settings`).set(as(clerk)).expect(200)).body;
    expect(settings.approvalThresholdFen).toBe(200_000);
    const external = { handling: 'external', contractor: '某某水电安装公司', quoteFen: 560_000, costFen: 520_000 };

    const big = await submit(teacher, { category: 'plumbing', description: '三楼卫生间水管爆裂' });
    // External work names its contractor and cost.
    const missing = await act(clerk, big, 'triage', { handling: 'external' }).expect(400);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['contractor', 'costFen']);
    const waiting = (await act(clerk, big, 'triage', external).expect(200)).body;
    expect(waiting).toMatchObject({ status: 'awaiting-approval', costFen: 520_000, contractor: '某某水电安装公司' });
    expect(waiting.approvalRequestId).toBeTruthy();
    const refused = await act(clerk, waiting, 'assign', { assigneeId: worker.id }).expect(409);
    expect(refused.body.code).toBe('MAINTENANCE_ILLEGAL_TRANSITION');
    // The leader approving the cost sees the request too.
    await read(leader, big.id);
    await t.http
      .post(`/api/v1/approvals/requests/${waiting.approvalRequestId}/approve`)
      .set(as(leader))
      .send({ comment: '同意' })
      .expect(200);
    const approved = await eventually(async () => {
      const now = await read(clerk, big.id);
      return now.status === 'triaged' ? now : undefined;
    });
    expect(approved.events.map((e) => e.action)).toContain('approve');
    await act(clerk, approved, 'assign', { assigneeId: worker.id }).expect(200);

    // At or below the threshold no approval is needed.
    const small = await submit(teacher, { category: 'plumbing', description: '水龙头滴水' });
    const cheap = (await act(clerk, small, 'triage', { ...external, quoteFen: 20_000, costFen: 20_000 }).expect(200)).body;
    expect(cheap).toMatchObject({ status: 'triaged', approvalRequestId: null });

    // A rejected cost goes back to triage.
    const other = await submit(teacher, { category: 'building', description: '楼梯扶手松动' });
    const pending = (await act(clerk, other, 'triage', external).expect(200)).body;
    await t.http
      .post(`/api/v1/approvals/requests/${pending.approvalRequestId}/reject`)
      .set(as(leader))
      .send({ reason: '费用偏高，请再询价' })
      .expect(200);
    await eventually(async () => (await read(clerk, other.id)).status === 'submitted');
  });

  it('LOG-9: the office registers phone and paper requests; the SLA job flags overdue ones once', async () => {
    const registered = (
      await t.http
        .post(`${base}/requests/registered`)
        .set(as(clerk))
        .send({ category: 'network', locationId: room305, description: '教室网络断开', source: 'phone', requesterId: colleague.id })
        .expect(201)
    ).body;
    expect(registered).toMatchObject({ source: 'phone', requester: { id: colleague.id }, status: 'submitted' });
    // The colleague follows it as their own; a staff member cannot register for others.
    await read(colleague, registered.id);
    expect(
      (
        await t.http
          .post(`${base}/requests/registered`)
          .set(as(teacher))
          .send({ category: 'network', locationId: room305, description: 'x', source: 'paper', requesterName: '门卫' })
      ).status,
    ).toBe(403);

    const service = t.app.get(MaintenanceService);
    const later = new Date(Date.now() + 60 * 86_400_000);
    const first = await service.flagOverdue(later);
    expect(first.flagged).toBeGreaterThanOrEqual(1);
    expect((await service.flagOverdue(later)).flagged).toBe(0);
    const flagged = await read(clerk, registered.id);
    expect(flagged.events.map((e) => e.action)).toContain('overdue');
  });

  it('LOG-9: the repeat-fault report shows a location with more than N requests of one category', async () => {
    const floor = await location('room', unique('402'), undefined);
    for (let i = 0; i < 3; i++) await submit(teacher, { locationId: floor.id, category: 'plumbing', description: `暖气片漏水 ${i}` });
    await submit(teacher, { locationId: floor.id, category: 'electrical', description: '灯不亮' });
    const report = (await t.http.get(`${base}/reports/repeat-faults`).query({ threshold: 2 }).set(as(clerk)).expect(200)).body;
    const rows = report.rows.filter((r: { location: { id: string } }) => r.location.id === floor.id);
    expect(rows).toEqual([expect.objectContaining({ category: 'plumbing', count: 3 })]);
    expect((await t.http.get(`${base}/reports/repeat-faults`).set(as(teacher))).status).toBe(403);
  });

  it('LOG-10: a failed inspection item creates a maintenance request', async () => {
    const area = await location('building', unique('教学楼'));
    const template = (
      await t.http
        .post('/api/v1/logistics/inspections/templates')
        .set(as(clerk))
        .send({
          name: '教学楼电气与楼梯月检',
          locationId: area.id,
          frequency: 'monthly',
          items: [
            { text: '配电箱无异味、无发热', category: 'electrical' },
            { text: '楼梯扶手牢固、踏步无破损', category: 'building' },
          ],
        })
        .expect(201)
    ).body;
    // The daily job opens the round of the month once, however often it runs.
    const inspections = t.app.get(InspectionsService);
    expect((await inspections.openDueRounds('2026-12-05')).opened).toBeGreaterThanOrEqual(1);
    expect((await inspections.openDueRounds('2026-12-20')).opened).toBe(0);
    const rounds = (await t.http.get('/api/v1/logistics/inspections/rounds').query({ templateId: template.id }).set(as(worker)).expect(200))
      .body;
    expect(rounds.items).toEqual([expect.objectContaining({ periodKey: '2026-12', dueOn: '2026-12-31', status: 'open' })]);
    const roundId = rounds.items[0].id as string;
    const [wiring, stairs] = template.items as { id: string }[];

    const recorded = (
      await t.http
        .post(`/api/v1/logistics/inspections/rounds/${roundId}/results`)
        .set(as(worker))
        .send({
          results: [
            { itemId: wiring.id, result: 'pass' },
            { itemId: stairs.id, result: 'fail', remark: '二楼至三楼扶手松动' },
          ],
        })
        .expect(200)
    ).body;
    const failed = recorded.results.find((r: { itemId: string }) => r.itemId === stairs.id);
    expect(recorded.results.find((r: { itemId: string }) => r.itemId === wiring.id).requestId).toBeNull();
    expect(failed.requestId).toBeTruthy();
    const raised = await read(clerk, failed.requestId);
    expect(raised).toMatchObject({ source: 'inspection', category: 'building', location: { id: area.id }, requester: { id: worker.id } });
    expect(raised.inspectionResultId).toBeTruthy();
    expect(raised.description).toContain('二楼至三楼扶手松动');

    // Recording the failure again does not raise a second request; completing closes the round.
    const again = (
      await t.http
        .post(`/api/v1/logistics/inspections/rounds/${roundId}/results`)
        .set(as(worker))
        .send({ results: [{ itemId: stairs.id, result: 'fail', remark: '仍然松动' }], complete: true })
        .expect(200)
    ).body;
    expect(again.status).toBe('completed');
    expect(await listIds(clerk, { source: 'inspection', locationId: area.id })).toEqual([failed.requestId]);
    const closed = await t.http
      .post(`/api/v1/logistics/inspections/rounds/${roundId}/results`)
      .set(as(worker))
      .send({ results: [{ itemId: wiring.id, result: 'fail' }] })
      .expect(409);
    expect(closed.body.code).toBe('INSPECTION_ROUND_CLOSED');
    // A teacher neither sees nor records inspections.
    expect((await t.http.get('/api/v1/logistics/inspections/rounds').set(as(teacher))).status).toBe(403);
  });

  it('MTG-4: a failed projector check raises a maintenance request for that room', async () => {
    const m = await createMeeting(t, leader, clerk, {
      attendeeIds: [teacher.id],
      room: { equipment: ['projector', 'audio', 'microphones'] },
    });
    const test = (projector: 'pass' | 'fail', remark?: string) =>
      t.http
        .post(`/api/v1/meetings/${m.id}/equipment-tests`)
        .set(as(clerk))
        .send({ item: 'projector', result: projector, remark })
        .expect(200);
    await test('fail', '投影仪无信号');
    const raised = await eventually(async () => {
      const page = (await t.http.get(`${base}/requests`).query({ source: 'meeting-equipment', open: true }).set(as(clerk)).expect(200))
        .body;
      return (page.items as Request[]).find((r) => (r.description as string).includes('投影仪无信号'));
    });
    const detail = await read(clerk, raised.id);
    const room = (await t.http.get(`/api/v1/meetings/rooms/${m.roomId}`).set(as(clerk)).expect(200)).body;
    expect(detail).toMatchObject({ source: 'meeting-equipment', category: 'network', status: 'submitted', requester: { id: clerk.id } });
    expect(detail.equipmentTestId).toBeTruthy();
    // The request names the room: its location node stands for the meeting room.
    expect((detail.location as { name: string }).name).toBe(room.name);
    expect(detail.description as string).toContain(room.name);
    const locations = (await t.http.get(`${base}/locations`).set(as(clerk)).expect(200)).body as {
      id: string;
      meetingRoomId: string | null;
    }[];
    expect(locations.find((l) => l.id === (detail.location as { id: string }).id)!.meetingRoomId).toBe(m.roomId);

    // Re-recording the failure (and recording it at once from two places) opens no second request while one is open.
    await Promise.all([test('fail', '投影仪仍无信号'), test('fail', '投影仪仍无信号')]);
    const open = async () =>
      (
        (
          await t.http
            .get(`${base}/requests`)
            .query({ source: 'meeting-equipment', open: true, locationId: (detail.location as { id: string }).id })
            .set(as(clerk))
            .expect(200)
        ).body.items as Request[]
      ).map((r) => r.id);
    expect(await open()).toEqual([raised.id]);
    expect((await read(clerk, raised.id)).events.map((e) => e.action)).toContain('re-reported');
    // A pass raises nothing; once the repair is closed, a new failure opens a new request.
    await test('pass');
    await act(clerk, detail, 'cancel', { note: '已更换备用投影仪' }).expect(200);
    await test('fail', '新投影仪也无信号');
    const now = await open();
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(raised.id);
  });
});
