import type { AppContext } from '../../core/context.ts';
import { withinScope } from '../../core/db/scope.ts';

/** 屈家村 is named first among 泾阳县's 66 poor pilot villages (P1.3). */
const QUJIA = '610423104209';
const JINGYANG = '610423';
const POOR_VILLAGES = 66;

/**
 * Demo: mark 泾阳县's 66 poor villages (屈家村 and, deterministically, every third other village until
 * there are 66). Skipped once any village there is marked, so local edits survive restarts.
 */
export async function seedRegionsDemo(ctx: AppContext): Promise<void> {
  const villages = await ctx.db
    .selectFrom('regions')
    .select(['code', 'is_poor', 'kind'])
    .where('level', '=', 'village')
    .where((eb) => withinScope(eb, 'code', JINGYANG))
    .orderBy('code')
    .execute();
  if (villages.some((v) => v.is_poor === 1)) return;
  const others = villages.filter((v, i) => v.code !== QUJIA && v.kind === 'village' && i % 3 === 0).map((v) => v.code);
  const poor = [QUJIA, ...others].slice(0, POOR_VILLAGES);
  if (poor.length === 0) return;
  await ctx.db.updateTable('regions').set({ is_poor: 1 }).where('code', 'in', poor).execute();
}
