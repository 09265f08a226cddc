import { expect, test, type Browser, type Page } from '@playwright/test';
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

/** Runs an action of the detail page through its dialog. */
async function act(page: Page, action: string, fill?: { field: string; text: string }): Promise<void> {
  await page.getByTestId(`incoming-action-${action}`).click();
  const dialog = page.getByTestId('incoming-action-dialog');
  if (fill) await dialog.getByTestId(fill.field).fill(fill.text);
  await dialog.getByTestId('incoming-action-submit').click();
  await expect(dialog).toBeHidden();
}

test('DOC-1 DOC-2 DOC-4 DOC-6 register an urgent document, the responsible person sees it in their inbox, route, handle and complete it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const stamp = runStamp();
  const password = 'Shouwen2026!';
  const people = {
    clerk: { username: `e2eclerk${stamp}`, name: `孙文员${stamp}` },
    head: { username: `e2edochead${stamp}`, name: `周主任${stamp}` },
    leader: { username: `e2edocleader${stamp}`, name: `吴校长${stamp}` },
  };
  const departmentName = `教务处${stamp}`;
  const title = `关于做好2026年春季学期开学工作的通知${stamp}`;

  // The organisation through the API: the office clerk, a department whose head handles, a leader who instructs.
  const api = await adminApi(baseURL!);
  const department = await api.createDepartment({ code: `SW${stamp}`, name: departmentName });
  const headId = await api.createUser({ ...people.head, password, departmentId: department.id, roleCodes: ['department-head'] });
  await api.setDepartmentHead(department, headId);
  await api.createUser({ ...people.clerk, password, roleCodes: ['office-clerk'] });
  await api.createUser({ ...people.leader, password, roleCodes: ['school-leader'] });
  await api.dispose();

  // DOC-1: the clerk registers a 特急 document; the responsible person is required for it.
  const clerk = await signedIn(browser, people.clerk.username, password);
  await openFromMenu(clerk, '/documents/incoming');
  await clerk.getByTestId('incoming-register').click();
  const form = clerk.getByTestId('incoming-form-dialog');
  await form.getByTestId('incoming-title').fill(title);
  await form.getByTestId('incoming-source').fill('市教育局');
  await form.getByTestId('incoming-sender-number').fill(`市教〔2026〕${stamp.slice(-3)}号`);
  await form.getByTestId('incoming-urgency-extra-urgent').click();
  await form.getByTestId('incoming-form-submit').click();
  // Refused in the form: an urgent document names the person to notify.
  await expect(form.locator('.el-form-item.is-error')).toHaveCount(1);
  await pickPerson(clerk, form.getByTestId('incoming-responsible'), people.head);
  await form.getByTestId('incoming-form-submit').click();
  await expect(form).toBeHidden();
  await expect(clerk).toHaveURL(/\/documents\/incoming\/[0-9a-f-]{36}$/);
  const detailPath = new URL(clerk.url()).pathname;
  const documentId = detailPath.split('/').pop()!;
  await expect(clerk.getByTestId('incoming-detail-number')).toHaveText(/^收〔\d{4}〕\d{4}$/);
  await expect(clerk.getByTestId('incoming-detail-status')).toHaveAttribute('data-status', 'registered');

  // DOC-2: today's intake lists it, highlighted as urgent.
  await clerk.getByTestId('incoming-back').click();
  await clerk.locator('#tab-intake').click();
  const intakeRow = clerk.getByTestId('incoming-intake-table').locator('.el-table__row', { hasText: title });
  await expect(intakeRow).toHaveClass(/incoming-row--urgent/);

  // DOC-2: the responsible person has it in their inbox at once.
  const head = await signedIn(browser, people.head.username, password);
  await head.getByTestId('header-todo').click();
  await expect(head).toHaveURL(/\/inbox$/);
  await expect(head.getByTestId(`inbox-item-${documentId}`)).toContainText(title);

  // The clerk reviews it and proposes, asking the leader for 批办; the leader instructs.
  await clerk.goto(detailPath);
  await act(clerk, 'review');
  await expect(clerk.getByTestId('incoming-detail-status')).toHaveAttribute('data-status', 'reviewed');
  await clerk.getByTestId('incoming-action-propose').click();
  const propose = clerk.getByTestId('incoming-action-dialog');
  await propose.getByTestId('action-proposal').fill('拟请教务处主办，办公室协办。');
  await pickPerson(clerk, propose.getByTestId('action-leader'), people.leader);
  await propose.getByTestId('incoming-action-submit').click();
  await expect(propose).toBeHidden();
  await expect(clerk.getByTestId('incoming-detail-status')).toHaveAttribute('data-status', 'proposed');
  // Only the leader may instruct: the clerk has no such button.
  await expect(clerk.getByTestId('incoming-action-instruct')).toHaveCount(0);

  const leader = await signedIn(browser, people.leader.username, password);
  await leader.goto(detailPath);
  await act(leader, 'instruct', { field: 'action-instruction', text: '同意拟办意见，请教务处抓紧落实。' });
  await expect(leader.getByTestId('incoming-detail-status')).toHaveAttribute('data-status', 'instructed');

  // DOC-4: the clerk routes it to the department, as lead, in the system.
  await clerk.reload();
  await clerk.getByTestId('incoming-action-route').click();
  const route = clerk.getByTestId('incoming-action-dialog');
  await route.getByTestId('route-department-0').click();
  await openDropdown(clerk).locator('.el-tree-node__content', { hasText: departmentName }).click();
  await route.getByTestId('incoming-action-submit').click();
  await expect(route).toBeHidden();
  await expect(clerk.getByTestId('incoming-detail-status')).toHaveAttribute('data-status', 'handling');
  await expect(clerk.getByTestId('incoming-timeline')).toContainText(departmentName);
  await expect(clerk.getByTestId('incoming-where-now')).toContainText(departmentName);

  // DOC-4 DOC-6: the head confirms receipt and records the handling opinion.
  await head.goto(detailPath);
  await expect(head.getByTestId('incoming-action-complete')).toHaveCount(0);
  await act(head, 'confirm');
  await expect(head.getByTestId('incoming-action-confirm')).toHaveCount(0);
  const opinion = '已组织教研组长学习，按要求于3月1日前完成自查。';
  await act(head, 'opinion', { field: 'action-opinion', text: opinion });
  await expect(head.getByTestId('incoming-action-opinion')).toHaveCount(0);
  await expect(head.getByTestId('incoming-timeline')).toContainText(opinion);

  // DOC-6: completion closes it.
  await clerk.reload();
  await act(clerk, 'complete');
  await expect(clerk.getByTestId('incoming-detail-status')).toHaveAttribute('data-status', 'completed');
  await expect(clerk.getByTestId('incoming-action-file')).toBeVisible();

  // DOC-8 DOC-12: the register finds it by its title and exports the 收文登记簿 with the same filters.
  await clerk.getByTestId('incoming-back').click();
  await clerk.getByTestId('incoming-filter-q').fill(title);
  await clerk.getByTestId('incoming-search').click();
  await expect(clerk.getByTestId(`incoming-status-${documentId}`)).toBeVisible();
  await expect(clerk.getByTestId('incoming-table').locator('.el-table__row')).toHaveCount(1);
  const downloading = clerk.waitForEvent('download');
  await clerk.getByTestId('incoming-export').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.xlsx$/);
});
