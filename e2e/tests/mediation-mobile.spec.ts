import { expect, test } from '@playwright/test';
import { signIn, snapshot } from './support/console.ts';
import { startMediation, step } from './support/mediation.ts';

test('a villager applies for mediation on the phone and sees the request in their list', async ({ page }) => {
  await page.goto('/m/mediation');
  await expect(page).toHaveURL(/\/m\/login$/);
  await signIn(page, 'qj.villager');
  await expect(page).toHaveURL(/\/m(\/mediation)?$/);
  await page.goto('/m/mediation');
  const screen = page.getByTestId('mobile-mediation');
  await expect(screen).toContainText('申请人民调解');
  await screen.getByLabel('发生了什么事').fill('邻居建房占用我家宅基地约半米，多次协商未果。');
  await screen.getByLabel('对方姓名或单位').fill('王某某');
  await screen.getByRole('button', { name: '提交申请' }).click();
  await expect(screen).toContainText('请填写手机号码');
  await screen.getByLabel('您的手机号码').fill('1391234');
  await screen.getByRole('button', { name: '提交申请' }).click();
  await expect(screen).toContainText('手机号码格式不正确');
  await screen.getByLabel('您的手机号码').fill('13912340001');
  const submit = screen.getByRole('button', { name: '提交申请' });
  expect((await submit.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await submit.click();
  await expect(page.getByTestId('mobile-apply-done')).toContainText(/案件编号：（\d{4}）屈家村调字第\d{3}号/);
  await expect(page.getByTestId('mobile-mine')).toContainText('已受理');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await snapshot(page, 'mediation-mobile');
  await page.screenshot({ path: '/tmp/mediation-mobile.png', fullPage: true });
});

test('a village mediator registers a dispute on the phone, records a session, generates the agreement and keeps a photo of it signed', async ({
  page,
}) => {
  const tag = Date.now().toString(36).slice(-4);
  await page.goto('/m/mediation/cases');
  await signIn(page, 'qj.mediator');
  await expect(page).toHaveURL(/\/m\/mediation\/cases$/);
  await expect(page.getByTestId('mediator-case').first()).toBeVisible();
  await page.getByRole('button', { name: '登记纠纷' }).click();

  const form = page.getByTestId('mediator-case-form');
  await form.getByLabel('纠纷简要情况').fill(`两户因宅基地界墙发生争执（${tag}）`);
  await form.getByLabel('申请人姓名', { exact: true }).fill(`赵${tag}`);
  await form.getByLabel('申请人联系电话', { exact: true }).fill('1391234');
  await form.getByLabel('被申请人姓名').fill(`钱${tag}`);
  await form.getByRole('button', { name: '登记', exact: true }).click();
  await expect(form).toContainText('手机号码格式不正确');
  await form.getByLabel('申请人联系电话', { exact: true }).fill('13912345678');
  await form.getByRole('button', { name: '登记', exact: true }).click();

  const screen = page.getByTestId('mediator-case');
  await expect(page).toHaveURL(/\/m\/mediation\/cases\/[\da-f-]{36}$/);
  await expect(screen.getByTestId('case-status')).toHaveText('已受理');
  await expect(screen).toContainText('139****5678');
  await startMediation(page, screen);
  await step(page, screen, '登记调解过程', async (d) => {
    await d.getByLabel('参加人员').fill('双方当事人、村调委会委员');
    await d.getByLabel('调解记录').fill('现场查看界墙，释法说理，双方同意按原界线重砌。');
  });
  await expect(screen.getByTestId('case-sessions')).toContainText('双方当事人、村调委会委员');
  await step(
    page,
    screen,
    '达成协议',
    async (d) => {
      await d.getByLabel('协议内容').fill('一、界墙按原界线重砌，费用双方各半。\n二、双方和睦相处。');
    },
    '达成协议',
  );
  const [agreement] = await Promise.all([page.waitForEvent('download'), screen.getByTestId('agreement-download').click()]);
  expect(agreement.suggestedFilename()).toMatch(/^人民调解协议书（\d{4}）屈家村调字第\d{3}号\.docx$/);
  await screen
    .getByTestId('case-upload')
    .locator('xpath=ancestor::span[contains(@class,"ant-upload")]')
    .locator('input[type=file]')
    .setInputFiles({
      name: '签字协议书.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
    });
  await expect(screen.getByTestId('case-attachments').locator('img')).toHaveCount(1);

  const buttons = screen.getByTestId('case-actions').getByRole('button');
  for (const box of await buttons.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
    expect(box).toBeGreaterThanOrEqual(44);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: '/tmp/mediation-mediator-phone.png', fullPage: true });
  // Back on the workbench, the case is among those in hand (在办, the default).
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByTestId('mediator-filter')).toContainText('在办');
  await expect(page.getByTestId('mediator-case').filter({ hasText: `赵${tag}` })).toContainText('达成协议');
});

test('a village secretary reports the month’s screening from the phone: the disputes found, each with its risk', async ({ page }) => {
  await page.goto('/m/mediation/screening');
  await signIn(page, 'qj.cadre');
  await expect(page).toHaveURL(/\/m\/mediation\/screening$/);
  const screen = page.getByTestId('screening-report');
  // This month's report (last month's may already be in): a dispute must be described before it is sent.
  // The month as the page counts it (the phone's own clock), so the test holds at a month's turn in any time zone.
  const thisMonth = `${await page.evaluate(() => new Date().getMonth() + 1)}月`;
  await screen.getByText(thisMonth, { exact: true }).click();
  await screen.getByText('发现矛盾纠纷', { exact: true }).click();
  await screen.getByRole('button', { name: '报送排查情况' }).click();
  await expect(screen).toContainText('请填写简要情况');
  await screen.getByLabel('简要情况1').fill('两户因灌溉用水先后发生口角');
  await screen.getByRole('button', { name: '添加一条纠纷' }).click();
  await screen.getByLabel('简要情况2').fill('租地合同到期后续租价格有分歧');
  await screen.getByRole('button', { name: '报送排查情况' }).click();
  await expect(page.getByTestId('screening-done')).toContainText('排查情况已按时报送');
  // A second report for the same month is refused, saying why.
  await screen.getByRole('button', { name: '报送排查情况' }).click();
  await expect(screen).toContainText('该村本月已报送排查情况');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: '/tmp/mediation-screening-phone.png', fullPage: true });
});
