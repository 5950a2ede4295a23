import { expect, type Locator, type Page } from '@playwright/test';
import { signIn } from './console.ts';

/** Opens a step of a case (from the console drawer or the phone page), fills it with `fill`, saves, and waits for the drawer to show `status`. */
export async function step(
  page: Page,
  drawer: Locator,
  button: string,
  fill: (dialog: Locator) => Promise<void>,
  status?: string,
): Promise<void> {
  await drawer.getByTestId('case-actions').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${button} · `) });
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  if (status) await expect(drawer.getByTestId('case-status')).toHaveText(status);
}

/** 开始调解 with the first mediator the form offers. */
export async function startMediation(page: Page, container: Locator): Promise<void> {
  await step(
    page,
    container,
    '开始调解',
    async (d) => {
      await d.getByLabel('调解员').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
    },
    '调解中',
  );
}

/** Signs `username` in on the console and opens 人民调解. */
export async function openMediation(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await signIn(page, username);
  await page.getByRole('menuitem', { name: '人民调解' }).click();
}
