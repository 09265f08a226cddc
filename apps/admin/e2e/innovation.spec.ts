import { expect, test, type Locator, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

/** The <input> of an Element Plus field: the test id sits on the input itself or on its wrapper. */
async function inputOf(field: Locator): Promise<Locator> {
  return (await field.evaluate((element) => element.tagName)) === 'INPUT' ? field : field.locator('input').first();
}

/** Types a date into an Element Plus date picker. */
async function typeDate(picker: Locator, date: string): Promise<void> {
  const input = await inputOf(picker);
  await input.fill(date);
  await input.press('Enter');
}

/** A school date (Asia/Shanghai) `days` from today. */
const schoolDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Picks an option of an Element Plus select by its visible text. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: option }).click();
}

/**
 * ASM-7: a teacher submits an innovation suggestion; the office adopts it, records its
 * implementation and the award; the teacher sees it awarded, and the year's list counts it.
 */
test('ASM-7 a teacher submits an innovation suggestion, the office adopts it, records the implementation and the award', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Chuangxin2026!';
  const clerk = { username: `e2einnclerk${stamp}`, name: `办公室创新${stamp}` };
  const teacher = { username: `e2einnteach${stamp}`, name: `创新教师${stamp}` };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await admin.createUser({ ...teacher, password, roleCodes: ['staff'] });
  await admin.dispose();
  const title = `课间操音乐改用校园广播定时播放${stamp}`;

  // The teacher submits the suggestion and sees it waiting for review, with nothing to decide.
  const teacherContext = await browser.newContext();
  const desk = await teacherContext.newPage();
  await signIn(desk, teacher.username, password);
  await openFromMenu(desk, '/assessment/innovation');
  await desk.getByTestId('innovation-new').click();
  await desk.getByTestId('innovation-title').fill(title);
  await desk.getByTestId('innovation-description').fill('每天课间操由值日教师手动放音乐，常有延误。建议接入广播系统定时播放。');
  await desk.getByTestId('innovation-benefit').fill('课间操准时开始，每周节省值日教师约一小时。');
  await desk.getByTestId('innovation-save').click();
  const mine = desk.getByTestId('innovation-table').locator('.el-table__row', { hasText: title });
  await expect(mine).toContainText('待评审');
  await expect(mine).toContainText(teacher.name);
  await mine.click();
  const ownDrawer = desk.getByTestId('innovation-drawer');
  await expect(ownDrawer.getByTestId('innovation-status')).toHaveText('待评审');
  await expect(ownDrawer.getByTestId('innovation-adopt')).toHaveCount(0);

  // The office adopts it with a reason, records the implementation and then the award.
  const clerkContext = await browser.newContext();
  const office = await clerkContext.newPage();
  await signIn(office, clerk.username, password);
  await openFromMenu(office, '/assessment/innovation');
  await office.getByTestId('innovation-table').locator('.el-table__row', { hasText: title }).click();
  const drawer = office.getByTestId('innovation-drawer');
  await expect(drawer.getByTestId('innovation-status')).toHaveText('待评审');
  await drawer.getByTestId('innovation-reason').fill('投入小，见效快，同意采纳。');
  await drawer.getByTestId('innovation-adopt').click();
  await expect(drawer.getByTestId('innovation-status')).toHaveText('已采纳');
  await expect(drawer).toContainText('投入小，见效快，同意采纳。');

  await drawer.getByPlaceholder('实施情况').fill('总务处已在广播系统设置每日定时播放。');
  await typeDate(drawer.getByPlaceholder('实施日期'), schoolDay(0));
  await drawer.getByRole('button', { name: '登记实施' }).click();
  await expect(drawer.getByTestId('innovation-status')).toHaveText('已实施');
  await expect(drawer).toContainText('总务处已在广播系统设置每日定时播放。');

  await choose(office, drawer.getByTestId('innovation-level'), '二等奖');
  const amount = await inputOf(drawer.getByTestId('innovation-amount'));
  await amount.fill('200');
  await amount.press('Tab');
  // The test id on this el-date-picker does not reach the DOM; the form item's label finds it.
  await typeDate(drawer.locator('.el-form-item', { hasText: '奖励日期' }), schoolDay(0));
  await drawer.getByTestId('innovation-award').click();
  await expect(drawer.getByTestId('innovation-status')).toHaveText('已奖励');
  await expect(drawer).toContainText('二等奖 · 200.00');
  await expect(drawer.getByTestId('innovation-award')).toHaveCount(0);

  // The year's adopted suggestions list it with the prize.
  await office.keyboard.press('Escape');
  await office.getByRole('tab', { name: '年度采纳与奖励' }).click();
  await expect(office.getByTestId('innovation-year-summary')).toBeVisible();
  // Both tabs keep their table in the page; the year's is the visible one.
  await expect(office.locator('.el-table__row', { hasText: title }).filter({ visible: true })).toContainText('200.00');

  // The teacher sees their suggestion awarded.
  await desk.reload();
  await expect(desk.getByTestId('innovation-table').locator('.el-table__row', { hasText: title })).toContainText('已奖励');
  await expect(desk.getByTestId('innovation-table').locator('.el-table__row', { hasText: title })).toContainText('二等奖');

  await clerkContext.close();
  await teacherContext.close();
});
