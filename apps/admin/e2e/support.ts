import { expect, type Locator, type Page } from '@playwright/test';

/** The seeded administrator; the runner sets the password it started the server with. */
export function adminCredentials(): { username: string; password: string } {
  const password = process.env.ADMIN_PASSWORD;
  if (!password) throw new Error('Set ADMIN_PASSWORD to the password the API seeded the admin account with.');
  return { username: process.env.ADMIN_USERNAME ?? 'admin', password };
}

/** Signs in through the form and waits for the home page. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('home-welcome')).toBeVisible();
}

/** Opens the page through the sidebar, as a person would. */
export async function openFromMenu(page: Page, path: string): Promise<void> {
  await page.getByTestId(`menu-item-${path}`).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/** The Element Plus dropdown currently open (they are teleported to <body>). */
export function openDropdown(page: Page) {
  return page.locator('.el-select-dropdown, .el-tree-select__popper, .el-dropdown-menu').filter({ visible: true });
}

/** Unique enough per run that reruns against the same database do not collide. */
export function runStamp(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getMonth() + 1)}${pad(now.getDate())}${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}${Math.floor(Math.random() * 90 + 10)}`;
}

/** Chooses a colleague in a UserPicker by typing their username. */
export async function pickPerson(page: Page, picker: Locator, person: { username: string; name: string }): Promise<void> {
  await picker.click();
  await page.keyboard.type(person.username);
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: person.name }).click();
}

/** The form item of a dialog by its exact label (for pages that give their fields no test ids). */
export const fieldByLabel = (dialog: Locator, label: string) =>
  dialog.locator('.el-form-item', { has: dialog.page().locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }) });

/** The value cell next to a label in a bordered el-descriptions. */
export const described = (drawer: Locator, label: string) =>
  drawer.locator('.el-descriptions__label', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::*[1]');
