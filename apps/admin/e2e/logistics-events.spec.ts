import { expect, test, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

/** Chooses a colleague in a UserPicker by typing their username. */
async function pickPerson(page: Page, picker: ReturnType<Page['getByTestId']>, person: { username: string; name: string }): Promise<void> {
  await picker.click();
  await page.keyboard.type(person.username);
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: person.name }).click();
}

type Field = ReturnType<Page['getByTestId']>;

/** The <input> of an Element Plus field: the test id sits on the input itself or on its wrapper. */
async function inputOf(field: Field): Promise<Field> {
  return (await field.evaluate((element) => element.tagName)) === 'INPUT' ? field : field.locator('input').first();
}

/** Types into a date or number field and leaves it, so that the component takes the value. */
async function fillPicker(field: Field, value: string, key = 'Enter'): Promise<void> {
  const input = await inputOf(field);
  await input.fill(value);
  await input.press(key);
}

test('LOG-11 create an event, add a stock line and a rental, place a table on the layout, reconcile with a missing item and see it reported', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Huodong2026!';
  const clerk = { username: `e2eevclerk${stamp}`, name: `周后勤${stamp}` };
  const helper = { username: `e2eevhelp${stamp}`, name: `郑体育${stamp}` };
  const itemName = `折叠桌${stamp}`;
  const title = `春季田径运动会${stamp}`;

  // People, and a catalogue item with 20 in stock, through the API.
  const api = await adminApi(baseURL!);
  await api.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await api.createUser({ ...helper, password, roleCodes: ['staff'] });
  const created = await api.context.post('/api/v1/logistics/supplies/items', {
    data: { name: itemName, specification: '1.8m×0.6m', unit: '张', category: '会务', safetyStock: 0 },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const item = (await created.json()) as { id: string };
  const stocked = await api.context.post('/api/v1/logistics/supplies/movements', {
    data: { itemId: item.id, kind: 'in', quantity: 20, reason: '期初入库' },
  });
  expect(stocked.ok(), await stocked.text()).toBe(true);

  // The clerk creates the event with 郑体育 as its owner.
  await signIn(page, clerk.username, password);
  await openFromMenu(page, '/logistics/events');
  await page.getByTestId('event-create').click();
  const dialog = page.getByTestId('event-dialog');
  await dialog.getByTestId('event-title').fill(title);
  await fillPicker(dialog.getByTestId('event-starts'), '2030-04-18 08:00:00');
  await fillPicker(dialog.getByTestId('event-ends'), '2030-04-18 17:00:00');
  await dialog.getByTestId('event-venue').fill('学校田径场');
  await pickPerson(page, dialog.getByTestId('event-owner'), helper);
  await dialog.getByTestId('event-save').click();
  await expect(page.getByTestId('event-heading')).toHaveText(title);
  await expect(page.getByTestId('event-status')).toHaveText('筹备中');

  // A stock line of 5 tables, reserved.
  await page.getByTestId('material-add').click();
  const material = page.getByTestId('material-dialog');
  await material.getByTestId('material-item').click();
  await page.keyboard.type(itemName);
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: itemName }).click();
  await fillPicker(material.getByTestId('material-quantity'), '5', 'Tab');
  await material.getByTestId('material-save').click();
  await expect(material).toBeHidden();
  await page.getByTestId(`material-confirm-${itemName}`).click();
  const stockRow = page.getByTestId('materials-table').locator('tr', { hasText: itemName });
  await expect(stockRow).toContainText('已预留');

  // A rental of 2 sound systems.
  await page.getByTestId('material-add').click();
  await material.getByText('租用', { exact: true }).click();
  await material.getByTestId('material-name').fill('音响设备');
  await fillPicker(material.getByTestId('material-quantity'), '2', 'Tab');
  await material.getByTestId('material-supplier').fill('鸿运会展租赁公司');
  await fillPicker(material.getByTestId('material-cost'), '1200', 'Tab');
  await fillPicker(material.getByTestId('material-return-on'), '2030-04-19');
  await material.getByTestId('material-save').click();
  await expect(material).toBeHidden();
  await expect(page.getByTestId('materials-table')).toContainText('鸿运会展租赁公司');

  // A table on the layout grid.
  await page.getByRole('tab', { name: '场地布置' }).click();
  await page.getByTestId('layout-cell-1-2').click();
  await expect(page.getByTestId('layout-cell-1-2')).toHaveAttribute('data-kind', 'table');

  // The owner, a teacher without the office's permission, works on their event from a phone: the rehearsal checklist.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const owner = await phone.newPage();
  await signIn(owner, helper.username, password);
  await owner.goto('/logistics/events');
  await owner.getByTestId('events-table').getByText(title).click();
  await expect(owner.getByTestId('event-heading')).toHaveText(title);
  await expect(owner.getByTestId('event-create')).toHaveCount(0);
  await owner.getByRole('tab', { name: '彩排检查' }).click();
  await owner.getByTestId('check-text').fill('音响试音');
  await owner.getByTestId('check-add').click();
  await owner.getByTestId('check-音响试音').click();
  await expect(owner.getByTestId('checks-table')).toContainText(helper.name);
  // The event page itself fits the phone's width (its tables scroll inside it).
  const overflow = await owner.getByTestId('event-detail').evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.close();

  // The day: ready, issue the tables, held.
  await page.getByTestId('event-move-ready').click();
  await expect(page.getByTestId('event-status')).toHaveText('已就绪');
  await page.getByRole('tab', { name: '物资清单' }).click();
  await page.getByTestId(`material-issue-${itemName}`).click();
  await expect(stockRow).toContainText('已出库');
  await page.getByTestId('event-move-held').click();
  await expect(page.getByTestId('event-status')).toHaveText('已举办');

  // Clean-up: 4 tables come back, 1 is missing, 郑体育 answers for it.
  await page.getByTestId(`material-account-${itemName}`).click();
  const account = page.getByTestId('account-dialog');
  await fillPicker(account.getByTestId('account-returned'), '4', 'Tab');
  await fillPicker(account.getByTestId('account-missing'), '1', 'Tab');
  await pickPerson(page, account.getByTestId('account-responsible'), helper);
  await account.getByTestId('account-save').click();
  await expect(account).toBeHidden();
  await expect(stockRow).toContainText('已清点');

  // The rental is still out: reconciliation is refused and lists it.
  await page.getByRole('tab', { name: '清点归还' }).click();
  await expect(page.getByTestId('unaccounted-table')).toContainText('音响设备');
  await page.getByTestId('reconcile').click();
  await expect(page.getByText('仍有物资未清点，不能完成清点')).toBeVisible();
  await expect(page.getByTestId('event-status')).toHaveText('已举办');

  // The rental goes back whole; now the event reconciles, and the report shows the missing table and who answers for it.
  await page.getByRole('tab', { name: '物资清单' }).click();
  await page.getByTestId('material-account-音响设备').click();
  await expect(await inputOf(account.getByTestId('account-returned'))).toHaveValue('2');
  await account.getByTestId('account-save').click();
  await expect(account).toBeHidden();
  await page.getByRole('tab', { name: '清点归还' }).click();
  await expect(page.getByTestId('all-accounted')).toBeVisible();
  const losses = page.getByTestId('losses-table').locator('tr', { hasText: itemName });
  await expect(losses).toContainText(helper.name);
  await page.getByTestId('reconcile').click();
  await expect(page.getByTestId('event-status')).toHaveText('已清点');
  await expect(page.getByTestId('reconciled-at')).toBeVisible();
  await expect(losses).toContainText(helper.name);

  // The ledger got the 4 tables back: 20 − 5 issued + 4 returned.
  const after = await api.context.get(`/api/v1/logistics/supplies/items/${item.id}`);
  expect(((await after.json()) as { onHand: number }).onHand).toBe(19);
  await api.dispose();
});
