import { expect, test } from '@playwright/test';
import { adminCredentials, openDropdown, openFromMenu, runStamp, signIn } from './support';

/**
 * PLT-1: the administrator sets up a department, a read-only role and an account in it; the new
 * person then sees exactly the pages that role allows. The steps share what they create.
 */
test.describe.serial('organisation and permissions', () => {
  const stamp = runStamp();
  const role = { code: `e2e-reader-${stamp}`, name: `只读查阅员${stamp}` };
  const department = { code: `E2E${stamp}`, name: `教研室${stamp}` };
  const teacher = { username: `e2e${stamp}`, name: `测试教师${stamp}`, password: 'Jiaoshi2026!' };

  test('PLT-1 admin logs in', async ({ page }) => {
    const admin = adminCredentials();
    await signIn(page, admin.username, admin.password);

    await expect(page.getByTestId('app-title')).toBeVisible();
    for (const path of ['/system/users', '/system/departments', '/system/roles', '/system/audit']) {
      await expect(page.getByTestId(`menu-item-${path}`)).toBeVisible();
    }
  });

  test('PLT-1 admin creates a department and a user with a role that may only read the organisation', async ({ page }) => {
    const admin = adminCredentials();
    await signIn(page, admin.username, admin.password);

    // A role holding org.read only.
    await openFromMenu(page, '/system/roles');
    await page.getByTestId('roles-create').click();
    const roleDialog = page.getByTestId('role-form-dialog');
    await roleDialog.getByTestId('role-code').fill(role.code);
    await roleDialog.getByTestId('role-name').fill(role.name);
    await roleDialog.getByTestId('permission-org.read').click();
    await roleDialog.getByTestId('role-form-submit').click();
    await expect(roleDialog).toBeHidden();
    await expect(page.getByTestId('roles-table')).toContainText(role.code);

    // A top-level department.
    await openFromMenu(page, '/system/departments');
    await page.getByTestId('departments-create-root').click();
    const departmentDialog = page.getByTestId('department-form-dialog');
    await departmentDialog.getByTestId('department-name').fill(department.name);
    await departmentDialog.getByTestId('department-code').fill(department.code);
    await departmentDialog.getByTestId('department-form-submit').click();
    await expect(departmentDialog).toBeHidden();
    await expect(page.getByTestId(`department-node-${department.code}`)).toBeVisible();

    // An account in that department holding that role.
    await openFromMenu(page, '/system/users');
    await page.getByTestId('users-create').click();
    const userDialog = page.getByTestId('user-form-dialog');
    await userDialog.getByTestId('user-username').fill(teacher.username);
    await userDialog.getByTestId('user-name').fill(teacher.name);
    await userDialog.getByTestId('user-password').fill(teacher.password);
    await userDialog.getByTestId('user-department').click();
    await openDropdown(page).locator('.el-tree-node__content', { hasText: department.name }).click();
    await userDialog.getByTestId('user-roles').click();
    await page.getByTestId(`user-role-option-${role.code}`).click();
    await page.keyboard.press('Escape');
    await userDialog.getByTestId('user-form-submit').click();
    await expect(userDialog).toBeHidden();

    await page.getByTestId('users-filter-q').fill(teacher.username);
    await page.getByTestId('users-search').click();
    const row = page.getByTestId('users-table').locator('.el-table__row', { hasText: teacher.username });
    await expect(row).toContainText(department.name);
    await expect(row).toContainText(role.name);
  });

  test('PLT-1 that user logs in and sees only the menus the role permits', async ({ page }) => {
    await signIn(page, teacher.username, teacher.password);

    await expect(page.getByTestId('home-welcome')).toContainText(teacher.name);
    await expect(page.getByTestId('home-department')).toHaveText(department.name);
    for (const path of ['/system/users', '/system/departments', '/system/roles']) {
      await expect(page.getByTestId(`menu-item-${path}`)).toBeVisible();
    }
    await expect(page.getByTestId('menu-item-/system/audit')).toHaveCount(0);

    // Reading is allowed, changing is not: no create button.
    await openFromMenu(page, '/system/users');
    await expect(page.getByTestId('users-table')).toBeVisible();
    await expect(page.getByTestId('users-create')).toHaveCount(0);

    // Typing the address of a page the role does not allow is refused too.
    await page.goto('/system/audit');
    await expect(page.getByTestId('forbidden')).toBeVisible();
  });
});

test('NFR-2 a username the server finds taken is shown on the username field', async ({ page }) => {
  const admin = adminCredentials();
  await signIn(page, admin.username, admin.password);
  await openFromMenu(page, '/system/users');

  await page.getByTestId('users-create').click();
  const userDialog = page.getByTestId('user-form-dialog');
  await userDialog.getByTestId('user-username').fill(admin.username);
  await userDialog.getByTestId('user-name').fill(`重复账号${runStamp()}`);
  await userDialog.getByTestId('user-password').fill('Chongfu2026!');
  await userDialog.getByTestId('user-form-submit').click();

  // The API answers 409 with errors.username; the form keeps the dialog open and marks that field.
  const usernameItem = userDialog.locator('.el-form-item', { has: page.getByTestId('user-username') });
  await expect(usernameItem).toHaveClass(/is-error/);
  await expect(usernameItem.locator('.el-form-item__error')).not.toBeEmpty();
  await expect(userDialog).toBeVisible();
});
