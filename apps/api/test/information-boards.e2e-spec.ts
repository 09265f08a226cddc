import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { BoardsService } from '../src/modules/information/boards/boards.service';
import { LinkCheckerService } from '../src/modules/information/boards/link-checker.service';
import { startAliyunSmsServer, startDingTalkServer, startWeComRobotServer } from './channels/servers';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff, eventually } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

/** A local website for the link checker: 200 for /ok, 404 for /missing; /get-only refuses HEAD (405) but serves GET. */
async function startWebsite(): Promise<{ base: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url === '/ok') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>ok</p>');
    if (req.url === '/get-only') {
      if (req.method === 'HEAD') return void res.writeHead(405).end();
      return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>ok</p>');
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

describe('information: bulletin boards, group robots, link checker, effect of publishing (INF-3, INF-5, INF-6, INF-8)', () => {
  let t: TestApp;
  let adminToken: string;
  let director: Person;
  let clerk: Person;
  let keeper: Person;
  let outsider: Person;
  const closers: (() => Promise<void>)[] = [];
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp({ NOTIFY_RETRY_LIMIT: '0', NOTIFY_RETRY_DELAY_SECONDS: '1' });
    adminToken = await loginAsAdmin(t);
    const sms = await startAliyunSmsServer({
      accessKeyId: 'LTAI-e2e',
      accessKeySecret: 'sms-secret-e2e',
      signName: '某中学',
      templateCode: 'SMS_1',
    });
    closers.push(() => sms.close());
    await t.http
      .put('/api/v1/notifications/channels/sms')
      .set({ authorization: `Bearer ${adminToken}` })
      .send({
        values: {
          endpoint: sms.url,
          accessKeyId: 'LTAI-e2e',
          accessKeySecret: 'sms-secret-e2e',
          signName: '某中学',
          templateCode: 'SMS_1',
        },
      })
      .expect(200);
    [director, clerk, keeper, outsider] = await Promise.all([
      createStaff(t, adminToken, { roles: ['office-director'] }),
      createStaff(t, adminToken, { roles: ['office-clerk'] }),
      createStaff(t, adminToken, { roles: ['office-clerk'], name: unique('管理员') }),
      createStaff(t, adminToken, { roles: ['staff'] }),
    ]);
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await t.close();
  });

  async function grade(n: number): Promise<{ departmentId: string; teachers: Person[] }> {
    const department = await createDepartment(t, adminToken, { name: unique('年级组') });
    const teachers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        createStaff(t, adminToken, { roles: ['staff'], departmentId: department.id, phone: `1380000${String(Date.now() + i).slice(-4)}` }),
      ),
    );
    return { departmentId: department.id, teachers };
  }

  /** Draft → verification → approved by the director → published. */
  async function published(fields: Record<string, unknown>) {
    const notice = (
      await t.http
        .post('/api/v1/information/notices')
        .set(as(clerk))
        .send({ title: unique('关于校园开放日安排的通知'), body: '请各位老师做好准备。', ...fields })
        .expect(201)
    ).body;
    const submitted = (await t.http.post(`/api/v1/information/notices/${notice.id}/submit`).set(as(clerk)).expect(200)).body;
    await t.http
      .post(`/api/v1/approvals/requests/${submitted.approvalRequestId}/approve`)
      .set(as(director))
      .send({ comment: '同意' })
      .expect(200);
    await eventually(
      async () => (await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(clerk)).expect(200)).body.status === 'verified',
      20_000,
      'the verification',
    );
    return (await t.http.post(`/api/v1/information/notices/${notice.id}/publish`).set(as(clerk)).expect(200)).body;
  }

  const createBoard = async (fields: Record<string, unknown> = {}) =>
    (
      await t.http
        .post('/api/v1/information/boards')
        .set(as(clerk))
        .send({ name: unique('教学楼公告栏'), location: '教学楼A栋一楼大厅', keeperId: keeper.id, cleaningWeekday: 1, ...fields })
        .expect(201)
    ).body;

  it('INF-3: a publish to in-app, SMS and the bulletin board yields one delivery per recipient on each per-person channel, and one board posting', async () => {
    const board = await createBoard();
    const { departmentId, teachers } = await grade(3);
    const notice = await published({ audience: { allStaff: false, departmentIds: [departmentId] }, channels: ['in-app', 'sms', 'board'] });
    const deliveries = await t.sql<{ recipient_id: string; channel: string }>(
      'SELECT recipient_id, channel FROM notice_deliveries WHERE notice_id = $1 ORDER BY channel, recipient_id',
      [notice.id],
    );
    const ids = teachers.map((p) => p.id).sort();
    expect(deliveries).toEqual([
      ...ids.map((id) => ({ recipient_id: id, channel: 'in-app' })),
      ...ids.map((id) => ({ recipient_id: id, channel: 'sms' })),
    ]);
    // One posting on the one board, to be put up; none of it is a delivery to a person.
    const postings = await t.sql<{ board_id: string; status: string }>('SELECT board_id, status FROM board_postings WHERE notice_id = $1', [
      notice.id,
    ]);
    expect(postings).toEqual([{ board_id: board.id, status: 'to_post' }]);
    const broadcasts = (await t.http.get(`/api/v1/information/notices/${notice.id}/broadcasts`).set(as(clerk)).expect(200)).body;
    expect(broadcasts.boards).toEqual([
      expect.objectContaining({ board: { id: board.id, name: board.name }, status: 'to_post', actions: ['post', 'remove'] }),
    ]);
    const coverage = (await t.http.get(`/api/v1/information/notices/${notice.id}/coverage`).set(as(clerk)).expect(200)).body;
    expect(coverage).toMatchObject({ intended: 3, reached: 3 });
    expect(coverage.channels.map((c: { channel: string }) => c.channel)).toEqual(['in-app', 'sms']);
    // The board's list shows it; putting it up records who and when.
    const list = (await t.http.get(`/api/v1/information/boards/${board.id}/postings`).set(as(clerk)).expect(200)).body;
    expect(list.items.map((p: { notice: { id: string } }) => p.notice.id)).toEqual([notice.id]);
    const posted = (
      await t.http.post(`/api/v1/information/board-postings/${list.items[0].id}/moves`).set(as(keeper)).send({ action: 'post' }).expect(200)
    ).body;
    expect(posted).toMatchObject({ status: 'posted', postedBy: { id: keeper.id }, actions: ['remove'] });
    const again = await t.http
      .post(`/api/v1/information/board-postings/${posted.id}/moves`)
      .set(as(keeper))
      .send({ action: 'post' })
      .expect(409);
    expect(again.body.code).toBe('BOARD_POSTING_ILLEGAL_STATE');
    // Someone without the permission sees no boards.
    await t.http.get('/api/v1/information/boards').set(as(outsider)).expect(403);
    await t.http.get(`/api/v1/information/notices/${notice.id}/broadcasts`).set(as(outsider)).expect(403);
  });

  it('INF-6: the job flags an expired posting, tells the keeper, and the removal is recorded; the expired notice leaves the public feed', async () => {
    const board = await createBoard();
    const { departmentId } = await grade(1);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const notice = await published({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app', 'board', 'website'],
      expiresAt,
    });
    const [posting] = await t.sql<{ id: string; status: string; expires_at: Date }>(
      'SELECT id, status, expires_at FROM board_postings WHERE notice_id = $1 AND board_id = $2',
      [notice.id, board.id],
    );
    expect(new Date(posting.expires_at).toISOString()).toBe(expiresAt);
    await t.http.post(`/api/v1/information/board-postings/${posting.id}/moves`).set(as(clerk)).send({ action: 'post' }).expect(200);
    const feed = async () =>
      JSON.parse((await t.http.get('/api/v1/public/notices/feed.json').expect(200)).text).items.map((i: { id: string }) => i.id);
    expect(await feed()).toContain(notice.id);

    const boards = t.app.get(BoardsService);
    // Not expired yet: nothing flagged.
    await boards.flagExpired();
    expect((await t.sql<{ status: string }>('SELECT status FROM board_postings WHERE id = $1', [posting.id]))[0].status).toBe('posted');
    // The day passes (the notice's expiry moved into the past, as time would), then the daily job runs.
    await t.sql(`UPDATE notices SET expires_at = now() - interval '1 minute' WHERE id = $1`, [notice.id]);
    await t.sql(`UPDATE board_postings SET expires_at = now() - interval '1 minute' WHERE notice_id = $1`, [notice.id]);
    expect((await boards.flagExpired()).flagged).toBeGreaterThanOrEqual(1);
    expect((await boards.flagExpired()).flagged).toBe(0);
    const [flagged] = await t.sql<{ status: string; flagged_at: Date | null }>(
      'SELECT status, flagged_at FROM board_postings WHERE id = $1',
      [posting.id],
    );
    expect(flagged.status).toBe('removal_due');
    expect(flagged.flagged_at).not.toBeNull();
    expect(await feed()).not.toContain(notice.id);
    const told = await t.sql<{ title: string }>(
      `SELECT title FROM notification_deliveries WHERE kind = 'information.board.expired' AND recipient_id = $1 AND body LIKE $2`,
      [keeper.id, `%${notice.title}%`],
    );
    expect(told.length).toBeGreaterThanOrEqual(1);
    const shown = (await t.http.get(`/api/v1/information/boards/${board.id}`).set(as(clerk)).expect(200)).body;
    expect(shown).toMatchObject({ removalDue: 1, openPostings: 1 });

    const removed = (
      await t.http.post(`/api/v1/information/board-postings/${posting.id}/moves`).set(as(keeper)).send({ action: 'remove' }).expect(200)
    ).body;
    expect(removed).toMatchObject({ status: 'removed', removedBy: { id: keeper.id, name: keeper.name }, actions: [] });
    expect(removed.removedAt).toEqual(expect.any(String));
    expect(
      (await t.http.post(`/api/v1/information/board-postings/${posting.id}/moves`).set(as(keeper)).send({ action: 'remove' }).expect(409))
        .body.code,
    ).toBe('BOARD_POSTING_ILLEGAL_STATE');
    await t.http.post(`/api/v1/information/board-postings/${posting.id}/moves`).set(as(keeper)).send({ action: 'burn' }).expect(400);
  });

  it('INF-6: a daily check keeps its photo, once per board and day; the cleaning schedule shows the next day and the records', async () => {
    const board = await createBoard({ cleaningWeekday: 3 });
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
      .png()
      .toBuffer();
    const photo = (await t.http.post('/api/v1/files').set(as(keeper)).attach('file', png, '公告栏.png').expect(201)).body;
    const check = (
      await t.http
        .post(`/api/v1/information/boards/${board.id}/checks`)
        .set(as(keeper))
        .send({ tidy: true, undamaged: false, remark: '右下角玻璃有裂纹，已报修', photoIds: [photo.id] })
        .expect(201)
    ).body;
    expect(check).toMatchObject({
      tidy: true,
      undamaged: false,
      checkedBy: { id: keeper.id },
      photos: [expect.objectContaining({ id: photo.id })],
    });
    const twice = await t.http
      .post(`/api/v1/information/boards/${board.id}/checks`)
      .set(as(keeper))
      .send({ tidy: true, undamaged: true })
      .expect(409);
    expect(twice.body.code).toBe('BOARD_CHECK_EXISTS');
    // Two checks racing for the same day of another board: exactly one is recorded.
    const other = await createBoard();
    const raced = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http.post(`/api/v1/information/boards/${other.id}/checks`).set(as(keeper)).send({ tidy: true, undamaged: true }),
      ),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    // The photo is downloadable through the check, by the office.
    await t.http.get(`/api/v1/files/${photo.id}`).set(as(clerk)).expect(200);
    await t.http.get(`/api/v1/files/${photo.id}`).set(as(outsider)).expect(404);
    const checks = (await t.http.get(`/api/v1/information/boards/${board.id}/checks`).set(as(clerk)).expect(200)).body;
    expect(checks.items).toHaveLength(1);
    expect((await t.http.get(`/api/v1/information/boards/${board.id}`).set(as(clerk)).expect(200)).body).toMatchObject({
      checkedToday: true,
    });
    // A photo that is not the caller's draft is refused, keyed by field.
    const bad = await t.http
      .post(`/api/v1/information/boards/${board.id}/checks`)
      .set(as(clerk))
      .send({ checkDate: '2026-01-05', tidy: true, undamaged: true, photoIds: [photo.id] })
      .expect(400);
    expect(Object.keys(bad.body.errors)).toEqual(['photoIds']);

    const before = (await t.http.get(`/api/v1/information/boards/${board.id}`).set(as(clerk)).expect(200)).body;
    expect(before.nextCleaningOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${before.nextCleaningOn}T00:00:00Z`).getUTCDay()).toBe(3);
    // A board created today has missed no cleaning yet.
    expect(before.cleaningOverdue).toBe(false);
    const cleaning = (
      await t.http
        .post(`/api/v1/information/boards/${board.id}/cleanings`)
        .set(as(keeper))
        .send({ cleanedOn: '2026-01-07', remark: '擦洗玻璃' })
        .expect(201)
    ).body;
    expect(cleaning).toMatchObject({ cleanedOn: '2026-01-07', cleanedBy: { id: keeper.id } });
    const cleanings = (await t.http.get(`/api/v1/information/boards/${board.id}/cleanings`).set(as(clerk)).expect(200)).body;
    expect(cleanings.items.map((c: { id: string }) => c.id)).toEqual([cleaning.id]);
    await t.http.post(`/api/v1/information/boards/${board.id}/cleanings`).set(as(keeper)).send({ cleanedOn: '2999-01-01' }).expect(400);
    await t.http.post('/api/v1/information/boards').set(as(clerk)).send({ name: board.name, location: 'x' }).expect(409);
  });

  it('INF-3: a publish to the WeCom and DingTalk group robots posts the notice once to each; a failing robot leaves a visible failed status', async () => {
    const wecom = await startWeComRobotServer();
    const dingtalk = await startDingTalkServer({ secret: 'SECe2e-boards' });
    closers.push(
      () => wecom.close(),
      () => dingtalk.close(),
    );
    const robot = (body: Record<string, unknown>) => t.http.post('/api/v1/information/robots').set(as(clerk)).send(body);
    const good = (await robot({ kind: 'wecom', name: unique('全体教职工群'), webhookUrl: wecom.url, keyword: '通知' }).expect(201)).body;
    expect(good.webhookUrlMasked).not.toContain(wecom.key);
    await robot({ kind: 'dingtalk', name: unique('行政群'), webhookUrl: dingtalk.url, secret: 'SECe2e-boards' }).expect(201);
    // A wrong key: WeCom refuses every message (errcode 93000).
    const broken = (await robot({ kind: 'wecom', name: unique('旧群'), webhookUrl: wecom.url.replace(wecom.key, 'wrong-key') }).expect(201))
      .body;
    expect((await robot({ kind: 'dingtalk', name: 'x', webhookUrl: dingtalk.url }).expect(400)).body.errors).toHaveProperty('secret');
    await robot({ kind: 'wecom', name: 'x', webhookUrl: 'ftp://nowhere' }).expect(400);
    await t.http.get('/api/v1/information/robots').set(as(outsider)).expect(403);

    const { departmentId } = await grade(1);
    const notice = await published({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app', 'wecom-group', 'dingtalk-group'],
      body: '周六上午九点校园开放日，请各班做好接待准备。',
    });
    const posts = await eventually(
      async () => {
        const b = (await t.http.get(`/api/v1/information/notices/${notice.id}/broadcasts`).set(as(clerk)).expect(200)).body;
        return b.robots.length === 3 && b.robots.every((r: { status: string }) => r.status !== 'queued') ? b.robots : undefined;
      },
      30_000,
      'the robot postings to be sent',
    );
    const byRobot = Object.fromEntries(posts.map((p: { robot: { id: string } }) => [p.robot.id, p]));
    expect(byRobot[good.id]).toMatchObject({ status: 'sent', lastError: null });
    expect(byRobot[broken.id]).toMatchObject({ status: 'failed', lastError: expect.stringContaining('93000') });
    expect(posts.filter((p: { kind: string; status: string }) => p.kind === 'dingtalk' && p.status === 'sent')).toHaveLength(1);
    // Each robot got the notice once, with the keyword it requires, under its outbox key.
    const mine = wecom.received.filter((m) => m.content.includes(notice.title));
    expect(mine).toHaveLength(1);
    expect(mine[0].content).toContain('【通知】');
    expect(mine[0].key).toBe(byRobot[good.id].id);
    expect(dingtalk.received.filter((m) => m.text.includes('周六上午九点校园开放日'))).toHaveLength(1);
    // The office fixes the robot's webhook and sends the failed posting again, through the jobs platform.
    const fixed = await t.http
      .patch(`/api/v1/information/robots/${broken.id}`)
      .set(as(clerk))
      .send({ webhookUrl: wecom.url, version: broken.version })
      .expect(200);
    expect(fixed.body.version).toBe(broken.version + 1);
    const retried = await t.http
      .post(`/api/v1/information/notices/${notice.id}/robot-posts/${byRobot[broken.id].id}/retry`)
      .set(as(clerk))
      .expect(200);
    expect(['queued', 'sent']).toContain(retried.body.status);
    await eventually(
      async () => {
        const b = (await t.http.get(`/api/v1/information/notices/${notice.id}/broadcasts`).set(as(clerk)).expect(200)).body;
        return b.robots.find((r: { id: string; status: string }) => r.id === byRobot[broken.id].id && r.status === 'sent');
      },
      30_000,
      'the retried posting to be sent',
    );
    expect(wecom.received.filter((m) => m.content.includes(notice.title))).toHaveLength(2);
    const sentAgain = await t.http
      .post(`/api/v1/information/notices/${notice.id}/robot-posts/${byRobot[good.id].id}/retry`)
      .set(as(clerk))
      .expect(409);
    expect(sentAgain.body.code).toBe('ROBOT_POST_NOT_FAILED');
    // Robots never count as reaching a person.
    const coverage = (await t.http.get(`/api/v1/information/notices/${notice.id}/coverage`).set(as(clerk)).expect(200)).body;
    expect(coverage.channels.map((c: { channel: string }) => c.channel)).toEqual(['in-app']);
  });

  it('INF-5: the link checker finds the broken link in a published notice and lists it with its notice', async () => {
    const site = await startWebsite();
    closers.push(() => site.close());
    const { departmentId } = await grade(1);
    const notice = await published({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app'],
      body: `报名表见 ${site.base}/ok，日程见${site.base}/missing。旧链接：${site.base}/get-only 。`,
    });
    const result = await t.app.get(LinkCheckerService).checkAll({ timeoutMs: 2_000 });
    expect(result.broken).toBeGreaterThanOrEqual(1);
    // HEAD first; the GET fallback only where HEAD did not succeed.
    expect(site.hits.filter((h) => h.endsWith('/ok'))).toEqual(['HEAD /ok']);
    expect(site.hits.filter((h) => h.endsWith('/get-only'))).toEqual(['HEAD /get-only', 'GET /get-only']);
    const broken = (await t.http.get('/api/v1/information/links').set(as(clerk)).expect(200)).body;
    const mine = broken.items.filter((l: { notice: { id: string } }) => l.notice.id === notice.id);
    expect(mine).toEqual([
      expect.objectContaining({ url: `${site.base}/missing`, ok: false, httpStatus: 404, notice: { id: notice.id, name: notice.title } }),
    ]);
    const all = (await t.http.get('/api/v1/information/links?brokenOnly=false').set(as(clerk)).expect(200)).body;
    expect(
      all.items
        .filter((l: { notice: { id: string } }) => l.notice.id === notice.id)
        .map((l: { url: string; ok: boolean }) => [l.url, l.ok])
        .sort(),
    ).toEqual(
      [
        [`${site.base}/get-only`, true],
        [`${site.base}/missing`, false],
        [`${site.base}/ok`, true],
      ].sort(),
    );
    await t.http.post('/api/v1/information/links/check').set(as(clerk)).expect(204);
    await t.http.get('/api/v1/information/links').set(as(outsider)).expect(403);
  });

  it('INF-8: the effect report counts reach and read rate per channel over time after some recipients read and confirm', async () => {
    const { departmentId, teachers } = await grade(4);
    const notice = await published({
      audience: { allStaff: false, departmentIds: [departmentId] },
      channels: ['in-app'],
      asksConfirmation: true,
    });
    const effect = async () => (await t.http.get(`/api/v1/information/notices/${notice.id}/effect`).set(as(clerk)).expect(200)).body;
    const first = await effect();
    expect(first).toMatchObject({ bucket: 'hour', intended: 4, reached: 0, confirmed: 0, reachRate: 0 });
    expect(first.channels).toEqual([
      expect.objectContaining({ channel: 'in-app', intended: 4, delivered: 4, read: 0, deliveredRate: 1, readRate: 0 }),
    ]);
    const [a, b, c] = teachers;
    // Two open it (an in-app read), one of them confirms; a third confirms without opening first (a confirmation is a read too).
    await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(a)).expect(200);
    await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(a)).expect(200);
    await t.http.get(`/api/v1/information/notices/${notice.id}`).set(as(b)).expect(200);
    await t.http.post(`/api/v1/information/notices/${notice.id}/confirm`).set(as(b)).expect(200);
    await t.http.post(`/api/v1/information/notices/${notice.id}/confirm`).set(as(c)).expect(200);
    const report = await effect();
    expect(report).toMatchObject({ intended: 4, reached: 2, confirmed: 2, reachRate: 0.5 });
    const [inApp] = report.channels;
    expect(inApp).toMatchObject({ channel: 'in-app', intended: 4, delivered: 4, read: 3, readRate: 0.75, failed: 0 });
    // The series is cumulative and ends with the figures now.
    const last = inApp.points[inApp.points.length - 1];
    expect(last).toMatchObject({ delivered: 4, read: 3 });
    expect(report.reach[report.reach.length - 1]).toMatchObject({ reached: 2, confirmed: 2 });
    for (let i = 1; i < inApp.points.length; i++) expect(inApp.points[i].read).toBeGreaterThanOrEqual(inApp.points[i - 1].read);
    // Only the author and the office see it.
    await t.http.get(`/api/v1/information/notices/${notice.id}/effect`).set(as(a)).expect(403);
    await t.http.get(`/api/v1/information/notices/00000000-0000-4000-8000-000000000000/effect`).set(as(clerk)).expect(404);
  });
});
