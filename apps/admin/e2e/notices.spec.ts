import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

async function signedIn(browser: Browser, username: string, password: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

test('INF-2 INF-3 write a notice with a phone number, mask it, have it verified and published; a teacher confirms on a phone; coverage rises; resend to the rest', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Tongzhi2026!';
  const people = {
    clerk: { username: `e2entcclerk${stamp}`, name: `吴文员${stamp}` },
    director: { username: `e2entcdir${stamp}`, name: `郑主任${stamp}` },
    reader: { username: `e2entcread${stamp}`, name: `冯老师${stamp}` },
    absent: { username: `e2entcabs${stamp}`, name: `陈老师${stamp}` },
  };
  const api = await adminApi(baseURL!);
  await api.createUser({ ...people.clerk, password, roleCodes: ['office-clerk'] });
  await api.createUser({ ...people.director, password, roleCodes: ['office-director'] });
  await api.createUser({ ...people.reader, password, roleCodes: ['staff'] });
  await api.createUser({ ...people.absent, password, roleCodes: ['staff'] });
  await api.dispose();
  const title = `关于期末监考安排的通知${stamp}`;

  // The clerk drafts it, for two teachers, asking for a read confirmation.
  const clerk = await signedIn(browser, people.clerk.username, password);
  await openFromMenu(clerk, '/information/notices');
  await clerk.getByTestId('notice-add').click();
  const form = clerk.getByTestId('notice-form');
  await form.getByTestId('notice-title').fill(title);
  await form.getByTestId('notice-body').fill('请各位监考老师周五前确认。如有疑问请致电 13912345678。');
  // One search per person, the dropdown closed in between: a pick clears the search, so the next
  // person is searched afresh rather than looked for among the directory's first accounts.
  for (const person of [people.reader, people.absent]) {
    await form.getByTestId('notice-users').click();
    await clerk.keyboard.type(person.username);
    await openDropdown(clerk).locator('.el-select-dropdown__item', { hasText: person.name }).click();
    // A click elsewhere in the form closes the dropdown (Escape would close the dialog too).
    await form.getByTestId('notice-title').click();
    await expect(openDropdown(clerk)).toHaveCount(0);
  }
  await expect(form).toContainText(people.reader.name);
  await expect(form).toContainText(people.absent.name);
  await form.getByTestId('notice-confirmation').click();

  // The check flags the phone number; the clerk masks it and submits for verification.
  await form.getByTestId('notice-check').click();
  await expect(form.getByTestId('finding-mark')).toHaveText(['13912345678']);
  await form.getByTestId('decision-mobile').getByText('脱敏').click();
  await clerk.getByTestId('notice-submit').click();
  await expect(clerk.getByTestId('notice-status')).toHaveText('审核中');
  await expect(clerk.getByTestId('notice-body-text')).toContainText('139****5678');
  const noticeId = clerk.url().split('/').pop()!;

  // The office director verifies it (the approval pages have their own test).
  const director = await request.newContext({ baseURL });
  const login = await director.post('/api/v1/auth/login', { data: { username: people.director.username, password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const notice = (await (await director.get(`/api/v1/information/notices/${noticeId}`, { headers })).json()) as {
    approvalRequestId: string;
  };
  const approved = await director.post(`/api/v1/approvals/requests/${notice.approvalRequestId}/approve`, {
    headers,
    data: { comment: '同意' },
  });
  expect(approved.ok(), await approved.text()).toBe(true);
  await director.dispose();

  // Once verified, the clerk publishes; nobody has confirmed yet.
  await expect(async () => {
    await clerk.reload();
    await expect(clerk.getByTestId('notice-status')).toHaveText('已审核', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await clerk.getByTestId('notice-publish').click();
  await expect(clerk.getByTestId('notice-status')).toHaveText('已发布');
  await expect(clerk.getByTestId('coverage-reached')).toHaveText('已送达 0 / 2 人');

  // A teacher reads it on a phone and confirms.
  const phone = await signedIn(browser, people.reader.username, password, { width: 390, height: 844 });
  await phone.goto(`/information/notices/${noticeId}`);
  await expect(phone.getByTestId('notice-detail-title')).toHaveText(title);
  await expect(phone.getByTestId('notice-body-text')).toContainText('139****5678');
  await phone.getByTestId('notice-confirm').click();
  await expect(phone.getByTestId('notice-confirmed')).toBeVisible();

  // Coverage rises in the office's report; the resend goes to the one left.
  await clerk.getByTestId('notice-coverage').getByRole('button', { name: '刷新' }).click();
  await expect(clerk.getByTestId('coverage-reached')).toHaveText('已送达 1 / 2 人');
  const unreached = clerk.getByTestId('unreached-table');
  await expect(unreached).toContainText(people.absent.name);
  await expect(unreached).not.toContainText(people.reader.name);
  await clerk.getByTestId('notice-resend').click();
  await expect(unreached.locator('tr', { hasText: people.absent.name })).toContainText('1 / 3');
});
