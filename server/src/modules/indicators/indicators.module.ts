import { INDICATORS_PERMISSIONS } from '@rg/domain/indicators/permissions';
import { indicatorsDictionaries } from '@rg/domain/indicators/messages';
import type { ModuleManifest } from '../../core/module.ts';
import { indicatorsMigrations } from './indicators.migrations.ts';
import { seedIndicatorsDemo } from './indicators.demo.ts';
import { subscribeIndicators } from './indicators.events.ts';
import { indicatorsRoutes } from './indicators.routes.ts';
import { indicatorsTodos } from './indicators.todos.ts';
import { RollupEngine } from './rollup.engine.ts';

/** 指标、目标与考核 (DOMAIN.md `indicators`; P1.5(3), P2.2(4), P3.3). */
export const indicatorsModule: ModuleManifest = {
  name: 'indicators',
  permissions: INDICATORS_PERMISSIONS,
  messages: indicatorsDictionaries,
  rolePermissions: {
    official: ['indicators.read', 'indicators.report', 'indicators.review', 'indicators.manage', 'indicators.assess', 'indicators.export'],
    leader: ['indicators.read', 'indicators.export'],
    inspector: ['indicators.read', 'indicators.assess'],
    village_cadre: ['indicators.read', 'indicators.report'],
  },
  menu: [{ key: 'indicators', path: '/indicators', labelKey: 'menu.indicators', icon: 'indicators', order: 60, access: 'indicators.read' }],
  migrations: indicatorsMigrations,
  routes: indicatorsRoutes,
  todos: indicatorsTodos,
  subscribe: (ctx) => subscribeIndicators(ctx, new RollupEngine(ctx.dialect, ctx.counters)),
  afterRegionsImport: async (ctx) => {
    await new RollupEngine(ctx.dialect, ctx.counters).relocateMoved(ctx.db);
  },
  // SECURITY.md 30: where numbers typed into texts may sit in plain from before sealing (`npm run pii:seal-texts`).
  freeTextColumns: [
    { table: 'indicator_reports', key: ['id'], columns: ['review_note'] },
    { table: 'assessment_scores', key: ['round_id', 'unit_code', 'item_code'], columns: ['note'] },
  ],
  seedDemo: seedIndicatorsDemo,
};
