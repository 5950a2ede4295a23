import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { searchRegion, signIn, snapshot } from './support/console.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A phone-sized page (390 px) signed in on /m, for the people who use the platform on the spot. */
async function phone(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto('/m/login');
  await signIn(page, username);
  await expect(page).toHaveURL(/\/m$/);
  return page;
}

async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

interface ComplianceJson {
  norms: { id: string; window: string | null }[];
  items: { villageCode: string; norms: { normId: string; done: number }[] }[];
}

/** On-site services this month in 屈家村, as the county's compliance report counts them. */
async function onsiteDone(page: Page, period: string): Promise<number> {
  const res = await page.request.get(`/api/legal/compliance?regionCode=610423104209&period=${period}`);
  const body = (await res.json()) as ComplianceJson;
  const norm = body.norms.find((n) => n.window === 'onsite');
  return body.items[0]?.norms.find((n) => n.normId === norm?.id)?.done ?? -1;
}

/** Picks 屈家村 in a region picker (typing its name, then the option). */
async function pickQujia(page: Page, picker: Locator, shown: Locator): Promise<void> {
  const dropdown = await searchRegion(page, picker, '屈家村');
  const option = dropdown.locator('.ant-select-item-option', { hasText: '王桥镇屈家村' }).first();
  await expect(async () => {
    if (await option.isVisible()) await option.click({ timeout: 2_000 });
    await expect(shown).toContainText('屈家村', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

test("一次一记 on a phone, reviewed and counted by the county, and a villager's online question answered by the advisor", async ({
  browser,
  baseURL,
  page,
}) => {
  const stamp = Date.now().toString(36).slice(-4);
  const content = `村民咨询土地流转合同 ${stamp}`;
  const now = new Date(Date.now() + 8 * 3600_000);
  const period = now.toISOString().slice(0, 7);

  // 0. The county's justice bureau notes 屈家村's on-site services this month.
  await page.goto('/login');
  await signIn(page, 'jy.official');
  await expect(page.getByTestId('todo-list')).toBeVisible();
  const before = await onsiteDone(page, period);
  expect(before).toBeGreaterThanOrEqual(0);

  // 1. The advisor of 屈家村 records a service on the spot, with a photo of the signed form.
  const advisor = await phone(browser, baseURL ?? '', 'qj.advisor');
  await advisor.getByTestId('mobile-service-legal-ledger').click();
  await expect(advisor.getByTestId('advisor-ledger')).toContainText('郑雅琴，您服务 1 个村（社区）');
  await advisor.getByRole('button', { name: '记一笔' }).click();
  const form = advisor.getByTestId('service-form');
  await expect(form.getByLabel('服务村（社区）')).toBeVisible();
  // Required fields are named in Chinese before anything is sent.
  await form.getByRole('button', { name: '提交' }).click();
  await expect(form).toContainText('请填写服务内容');
  await form.getByLabel('对象姓名或名称').fill('屈某某');
  await form.getByLabel('服务内容').fill(content);
  await form.getByLabel('服务结果').fill('讲解流转合同必备条款，建议书面签订并备案');
  await advisor.locator('input[type=file]').setInputFiles({ name: '签字表.png', mimeType: 'image/png', buffer: PNG });
  await fitsThePhone(advisor);
  await snapshot(advisor, 'legal-m-record');
  await form.getByRole('button', { name: '提交' }).click();
  await expect(advisor.getByText('服务记录已保存')).toBeVisible();
  const record = advisor.getByTestId('advisor-service').filter({ hasText: content });
  await expect(record).toContainText('待审核');
  await snapshot(advisor, 'legal-m-ledger');
  await record.click();
  await expect(advisor.getByTestId('service-form')).toContainText('签字表.png');

  // 1b. The county sees the record, accepts it, and the compliance report counts it.
  await page.goto('/legal?tab=ledger');
  const ledgerRow = page.getByTestId('ledger-table').getByRole('row', { name: new RegExp(content) });
  await expect(ledgerRow).toContainText('待审核');
  await ledgerRow.getByRole('button', { name: '审核' }).click();
  await expect(page.getByRole('dialog').getByRole('img', { name: '签字表.png' })).toBeVisible();
  // The office corrects the record before accepting it: the edit is a new version, the first one is kept.
  await page.getByTestId('ledger-drawer').getByRole('button', { name: '编辑' }).click();
  const edit = page.getByTestId('ledger-edit-modal');
  await expect(edit.getByLabel('服务结果')).toHaveValue('讲解流转合同必备条款，建议书面签订并备案');
  await edit.getByLabel('服务结果').fill('讲解流转合同必备条款，建议书面签订并报村委会备案');
  await edit.getByLabel('修改原因').fill('补充备案地点');
  await page.screenshot({ path: '/tmp/legal-ledger-edit.png' });
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存为新版本')).toBeVisible();
  const versions = page.getByTestId('ledger-versions');
  await expect(versions).toContainText('第 2 版');
  await expect(versions).toContainText('补充备案地点');
  await page.screenshot({ path: '/tmp/legal-ledger-versions.png' });
  await page.getByTestId('ledger-accept').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '通过' }).click();
  await expect(page.getByText('已通过审核')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ledgerRow).toContainText('已通过');
  await snapshot(page, 'legal-ledger-tab');

  await page.goto('/legal?tab=compliance');
  await pickQujia(page, page.getByTestId('compliance-region-filter').locator('input'), page.getByTestId('compliance-region-filter'));
  await expect(page.getByTestId('compliance-villages')).toContainText(`${before + 1} / 1`);
  await snapshot(page, 'legal-compliance-tab');

  // 1c. The year's ledger of 屈家村 as Excel holds the record (一村一卷 comes from the same ledger).
  await page.goto('/legal?tab=ledger');
  await page.getByTestId('dossier-button').click();
  const modal = page.getByTestId('dossier-modal');
  await pickQujia(page, modal.getByTestId('dossier-village-picker').locator('input'), modal.getByTestId('dossier-village-picker'));
  const [download] = await Promise.all([page.waitForEvent('download'), modal.getByRole('button', { name: /服务台账（Excel）/ }).click()]);
  expect(download.suggestedFilename()).toContain('屈家村');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const cells = book.worksheets[0]?.getSheetValues().flat().map(String) ?? [];
  expect(cells).toContain(content);
  const [word] = await Promise.all([page.waitForEvent('download'), modal.getByRole('button', { name: /一村一卷（Word）/ }).click()]);
  expect(word.suggestedFilename()).toMatch(/屈家村\d{4}年法律顾问工作档案\.docx$/);

  // 2. A villager of 屈家村 asks online; the question reaches the advisor.
  const villager = await phone(browser, baseURL ?? '', 'qj.villager');
  await villager.getByTestId('mobile-service-legal-ask').click();
  const question = `父母的承包地能由我一个人继承吗？${stamp}`;
  await villager.getByLabel('您的问题').fill(question);
  await villager.getByRole('button', { name: '提交问题' }).click();
  await expect(villager.getByText('问题已提交')).toBeVisible();
  await expect(villager.getByTestId('question-card').filter({ hasText: question })).toContainText('等待法律顾问答复');
  await fitsThePhone(villager);
  await snapshot(villager, 'legal-m-ask');

  await advisor.goto('/m/legal/questions');
  const card = advisor.getByTestId('question-card').filter({ hasText: question });
  await card.getByLabel('答复内容').fill('承包地不能继承，但承包期内的收益可以继承；可咨询村委会办理变更。');
  await card.getByRole('button', { name: '提交答复' }).click();
  await expect(advisor.getByText('答复已发送给村民')).toBeVisible();
  await snapshot(advisor, 'legal-m-questions');

  // 3. The villager sees the answer; the answer is in the advisor's ledger with window 网络.
  await villager.reload();
  await expect(villager.getByTestId('question-card').filter({ hasText: question }).getByTestId('question-answer')).toContainText(
    '承包期内的收益可以继承',
  );
  await advisor.goto('/m/legal');
  await expect(advisor.getByTestId('advisor-service').filter({ hasText: question })).toContainText('网络');
});
