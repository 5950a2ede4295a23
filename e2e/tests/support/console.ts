import { expect, type Locator, type Page } from '@playwright/test';
import path from 'node:path';

export const DEMO_PASSWORD = 'Demo@2026pass';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../.artifacts');

export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Signs in through a login form (desktop /login or mobile /m/login). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The dropdown currently open (antd renders every select's options in a portal). */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
}

/** Types into a region picker and waits for the server's search answer to show up as options. */
export async function searchRegion(page: Page, picker: Locator, text: string): Promise<Locator> {
  await picker.click();
  await picker.pressSequentially(text, { delay: 30 });
  const dropdown = openDropdown(page);
  await expect(dropdown).toBeVisible();
  return dropdown;
}

export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await openDropdown(page).locator('.ant-select-item-option', { hasText: label }).first().click();
}
