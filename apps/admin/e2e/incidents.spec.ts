import { expect, test, type Locator } from '@playwright/test';
import { adminApi } from './api';
import { fieldByLabel, openFromMenu, pickPerson, runStamp, signIn } from './support';

/** Types into a date picker and confirms with Enter. */
async function typeDate(picker: Locator, value: string): Promise<void> {
  const input = picker.locator('input').first();
  await input.fill(value);
  await input.press('Enter');
}

/** School time (Asia/Shanghai) `minutes` from now, as the datetime picker takes it. */
const schoolTime = (minutes: number) => new Date(Date.now() + 8 * 3600_000 + minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');

/** A school date (Asia/Shanghai) `days` from today. */
const schoolDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * REQ-5: the office registers an incident (what, where, when, who handled it, steps, outcome),
 * then writes the post-incident review whose lesson becomes an improvement measure (ASM-5).
 */
test('REQ-5 the office records an incident and its review, and the lesson becomes an improvement measure', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Tufa2026!';
  const clerk = { username: `e2eincclerk${stamp}`, name: `办公室突发${stamp}` };
  const teacher = { username: `e2eincteach${stamp}`, name: `安全教师${stamp}` };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await admin.createUser({ ...teacher, password, roleCodes: ['staff'] });
  await admin.dispose();
  const title = `食堂学生排队时摔倒擦伤${stamp}`;

  const context = await browser.newContext();
  const office = await context.newPage();
  await signIn(office, clerk.username, password);
  await openFromMenu(office, '/assessment/incidents');

  // Record the incident.
  await office.getByTestId('incident-create').click();
  const dialog = office.getByRole('dialog', { name: '登记突发情况' });
  await fieldByLabel(dialog, '事件').locator('input').fill(title);
  await fieldByLabel(dialog, '经过').locator('textarea').fill('午餐时一名学生在食堂门口台阶处滑倒，膝盖擦伤。');
  await fieldByLabel(dialog, '地点').locator('input').fill('食堂一楼门口');
  await typeDate(fieldByLabel(dialog, '发生时间'), schoolTime(-60));
  await fieldByLabel(dialog, '处置人').locator('input').fill('值周教师王老师');
  await fieldByLabel(dialog, '处置措施').locator('textarea').fill('送医务室消毒包扎，通知家长。');
  await fieldByLabel(dialog, '处置结果').locator('textarea').fill('学生无大碍，下午正常上课。');
  await fieldByLabel(dialog, '等级').getByText('较大', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = office.getByTestId('incidents-table').locator('.el-table__row', { hasText: title });
  await expect(row).toContainText('已登记');
  await expect(row).toContainText('较大');
  await expect(row).toContainText('食堂一楼门口');

  // Open it, check the register, and write the review with one lesson for a teacher.
  await row.click();
  const drawer = office.getByTestId('incident-drawer');
  await expect(drawer).toContainText('值周教师王老师');
  await expect(drawer).toContainText('送医务室消毒包扎，通知家长。');
  await drawer.getByPlaceholder('事后总结').fill('雨天台阶湿滑，门口没有防滑垫。');
  const lesson = drawer.getByTestId('measure-row-0');
  await lesson.getByTestId('measure-description').fill('食堂门口台阶铺设防滑垫');
  await pickPerson(office, lesson.getByTestId('measure-owner'), teacher);
  await typeDate(lesson.getByTestId('measure-due'), schoolDay(7));
  await drawer.getByRole('button', { name: '事后总结' }).click();
  await expect(drawer.getByRole('button', { name: '查看整改' })).toBeVisible();
  await expect(drawer).toContainText('雨天台阶湿滑，门口没有防滑垫。');
  await expect(drawer.getByRole('button', { name: '事后总结' })).toHaveCount(0);
  await expect(row).toContainText('已总结');

  // The lesson is now a measure of an improvement problem, owned by the teacher.
  await drawer.getByRole('button', { name: '查看整改' }).click();
  await expect(office).toHaveURL(/\/assessment\/improvement\?open=/);
  const problem = office.getByTestId('improvement-drawer');
  await expect(problem).toContainText(title);
  await expect(problem.getByTestId('improvement-status')).toHaveText('整改中');
  await expect(problem.getByTestId('improvement-measures')).toContainText('食堂门口台阶铺设防滑垫');
  await expect(problem.getByTestId('improvement-measures')).toContainText(teacher.name);

  await context.close();
});
