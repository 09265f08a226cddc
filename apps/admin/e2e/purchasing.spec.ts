import { expect, request, test, type Browser, type Locator, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

/** A person in a browser of their own: sessions live in localStorage, one per context. */
async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

/** The native input of an Element Plus field, whether the test id sits on it or on its wrapper. */
const inputOf = (field: Locator) => field.locator('xpath=self::input | .//input').first();

/** Picks an option of an el-select by typing into it. */
async function choose(page: Page, select: Locator, typed: string, option: string): Promise<void> {
  await select.click();
  if (typed) await page.keyboard.type(typed);
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: option }).first().click();
}

test('LOG-2 LOG-3 LOG-4 a month of purchasing: demand → purchase list → quotes → approval → receiving, and the stock shows the items', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const stamp = runStamp();
  const password = 'Caigou2026!';
  const itemName = `A4复印纸${stamp}`;
  const month = `20${40 + Math.floor(Math.random() * 50)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;

  // People, a department, a catalogue item, three suppliers and the month's window through the API.
  const api = await adminApi(baseURL!);
  const department = await api.createDepartment({ code: `JW${stamp}`, name: `教务处${stamp}` });
  const people = {
    head: { username: `e2ebuyhead${stamp}`, name: `王主任${stamp}` },
    clerk: { username: `e2ebuyclerk${stamp}`, name: `孙采购${stamp}` },
    director: { username: `e2ebuydir${stamp}`, name: `李主任${stamp}` },
  };
  const headId = await api.createUser({ ...people.head, password, departmentId: department.id, roleCodes: ['department-head'] });
  await api.setDepartmentHead(department, headId);
  await api.createUser({ ...people.clerk, password, roleCodes: ['office-clerk'] });
  await api.createUser({ ...people.director, password, roleCodes: ['office-director'] });
  const item = await api.context.post('/api/v1/logistics/supplies/items', {
    data: { name: itemName, specification: '70g 500张/包', unit: '包', category: '纸张' },
  });
  expect(item.ok(), await item.text()).toBe(true);
  const itemId = ((await item.json()) as { id: string }).id;
  const suppliers = [`文具批发${stamp}`, `办公用品商行${stamp}`, `纸业公司${stamp}`];
  for (const name of suppliers) {
    const created = await api.context.post('/api/v1/logistics/suppliers', {
      data: { name, contacts: [{ name: '赵经理', phone: '13800138000' }] },
    });
    expect(created.ok(), await created.text()).toBe(true);
  }
  const opened = await api.context.post('/api/v1/logistics/demand-windows', { data: { month } });
  expect(opened.ok(), await opened.text()).toBe(true);

  // LOG-2: the head of department submits the month's need.
  const head = await signedIn(browser, people.head.username, password);
  await openFromMenu(head, '/logistics/demand');
  await choose(head, head.getByTestId('demand-window'), '', month);
  await choose(head, head.getByTestId('demand-item-0'), itemName, itemName);
  await inputOf(head.getByTestId('demand-quantity-0')).fill('12');
  await inputOf(head.getByTestId('demand-quantity-0')).press('Tab');
  await head.getByTestId('demand-submit').click();
  await expect(head.getByTestId('demand-table')).toContainText(`教务处${stamp}`);

  // LOG-2: the office merges the window into a purchase list.
  const clerk = await signedIn(browser, people.clerk.username, password);
  await openFromMenu(clerk, '/logistics/demand');
  await clerk.getByTestId(`demand-window-merge-${month}`).click();
  await clerk.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(clerk).toHaveURL(/\/logistics\/purchase-lists\/[0-9a-f-]{36}$/);
  const listPath = new URL(clerk.url()).pathname;
  await expect(clerk.getByTestId('purchase-line-quantity-0')).toContainText('12');

  // LOG-3: three quotes; the cheapest matching one is marked best.
  const quotes: [string, string, string][] = [
    [suppliers[0], '70g 500张/包', '23.00'],
    [suppliers[1], '70g 500张/包', '25.00'],
    [suppliers[2], '60g 500张/包', '21.00'],
  ];
  for (const [supplier, model, price] of quotes) {
    await clerk.getByTestId('purchase-line-add-quote-0').click();
    await choose(clerk, clerk.getByTestId('quote-supplier'), supplier, supplier);
    await inputOf(clerk.getByTestId('quote-model')).fill(model);
    await inputOf(clerk.getByTestId('quote-price')).fill(price);
    await inputOf(clerk.getByTestId('quote-price')).press('Tab');
    await clerk.getByTestId('quote-save').click();
    await expect(clerk.getByTestId('quote-save')).toBeHidden();
  }
  const quoteTable = clerk.getByTestId('purchase-line-quotes-0');
  await expect(quoteTable.locator('.el-table__row')).toHaveCount(3);
  await expect(quoteTable.locator('.el-table__row', { hasText: suppliers[0] }).getByTestId('quote-best')).toBeVisible();

  // LOG-3: submitted for approval; it cannot be ordered yet (no order button), the director approves.
  await clerk.getByTestId('purchase-list-submit').click();
  await expect(clerk.getByTestId('purchase-list-status')).toHaveText('待审批');
  await expect(clerk.getByTestId('purchase-list-order')).toHaveCount(0);
  await clerk.getByTestId('purchase-list-approval').click();
  await expect(clerk).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
  const approvalPath = new URL(clerk.url()).pathname;
  const director = await signedIn(browser, people.director.username, password);
  await director.goto(approvalPath);
  await director.getByTestId('approval-action-approve').click();
  const dialog = director.getByTestId('approval-action-dialog');
  await dialog.getByTestId('action-comment').fill('同意采购');
  await dialog.getByTestId('approval-action-submit').click();
  await expect(dialog).toBeHidden();

  // LOG-3: once approved (the outcome arrives through a job) the office orders.
  await clerk.goto(listPath);
  await expect(async () => {
    await clerk.reload();
    await expect(clerk.getByTestId('purchase-list-status')).toHaveText('已批准', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await clerk.getByTestId('purchase-list-order').click();
  await expect(clerk.getByTestId('purchase-list-status')).toHaveText('已下单');

  // LOG-4: a partial delivery of the wrong model is recorded and not taken in; then the rest arrives.
  await clerk.getByTestId('purchase-list-receive').click();
  await inputOf(clerk.getByTestId('receive-model-0')).fill('80g 500张/包');
  await inputOf(clerk.getByTestId('receive-quantity-0')).fill('5');
  await inputOf(clerk.getByTestId('receive-quantity-0')).press('Tab');
  await clerk.getByTestId('receive-save').click();
  await expect(clerk.getByTestId('delivery-mismatch')).toHaveText('型号不符');
  await expect(clerk.getByTestId('purchase-line-received-0')).toContainText('0');
  await clerk.getByTestId('purchase-list-receive').click();
  await clerk.getByTestId('receive-save').click();
  await expect(clerk.getByTestId('purchase-list-status')).toHaveText('已到齐');
  await expect(clerk.getByTestId('purchase-line-received-0')).toContainText('12');

  // The stock shows the items: 12 packs on hand, taken in from the delivery.
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: people.clerk.username, password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const stock = await anonymous.get(`/api/v1/logistics/supplies/items/${itemId}`, { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(stock.ok(), await stock.text()).toBe(true);
  expect(((await stock.json()) as { onHand: number }).onHand).toBe(12);
  await anonymous.dispose();
  await api.dispose();
});
