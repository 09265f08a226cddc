import { expect, test } from '@playwright/test';
import { adminCredentials, openFromMenu, runStamp, signIn } from './support';

/**
 * PLT-10: the office marks a day of the school calendar as a holiday in the month view, and the
 * deadline calculator then skips it. The day is a Wednesday far enough ahead that no other test
 * counts working days across it.
 */
test('PLT-10 the office marks a holiday and the deadline calculator skips it', async ({ page }) => {
  const stamp = runStamp();
  const holiday = { date: '2031-04-16', name: `校庆日${stamp}` };
  const admin = adminCredentials();
  await signIn(page, admin.username, admin.password);
  await openFromMenu(page, '/system/calendar');
  await expect(page.getByTestId('calendar-teaching-week')).toBeVisible();

  // Jump to April 2031 with the month picker.
  const monthPicker = page.getByTestId('calendar-month-picker').locator('input');
  await monthPicker.fill('2031-04');
  await monthPicker.press('Enter');
  const day = page.getByTestId(`calendar-day-${holiday.date}`);
  await expect(day).toBeVisible();

  await day.click();
  const dialog = page.getByTestId('calendar-day-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('calendar-day-kind-holiday').click();
  await dialog.getByTestId('calendar-day-name').fill(holiday.name);
  await dialog.getByTestId('calendar-day-submit').click();
  await expect(dialog).toBeHidden();
  await expect(day).toHaveAttribute('data-kind', 'holiday');
  await expect(day).toContainText(holiday.name);

  // Two working days after Tuesday: Wednesday is off now, so Thursday and Friday.
  const calculator = page.getByTestId('deadline-calculator');
  const from = calculator.getByTestId('deadline-from').locator('input');
  await from.fill('2031-04-15');
  await from.press('Enter');
  const days = calculator.getByTestId('deadline-days').locator('input');
  await days.fill('2');
  await calculator.getByTestId('deadline-compute').click();
  const result = calculator.getByTestId('deadline-result');
  await expect(result).toHaveAttribute('data-deadline', '2031-04-18');
  await expect(calculator.getByTestId(`deadline-skipped-${holiday.date}`)).toContainText(holiday.name);
});
