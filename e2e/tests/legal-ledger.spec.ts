import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn, snapshot } from './support/console.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A phone-sized page (390 px) signed in on /m, for the people who use the platform on the spot. */
async function phone(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto('/m/login');
  await signIn(page, username);
  await expect(page).toHaveURL(/\/m$/);
  return page;
}

async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test('一次一记 on a phone, and a villager\'s online question answered by the advisor', async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36).slice(-4);
  const content = `村民咨询土地流转合同 ${stamp}`;

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
  await expect(villager.getByTestId('question-card').filter({ hasText: question }).getByTestId('question-answer')).toContainText('承包期内的收益可以继承');
  await advisor.goto('/m/legal');
  await expect(advisor.getByTestId('advisor-service').filter({ hasText: question })).toContainText('网络');
});
