import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { PLACES } from '../../testing/factories.ts';
import { forgetRegionNames, regionNames } from './regions.names.ts';

describe('place names for display paths', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('are read once, kept for a minute, and read again after an import in this process', async () => {
    expect(await regionNames(t.ctx, [PLACES.qujia, PLACES.wangqiao, '999999999999'])).toEqual(
      new Map([
        [PLACES.qujia, '屈家村'],
        [PLACES.wangqiao, '王桥镇'],
      ]),
    );
    await t.ctx.db.updateTable('regions').set({ name: '屈家新村' }).where('code', '=', PLACES.qujia).execute();
    expect((await regionNames(t.ctx, [PLACES.qujia])).get(PLACES.qujia)).toBe('屈家村');
    forgetRegionNames(t.ctx.db);
    expect((await regionNames(t.ctx, [PLACES.qujia])).get(PLACES.qujia)).toBe('屈家新村');
  });
});
