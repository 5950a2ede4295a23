import { expect, test } from '@playwright/test';
import { signIn, snapshot } from './support/console.ts';

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
