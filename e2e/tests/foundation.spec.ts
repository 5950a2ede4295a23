import { expect, test } from '@playwright/test';
import { chooseOption, openDropdown, pickRegion, searchRegion, signIn, snapshot } from './support/console.ts';

const suffix = Date.now().toString(36).slice(-5);
const newUser = { username: `e2e.cadre.${suffix}`, displayName: `测试村干部${suffix}`, password: 'Cadre#2026ok' };

test('an official creates a village cadre; a town official cannot reach another town; the audit log shows it', async ({ page }) => {
  // 1. County official of 泾阳县 signs in.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: '乡村治理试点示范平台' })).toBeVisible();
  await snapshot(page, 'login');
  await signIn(page, 'jy.official', 'Wrong#pass1');
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await signIn(page, 'jy.official');
  await expect(page.getByTestId('current-user')).toContainText('朱妮娜');
  await expect(page.getByTestId('current-scope')).toContainText('泾阳县');
  await expect(page.getByTestId('todo-list')).toBeVisible();
  await snapshot(page, 'home');

  // 2. The region browser: county → 王桥镇 → 屈家村, a village with its attributes and groups.
  await page.getByRole('menuitem', { name: '行政区划' }).click();
  // The children tables' rows (region pages also list the designations below them, 屈家村's among them).
  await page.locator('tr[data-row-key="610423104"]').click();
  await page.locator('tr[data-row-key="610423104209"]').click();
  await expect(page.getByTestId('village-attributes')).toBeVisible();
  await expect(page.getByTestId('region-breadcrumb')).toContainText('王桥镇');
  await snapshot(page, 'regions');

  // 3. 用户管理 → 新建用户 in 屈家村, picked by typing its name.
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(newUser.username);
  await dialog.getByLabel('姓名').fill(newUser.displayName);
  await pickRegion(page, dialog, '屈家村', '王桥镇屈家村');
  await chooseOption(page, dialog.getByLabel('角色'), '村两委干部', dialog.getByTestId('user-roles'));
  await page.keyboard.press('Escape');
  await expect(openDropdown(page)).toHaveCount(0);
  await expect(dialog.getByTestId('user-roles')).toContainText('村两委干部');
  await dialog.getByLabel('初始密码').fill(newUser.password);
  await snapshot(page, 'user-create');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('用户已创建')).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.getByPlaceholder('用户名或姓名').fill(newUser.username);
  await page.getByPlaceholder('用户名或姓名').press('Enter');
  const row = page.getByRole('row', { name: new RegExp(newUser.username.replace(/\./g, '\\.')) });
  await expect(row).toContainText('屈家村');
  await expect(row).toContainText('村两委干部');
  await page.getByRole('button', { name: '重置', exact: true }).click();
  await snapshot(page, 'users');

  // 4. The new cadre must change the initial password before anything else.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, newUser.username, newUser.password);
  await expect(page).toHaveURL(/\/change-password$/);
  await page.getByLabel('原密码').fill(newUser.password);
  await page.getByLabel('新密码', { exact: true }).fill('Village#2026new');
  await page.getByLabel('确认新密码').fill('Village#2026new');
  await snapshot(page, 'change-password');
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByTestId('current-user')).toContainText(newUser.displayName);
  await expect(page.getByTestId('current-scope')).toContainText('屈家村');

  // 5. Sign out; the 王桥镇 official cannot create a user in 安吴镇王家村.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, 'wq.official');
  await expect(page.getByTestId('current-scope')).toContainText('王桥镇');
  await page.getByRole('menuitem', { name: '用户管理' }).click();
  await page.getByRole('button', { name: '新建用户' }).click();
  const townDialog = page.getByRole('dialog', { name: '新建用户' });
  const offered = await searchRegion(page, townDialog.getByLabel('所属区划'), '王家村');
  await expect(offered).toContainText(/没有匹配的区划|王桥镇/);
  await expect(offered.locator('.ant-select-item-option', { hasText: '安吴镇' })).toHaveCount(0);
  await townDialog.getByRole('button', { name: '取消' }).click();

  const session = await (await page.request.get('/api/session')).json();
  const refused = await page.request.post('/api/users', {
    headers: { 'X-CSRF-Token': session.csrfToken },
    data: {
      username: `e2e.outside.${suffix}`,
      displayName: '越权测试',
      regionCode: '610423113203',
      roles: ['village_cadre'],
      initialPassword: newUser.password,
    },
  });
  expect(refused.status()).toBe(404);
  expect((await refused.json()).error.code).toBe('not_found');

  // 6. 审计日志 shows the creation of the cadre (an object inside 王桥镇).
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();
  await chooseOption(page, page.getByRole('combobox', { name: '操作', exact: true }), '新建用户', page.getByTestId('audit-action-filter'));
  const entry = page.getByRole('row', { name: /新建用户/ }).first();
  await expect(entry).toContainText('jy.official');
  await expect(entry).toContainText('成功');
  await expect(openDropdown(page)).toHaveCount(0);
  await snapshot(page, 'audit');
});
