import { expect, test } from '@playwright/test';
import { adminApi } from './api';
import { openFromMenu, runStamp, signIn } from './support';

type Panel = { key: string; categories: string[]; series: { key: string; values: (number | null)[] }[] };

/**
 * ASM-8 and ASM-1: the office director opens the dashboard from the menu, sees its charts, reads
 * the open-items chart as a table (a hotline call logged just before counts in it), then opens a
 * month's summary from the summaries page and compiles it again.
 */
test('ASM-8 ASM-1 the director opens the dashboard, reads a chart as its table, then opens and recompiles a monthly summary', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Kanban2026!';
  const director = { username: `e2edashdir${stamp}`, name: `主任${stamp}` };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...director, password, roleCodes: ['office-director'] });
  // One more open suggestion, so the table has something of this run's to show.
  const call = await admin.context.post('/api/v1/assessment/suggestions/hotline', {
    data: { category: 'campus', subject: `来电反映路灯不亮${stamp}`, content: '北门路灯三晚未亮。', anonymous: true },
  });
  expect(call.ok(), await call.text()).toBe(true);
  const dashboard = await admin.context.get('/api/v1/assessment/dashboard');
  expect(dashboard.ok(), await dashboard.text()).toBe(true);
  const openItems = ((await dashboard.json()) as { panels: Panel[] }).panels.find((p) => p.key === 'open-items')!;
  const openSuggestions = openItems.series.find((s) => s.key === 'open')!.values[openItems.categories.indexOf('suggestions')];
  expect(openSuggestions).toBeGreaterThanOrEqual(1);
  // A month of the past that this database has no summary of yet.
  let month = '';
  for (;;) {
    month = `${2001 + Math.floor(Math.random() * 20)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
    const taken = await admin.context.get('/api/v1/assessment/summaries', { params: { q: month } });
    if (((await taken.json()) as { total: number }).total === 0) break;
  }
  await admin.dispose();

  await signIn(page, director.username, password);
  await openFromMenu(page, '/assessment/dashboard');
  for (const key of ['monthly-counts', 'monthly-rates', 'open-items', 'service-times']) {
    await expect(page.getByTestId(`panel-${key}-chart`).locator('canvas')).toBeVisible();
  }
  await page.getByTestId('panel-open-items-toggle').click();
  const table = page.getByTestId('panel-open-items-table');
  const row = table.locator('.el-table__row', { hasText: '意见与热线' });
  await expect(row.locator('td').nth(1)).toHaveText(String(openSuggestions));
  // And back to the chart.
  await page.getByTestId('panel-open-items-toggle').click();
  await expect(page.getByTestId('panel-open-items-chart').locator('canvas')).toBeVisible();

  await openFromMenu(page, '/assessment/summaries');
  const picker = page.getByTestId('summary-open-month').locator('input');
  await picker.fill(month);
  await picker.press('Enter');
  await page.getByTestId('summary-open').click();
  const drawer = page.getByTestId('summary-drawer');
  await expect(drawer.getByTestId('summary-status')).toHaveText('草稿');
  await expect(drawer.getByTestId('figure-documents.incomingHandled')).toHaveText('0');
  await expect(drawer.getByTestId('figure-documents.incomingOnTimeRate')).toHaveText('无数据');
  const compiledBefore = await drawer.getByTestId('summary-compiled-at').textContent();
  await page.waitForTimeout(1100);
  await drawer.getByTestId('summary-compile').click();
  await expect(page.locator('.el-message--success', { hasText: '数据已重新编制' })).toBeVisible();
  await expect(drawer.getByTestId('summary-compiled-at')).not.toHaveText(compiledBefore!);
  await drawer.locator('textarea').fill(`本月办公室工作平稳有序。${stamp}`);
  await drawer.getByTestId('summary-save').click();
  await expect(page.locator('.el-message--success', { hasText: '已保存' })).toBeVisible();
});
