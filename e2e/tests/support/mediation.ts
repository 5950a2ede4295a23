import { expect, type Locator, type Page } from '@playwright/test';

/** Opens a step of a case (from the console drawer or the phone page), fills it with `fill`, saves, and waits for the drawer to show `status`. */
export async function step(page: Page, drawer: Locator, button: string, fill: (dialog: Locator) => Promise<void>, status?: string): Promise<void> {
  await drawer.getByTestId('case-actions').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${button} · `) });
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  if (status) await expect(drawer.getByTestId('case-status')).toHaveText(status);
}
