import { expect, test } from '@playwright/test';
import { adminApi } from './api';
import { adminCredentials, openFromMenu, signIn } from './support';

/**
 * PLT-2: the chain editor. It edits the general request's chain and puts it back as it was, so
 * that the approval flow in approvals.spec.ts keeps its two steps.
 */
test('PLT-2 the chain editor saves a changed step with the version it read, and reloads a chain someone changed meanwhile', async ({
  page,
  baseURL,
}) => {
  const admin = adminCredentials();
  await signIn(page, admin.username, admin.password);
  await openFromMenu(page, '/system/approval-chains');
  await page.getByTestId('chain-kind-general-request').click();
  const editor = page.getByTestId('chain-editor');
  await expect(editor.getByTestId('chain-step-1')).toBeVisible();

  // Adding a step and removing it again leaves nothing to save.
  await editor.getByTestId('chain-add-step').click();
  await expect(editor.getByTestId('chain-step-2')).toBeVisible();
  await expect(editor.getByTestId('chain-dirty')).toBeVisible();
  // An empty step does not pass the form's rules.
  await editor.getByTestId('chain-save').click();
  await expect(editor.getByTestId('chain-step-2').locator('.el-form-item.is-error').first()).toBeVisible();
  await editor.getByTestId('chain-step-remove-2').click();
  await expect(editor.getByTestId('chain-dirty')).toHaveCount(0);

  // Change the leaders' time limit and save.
  const limit = editor.getByTestId('chain-step-time-limit-1').locator('input');
  const original = await limit.inputValue();
  const changed = original === '96' ? '72' : '96';
  await limit.fill(changed);
  await limit.blur();
  await expect(editor.getByTestId('chain-dirty')).toBeVisible();
  const versionBefore = await editor.getByTestId('chain-version').textContent();
  await editor.getByTestId('chain-save').click();
  await expect(editor.getByTestId('chain-dirty')).toHaveCount(0);
  await expect(editor.getByTestId('chain-version')).not.toHaveText(versionBefore ?? '');
  await page.reload();
  await expect(page.getByTestId('chain-step-time-limit-1').locator('input')).toHaveValue(changed);

  // Someone else saves meanwhile: this editor's save answers 409 and the chain is reloaded.
  const api = await adminApi(baseURL!);
  const chains = (await (await api.context.get('/api/v1/approvals/chains')).json()) as {
    kind: string;
    steps: unknown[];
    version: number;
  }[];
  const chain = chains.find((entry) => entry.kind === 'general-request')!;
  const meanwhile = await api.context.put('/api/v1/approvals/chains/general-request', {
    data: { steps: chain.steps, version: chain.version },
  });
  expect(meanwhile.ok()).toBe(true);
  await api.dispose();

  await page.getByTestId('chain-step-time-limit-1').locator('input').fill(original);
  await page.getByTestId('chain-step-time-limit-1').locator('input').blur();
  await page.getByTestId('chain-save').click();
  await expect(page.locator('.el-message--warning')).toBeVisible();
  await expect(page.getByTestId('chain-step-time-limit-1').locator('input')).toHaveValue(changed);
  await expect(page.getByTestId('chain-dirty')).toHaveCount(0);

  // Put the time limit back as it was, now with the fresh version.
  await page.getByTestId('chain-step-time-limit-1').locator('input').fill(original);
  await page.getByTestId('chain-step-time-limit-1').locator('input').blur();
  await page.getByTestId('chain-save').click();
  await expect(page.getByTestId('chain-dirty')).toHaveCount(0);
  await expect(page.getByTestId('chain-step-time-limit-1').locator('input')).toHaveValue(original);
});
