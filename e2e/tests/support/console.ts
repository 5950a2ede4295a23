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

/** Types into a region picker and waits until the server has answered the search for `text`. */
export async function searchRegion(page: Page, picker: Locator, text: string): Promise<Locator> {
  const answered = page.waitForResponse(
    (response) => response.url().includes('/api/regions/search') && new URL(response.url()).searchParams.get('q') === text,
  );
  await picker.click();
  await picker.pressSequentially(text, { delay: 30 });
  await answered;
  const dropdown = openDropdown(page);
  await expect(dropdown).toBeVisible();
  return dropdown;
}

/**
 * Searches in a region picker and clicks the first option whose label contains `optionText`, until the
 * list has closed with it chosen. Clicking before the answer for the whole text has come can hit a list
 * that is being replaced: the click is lost and the open list then covers the dialog's buttons.
 */
export async function chooseRegion(page: Page, picker: Locator, text: string, optionText: string): Promise<void> {
  const dropdown = await searchRegion(page, picker, text);
  const option = dropdown.locator('.ant-select-item-option', { hasText: optionText }).first();
  await expect(async () => {
    if (await option.isVisible()) await option.click({ timeout: 2_000 });
    await expect(dropdown).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** `chooseRegion` in a user form's 所属区划, checking the picker shows the choice. */
export async function pickRegion(page: Page, container: Locator, text: string, optionText: string): Promise<void> {
  await chooseRegion(page, container.getByLabel('所属区划'), text, optionText);
  await expect(container.getByTestId('user-region-picker')).toContainText(optionText);
}

/** Opens a select, clicks the option `label`, and retries until `shown` displays it. */
export async function chooseOption(page: Page, select: Locator, label: string, shown: Locator): Promise<void> {
  const option = openDropdown(page).locator('.ant-select-item-option', { hasText: label }).first();
  await expect(async () => {
    if (!(await option.isVisible())) await select.click({ timeout: 2_000 });
    await option.click({ timeout: 2_000 });
    await expect(shown).toContainText(label, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
