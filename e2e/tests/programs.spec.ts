import { expect, test, type Page } from '@playwright/test';
import { chooseRegion, openDropdown, signIn } from './support/console.ts';
import { fillProgramCreation } from './support/programs.ts';

const PROGRAM = '安徽省乡村治理示范县创建';
const PDF = {
  name: '县委常委会纪要.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
};
const SECTIONS = ['试点背景', '试点思路', '试点内容', '方法步骤', '预期效果', '保障措施'];
const DESCRIPTION = '依据县委农办《关于开展乡村治理示范村创建的通知》。\n每个乡镇推荐1个村，须已建立村民议事会。';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/programs-${name}.png`, fullPage: true });
}

async function signOutAndIn(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, username);
  // Signing in returns to the page left; the todo list is on the home page.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('todo-list')).toBeVisible();
}

async function openApplicationFromTodo(page: Page, todoTitle: string): Promise<void> {
  const todo = page.getByTestId('todo-list').locator('.ant-list-item', { hasText: todoTitle });
  await expect(todo).toBeVisible();
  await todo.getByRole('button').click();
  await page.getByTestId('application-list').getByRole('link', { name: '怀远县' }).click();
  await expect(page.getByRole('heading', { name: /申报书：怀远县/ })).toBeVisible();
}

test('a county applies, the province returns it, the county revises, the province approves, the designation shows', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'hy.official');
  await expect(page.getByTestId('current-scope')).toContainText('怀远县');

  // 1. The county official opens Anhui's open call and starts 怀远县's application.
  await page.getByRole('menuitem', { name: '试点示范' }).click();
  await expect(page.getByRole('heading', { name: '乡村治理试点示范' })).toBeVisible();
  await expect(page.getByTestId('program-list')).toContainText('全国乡村治理体系建设试点');
  await shot(page, 'list');
  await page.getByTestId('program-list').getByRole('link', { name: PROGRAM }).click();
  await expect(page.getByTestId('milestones')).toContainText('试点方案报送截止');
  await shot(page, 'detail');
  await page.getByRole('button', { name: '发起申报' }).click();
  const dialog = page.getByRole('dialog', { name: '发起申报' });
  await chooseRegion(page, dialog.getByLabel('申报单位'), '怀远', '怀远县');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: /申报书：怀远县/ })).toBeVisible();

  // 2. Fill everything but 保障措施: the submission is refused naming what is missing.
  await page.getByRole('checkbox', { name: '探索共建共治共享的治理体制' }).check();
  await page.getByRole('checkbox', { name: '创新村民议事协商形式' }).check();
  for (const key of ['c1', 'c2', 'c3', 'c4']) await page.locator(`#answer-${key}`).fill(`怀远县情况说明 ${key}`);
  await page.getByTestId('evidence-c1').locator('input[type=file]').setInputFiles(PDF);
  await expect(page.getByTestId('evidence-c1')).toContainText(PDF.name);
  await page
    .getByTestId('attachment-a1')
    .locator('input[type=file]')
    .setInputFiles({ ...PDF, name: '怀远县试点方案.pdf' });
  await expect(page.getByTestId('attachment-a1')).toContainText('怀远县试点方案.pdf');
  for (const section of SECTIONS.slice(0, 5)) await page.getByRole('textbox', { name: section }).fill(`怀远县${section}：第一稿内容。`);
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('application-error')).toContainText('保障措施');
  await expect(page.getByTestId('section-safeguards')).toContainText('请填写此部分');
  await page.getByRole('textbox', { name: '保障措施' }).fill('县财政安排工作经费。');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('waiting-at')).toContainText('等待 安徽省（省级）审核');
  await shot(page, 'submitted');

  // 3. The province returns it with a comment, from its todo list.
  await signOutAndIn(page, 'ah.leader');
  await openApplicationFromTodo(page, '有试点示范申报等待您审核');
  await expect(page.getByTestId('section-background')).toContainText('怀远县试点背景：第一稿内容。');
  await page.getByLabel('审核意见').fill('保障措施请写明经费数额和人员');
  await shot(page, 'review');
  await page.getByRole('button', { name: '退回修改' }).click();
  await expect(page.getByTestId('review-history')).toContainText('保障措施请写明经费数额和人员');

  // 4. The county revises 保障措施 and resubmits; the difference between the versions is shown.
  await signOutAndIn(page, 'hy.official');
  await openApplicationFromTodo(page, '有试点示范申报被退回修改');
  await expect(page.getByTestId('review-history')).toContainText('退回修改');
  await page.getByRole('textbox', { name: '保障措施' }).fill('县财政安排工作经费50万元，配备专职人员3名。');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();
  const diff = page.getByTestId('diff-safeguards');
  await expect(diff.locator('ins')).toContainText(['50万元']);
  await expect(page.getByTestId('diff-background')).toContainText('未修改');
  await shot(page, 'diff');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByTestId('waiting-at')).toBeVisible();

  // 5. The province approves: the unit is designated.
  await signOutAndIn(page, 'ah.leader');
  await openApplicationFromTodo(page, '有试点示范申报等待您审核');
  await page.getByTestId('review-approve').click();
  await expect(page.getByRole('heading', { name: /申报书：怀远县/ })).toContainText('已批准');

  // 6. The designation appears on the county's region page.
  await signOutAndIn(page, 'hy.official');
  await page.goto('/regions/340321');
  const designations = page.getByTestId('region-designations');
  const row = designations.getByRole('row', { name: new RegExp(PROGRAM) });
  await expect(row).toContainText('省级乡村治理示范县');
  await expect(row).toContainText('有效');
  await shot(page, 'region');
});

