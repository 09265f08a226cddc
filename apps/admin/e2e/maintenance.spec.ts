import { expect, request, test, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, runStamp, signIn } from './support';

/** A 1×1 PNG: the photo of the fault. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Makes campus → building → floor → room through the API as the office; answers the room's path. */
async function roomThroughApi(baseURL: string, clerk: { username: string; password: string }, stamp: string): Promise<string> {
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: clerk.username, password: clerk.password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
  let parentId: string | undefined;
  let path = '';
  for (const [kind, name] of [
    ['campus', `东校区${stamp}`],
    ['building', '实验楼'],
    ['floor', '3F'],
    ['room', '305'],
  ]) {
    const res = await api.post('/api/v1/logistics/maintenance/locations', { data: { kind, name, parentId } });
    expect(res.ok(), await res.text()).toBe(true);
    const body = (await res.json()) as { id: string; path: string };
    parentId = body.id;
    path = body.path;
  }
  await api.dispose();
  return path;
}

async function openRequest(page: Page, description: string): Promise<void> {
  await page.getByTestId('maintenance-table').getByText(description).click();
  await expect(page.getByTestId('maintenance-drawer').getByTestId('maintenance-detail')).toBeVisible();
}

/**
 * LOG-9: a teacher reports a repair with a photo from a phone; the office triages it in-house and
 * assigns a worker; the worker completes it with a note and a photo; the teacher confirms and rates
 * it on the phone.
 */
test('LOG-9 submit a repair with a photo from a phone, then triage, assign, complete and confirm it', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const stamp = runStamp();
  const password = 'Baoxiu2026!';
  const clerk = { username: `e2erepclerk${stamp}`, name: `后勤文员${stamp}`, password };
  const worker = { username: `e2erepworker${stamp}`, name: `刘师傅${stamp}`, password };
  const teacher = { username: `e2erepteacher${stamp}`, name: `报修教师${stamp}`, password };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, roleCodes: ['office-clerk'] });
  await admin.createUser({ ...worker, roleCodes: ['maintenance-worker'] });
  await admin.createUser({ ...teacher, roleCodes: ['staff'] });
  await admin.dispose();
  const roomPath = await roomThroughApi(baseURL!, clerk, stamp);
  const description = `讲台左侧插座没电${stamp}`;

  // The teacher's phone: the repair page asks for a login first and comes back.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto('/logistics/repairs');
  await expect(phone).toHaveURL(/\/login/);
  await phone.getByTestId('login-username').fill(teacher.username);
  await phone.getByTestId('login-password').fill(password);
  await phone.getByTestId('login-submit').click();
  await expect(phone.getByTestId('repair-form')).toBeVisible();

  await phone.getByTestId('repair-category').getByText('电气').tap();
  await phone.getByTestId('repair-location').click();
  await openDropdown(phone).getByText(roomPath).click();
  await phone.getByTestId('repair-location-detail').fill('讲台左侧');
  await phone.getByTestId('repair-description').fill(description);
  await phone
    .getByTestId('repair-form')
    .locator('input[type=file]')
    .setInputFiles({ name: '插座.png', mimeType: 'image/png', buffer: PNG });
  await expect(phone.getByTestId('file-upload-item')).toHaveCount(1);
  await expect(phone.getByTestId('file-upload-error')).toHaveCount(0);
  await phone.getByTestId('repair-submit').tap();
  await expect(phone).toHaveURL(/\/logistics\/repairs\/[0-9a-f-]{36}$/);
  const requestUrl = phone.url();
  await expect(phone.getByTestId('maintenance-status')).toHaveText('待受理');
  await expect(phone.getByTestId('maintenance-events')).toContainText('插座.png');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The office triages it in-house and assigns the worker.
  const office = await (await browser.newContext()).newPage();
  await signIn(office, clerk.username, password);
  await office.goto('/logistics/maintenance');
  await openRequest(office, description);
  await office.getByTestId('maintenance-action-triage').click();
  await office.getByTestId('maintenance-action-submit').click();
  await expect(office.getByTestId('maintenance-status')).toHaveText('待派工');
  await office.getByTestId('maintenance-action-assign').click();
  await office.getByTestId('maintenance-assignee').click();
  await openDropdown(office).getByText(worker.name).click();
  await office.getByTestId('maintenance-action-submit').click();
  await expect(office.getByTestId('maintenance-status')).toHaveText('已派工');

  // The worker finds the job among theirs and completes it with a note and a photo.
  const workerPage = await (await browser.newContext()).newPage();
  await signIn(workerPage, worker.username, password);
  await workerPage.goto('/logistics/maintenance/jobs');
  await openRequest(workerPage, description);
  await workerPage.getByTestId('maintenance-action-complete').click();
  await workerPage.getByTestId('maintenance-note').fill('更换插座面板，已通电测试');
  await workerPage
    .getByTestId('maintenance-action-form')
    .locator('input[type=file]')
    .setInputFiles({ name: '修好后.png', mimeType: 'image/png', buffer: PNG });
  await expect(workerPage.getByTestId('maintenance-action-form').getByTestId('file-upload-item')).toHaveCount(1);
  await workerPage.getByTestId('maintenance-action-submit').click();
  await expect(workerPage.getByTestId('maintenance-status')).toHaveText('待确认');

  // Back on the phone: the teacher sees the progress and confirms with a rating.
  await phone.goto(requestUrl);
  await expect(phone.getByTestId('maintenance-status')).toHaveText('待确认');
  await expect(phone.getByTestId('maintenance-events')).toContainText('更换插座面板，已通电测试');
  await expect(phone.getByTestId('maintenance-events')).toContainText('修好后.png');
  await phone.getByTestId('maintenance-action-confirm').tap();
  await phone.getByTestId('maintenance-action-submit').tap();
  await expect(phone.getByTestId('maintenance-status')).toHaveText('已验收');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The office's list shows it closed.
  await office.reload();
  await expect(
    office.getByTestId('maintenance-table').locator('tr', { hasText: description }).getByTestId('maintenance-row-status'),
  ).toHaveText('已验收');
  await phoneContext.close();
});
