import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { idCardCheckChar } from '@rg/domain/personal/id-card';
import { chooseOption, snapshot } from './support/console.ts';
import { openMediation, startMediation, step } from './support/mediation.ts';

const suffix = Date.now().toString(36).slice(-4);
const idBody = '61042319800101001';
const idNumber = `${idBody}${idCardCheckChar(idBody)}`;

test('a village mediator registers a dispute, records a session, downloads the agreement, follows up and closes', async ({ page }) => {
  await openMediation(page, 'qj.mediator');
  await expect(page).toHaveURL(/\/mediation$/);
  await expect(page.getByRole('heading', { name: '人民调解与法律援助' })).toBeVisible();
  await expect(page.getByTestId('cases-table').locator('.ant-table-row').first()).toBeVisible();
  await snapshot(page, 'mediation-cases');
  await page.screenshot({ path: '/tmp/mediation-cases.png' });

  // 登记纠纷: 屈家村 is preset (the mediator's village); a missing respondent name is refused on the field.
  await page.getByRole('button', { name: '登记纠纷' }).click();
  const dialog = page.getByTestId('case-create-modal');
  await chooseOption(
    page,
    dialog.getByLabel('纠纷类型'),
    '邻里纠纷',
    dialog.locator('.ant-select').filter({ hasText: '邻里纠纷' }).first(),
  );
  await dialog.getByLabel('纠纷简要情况').fill(`两户因院墙排水沟走向发生争执（${suffix}）`);
  await dialog.getByLabel('姓名或名称1').fill(`张${suffix}`);
  await dialog.getByLabel('联系电话1').fill('13912345678');
  await dialog.getByLabel('身份证号或统一社会信用代码1').fill(idNumber);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('请输入当事人名称');
  await dialog.getByLabel('姓名或名称2').fill(`李${suffix}`);
  await page.screenshot({ path: '/tmp/mediation-create.png' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const drawer = page.getByTestId('case-drawer');
  await expect(drawer.getByTestId('case-status')).toHaveText('已受理');
  await expect(drawer.getByTestId('case-parties')).toContainText('139****5678');
  await expect(drawer.getByTestId('case-parties')).not.toContainText('13912345678');

  // 修改当事人: the respondent's name is corrected; the applicant's phone, left empty, stays as stored.
  await drawer.getByRole('button', { name: '修改当事人' }).click();
  const parties = page.getByTestId('parties-edit-modal');
  await expect(parties.getByLabel('联系电话1')).toHaveAttribute('placeholder', '139****5678');
  await parties.getByLabel('姓名或名称2').fill(`李${suffix}某`);
  await parties.getByLabel('住址2').fill('屈家村三组');
  await page.screenshot({ path: '/tmp/mediation-parties-edit.png' });
  await parties.getByRole('button', { name: '保存' }).click();
  await expect(parties).toBeHidden();
  await expect(drawer.getByTestId('case-parties')).toContainText(`被申请人：李${suffix}某`);
  await expect(drawer.getByTestId('case-parties')).toContainText('139****5678');
  await expect(drawer.getByTestId('case-parties')).toContainText('屈家村三组');

  await startMediation(page, drawer);
  // Concluding without a recorded session names the missing evidence.
  await drawer.getByTestId('case-actions').getByRole('button', { name: '达成协议', exact: true }).click();
  const early = page.getByRole('dialog', { name: /^达成协议 · / });
  await early.getByLabel('协议内容').fill('一、被申请人于十日内疏通排水沟。');
  await early.getByRole('button', { name: '保存' }).click();
  await expect(early).toContainText('尚无调解记录');
  await early.getByRole('button', { name: '取消' }).click();
  await expect(early).toBeHidden();
  await step(page, drawer, '登记调解过程', async (d) => {
    await d.getByLabel('参加人员').fill('双方当事人、村调委会主任');
    await d.getByLabel('调解记录').fill('听取双方陈述，释法说理，双方同意协商解决。');
  });
  await expect(drawer.getByTestId('case-sessions')).toContainText('双方当事人、村调委会主任');
  await step(
    page,
    drawer,
    '达成协议',
    async (d) => {
      await d.getByLabel('协议内容').fill('一、被申请人于十日内疏通排水沟。\n二、双方和睦相处。');
    },
    '达成协议',
  );
  await page.screenshot({ path: '/tmp/mediation-drawer.png' });

  const download = page.waitForEvent('download');
  await drawer.getByTestId('agreement-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^人民调解协议书（\d{4}）屈家村调字第\d{3}号\.docx$/);
  // The agreement as the parties signed it goes back into the case file.
  await drawer
    .getByTestId('case-upload')
    .locator('xpath=ancestor::span[contains(@class,"ant-upload")]')
    .locator('input[type=file]')
    .setInputFiles({ name: '签字协议书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%签字协议书\n') });
  await expect(drawer.getByTestId('case-attachments')).toContainText('签字协议书.pdf');

  await step(page, drawer, '当事人确认', async () => undefined);
  await step(page, drawer, '转入回访', async () => undefined, '待回访');
  await step(page, drawer, '登记回访', async (d) => {
    await d.getByLabel('回访情况').fill('排水沟已疏通，双方关系缓和。');
  });
  await step(page, drawer, '履行情况', async (d) => {
    await d.getByLabel('履行情况').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '已履行' }).click();
  });
  await step(page, drawer, '结案', async () => undefined, '已结案');
  await expect(drawer).toContainText('排水沟已疏通，双方关系缓和。');
  await snapshot(page, 'mediation-closed');
  await page.screenshot({ path: '/tmp/mediation-closed.png' });
});