test('the county’s leading group shows its agencies by role and flags overdue tasks; a task is closed', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'hy.official');
  await page.getByRole('menuitem', { name: '试点示范' }).click();
  await page.getByRole('tab', { name: '领导小组' }).click();
  await page.getByTestId('group-list').getByRole('link', { name: '怀远县委农村工作领导小组' }).click();
  await expect(page.getByTestId('group-agencies').getByRole('row', { name: /县委农办/ })).toContainText('牵头单位');
  await expect(page.getByTestId('group-members').getByRole('row').nth(1)).toContainText('组长');
  const overdue = page.getByTestId('group-tasks').getByRole('row', { name: /2021年度调研督导/ });
  await expect(overdue).toContainText('已逾期');
  await shot(page, 'group');
  await overdue.getByRole('button', { name: '办结' }).click();
  await expect(overdue).toContainText('已完成');
  await expect(overdue).not.toContainText('已逾期');
});

test('the county reports its year, the province’s inspectors score the acceptance, and the honour title is given', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'hy.official');
  await page.getByRole('menuitem', { name: '试点示范' }).click();
  await page.getByRole('tab', { name: '示范命名' }).click();
  await page
    .getByTestId('designations-table')
    .getByRole('row', { name: /安徽省乡村治理试点示范/ })
    .getByRole('link', { name: '怀远县' })
    .click();
  const reports = page.getByTestId('report-section');
  await reports.getByLabel('年度').fill('2022');
  await reports.getByRole('textbox', { name: '总结内容' }).fill('2022年新建村民议事会12个，化解矛盾纠纷356件。');
  await reports.getByRole('button', { name: '报送年度总结' }).click();
  await expect(reports.locator('.ant-list-item').first()).toContainText('待审核');

  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'ah.inspector');
  const form = page.getByTestId('score-form');
  await form.getByText('考核验收').click();
  for (const [criterion, score] of [
    ['组织领导与工作机制', '90'],
    ['试点任务完成情况', '85'],
    ['经验做法与示范带动', '88'],
  ] as const) {
    await form.getByLabel(`${criterion}得分（0–100）`).fill(score);
  }
  await form.getByRole('button', { name: '提交评分' }).click();
  await expect(page.getByTestId('score-error')).toContainText('群众满意度');
  await form.getByLabel('群众满意度得分（0–100）').fill('92');
  await form.getByRole('button', { name: '提交评分' }).click();
  const result = page.getByTestId('evaluation-section').locator('.ant-list-item').first();
  await expect(result).toContainText('合格');
  await expect(result).toContainText('授予称号：省级乡村治理示范县');
  await shot(page, 'evaluation');
});

