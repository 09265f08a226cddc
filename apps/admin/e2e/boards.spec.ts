import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openFromMenu, runStamp, signIn } from './support';

/** A 1×1 PNG: the daily check's photo. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, password);
  return page;
}

test('INF-6 INF-3 INF-8 create a board, publish a notice to it, see the posting and put it up, record a daily check with a photo; open the notice’s effect chart', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Gonggao2026!';
  const people = {
    clerk: { username: `e2ebrdclerk${stamp}`, name: `孙文员${stamp}` },
    director: { username: `e2ebrddir${stamp}`, name: `钱主任${stamp}` },
    teacher: { username: `e2ebrdteach${stamp}`, name: `李老师${stamp}` },
  };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...people.clerk, password, roleCodes: ['office-clerk'] });
  await admin.createUser({ ...people.director, password, roleCodes: ['office-director'] });
  const teacherId = await admin.createUser({ ...people.teacher, password, roleCodes: ['staff'] });
  await admin.dispose();
  const boardName = `图书馆门口公告栏${stamp}`;
  const title = `关于图书馆寒假闭馆的通知${stamp}`;

  // The clerk adds a board.
  const clerk = await signedIn(browser, people.clerk.username, password);
  await openFromMenu(clerk, '/information/boards');
  await clerk.getByTestId('board-add').click();
  await clerk.getByTestId('board-name').fill(boardName);
  await clerk.getByTestId('board-location').fill('图书馆正门东侧');
  await clerk.getByTestId('board-save').click();
  await expect(clerk.getByTestId('boards-table')).toContainText(boardName);

  // A notice for the bulletin board and in-app, drafted and verified through the API (notices.spec.ts covers those pages).
  const token = async (username: string) => {
    const anonymous = await request.newContext({ baseURL });
    const login = await anonymous.post('/api/v1/auth/login', { data: { username, password } });
    const { accessToken } = (await login.json()) as { accessToken: string };
    await anonymous.dispose();
    return request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
  };
  const asClerk = await token(people.clerk.username);
  const created = await asClerk.post('/api/v1/information/notices', {
    data: {
      title,
      body: '寒假期间图书馆闭馆，开学第一周恢复开放。',
      audience: { allStaff: false, userIds: [teacherId] },
      channels: ['in-app', 'board'],
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const noticeId = ((await created.json()) as { id: string }).id;
  const submitted = await asClerk.post(`/api/v1/information/notices/${noticeId}/submit`);
  expect(submitted.ok(), await submitted.text()).toBe(true);
  const { approvalRequestId } = (await submitted.json()) as { approvalRequestId: string };
  await asClerk.dispose();
  const asDirector = await token(people.director.username);
  const approved = await asDirector.post(`/api/v1/approvals/requests/${approvalRequestId}/approve`, { data: { comment: '同意' } });
  expect(approved.ok(), await approved.text()).toBe(true);
  await asDirector.dispose();

  // The clerk publishes it on its page: the board posting appears, to be put up.
  await clerk.goto(`/information/notices/${noticeId}`);
  await expect(async () => {
    await clerk.reload();
    await expect(clerk.getByTestId('notice-status')).toHaveText('已审核', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await clerk.getByTestId('notice-publish').click();
  await expect(clerk.getByTestId('notice-status')).toHaveText('已发布');
  const posting = clerk.getByTestId('notice-board-postings').locator('tr', { hasText: boardName });
  await expect(posting).toContainText('待张贴');

  // The effect of publishing: delivered in-app to the one teacher, nobody has read it yet.
  await expect(clerk.getByTestId('notice-effect').locator('canvas')).toHaveCount(1);
  await expect(clerk.getByTestId('effect-channels')).toContainText('站内消息');
  await expect(clerk.getByTestId('effect-read-rate')).toHaveText('0%');

  // On the board's page the posting is there; the clerk puts it up.
  await clerk.goto('/information/boards');
  await clerk.getByTestId(`board-open-${boardName}`).click();
  const drawer = clerk.getByTestId('board-drawer');
  const row = drawer.getByTestId('board-postings').locator('tr', { hasText: title });
  await expect(row.getByTestId('posting-status')).toHaveText('待张贴');
  await row.getByTestId('posting-post').click();
  await expect(row.getByTestId('posting-status')).toHaveText('已张贴');
  await expect(row).toContainText(people.clerk.name);

  // The daily check: tidy, damaged glass, a photo.
  await drawer.getByTestId('board-record-check').click();
  const dialog = clerk.locator('.el-dialog').filter({ visible: true });
  await dialog.getByTestId('check-undamaged').click();
  await dialog.getByTestId('check-remark').fill('玻璃右下角有裂纹');
  await dialog.locator('input[type=file]').setInputFiles({ name: `公告栏${stamp}.png`, mimeType: 'image/png', buffer: PHOTO });
  await expect(dialog.locator('[data-status="done"]')).toHaveCount(1);
  await dialog.getByTestId('check-save').click();
  const checks = drawer.getByTestId('board-checks');
  await expect(checks).toContainText('玻璃右下角有裂纹');
  await expect(checks).toContainText(`公告栏${stamp}.png`);
  await expect(checks.locator('.el-table__row')).toHaveCount(1);

  // The teacher reads it; the effect chart shows the read.
  const teacher = await signedIn(browser, people.teacher.username, password);
  await teacher.goto(`/information/notices/${noticeId}`);
  await expect(teacher.getByTestId('notice-detail-title')).toHaveText(title);
  await clerk.goto(`/information/notices/${noticeId}`);
  await expect(clerk.getByTestId('effect-read-rate')).toHaveText('100%');
  await expect(clerk.getByTestId('effect-chart').locator('canvas')).toHaveCount(1);
});
