import { expect, test, type Locator, type Page } from '@playwright/test';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import ExcelJS from 'exceljs';
import { chooseOption, openDropdown, searchRegion, signIn, snapshot } from './support/console.ts';

const suffix = Date.now().toString(36).slice(-4);
const advisor = { name: `测试顾问${suffix}`, phone: '13912345678', idNumber: '110101199003074477' };

/** Drills the coverage view from the county into 王桥镇 and answers its uncovered list once loaded. */
async function openWangqiao(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: '覆盖情况' }).click();
  await expect(page.getByTestId('coverage-stats')).toContainText('村（社区）总数');
  await page.getByTestId('coverage-children').getByRole('button', { name: '王桥镇' }).click();
  await expect(page.getByTestId('coverage-breadcrumb')).toContainText('王桥镇');
  const list = page.getByTestId('uncovered-list');
  // Rows, or the sentence that every village has an advisor once the last one is assigned.
  await expect(list.locator('.ant-table-row').first().or(list.getByText('所有村（社区）都已安排法律顾问'))).toBeVisible();
  return list;
}

test('an official registers a legal advisor, assigns them to 陈家沟村, and coverage counts the village', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'jy.official');
  await expect(page.getByTestId('current-scope')).toContainText('泾阳县');

  // 1. 法律顾问: the demo roster of 泾阳县, masked.
  await page.getByRole('menuitem', { name: '法律顾问' }).click();
  await expect(page).toHaveURL(/\/legal$/);
  await expect(page.getByRole('heading', { name: '一村（社区）一法律顾问' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toContainText(/139\*{4}\d{4}/);
  await snapshot(page, 'legal-advisors');

  // 2. 新增法律顾问: a wrong ID check digit is refused on the field, the right one is saved.
  await page.getByRole('button', { name: '新增法律顾问' }).click();
  const dialog = page.getByRole('dialog', { name: '新增法律顾问' });
  await expect(dialog.getByTestId('advisor-region-picker')).toContainText('泾阳县');
  await dialog.getByLabel('姓名').fill(advisor.name);
  await dialog.getByLabel('女').check();
  await chooseOption(page, dialog.getByLabel('人员类别'), '执业律师', dialog.getByTestId('advisor-category'));
  await dialog.getByLabel('手机号码').fill(advisor.phone);
  await dialog.getByLabel('身份证号码').fill('110101199003074478');
  await dialog.getByLabel('执业机构/工作单位').fill('陕西泾渭律师事务所');
  await dialog.getByLabel('服务费（元）').fill('12000.5');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('身份证号码校验不通过');
  await dialog.getByLabel('身份证号码').fill(advisor.idNumber);
  await snapshot(page, 'legal-advisor-create');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('法律顾问已新增')).toBeVisible();
  await expect(dialog).toBeHidden();

  await page.getByPlaceholder('姓名或执业机构').fill(advisor.name);
  await page.getByPlaceholder('姓名或执业机构').press('Enter');
  const row = page.getByRole('row', { name: new RegExp(advisor.name) });
  await expect(row).toContainText('执业律师');
  await expect(row).toContainText('139****5678');
  await expect(row).toContainText('未安排');
  await row.getByRole('button', { name: '查看手机号码' }).click();
  await expect(row).toContainText(advisor.phone);

  // 编辑: only what changed goes to the server (with the version); masked fields stay as they are.
  await row.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑法律顾问' });
  await expect(edit.getByLabel('身份证号码')).toHaveAttribute('placeholder', /1101\*+4477/);
  await edit.getByLabel('执业证号').fill('16104202610012345');
  await snapshot(page, 'legal-advisor-edit');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('法律顾问信息已更新')).toBeVisible();
  await expect(edit).toBeHidden();

  // 3. 覆盖情况 before: 陈家沟村 (王桥镇) has no advisor.
  const before = await openWangqiao(page);
  await expect(before).toContainText('陈家沟村');
  await expect(page.getByTestId('poor-target')).toContainText('年底前贫困村全覆盖');
  const uncoveredBefore = Number(await page.getByTestId('coverage-stats').locator('.ant-statistic-content-value').nth(2).innerText());
  await snapshot(page, 'legal-coverage-before');

  // 4. 驻村安排 → 新增安排: the new advisor, 陈家沟村 picked by typing its name.
  await page.getByRole('tab', { name: '驻村安排' }).click();
  await page.getByRole('button', { name: '新增安排' }).click();
  const assign = page.getByRole('dialog', { name: '新增安排' });
  const advisorSearch = assign.getByLabel('法律顾问');
  const answered = page.waitForResponse(
    (response) => response.url().includes('/api/legal/advisors') && new URL(response.url()).searchParams.get('q') === advisor.name,
  );
  await advisorSearch.click();
  await advisorSearch.pressSequentially(advisor.name, { delay: 20 });
  await answered;
  await openDropdown(page).locator('.ant-select-item-option', { hasText: advisor.name }).click();
  await expect(assign.getByTestId('assignment-advisor')).toContainText(advisor.name);

  const villages = await searchRegion(page, assign.getByLabel('村（社区）'), '陈家沟村');
  const option = villages.locator('.ant-select-item-option', { hasText: '王桥镇陈家沟村' }).first();
  await expect(async () => {
    if (await option.isVisible()) await option.click({ timeout: 2_000 });
    await expect(assign.getByTestId('assignment-village-picker')).toContainText('王桥镇陈家沟村', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await snapshot(page, 'legal-assignment-create');
  await assign.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('驻村安排已新增')).toBeVisible();
  await expect(assign).toBeHidden();
  // The region search for 陈家沟村 is cached from the modal: type and pick without waiting for the server.
  const regionFilter = page.getByLabel('按区划筛选');
  await regionFilter.click();
  await regionFilter.pressSequentially('陈家沟村', { delay: 20 });
  await openDropdown(page).locator('.ant-select-item-option', { hasText: '陈家沟村' }).first().click();
  await expect(page.getByTestId('assignments-region-filter')).toContainText('陈家沟村');
  const assigned = page.getByRole('row', { name: /陈家沟村/ });
  await expect(assigned).toContainText(advisor.name);
  await expect(assigned).toContainText('在岗');
  await snapshot(page, 'legal-assignments');

  // 5. 覆盖情况 after: 陈家沟村 is gone from the uncovered list, one fewer uncovered village.
  const after = await openWangqiao(page);
  await expect(after).not.toContainText('陈家沟村');
  await expect(page.getByTestId('coverage-stats').locator('.ant-statistic-content-value').nth(2)).toHaveText(String(uncoveredBefore - 1));
  await after.scrollIntoViewIfNeeded();
  await snapshot(page, 'legal-coverage-after');

  // 6. The advisor's drawer lists the assignment in the history.
  await page.getByRole('tab', { name: '法律顾问' }).click();
  await page.getByPlaceholder('姓名或执业机构').fill(advisor.name);
  await page.getByPlaceholder('姓名或执业机构').press('Enter');
  const listed = page.getByRole('row', { name: new RegExp(advisor.name) });
  await expect(listed).toContainText('陈家沟村');
  await listed.getByRole('button', { name: '查看', exact: true }).click();
  const drawer = page.getByTestId('advisor-drawer');
  await expect(drawer.getByTestId('advisor-history')).toContainText('陈家沟村');
  await expect(drawer).toContainText('12,000.50');
  await snapshot(page, 'legal-advisor-drawer');

  // 7. 交接: 陈家沟村 passes to another advisor; the new advisor's stint ends that day.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByRole('tab', { name: '驻村安排' }).click();
  await page.getByLabel('按区划筛选').click();
  await page.getByLabel('按区划筛选').pressSequentially('陈家沟村', { delay: 20 });
  await openDropdown(page).locator('.ant-select-item-option', { hasText: '陈家沟村' }).first().click();
  // The filter's list must be gone before the successor's opens: while it closes, its options matched first (CI flake).
  await expect(openDropdown(page)).toHaveCount(0);
  await page
    .getByRole('row', { name: /陈家沟村/ })
    .getByRole('button', { name: '交接' })
    .click();
  const handover = page.getByRole('dialog', { name: /交接 陈家沟村 的法律顾问/ });
  await expect(handover).toContainText(advisor.name);
  const successor = handover.getByLabel('接任法律顾问');
  await successor.click();
  const successorOption = openDropdown(page).locator('.ant-select-item-option').first();
  const successorName = (await successorOption.innerText()).replace(/（.*$/, '');
  await successorOption.click();
  await handover.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('交接完成')).toBeVisible();
  await expect(page.getByRole('row', { name: /陈家沟村/ })).toContainText(successorName);
  await page.getByRole('switch', { name: '含已结束' }).click();
  await expect(page.getByRole('row', { name: /陈家沟村/ })).toHaveCount(2);
  await expect(page.getByRole('row', { name: new RegExp(advisor.name) })).toContainText('已结束');
  await snapshot(page, 'legal-handover');
});

