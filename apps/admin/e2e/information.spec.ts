import { expect, test } from '@playwright/test';
import { adminApi } from './api';
import { openFromMenu, runStamp, signIn } from './support';

test('INF-2 the director keeps a name list; a clerk checks a text, sees the phone number and the student flagged, masks them and gets the text to publish', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const stamp = runStamp();
  const password = 'Tuomin2026!';
  const director = { username: `e2einfodir${stamp}`, name: `孙主任${stamp}` };
  const clerk = { username: `e2einfoclerk${stamp}`, name: `周文员${stamp}` };
  const api = await adminApi(baseURL!);
  await api.createUser({ ...director, password, roleCodes: ['office-director'] });
  await api.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await api.dispose();
  const student = '陈思远';

  // The director enters this year's student list.
  const directorPage = await (await browser.newContext()).newPage();
  await signIn(directorPage, director.username, password);
  await openFromMenu(directorPage, '/information/name-lists');
  await directorPage.getByTestId('name-list-add').click();
  await directorPage.getByTestId('name-list-name').fill(`学生名单${stamp}`);
  await directorPage.getByTestId('name-list-names').fill(`李同学${stamp}\n${student}`);
  await directorPage.getByTestId('name-list-save').click();
  await expect(directorPage.getByTestId('name-lists-table').locator('tr', { hasText: `学生名单${stamp}` })).toContainText('2');

  // The clerk checks a notice before publishing it.
  const page = await (await browser.newContext()).newPage();
  await signIn(page, clerk.username, password);
  await openFromMenu(page, '/information/desensitise');
  await page.getByTestId('desensitise-source').fill(`表扬${student}同学拾金不昧，失主请致电 13912345678 认领。`);
  await page.getByTestId('desensitise-check').click();
  const marks = page.getByTestId('finding-mark');
  await expect(marks).toHaveText([student, '13912345678']);

  // Releasing with findings undecided is refused; masking both releases the masked text.
  await page.getByTestId('desensitise-release').click();
  await expect(page.getByTestId('desensitise-released')).toHaveCount(0);
  await page.getByTestId('decision-mobile').getByText('脱敏').click();
  await page.getByTestId('decision-name').getByText('脱敏').click();
  await page.getByTestId('desensitise-release').click();
  await expect(page.getByTestId('desensitise-released')).toHaveText(`表扬陈**同学拾金不昧，失主请致电 139****5678 认领。`);
});
