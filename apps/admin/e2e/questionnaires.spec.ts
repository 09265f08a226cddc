import { expect, test } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

/**
 * ASM-3: the office builds a questionnaire with a branching rule in the panel and opens it; a
 * parent answers it on a phone through its public link, where the branch appears only after the
 * right choice; the office's results page shows the new response in its chart figures.
 */
test('ASM-3 a questionnaire built in the panel is answered on a phone through its link, and the results chart updates', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Wenjuan2026!';
  const clerk = { username: `e2eqclerk${stamp}`, name: `问卷专员${stamp}` };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await admin.dispose();
  const title = `住校生家长满意度调查${stamp}`;

  // The office builds it: a single choice, and a rating shown only for 住校.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await signIn(office, clerk.username, password);
  await openFromMenu(office, '/assessment/questionnaires');
  await office.getByTestId('questionnaire-create').click();
  const editor = office.getByTestId('questionnaire-editor');
  await editor.getByTestId('q-title').fill(title);
  await editor.getByTestId('q-question-title-0').fill('您的孩子是走读还是住校？');
  await editor.getByTestId('q-option-0-0').fill('走读');
  await editor.getByTestId('q-option-0-1').fill('住校');
  await editor.getByTestId('q-add-question').click();
  await editor.getByTestId('q-type-1').click();
  await openDropdown(office).locator('.el-select-dropdown__item', { hasText: '评分' }).click();
  await editor.getByTestId('q-question-title-1').fill('您对宿舍管理的满意度');
  await editor.getByTestId('q-condition-1').click();
  await openDropdown(office).locator('.el-select-dropdown__item', { hasText: '第 1 题选择“住校”时显示' }).click();
  await editor.getByTestId('q-save').click();
  await expect(editor).toBeHidden();

  // Open it (the questions freeze), then go to its results page for the link.
  const row = office.getByTestId('questionnaires-table').locator('.el-table__row', { hasText: title });
  await row.getByTestId('questionnaire-open').click();
  await office.locator('.el-message-box__btns .el-button--primary').click();
  await expect(row).toContainText('收集中');
  await row.getByTestId('questionnaire-results').click();
  await expect(office.getByTestId('results-count')).toHaveText('共 0 份答卷');
  await expect(office.getByTestId('questionnaire-qr')).toBeVisible();
  const link = await office.getByTestId('questionnaire-link').inputValue();
  const path = new URL(link).pathname;
  expect(path).toMatch(/^\/q\/[A-Z0-9]+$/);

  // A parent's phone, not signed in: the rating appears only once 住校 is chosen.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto(path);
  await expect(phone.getByTestId('answer-page')).toContainText(title);
  await expect(phone.getByTestId('answer-question-1')).toHaveCount(0);
  await phone.getByTestId('answer-0-0').tap();
  await expect(phone.getByTestId('answer-question-1')).toHaveCount(0);
  await phone.getByTestId('answer-0-1').tap();
  await expect(phone.getByTestId('answer-question-1')).toBeVisible();
  await phone.getByTestId('answer-1-rate-4').tap();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await phone.getByTestId('answer-submit').tap();
  await expect(phone.getByTestId('answer-done')).toBeVisible();

  // The results page refreshes by itself: one response, 住校 counted once, a 4 for the rating.
  await expect(office.getByTestId('results-count')).toHaveText('共 1 份答卷', { timeout: 15_000 });
  await expect(office.getByTestId('result-0-table').locator('.el-table__row', { hasText: '住校' })).toContainText('1');
  await expect(office.getByTestId('result-0-table').locator('.el-table__row', { hasText: '走读' })).toContainText('0');
  await expect(office.getByTestId('result-1-table').locator('.el-table__row', { hasText: '4 分' })).toContainText('1');
  await expect(office.getByTestId('result-1-mean')).toContainText('4');

  await phoneContext.close();
  await officeContext.close();
});
