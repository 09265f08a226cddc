import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

test('DOC-9 a QR label scanned on a phone counts the document, damage is noted there, and the checklist shows it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Qingdian2026!';
  const clerk = { username: `e2einv${stamp}`, name: `清点员${stamp}` };
  const title = `关于开展期末安全检查的通知${stamp}`;

  // The clerk and a registered paper document, through the API.
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await admin.dispose();
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: clerk.username, password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  const asClerk = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
  const registered = await asClerk.post('/api/v1/documents/incoming', { data: { title, sourceOrg: '区教育局', docType: 'notice' } });
  expect(registered.ok(), await registered.text()).toBe(true);
  const doc = (await registered.json()) as { id: string; number: string };
  // This month's inventory: opened now with the document on its checklist, or (the job ran first) already open.
  const opened = await asClerk.post('/api/v1/documents/inventories');
  expect([201, 409]).toContain(opened.status());
  const onChecklist = opened.status() === 201;
  await asClerk.dispose();

  // On a phone: the label's URL counts the document at once.
  const phoneContext = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await signIn(phone, clerk.username, password);
  await phone.goto(`/m/inventory/scan/incoming-document/${doc.id}`);
  const result = phone.getByTestId('scan-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText(onChecklist ? '已清点' : '不在清单中');
  await expect(phone.getByTestId('scan-number')).toHaveText(doc.number);
  await expect(result).toContainText(title);
  // Laid out for the phone: nothing wider than the screen.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  // Scanning the same label again counts once.
  await phone.reload();
  await expect(phone.getByTestId('scan-result')).toContainText('此前已清点过');
  await phone.getByPlaceholder('破损情况').fill('封面撕裂');
  await phone.getByRole('button', { name: '登记破损' }).click();
  await expect(phone.getByText('已登记')).toBeVisible();
  await phoneContext.close();

  // At the desk: the checklist shows the document counted and damaged.
  const deskContext = await browser.newContext();
  const desk = await deskContext.newPage();
  await signIn(desk, clerk.username, password);
  await openFromMenu(desk, '/documents/inventory');
  await desk.getByTestId('inventory-list-page').locator('.el-table__row').first().click();
  await expect(desk.getByTestId('inventory-detail')).toBeVisible();
  await desk.getByRole('radio', { name: '破损' }).click({ force: true });
  const items = desk.getByTestId('inventory-items');
  await expect(items).toContainText(title);
  await expect(items).toContainText('封面撕裂');
  await deskContext.close();
});

/** An API client signed in as one person. */
async function apiAs(baseURL: string, username: string, password: string): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username, password } });
  expect(login.ok(), await login.text()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
}

async function ok(response: Promise<import('@playwright/test').APIResponse>): Promise<unknown> {
  const answer = await response;
  expect(answer.ok(), await answer.text()).toBe(true);
  return answer.status() === 204 ? null : answer.json();
}

async function pickPerson(page: Page, picker: ReturnType<Page['getByTestId']>, person: { username: string; name: string }): Promise<void> {
  await picker.click();
  // A multiple select keeps the last search typed: replace it rather than typing after it.
  await picker.locator('input').fill('');
  await page.keyboard.type(person.username);
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: person.name }).click();
}