test('typical cases are found by content area, and the three-level board shows 万福镇’s demonstration village', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'hy.official');
  await page.getByRole('menuitem', { name: '试点示范' }).click();
  await page.getByRole('tab', { name: '典型案例' }).click();
  const cases = page.getByTestId('case-list');
  await expect(cases).toContainText('“一约四会”推进移风易俗');
  await expect(cases).toContainText('万福镇“阳光村务”小微权力清单');
  await page.getByTestId('case-area-filter').click();
  await openDropdown(page).locator('.ant-select-item-option', { hasText: '完善村级权力监管机制' }).click();
  await expect(cases).not.toContainText('一约四会');
  await expect(cases).toContainText('小微权力清单');
  await shot(page, 'cases');
  await page.getByRole('tab', { name: '三级创建看板' }).click();
  const board = page.getByTestId('three-level-board');
  const wanfu = board.getByRole('row', { name: /万福镇/ });
  await expect(wanfu).toContainText('县级乡村治理试点示范镇');
  await expect(wanfu).toContainText('正常推进');
  await expect(page.getByTestId('board-summary')).toContainText('省级乡村治理示范县');
  await shot(page, 'board');
});

test('a county official creates a village programme with conditions, review chain and a milestone', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'hy.official');
  await page.getByRole('menuitem', { name: '试点示范' }).click();
  const dialog = await fillProgramCreation(page, {
    name: '怀远县乡村治理示范村创建（2027）',
    batch: '2027年',
    unitLevel: '村（社区）',
    cycle: ['2027-01-01', '2029-12-31'],
    description: DESCRIPTION,
    milestone: { name: '各乡镇报送示范村方案', dueDate: '2027-03-31' },
  });
  await shot(page, 'create');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: /怀远县乡村治理示范村创建（2027）/ })).toBeVisible();
  // 项目说明 keeps its line breaks.
  await expect(page.getByTestId('program-description')).toHaveText(DESCRIPTION);
  expect(await page.getByTestId('program-description').innerText()).toBe(DESCRIPTION);
  await shot(page, 'created');
  await expect(page.getByTestId('program-info')).toContainText('县级乡村治理示范村');
  await expect(page.getByTestId('program-info')).toContainText('党委、政府高度重视和支持试点工作');
  await expect(page.getByTestId('milestones')).toContainText('各乡镇报送示范村方案');
  await expect(page.getByTestId('milestones')).toContainText('截止后不能提交申报');
});

test('the nation edits a province quota of the first batch', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'nation.official');
  await page.getByRole('menuitem', { name: '试点示范' }).click();
  await page.getByTestId('program-list').getByRole('link', { name: '全国乡村治理体系建设试点' }).click();
  const quotas = page.getByTestId('quota-table');
  await expect(quotas.getByRole('row', { name: /安徽省/ })).toContainText('4');
  await page.getByRole('button', { name: '编辑名额' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑名额' });
  await dialog.getByPlaceholder('名额上限').first().fill('3');
  await shot(page, 'quota-edit');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('名额已保存')).toBeVisible();
  await expect(
    quotas
      .getByRole('row', { name: /安徽省/ })
      .locator('td')
      .nth(2),
  ).toHaveText('3');
});

