import { expect, test, type Locator, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

/** Chooses a colleague in a UserPicker by typing their username. */
async function pickPerson(page: Page, picker: Locator, person: { username: string; name: string }): Promise<void> {
  await picker.click();
  await page.keyboard.type(person.username);
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: person.name }).click();
}

/** Types a date into an Element Plus date picker. */
async function typeDate(picker: Locator, date: string): Promise<void> {
  const input = picker.locator('input');
  await input.fill(date);
  await input.press('Enter');
}

/** A school date (Asia/Shanghai) `days` from today. */
const schoolDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * ASM-5: the office records a problem and its root cause and sets a measure for a teacher; the
 * teacher reports it implemented from their inbox; the office evaluates the effect and closes it.
 */
test('ASM-5 a problem gets a root cause and a measure, the owner reports it from the inbox, the office closes it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Zhenggai2026!';
  const clerk = { username: `e2eimpclerk${stamp}`, name: `办公室整改${stamp}` };
  const teacher = { username: `e2eimpteach${stamp}`, name: `实验教师${stamp}` };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await admin.createUser({ ...teacher, password, roleCodes: ['staff'] });
  await admin.dispose();
  const title = `实验楼消防通道堆放杂物${stamp}`;

  // The office records the problem, its root cause and one measure.
  const clerkContext = await browser.newContext();
  const office = await clerkContext.newPage();
  await signIn(office, clerk.username, password);
  await openFromMenu(office, '/assessment/improvement');
  await office.getByTestId('improvement-create').click();
  await office.getByTestId('problem-title').fill(title);
  await office.getByTestId('problem-description').fill('安全检查发现实验楼三楼消防通道堆放纸箱。');
  await office.getByTestId('problem-save').click();
  const drawer = office.getByTestId('improvement-drawer');
  await expect(drawer.getByTestId('improvement-status')).toHaveText('待分析');
  await expect(drawer.getByTestId('improvement-close')).toHaveCount(0);
  await drawer.getByTestId('improvement-root-cause').fill('楼层没有固定的物品存放点。');
  await drawer.getByTestId('improvement-analyse').click();
  await expect(drawer).toContainText('楼层没有固定的物品存放点。');
  const row = drawer.getByTestId('measure-row-0');
  await row.getByTestId('measure-description').fill('清理通道并设置临时存放点');
  await pickPerson(office, row.getByTestId('measure-owner'), teacher);
  await typeDate(row.getByTestId('measure-due'), schoolDay(7));
  await drawer.getByTestId('improvement-add-measures').click();
  await expect(drawer.getByTestId('improvement-status')).toHaveText('整改中');
  await expect(drawer.getByTestId('improvement-measures')).toContainText(teacher.name);

  // The teacher finds the measure in their inbox and reports it implemented.
  const teacherContext = await browser.newContext();
  const desk = await teacherContext.newPage();
  await signIn(desk, teacher.username, password);
  await desk.getByTestId('header-todo').click();
  await desk.getByTestId('inbox-table').locator('.el-table__row', { hasText: title }).locator('a').click();
  const mine = desk.getByTestId('improvement-drawer');
  await expect(mine.getByTestId('improvement-add-measures')).toHaveCount(0);
  await mine.getByTestId('measure-report-note').fill('已清理完毕，并在楼梯间设置存放架');
  await typeDate(mine.getByTestId('measure-report-date'), schoolDay(0));
  await mine.getByTestId('measure-report').click();
  await expect(mine.getByTestId('improvement-status')).toHaveText('待评估');

  // The office evaluates the effect and closes it.
  await office.reload();
  await office.getByTestId('improvement-table').locator('.el-table__row', { hasText: title }).click();
  await expect(drawer.getByTestId('improvement-status')).toHaveText('待评估');
  await drawer.getByTestId('improvement-evaluation').fill('复查两周无堆放');
  await drawer.getByTestId('improvement-close').click();
  await expect(drawer.getByTestId('improvement-status')).toHaveText('已关闭');
  await expect(drawer.getByTestId('improvement-reopen')).toHaveCount(0);

  await clerkContext.close();
  await teacherContext.close();
});