test('DOC-10 a destruction list is proposed, recorded with two witnesses, approved, confirmed by each witness and completed', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const stamp = runStamp();
  const password = 'Xiaohui2026!';
  const people = {
    director: { username: `e2edir${stamp}`, name: `郑主任${stamp}` },
    leader: { username: `e2eldr${stamp}`, name: `钱校长${stamp}` },
    reader: { username: `e2erdr${stamp}`, name: `冯老师${stamp}` },
    first: { username: `e2ejx1${stamp}`, name: `监销甲${stamp}` },
    second: { username: `e2ejx2${stamp}`, name: `监销乙${stamp}` },
  };
  const title = `关于2012年秋季运动会的通知${stamp}`;

  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...people.director, password, roleCodes: ['office-director'] });
  const leaderId = await admin.createUser({ ...people.leader, password, roleCodes: ['school-leader'] });
  const readerId = await admin.createUser({ ...people.reader, password, roleCodes: ['staff'] });
  await admin.createUser({ ...people.first, password, roleCodes: ['staff'] });
  await admin.createUser({ ...people.second, password, roleCodes: ['staff'] });
  await admin.dispose();

  // A finished 10-year document of 2012: its retention ran out on 2023-01-01.
  const director = await apiAs(baseURL!, people.director.username, password);
  const leader = await apiAs(baseURL!, people.leader.username, password);
  const doc = (await ok(
    director.post('/api/v1/documents/incoming', {
      data: { title, sourceOrg: '区教育局', docType: 'notice', writtenOn: '2012-09-01', receivedOn: '2012-09-03', retention: '10-years' },
    }),
  )) as { id: string };
  const act = (who: APIRequestContext, action: string, data: object) =>
    ok(who.post(`/api/v1/documents/incoming/${doc.id}/${action}`, { data }));
  await act(director, 'review', {});
  await act(director, 'propose', { proposal: '阅知', leaderId });
  await act(leader, 'instruct', { instruction: '阅' });
  await act(director, 'route', { receivers: [{ userId: readerId }] });
  await act(director, 'complete', {});

  // The director proposes the list, records the destruction with two witnesses and submits it.
  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, people.director.username, password);
  await openFromMenu(desk, '/retention/destruction-lists');
  await desk.getByTestId('destruction-propose').click();
  await desk.getByTestId('destruction-title').fill(`到期收文销毁清册${stamp}`);
  await desk.getByTestId('destruction-propose-confirm').click();
  await expect(desk.getByTestId('destruction-detail-title')).toHaveText(`到期收文销毁清册${stamp}`);
  await expect(desk.getByTestId('destruction-items')).toContainText(title);
  const listId = desk.url().split('/').pop()!;

  await desk.getByTestId('destruction-record').click();
  const form = desk.getByTestId('destruction-record-form');
  await form.getByTestId('destruction-method-shred').click();
  const date = form.getByTestId('destruction-date').locator('input');
  await date.fill('2026-12-10');
  await date.press('Enter');
  await form.getByTestId('destruction-location').fill('办公室保密粉碎间');
  await pickPerson(desk, form.getByTestId('destruction-witnesses'), people.first);
  await pickPerson(desk, form.getByTestId('destruction-witnesses'), people.second);
  // Close the picker's dropdown before saving.
  await form.getByTestId('destruction-location').click();
  await expect(openDropdown(desk)).toHaveCount(0);
  await desk.getByTestId('destruction-record-save').click();
  await expect(desk.getByTestId('destruction-witness-table')).toContainText(people.second.name);
  await desk.getByTestId('destruction-submit').click();
  await desk.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(desk.getByTestId('destruction-status')).toHaveText('审批中');

  // Completing is not offered before approval; the leader approves.
  await expect(desk.getByTestId('destruction-complete')).toHaveCount(0);
  const list = (await ok(director.get(`/api/v1/retention/destruction-lists/${listId}`))) as { approvalRequestId: string };
  await ok(leader.post(`/api/v1/approvals/requests/${list.approvalRequestId}/approve`, { data: { comment: '同意销毁' } }));
  await expect(async () => {
    const current = (await ok(director.get(`/api/v1/retention/destruction-lists/${listId}`))) as { status: string };
    expect(current.status).toBe('approved');
  }).toPass({ timeout: 30_000 });

  // Each witness confirms in their own session.
  for (const witness of [people.first, people.second]) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, witness.username, password);
    await page.goto(`/retention/destruction-lists/${listId}`);
    await page.getByTestId('destruction-witness').click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
    await expect(page.getByTestId('destruction-witness')).toHaveCount(0);
    await page.context().close();
  }

  // The director completes it; the document stays, marked destroyed.
  await desk.reload();
  await desk.getByTestId('destruction-complete').click();
  await desk.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(desk.getByTestId('destruction-status')).toHaveText('已销毁');
  const destroyed = (await ok(director.get(`/api/v1/documents/incoming/${doc.id}`))) as {
    destroyedAt: string | null;
    destructionListId: string;
  };
  expect(destroyed.destroyedAt).toBeTruthy();
  expect(destroyed.destructionListId).toBe(listId);
  await director.dispose();
  await leader.dispose();
});
