import { expect, test } from '@playwright/test';
import { signIn, snapshot } from './support/console.ts';

test('a village cadre signs in on a phone and sees the mobile home', async ({ page }) => {
  await page.goto('/m');
  await expect(page).toHaveURL(/\/m\/login$/);
  await expect(page.getByText('乡村治理试点示范平台')).toBeVisible();
  const loginButton = page.getByRole('button', { name: '登录' });
  const box = await loginButton.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await snapshot(page, 'mobile-login');

  await signIn(page, 'qj.cadre');
  await expect(page).toHaveURL(/\/m$/);
  const home = page.getByTestId('mobile-home');
  await expect(home).toContainText('您好，屈家村书记');
  await expect(home).toContainText('屈家村');
  await expect(home).toContainText('便民服务');
  await expect(page.locator('.ant-layout-sider')).toHaveCount(0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await snapshot(page, 'mobile-home');
});
