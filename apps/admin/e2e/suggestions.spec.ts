import { expect, test, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

/** Chooses a colleague in a UserPicker by typing their username. */
async function pickPerson(page: Page, picker: ReturnType<Page['getByTestId']>, person: { username: string; name: string }): Promise<void> {
  await picker.click();
  await page.keyboard.type(person.username);
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: person.name }).click();
}

/**
 * ASM-4: a parent sends an anonymous suggestion from a phone without signing in and keeps the
 * query code; the office assigns it; the teacher answers it from their inbox; the code shows the
 * reply on the phone; the office closes it.
 */
test('ASM-4 a suggestion from the phone box is assigned, answered from the inbox, read back by its query code and closed', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Yijian2026!';
  const clerk = { username: `e2esugclerk${stamp}`, name: `办公室${stamp}` };
  const teacher = { username: `e2esugteach${stamp}`, name: `总务教师${stamp}` };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await admin.createUser({ ...teacher, password, roleCodes: ['staff'] });
  await admin.dispose();
  const subject = `建议增设自行车棚${stamp}`;
  const answer = `总务处已在北门增设车棚，可停放八十辆。${stamp}`;

  // The parent's phone, not signed in: the box takes an anonymous suggestion and hands back a query code.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto('/suggest');
  await phone.getByTestId('box-subject').fill(subject);
  await phone.getByTestId('box-content').fill('学生骑车上学越来越多，现有车棚不够用，建议增设。');
  await phone.getByTestId('box-send').tap();
  const code = (await phone.getByTestId('suggestion-code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The office sees it (anonymous, no name) and assigns it to a teacher.
  const clerkContext = await browser.newContext();
  const office = await clerkContext.newPage();
  await signIn(office, clerk.username, password);
  await openFromMenu(office, '/assessment/suggestions');
  await office.getByTestId('suggestions-table').locator('.el-table__row', { hasText: subject }).click();
  const drawer = office.getByTestId('suggestion-drawer');
  await expect(drawer).toContainText('匿名提出');
  await pickPerson(office, drawer.getByTestId('suggestion-assignee'), teacher);
  await drawer.getByTestId('suggestion-assign').click();
  await expect(drawer.getByTestId('suggestion-status')).toHaveText('处理中');

  // The teacher finds it in their inbox and answers it.
  const teacherContext = await browser.newContext();
  const desk = await teacherContext.newPage();
  await signIn(desk, teacher.username, password);
  await desk.getByTestId('header-todo').click();
  await desk.getByTestId('inbox-table').locator('.el-table__row', { hasText: subject }).locator('a').click();
  const answerDrawer = desk.getByTestId('suggestion-drawer');
  await answerDrawer.getByTestId('suggestion-answer-text').fill(answer);
  await answerDrawer.getByTestId('suggestion-answer').click();
  await expect(answerDrawer.getByTestId('suggestion-status')).toHaveText('已答复');

  // The parent reads the reply with the code.
  await phone.getByTestId('box-query-code').fill(code);
  await phone.getByTestId('box-query').tap();
  await expect(phone.getByTestId('box-reply-answer')).toHaveText(answer);

  // The office closes it.
  await office.reload();
  await office.getByTestId('suggestions-table').locator('.el-table__row', { hasText: subject }).click();
  await drawer.getByTestId('suggestion-close').click();
  await expect(drawer.getByTestId('suggestion-status')).toHaveText('已办结');

  await phoneContext.close();
  await clerkContext.close();
  await teacherContext.close();
});