/** A valid 公民身份号码 from its first 17 digits. */
function idNumber(body: string): string {
  return body + idCardCheckChar(body);
}

test('an official imports advisors from the Excel template: good rows go in, bad rows are listed', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'jy.official');
  await expect(page.getByTestId('current-scope')).toContainText('泾阳县');
  await page.getByRole('menuitem', { name: '法律顾问' }).click();
  await expect(page).toHaveURL(/\/legal$/);

  // The template, filled in here: one good row, one with a wrong phone number.
  const template = await page.request.get('/api/legal/advisors/template.xlsx');
  expect(template.ok()).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await template.body()).buffer);
  const sheet = workbook.getWorksheet('法律顾问');
  if (!sheet) throw new Error('the template has no 法律顾问 sheet');
  expect(sheet.getRow(1).getCell(3).text).toBe('手机号码');
  const imported = `导入顾问${suffix}`;
  sheet.addRow([
    imported,
    '男',
    '13712345678',
    idNumber('61042319880808123'),
    '执业律师',
    '陕西泾渭律师事务所',
    '',
    '',
    '2026-01-01',
    '2026-12-31',
    '8000',
  ]);
  sheet.addRow([`号码有误${suffix}`, '女', '1371234', idNumber('61042319900101124'), '基层法律服务工作者', '', '', '', '', '', '']);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());

  const total = page.locator('.ant-pagination-total-text');
  await expect(total).toContainText(/共 \d+ 条/);
  const before = Number((await total.innerText()).replace(/\D/g, ''));

  await page.getByRole('button', { name: '批量导入' }).click();
  const dialog = page.getByRole('dialog', { name: '批量导入法律顾问' });
  await expect(dialog.getByTestId('advisor-import-region-picker')).toContainText('泾阳县');
  await expect(dialog.getByRole('link', { name: '下载模板' })).toHaveAttribute('href', '/api/legal/advisors/template.xlsx');

  // Not an Excel file: the server's refusal shows in the modal.
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: '名单.txt', mimeType: 'text/plain', buffer: Buffer.from('姓名,手机号码') });
  await expect(dialog.getByTestId('advisor-import-error')).toContainText('请上传 Excel（.xlsx）文件');

  const answered = page.waitForResponse((response) => response.url().includes('/api/legal/advisors/import') && response.status() === 200);
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: '法律顾问.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await answered;
  await expect(dialog.getByTestId('advisor-import-error')).toBeHidden();
  await expect(dialog.getByTestId('advisor-import-result')).toContainText('成功导入 1 人');
  const errorRow = dialog.getByTestId('advisor-import-errors').getByRole('row', { name: /手机号码/ });
  await expect(errorRow).toContainText('3');
  await expect(errorRow).toContainText('手机号码格式不正确');
  await expect(dialog.getByTestId('advisor-import-errors').locator('.ant-table-row')).toHaveCount(1);
  await snapshot(page, 'legal-import');

  // The roster behind the modal has been refreshed with the new advisor.
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
  await expect(total).toContainText(`共 ${before + 1} 条`);
  await page.getByPlaceholder('姓名或执业机构').fill(imported);
  await page.getByPlaceholder('姓名或执业机构').press('Enter');
  const row = page.getByRole('row', { name: new RegExp(imported) });
  await expect(row).toContainText('执业律师');
  await expect(row).toContainText('137****5678');
  await expect(page.getByRole('row', { name: new RegExp(`号码有误${suffix}`) })).toHaveCount(0);
});
