import { expect, test, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openFromMenu, runStamp, signIn } from './support';

/** Fills and submits the open form in the drawer, confirming the "cannot change afterwards" prompt. */
async function fillForm(page: Page, cycleName: string, scores: Record<string, number>): Promise<void> {
  await page.getByTestId('evaluation-forms-table').locator('.el-table__row', { hasText: cycleName }).click();
  const drawer = page.getByTestId('evaluation-form-drawer');
  await expect(drawer.getByTestId('evidence-panel')).toBeVisible();
  for (const [key, value] of Object.entries(scores)) {
    const input = drawer.getByTestId(`score-${key}`).locator('input');
    await input.fill(String(value));
    await input.blur();
  }
  await drawer.getByTestId('evaluation-form-submit').click();
  await page.locator('.el-message-box__btns .el-button--primary').click();
  await expect(drawer.getByTestId('evaluation-form-status')).toHaveText('已提交');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
}

/**
 * ASM-2: the office sets up a template and a cycle (through the API); the teacher fills their
 * self-evaluation beside the evidence panel and the head their leader evaluation, in the panel;
 * once released, the teacher reads the weighted result and acknowledges it; the head sees it ranked.
 */
test('ASM-2 forms are filled beside the evidence panel, and the weighted result shows in the report and the ranking', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Kaohe2026!';
  const teacher = { username: `e2eevalteach${stamp}`, name: `考核教师${stamp}` };
  const head = { username: `e2eevalhead${stamp}`, name: `考核主任${stamp}` };
  const admin = await adminApi(baseURL!);
  const headId = await admin.createUser({ ...head, password, roleCodes: ['department-head'] });
  const department = await admin.createDepartment({ code: `KH${stamp}`.slice(0, 20), name: `考核部门${stamp}` });
  await admin.setDepartmentHead(department, headId);
  const teacherId = await admin.createUser({ ...teacher, password, departmentId: department.id, roleCodes: ['staff'] });
  const call = async (path: string, data: unknown) => {
    const response = await admin.context.post(`/api/v1/assessment/evaluations/${path}`, { data });
    expect(response.ok(), await response.text()).toBe(true);
    return response.json();
  };
  const template = await call('templates', {
    name: `教职工月度考核${stamp}`,
    dimensions: [
      { key: 'workload', name: '工作量', weight: 40, scaleMin: 1, scaleMax: 5 },
      { key: 'quality', name: '工作质量', weight: 40, scaleMin: 1, scaleMax: 5 },
      { key: 'attitude', name: '服务态度', weight: 20, scaleMin: 0, scaleMax: 100 },
    ],
  });
  const cycleName = `12月考核${stamp}`;
  const today = new Date().toISOString().slice(0, 10);
  let cycle = await call('cycles', {
    name: cycleName,
    period: 'monthly',
    periodStart: `${today.slice(0, 8)}01`,
    periodEnd: today,
    templateId: template.id,
    sourceWeights: { self: 40, peer: 0, leader: 60 },
    peerMinimum: 1,
    personIds: [teacherId],
  });
  cycle = await call(`cycles/${cycle.id}/open`, { version: cycle.version });

  // The teacher fills the self-evaluation: 4, 4, 80 → 76.
  const teacherContext = await browser.newContext();
  const desk = await teacherContext.newPage();
  await signIn(desk, teacher.username, password);
  await openFromMenu(desk, '/assessment/evaluations/forms');
  await fillForm(desk, cycleName, { workload: 4, quality: 4, attitude: 80 });

  // The head fills the leader evaluation: 3, 3, 50 → 50.
  const headContext = await browser.newContext();
  const office = await headContext.newPage();
  await signIn(office, head.username, password);
  await openFromMenu(office, '/assessment/evaluations/forms');
  await expect(office.getByTestId('evaluation-forms-table')).toContainText(teacher.name);
  await fillForm(office, cycleName, { workload: 3, quality: 3, attitude: 50 });

  cycle = await call(`cycles/${cycle.id}/close`, { version: cycle.version });
  await call(`cycles/${cycle.id}/release`, { version: cycle.version });
  await admin.dispose();

  // 0.4 × 76 + 0.6 × 50 = 60.40, in the teacher's report, which they acknowledge.
  await openFromMenu(desk, '/assessment/evaluations/reports');
  const report = desk.getByTestId('evaluation-report').filter({ hasText: cycleName });
  await expect(report.getByTestId('report-total')).toHaveText('60.40');
  await report.getByTestId('report-acknowledge').click();
  await expect(report).toContainText('已确认');

  // The head sees the department's ranking.
  await openFromMenu(office, '/assessment/evaluations/results');
  await office.getByTestId('results-cycle').click();
  await office.locator('.el-select-dropdown__item', { hasText: cycleName }).click();
  const row = office.getByTestId('results-table').locator('.el-table__row', { hasText: teacher.name });
  await expect(row).toContainText('60.40');

  await teacherContext.close();
  await headContext.close();
});
