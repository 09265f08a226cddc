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

/** A school date some days on (Asia/Shanghai, as the browser runs). */
function schoolDate(daysOn = 0): string {
  return new Date(Date.now() + daysOn * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

const ID_NUMBER = '11010519491231002X';

test('INF-7 INF-9 register a visitor with an ID number and see only the masked form; record an out-of-office for the person on duty and see the cover change', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Jiedai2026!';
  const people = {
    clerk: { username: `e2erecclerk${stamp}`, name: `接待员${stamp}`, roles: ['office-clerk'] },
    onDuty: { username: `e2eonduty${stamp}`, name: `值班员${stamp}`, roles: ['staff'] },
    backup: { username: `e2ebackup${stamp}`, name: `替班员${stamp}`, roles: ['staff'] },
  };
  const api = await adminApi(baseURL!);
  const ids: Record<string, string> = {};
  for (const [key, p] of Object.entries(people))
    ids[key] = await api.createUser({ username: p.username, name: p.name, password, roleCodes: p.roles });
  await api.dispose();

  // The roster through the API: the person on duty on a morning ten days on, with a backup.
  const dutyDate = schoolDate(10);
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: people.clerk.username, password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const existing = await anonymous.get(`/api/v1/information/reception/duties?from=${dutyDate}&to=${dutyDate}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  // A rerun against the same database finds the slot taken: free it first.
  for (const d of (await existing.json()) as { id: string; slot: string }[]) {
    if (d.slot === 'am')
      await anonymous.delete(`/api/v1/information/reception/duties/${d.id}`, { headers: { Authorization: `Bearer ${accessToken}` } });
  }
  const duty = await anonymous.post('/api/v1/information/reception/duties', {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { date: dutyDate, slot: 'am', userId: ids.onDuty, backupUserId: ids.backup },
  });
  expect(duty.ok(), await duty.text()).toBe(true);
  await anonymous.dispose();

  const clerk = await signedIn(browser, people.clerk.username, password);

  // INF-7: a visitor with an ID number; the log shows only its last four digits.
  await openFromMenu(clerk, '/information/visitors');
  await clerk.getByTestId('visit-register').click();
  await clerk.getByTestId('visit-name').fill(`张建国${stamp}`);
  await clerk.getByTestId('visit-organisation').fill('区教育局');
  await clerk.getByTestId('visit-id-number').fill(ID_NUMBER);
  await clerk.getByTestId('visit-purpose').fill('咨询新生入学报名事宜');
  await pickPerson(clerk, clerk.getByTestId('visit-host'), people.onDuty);
  await clerk.getByTestId('visit-acknowledged').click();
  await clerk.getByTestId('visit-save').click();
  const row = clerk.getByTestId('visit-table').locator('tr', { hasText: `张建国${stamp}` });
  await expect(row).toContainText('**************002X');
  await expect(clerk.locator('body')).not.toContainText(ID_NUMBER);
  await expect(clerk.locator('body')).not.toContainText(ID_NUMBER.slice(0, 14));
  // The form does not keep it either.
  await clerk.getByTestId('visit-register').click();
  await expect(clerk.getByTestId('visit-id-number')).toHaveValue('');
  await clerk.keyboard.press('Escape');
  // The statistics tab draws its charts and counts the visit.
  await clerk.getByRole('tab', { name: '接待统计' }).click();
  await expect(clerk.getByTestId('visit-stats-total')).toContainText(/[1-9]/);
  await expect(clerk.getByTestId('visit-stats').locator('canvas').first()).toBeVisible();

  // INF-9: who covers that morning; then the person on duty goes out, and the backup covers.
  await openFromMenu(clerk, '/information/reception/cover');
  const date = clerk.getByTestId('cover-date').locator('input');
  await date.fill(dutyDate);
  await date.press('Enter');
  await clerk.getByTestId('cover-slot').click();
  await openDropdown(clerk).locator('.el-select-dropdown__item', { hasText: '上午' }).click();
  const card = clerk.getByTestId('cover-card');
  await expect(clerk.getByTestId('cover-person')).toHaveText(people.onDuty.name);
  await expect(clerk.getByTestId('cover-reason')).toHaveText('值班');

  await clerk.getByTestId('absence-add').click();
  await pickPerson(clerk, clerk.getByTestId('absence-person'), people.onDuty);
  const starts = clerk.getByTestId('absence-starts').locator('input');
  await starts.fill(`${dutyDate} 07:00:00`);
  await starts.press('Enter');
  const ends = clerk.getByTestId('absence-ends').locator('input');
  await ends.fill(`${dutyDate} 18:00:00`);
  await ends.press('Enter');
  await clerk.getByTestId('absence-reason').fill('参加区教育局会议');
  await clerk.getByTestId('absence-destination').fill('区教育局');
  await clerk.getByTestId('absence-save').click();

  await expect(clerk.getByTestId('cover-person')).toHaveText(people.backup.name);
  await expect(clerk.getByTestId('cover-reason')).toContainText('替班');
  await expect(card.getByTestId('cover-out')).toContainText(people.onDuty.name);
  await expect(clerk.getByTestId('absence-table')).toContainText(people.onDuty.name);
});

test('INF-1 a department head submits information for a collection request; the office accepts it into a category of the publishing list', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Caiji2026!';
  const api = await adminApi(baseURL!);
  const department = await api.createDepartment({ code: `C${stamp}`.slice(0, 20), name: `教务处${stamp}` });
  const head = { username: `e2ecolhead${stamp}`, name: `王主任${stamp}` };
  const clerk = { username: `e2ecolclerk${stamp}`, name: `信息员${stamp}` };
  const headId = await api.createUser({ ...head, password, departmentId: department.id, roleCodes: ['department-head'] });
  await api.setDepartmentHead(department, headId);
  await api.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await api.dispose();

  const title = `关于报送本学期工作亮点的通知${stamp}`;
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: clerk.username, password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await anonymous.post('/api/v1/information/collection/requests', {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: {
      title,
      description: '请报送本学期工作亮点。',
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      departmentIds: [department.id],
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  await anonymous.dispose();

  // The head submits for the department.
  const headPage = await signedIn(browser, head.username, password);
  await openFromMenu(headPage, '/information/collection/mine');
  await headPage.getByTestId('collection-table').getByText(title).click();
  await headPage.getByTestId('collection-content').fill(`本学期举办青年教师教学比赛${stamp}`);
  await headPage.getByTestId('collection-submit').click();
  await expect(headPage.getByTestId('collection-my-status')).toHaveText('待审核');

  // The office reviews it and accepts it into a category; it is on the publishing list.
  const office = await signedIn(browser, clerk.username, password);
  await openFromMenu(office, '/information/collection');
  await office.getByTestId('collection-table').getByText(title).click();
  const submission = office.getByTestId('collection-submission').filter({ hasText: `青年教师教学比赛${stamp}` });
  await submission.getByTestId('collection-accept').click();
  await office.getByTestId('collection-review-save').click();
  await expect(submission).toContainText('已采用');
  await openFromMenu(office, '/information/publishing-list');
  await expect(office.getByTestId('publishing-category').filter({ hasText: '校园动态' })).toContainText(`青年教师教学比赛${stamp}`);
});
