import { expect, test, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

/** The native input of an Element Plus number or text field, wherever the test id landed. */
const field = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

test('LOG-1 LOG-5 LOG-6 the storekeeper adds an item and stocks it in, a department requests it, the storekeeper issues it, the department signs on a phone, and a low-stock alert appears', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const stamp = runStamp();
  const password = 'Lingyong2026!';
  const keeper = { username: `e2ekeeper${stamp}`, name: `赵库管${stamp}` };
  const teacher = { username: `e2esupteacher${stamp}`, name: `钱老师${stamp}` };
  const itemName = `A4复印纸${stamp}`;

  const admin = await adminApi(baseURL!);
  const department = await admin.createDepartment({ code: `JW${stamp}`, name: `教务处${stamp}` });
  await admin.createUser({ ...keeper, password, roleCodes: ['storekeeper'] });
  await admin.createUser({ ...teacher, password, departmentId: department.id, roleCodes: ['staff'] });
  await admin.dispose();

  // The storekeeper adds the item (safety stock 3) and stocks in 5 packs.
  const keeperContext = await browser.newContext();
  const store = await keeperContext.newPage();
  await signIn(store, keeper.username, password);
  await openFromMenu(store, '/logistics/supplies/items');
  await store.getByTestId('supply-item-create').click();
  await field(store, 'supply-item-name').fill(itemName);
  await field(store, 'supply-item-specification').fill('70g 500张/包');
  await field(store, 'supply-item-unit').fill('包');
  await field(store, 'supply-item-category').fill('纸张');
  await field(store, 'supply-item-safety').fill('3');
  await store.getByTestId('supply-item-save').click();
  const itemRow = store.getByTestId('supply-item-table').locator('.el-table__row', { hasText: itemName });
  await expect(itemRow).toBeVisible();
  await itemRow.getByRole('button', { name: '入库' }).click();
  await field(store, 'stock-in-quantity').fill('5');
  await field(store, 'stock-in-reason').fill('期初入库');
  await store.getByTestId('stock-in-save').click();
  await expect(store.getByTestId(`available-${itemName}`)).toHaveText('5');

  // The teacher requests 4 packs for the department.
  const teacherContext = await browser.newContext();
  const desk = await teacherContext.newPage();
  await signIn(desk, teacher.username, password);
  await openFromMenu(desk, '/logistics/supplies/requests');
  await desk.getByTestId('supply-request-create').click();
  await desk.getByTestId('request-item-0').click();
  await desk.keyboard.type(itemName);
  await openDropdown(desk).locator('.el-select-dropdown__item', { hasText: itemName }).click();
  await field(desk, 'request-quantity-0').fill('4');
  await field(desk, 'request-note').fill('期中考试印制试卷');
  await desk.getByTestId('supply-request-submit').click();
  await expect(desk.getByTestId('supply-request-table').getByTestId('supply-request-status').first()).toHaveText('待发放');

  // The storekeeper issues it: all 4 on hand go out; the slip carries the QR code of the sign page.
  await openFromMenu(store, '/logistics/supplies/requests');
  await store.getByTestId('supply-request-table').locator('.el-table__row', { hasText: itemName }).first().click();
  await expect(field(store, `issue-now-${itemName}`)).toHaveValue('4');
  await store.getByTestId('supply-request-issue').click();
  await expect(store.getByTestId('supply-request-detail-status')).toHaveText('已发放');
  await expect(store.getByTestId('slip-qr')).toBeVisible();
  const link = await store.getByTestId('slip-link').getAttribute('href');
  expect(link).toContain('/m/supplies/sign/');
  expect(await store.getByTestId('slip-qr').getAttribute('data-url')).toBe(link);

  // The department signs on a phone: the link asks for a login first, then one tap.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto(link!);
  await expect(phone).toHaveURL(/\/login/);
  await phone.getByTestId('login-username').fill(teacher.username);
  await phone.getByTestId('login-password').fill(password);
  await phone.getByTestId('login-submit').click();
  await expect(phone.getByTestId('supply-sign-phone')).toBeVisible();
  await expect(phone.getByTestId('supply-sign-line')).toContainText(itemName);
  await phone.getByTestId('supply-sign-confirm').tap();
  await expect(phone.getByTestId('supply-sign-done')).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // 1 pack left, at or below the safety stock of 3: the alert is there, suggesting 3 + 3 − 1 = 5.
  await store.keyboard.press('Escape');
  await expect(store.getByTestId('supply-request-detail')).toBeHidden();
  await openFromMenu(store, '/logistics/supplies/alerts');
  const alertRow = store.getByTestId('low-stock-alert-table').locator('.el-table__row', { hasText: itemName });
  await expect(alertRow).toBeVisible();
  await expect(alertRow.getByTestId('alert-suggested')).toHaveText('5');

  await phoneContext.close();
  await teacherContext.close();
  await keeperContext.close();
});
