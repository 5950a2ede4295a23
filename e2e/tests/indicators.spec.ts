import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn, snapshot } from './support/console.ts';

/** A fresh browser session signed in as `username`, on the indicators page. */
async function openAs(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await signIn(page, username);
  await page.getByRole('menuitem', { name: '指标考核' }).click();
  await expect(page).toHaveURL(/\/indicators/);
  await expect(page.getByRole('heading', { name: '指标、目标与考核' })).toBeVisible();
  return page;
}

/** "num / den" under the 六无 card of the scorecard shown. */
async function sixNoneCounts(page: Page): Promise<{ num: number; den: number }> {
  const card = page.getByTestId('indicator-safety.six_none');
  await expect(card).toContainText(/\d+ \/ \d+/);
  const match = /(\d+) \/ (\d+)/.exec((await card.textContent()) ?? '');
  return { num: Number(match?.[1]), den: Number(match?.[2]) };
}

test('a village enters its 六无 report, the town approves it, the county scorecard moves and drills down to the village', async ({
  browser,
}) => {
  // The county's figures before: 屈家村 has not reported the last quarter yet (demo data).
  const county = await openAs(browser, 'jy.official');
  await expect(county.getByTestId('scorecard-breadcrumb')).toContainText('泾阳县');
  const before = await sixNoneCounts(county);
  await expect(county.getByTestId('trend-chart').locator('canvas')).toBeVisible();
  await expect(county.getByTestId('scorecard-children')).toContainText('王桥镇');
  await snapshot(county, 'indicators-scorecard-county');

  // 1. The village cadre fills the quarterly form; a wrong count is refused by the server, naming the field.
  const village = await openAs(browser, 'qj.cadre');
  await village.getByRole('tab', { name: '平安乡村填报' }).click();
  const form = village.getByTestId('report-form');
  await expect(form).toContainText('屈家村');
  await form.getByRole('radiogroup').nth(0).getByText('是').click();
  await form.getByLabel('总户数').fill('320');
  await form.getByLabel('平安家庭户数').fill('330');
  await form.getByRole('radiogroup').nth(1).getByText('是').click();
  await form.getByRole('radiogroup').nth(2).getByText('否').click();
  await form.getByRole('button', { name: '提交报表' }).click();
  await expect(form).toContainText('平安家庭户数不能超过总户数');
  await form.getByLabel('平安家庭户数').fill('312');
  await form.getByRole('button', { name: '提交报表' }).click();
  await expect(village.getByTestId('report-status')).toContainText('等待乡镇审核');
  await snapshot(village, 'indicators-village-report');

  // 2. The town official sees it waiting and approves it.
  const town = await openAs(browser, 'wq.official');
  await town.getByRole('tab', { name: '填报审核' }).click();
  await expect(town.getByTestId('completeness')).toContainText('应报');
  const row = town.getByTestId('report-list').getByRole('row', { name: /屈家村/ });
  await expect(row).toContainText('待审核');
  await snapshot(town, 'indicators-town-review');
  await row.getByRole('button', { name: '通过' }).click();
  await expect(town.getByText('已审核通过')).toBeVisible();
  await expect(town.getByTestId('report-list').getByRole('row', { name: /屈家村/ })).toHaveCount(0);

  // 3. The county scorecard, on its next request, counts 屈家村; drill down to 王桥镇, then see the village.
  await county.reload();
  await expect.poll(async () => (await sixNoneCounts(county)).den).toBe(before.den + 1);
  expect((await sixNoneCounts(county)).num).toBe(before.num + 1);
  await county.getByTestId('scorecard-children').getByRole('button', { name: '王桥镇' }).click();
  await expect(county.getByTestId('scorecard-breadcrumb')).toContainText('王桥镇');
  const villageRow = county.getByTestId('scorecard-children').getByRole('row', { name: /屈家村/ });
  await expect(villageRow).toContainText('100.0%');
  await snapshot(county, 'indicators-scorecard-town');

  // The assessment with its 以奖代补 allocation (demo round).
  await county.getByRole('tab', { name: '考核与以奖代补' }).click();
  await expect(county.getByTestId('round-results')).toContainText('王桥镇');
  await expect(county.getByTestId('round-results')).toContainText(/优秀|良好|合格|不合格/);
  await snapshot(county, 'indicators-assessment');

  // The catalogue with the seed's targets.
  await county.getByRole('tab', { name: '指标目录与目标' }).click();
  await expect(county.getByTestId('catalogue')).toContainText('贫困村法律顾问配备率');
  await expect(county.getByRole('row', { name: /平安家庭创建率.*≥ 97\.0%/ })).toBeVisible();
  await snapshot(county, 'indicators-catalogue');
});

test('a village cadre cannot review, and another county does not see 泾阳县', async ({ browser }) => {
  const village = await openAs(browser, 'qj.cadre');
  await expect(village.getByRole('tab', { name: '填报审核' })).toHaveCount(0);
  const foreign = await openAs(browser, 'hy.official');
  await expect(foreign.getByTestId('scorecard-breadcrumb')).toContainText('怀远县');
  await expect(foreign.getByTestId('scorecard-children')).not.toContainText('王桥镇');
  const res = await foreign.request.get('/api/indicators/scorecard?regionCode=610423&period=2026-Q3');
  expect(res.status()).toBe(404);
});
