import { type Locator, type Page } from '@playwright/test';
import { openDropdown } from './console.ts';

/** What the 新建试点项目 form is filled with; the conditions and content areas keep their defaults. */
export interface ProgramCreation {
  name: string;
  batch: string;
  /** The option of 试点单位层级, e.g. '乡镇'. */
  unitLevel: string;
  cycle: [start: string, end: string];
  /** 项目说明, typed as it is (line breaks included); left empty when absent. */
  description?: string;
  /** One 工作节点 (a 申报截止, the form's default kind). */
  milestone: { name: string; dueDate: string };
}

/**
 * Opens 新建试点项目 from the programme list and fills it with `program`, the county level as the
 * review chain; returns the dialog unsaved, so the caller may look at it before pressing 保存.
 */
export async function fillProgramCreation(page: Page, program: ProgramCreation): Promise<Locator> {
  await page.getByRole('button', { name: '新建试点项目' }).click();
  const dialog = page.getByRole('dialog', { name: '新建试点项目' });
  await dialog.getByLabel('项目名称').fill(program.name);
  await dialog.getByLabel('批次').fill(program.batch);
  await dialog.getByLabel('试点单位层级').click();
  await openDropdown(page).locator('.ant-select-item-option', { hasText: program.unitLevel }).click();
  await dialog.getByPlaceholder('开始日期').fill(program.cycle[0]);
  await dialog.getByPlaceholder('结束日期').fill(program.cycle[1]);
  await dialog.getByPlaceholder('结束日期').press('Enter');
  if (program.description) await dialog.getByLabel('项目说明').fill(program.description);
  await dialog.getByRole('checkbox', { name: '县级' }).check();
  await dialog.getByRole('button', { name: '添加节点' }).click();
  await dialog.getByPlaceholder('节点').fill(program.milestone.name);
  await dialog.getByPlaceholder('请选择日期').fill(program.milestone.dueDate);
  await dialog.getByPlaceholder('请选择日期').press('Enter');
  return dialog;
}