/** Towns plus villages that meet the staffing rule, as the 人员配备 tab shows them ("10 / 13"). */
async function compliantPlaces(page: Page): Promise<number> {
  await page.getByRole('tab', { name: '人员配备' }).click();
  let total = 0;
  for (const id of ['staffing-towns', 'staffing-villages']) {
    const text = (await page.getByTestId(id).textContent()) ?? '';
    total += Number(/(\d+) \/ \d+/.exec(text)?.[1] ?? NaN);
  }
  return total;
}

test('the county official sees staffing gaps change, and statistics with drill-down', async ({ page }) => {
  await openMediation(page, 'jy.official');
  await page.getByRole('tab', { name: '人员配备' }).click();
  await expect(page.getByTestId('staffing-towns')).toContainText('/');
  await expect(page.getByTestId('staffing-gaps').locator('.ant-table-row').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/mediation-staffing.png' });
  const before = await compliantPlaces(page);
  expect(before).toBeGreaterThan(0);

  // A part-time mediator of a town or village committee becomes full-time: one more place meets the rule.
  await page.getByRole('tab', { name: '调解组织' }).click();
  await chooseOption(
    page,
    page.locator('.ant-select').filter({ hasText: '专兼职' }),
    '兼职',
    page.locator('.ant-select').filter({ hasText: '兼职' }).first(),
  );
  const firstRow = page.getByTestId('mediators-table').locator('.ant-table-row').first();
  await expect(firstRow).toContainText('兼职');
  await firstRow.getByRole('button').first().click();
  const drawer = page.getByTestId('mediator-drawer');
  await drawer.getByLabel('专职', { exact: true }).check();
  await drawer.getByTestId('mediator-status-form').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await drawer
    .getByRole('button', { name: 'Close' })
    .or(drawer.getByRole('button', { name: '关闭' }))
    .first()
    .click();
  await expect.poll(() => compliantPlaces(page)).toBe(before + 1);
  await page.getByRole('tab', { name: '统计分析' }).click();
  await expect(page.getByTestId('stats-figures')).toContainText('调解成功率');
  await page.getByTestId('stats-children').getByText('王桥镇').click();
  await expect(page.getByTestId('stats-breadcrumb')).toContainText('王桥镇');
  await expect(page.getByTestId('stats-children')).toContainText('屈家村');
  await page.screenshot({ path: '/tmp/mediation-stats.png', fullPage: true });
  // The figures on screen as a 统计表 of the town drilled into.
  const [statsFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export').click()]);
  expect(statsFile.suggestedFilename()).toMatch(/^人民调解工作统计表（\d{4}年）\.xlsx$/);
  const statsBook = new ExcelJS.Workbook();
  await statsBook.xlsx.readFile(await statsFile.path());
  expect(statsBook.worksheets.map((w) => w.name)).toEqual(['分地区', '按纠纷类型', '按月份']);
  expect(statsBook.worksheets[0]?.getRow(2).getCell(1).value).toBe('王桥镇（合计）');
  await page.getByRole('tab', { name: '矛盾纠纷排查' }).click();
  await expect(page.getByTestId('screening-figures')).toContainText('应报');
  await page.screenshot({ path: '/tmp/mediation-screening.png', fullPage: true });
  // A dispute a village reported becomes a case, its facts filled in from the report.
  await page.getByTestId('screening-reports').getByRole('button', { name: '登记为案件' }).first().click();
  const fromReport = page.getByTestId('case-create-modal');
  await expect(fromReport.getByLabel('纠纷简要情况')).toHaveValue(/排查发现/);
  await fromReport.getByLabel('姓名或名称1').fill(`排查甲${suffix}`);
  await fromReport.getByLabel('姓名或名称2').fill(`排查乙${suffix}`);
  await fromReport.getByRole('button', { name: '保存' }).click();
  await expect(fromReport).toBeHidden();
  await page.getByRole('tab', { name: '调解案件' }).click();
  await page.getByPlaceholder('编号、当事人或内容').fill(`排查甲${suffix}`);
  await page.getByPlaceholder('编号、当事人或内容').press('Enter');
  await expect(page.getByTestId('cases-table').locator('.ant-table-row')).toHaveCount(1);
  await page.getByRole('tab', { name: '调解组织' }).click();
  await expect(page.getByTestId('mediation-settings')).toContainText('调解期限（天）');
  // A committee is renamed from its row; the list shows the new name.
  const committeeRow = page.getByTestId('committees-table').locator('.ant-table-row').first();
  const oldName = (await committeeRow.locator('td').first().innerText()).trim();
  await committeeRow.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '修改调解委员会' });
  await expect(edit.getByLabel('名称')).toHaveValue(oldName);
  await edit.getByLabel('名称').fill(`${oldName}（${suffix}）`);
  await page.screenshot({ path: '/tmp/mediation-committee-edit.png' });
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('committees-table')).toContainText(`${oldName}（${suffix}）`);
  await page.screenshot({ path: '/tmp/mediation-organisations.png', fullPage: true });
  await page.getByRole('tab', { name: '法律援助' }).click();
  await page.screenshot({ path: '/tmp/mediation-aid.png' });
  // An application with a lawyer assigned: its 给予法律援助决定书 downloads from the drawer.
  await page.locator('.ant-table-row').filter({ hasText: '已指派' }).first().getByRole('button').first().click();
  const [decision] = await Promise.all([page.waitForEvent('download'), page.getByTestId('aid-decision').click()]);
  expect(decision.suggestedFilename()).toMatch(/^给予法律援助决定书（.+）\.docx$/);
});

test('the town official sees the town’s own statistics and staffing gaps', async ({ page }) => {
  await openMediation(page, 'wq.official');
  await page.getByRole('tab', { name: '统计分析' }).click();
  await expect(page.getByTestId('stats-breadcrumb')).toContainText('王桥镇');
  await expect(page.getByTestId('stats-children')).toContainText('屈家村');
  await page.getByRole('tab', { name: '人员配备' }).click();
  await expect(page.getByTestId('staffing-towns')).toContainText('/ 1');
  const gaps = page.getByTestId('staffing-gaps');
  await expect(gaps.locator('.ant-table-row').first().or(gaps.getByText('全部达标'))).toBeVisible();
  await expect(gaps).not.toContainText('安吴镇');
});