test('a county official edits a programme, removes a milestone, and withdraws it with a reason; its open application is closed', async ({
  page,
}) => {
  await page.goto('/');
  await signIn(page, 'hy.official');
  await page.getByRole('menuitem', { name: '试点示范' }).click();
  const create = await fillProgramCreation(page, {
    name: '怀远县乡村治理示范镇创建（2028）',
    batch: '2028年',
    unitLevel: '乡镇',
    cycle: ['2028-01-01', '2030-12-31'],
    milestone: { name: '各乡镇报送创建方案', dueDate: '2028-03-31' },
  });
  await create.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: /怀远县乡村治理示范镇创建（2028）/ })).toBeVisible();
  await expect(page.getByTestId('program-description')).toHaveText('暂无说明');

  // 1. 编辑: the creation form, filled; a new name and one more condition.
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  const edit = page.getByRole('dialog', { name: /编辑试点项目/ });
  await expect(edit.getByLabel('项目名称')).toHaveValue('怀远县乡村治理示范镇创建（2028）');
  await edit.getByLabel('项目名称').fill('怀远县乡村治理示范镇创建（2028年度）');
  await shot(page, 'edit-modal');
  await edit.getByRole('button', { name: '添加申报条件' }).click();
  await edit.locator('#conditions_4_text').fill('已建立镇级村民议事协商制度');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('试点项目已保存')).toBeVisible();
  await expect(page.getByRole('heading', { name: /怀远县乡村治理示范镇创建（2028年度）/ })).toBeVisible();
  await expect(page.getByTestId('program-info')).toContainText('已建立镇级村民议事协商制度');

  // 2. A milestone added by mistake is removed after confirming.
  await page.getByRole('button', { name: '添加节点' }).click();
  const milestone = page.getByRole('dialog', { name: '添加节点' });
  await milestone.getByLabel('节点').fill('临时节点');
  await milestone.getByLabel('截止日期').fill('2028-06-30');
  await milestone.getByLabel('截止日期').press('Enter');
  await milestone.getByRole('button', { name: '保存' }).click();
  const milestones = page.getByTestId('milestones');
  await milestones
    .getByRole('row', { name: /临时节点/ })
    .getByRole('button', { name: '删除' })
    .click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('节点已删除')).toBeVisible();
  await expect(milestones).not.toContainText('临时节点');
  await expect(milestones).toContainText('各乡镇报送创建方案');

  // 3. 万福镇 starts an application and uploads a file (raw upload with its kind).
  await page.getByRole('button', { name: '发起申报' }).click();
  const apply = page.getByRole('dialog', { name: '发起申报' });
  await chooseRegion(page, apply.getByLabel('申报单位'), '万福', '万福镇');
  await apply.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: /申报书：万福镇/ })).toBeVisible();
  await page
    .getByTestId('attachment-other')
    .locator('input[type=file]')
    .setInputFiles({ ...PDF, name: '万福镇创建工作方案.pdf' });
  await expect(page.getByTestId('attachment-other')).toContainText('万福镇创建工作方案.pdf');
  await page.getByRole('link', { name: '怀远县乡村治理示范镇创建（2028年度）' }).click();
  // Now that a unit has applied, the unit level is fixed: greyed, with the reason.
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  await expect(edit.getByLabel('试点单位层级')).toBeDisabled();
  await expect(edit).toContainText('已有单位申报，不能修改');
  await edit.getByRole('button', { name: '取消' }).click();

  // 4. 撤销项目: the reason is required; afterwards the programme shows 已撤销 and the application is closed.
  await page.getByRole('button', { name: '撤销项目' }).click();
  const withdraw = page.getByRole('dialog', { name: /撤销试点项目/ });
  await expect(withdraw).toContainText('尚未办结的 1 份申报');
  await withdraw.getByRole('button', { name: '确认撤销' }).click();
  await expect(withdraw).toContainText('请填写撤销原因');
  await withdraw.getByLabel('撤销原因').fill('县委调整创建安排，改为2029年度统一开展');
  await withdraw.getByRole('button', { name: '确认撤销' }).click();
  await expect(page.getByTestId('program-withdrawn')).toContainText('县委调整创建安排，改为2029年度统一开展');
  await expect(page.getByRole('heading', { name: /怀远县乡村治理示范镇创建（2028年度）/ })).toContainText('已撤销');
  for (const action of ['编辑', '撤销项目', '发起申报', '添加节点'])
    await expect(page.getByRole('button', { name: action, exact: true })).toHaveCount(0);
  await expect(page.getByTestId('application-list').getByRole('row', { name: /万福镇/ })).toContainText('已关闭');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shot(page, 'withdrawn');
  await page.getByRole('link', { name: '返回试点项目' }).click();
  await expect(page.getByTestId('program-list').getByRole('row', { name: /怀远县乡村治理示范镇创建（2028年度）/ })).toContainText('已撤销');
});
