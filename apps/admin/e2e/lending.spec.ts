import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

/** A person in a browser of their own: sessions live in localStorage, one per context. */
async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

/** Chooses a colleague in a UserPicker by typing their username. */
async function pickPerson(page: Page, picker: ReturnType<Page['getByTestId']>, person: { username: string; name: string }): Promise<void> {
  await picker.click();
  await page.keyboard.type(person.username);
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: person.name }).click();
}

/** An hour ago as the date-time picker takes it, in the browser's (this machine's) time zone. */
function anHourAgo(): string {
  const d = new Date(Date.now() - 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
}

/** Today and a date some days on, as the school's calendar shows them (Asia/Shanghai). */
function schoolDate(daysOn = 0): string {
  return new Date(Date.now() + daysOn * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

test('ASM-6 ADM-10 record a confidentiality training, then apply for a loan of a classified document, a leader approves it, and the borrower sees it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const stamp = runStamp();
  const password = 'Baomi2026!';
  const people = {
    clerk: { username: `e2elendclerk${stamp}`, name: `孙保密${stamp}`, roles: ['office-clerk'], clearance: 'top-secret' },
    leader: { username: `e2elendleader${stamp}`, name: `吴校长${stamp}`, roles: ['school-leader'], clearance: 'none' },
    borrower: { username: `e2elendborrow${stamp}`, name: `周借阅${stamp}`, roles: ['staff'], clearance: 'confidential' },
  };
  const docTitle = `关于中考命题人员入闱的通知${stamp}`;

  // The people through the API (with their clearance), and a 机密 incoming document registered by the clerk.
  const api = await adminApi(baseURL!);
  for (const p of Object.values(people)) {
    const roleIds = await Promise.all(p.roles.map((code) => api.roleId(code)));
    const created = await api.context.post('/api/v1/org/users', {
      data: { username: p.username, name: p.name, password, roleIds, clearance: p.clearance },
    });
    expect(created.ok(), await created.text()).toBe(true);
  }
  await api.dispose();
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: people.clerk.username, password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const registered = await anonymous.post('/api/v1/documents/incoming', {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: {
      title: docTitle,
      sourceOrg: '市教育局',
      docType: 'notice',
      senderNumber: '市教〔2026〕31号',
      secrecy: 'confidential',
      secrecyPeriod: '10年',
      copyNumber: '000007',
    },
  });
  expect(registered.ok(), await registered.text()).toBe(true);
  const docId = ((await registered.json()) as { id: string }).id;
  await anonymous.dispose();

  // ASM-6: the clerk records this quarter's confidentiality training with the borrower attending.
  const clerk = await signedIn(browser, people.clerk.username, password);
  await openFromMenu(clerk, '/assessment/training');
  await clerk.getByTestId('training-add-plan').click();
  await clerk.getByTestId('plan-title').fill(`保密教育培训${stamp}`);
  await clerk.getByTestId('plan-save').click();
  const heldAt = clerk.getByTestId('session-held-at').locator('input');
  await heldAt.fill(anHourAgo());
  await heldAt.press('Enter');
  await clerk.getByTestId('session-place').fill('行政楼三楼会议室');
  await clerk.getByTestId('session-trainer').fill('区保密局 李老师');
  await clerk.getByTestId('session-content').fill('涉密载体管理与保密法规解读');
  await clerk.getByTestId('session-save').click();
  const session = clerk.getByTestId('training-session');
  await expect(session).toHaveCount(1);
  await pickPerson(clerk, session.getByTestId('attendance-person'), people.borrower);
  // Close the picker's dropdown (a click beside it), then save the sheet.
  await session.locator('h4').click();
  await session.getByTestId('attendance-save').click();
  await expect(session).toContainText(people.borrower.name);
  await expect(session).toContainText('出席 1 人');
  await clerk.keyboard.press('Escape');

  // ADM-10: the clerk registers the loan application; the form shows the borrower is trained.
  await openFromMenu(clerk, '/administration/lending');
  await clerk.getByTestId('loan-apply').click();
  await clerk.getByTestId('loan-item').click();
  await clerk.keyboard.type(stamp);
  await openDropdown(clerk).locator('.el-select-dropdown__item', { hasText: docTitle }).click();
  await pickPerson(clerk, clerk.getByTestId('loan-borrower'), people.borrower);
  await expect(clerk.getByTestId('loan-trained')).toBeVisible();
  await clerk.getByTestId('loan-purpose').fill('起草学校保密工作自查报告需查阅原文');
  const due = clerk.getByTestId('loan-due').locator('input');
  await due.fill(schoolDate(14));
  await due.press('Enter');
  await clerk.getByTestId('loan-submit').click();
  const detail = clerk.getByTestId('loan-detail');
  await expect(detail).toContainText('待审批');
  await expect(detail).toContainText(people.borrower.name);

  // Before approval the borrower cannot open the document.
  const borrower = await signedIn(browser, people.borrower.username, password);
  await borrower.goto(`/documents/incoming/${docId}`);
  await expect(borrower.getByTestId('incoming-detail-title')).toHaveCount(0);

  // A school leader approves it.
  await detail.getByTestId('loan-approval').click();
  await expect(clerk).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
  const approvalPath = new URL(clerk.url()).pathname;
  const leader = await signedIn(browser, people.leader.username, password);
  await leader.goto(approvalPath);
  await leader.getByTestId('approval-action-approve').click();
  const dialog = leader.getByTestId('approval-action-dialog');
  await dialog.getByTestId('action-comment').fill('同意借阅');
  await dialog.getByTestId('approval-action-submit').click();
  await expect(dialog).toBeHidden();

  // The register shows it lent (the outcome arrives through a job), and the borrower now sees the document.
  await clerk.goto('/administration/lending');
  const row = clerk.getByTestId('loan-table').locator('.el-table__row', { hasText: docTitle });
  await expect(async () => {
    await clerk.reload();
    await expect(row).toContainText('借出中', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await borrower.goto(`/documents/incoming/${docId}`);
  await expect(borrower.getByTestId('incoming-detail-title')).toHaveText(docTitle);

  // The return ends it.
  await row.click();
  await clerk.getByTestId('loan-return').click();
  await expect(clerk.getByTestId('loan-detail')).toContainText('已归还');
});
