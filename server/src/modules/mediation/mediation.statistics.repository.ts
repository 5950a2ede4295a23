import { codeLength, isNation, type RegionLevel } from '@rg/domain/regions/region-code';
import { sql } from 'kysely';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import { STAT_COUNTERS } from './mediation.stats-store.ts';

const sums = () => STAT_COUNTERS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c));

/** The region's own counters per month and type for a year (the nation reads its provinces' rows). */
export function ownCounters(db: DbOrTx, code: string, level: RegionLevel, year: number) {
  const own = isNation(code)
    ? db.selectFrom('mediation_stats').where('level', '=', 'province')
    : db.selectFrom('mediation_stats').where('level', '=', level).where('region_code', '=', code);
  return own
    .select(['month', 'case_type', ...sums()])
    .where('month', '>=', `${year}-01`)
    .where('month', '<=', `${year}-12`)
    .groupBy(['month', 'case_type'])
    .execute();
}

/** Each child region's counters for a year, one row per child at `child` level. */
export function childCounters(db: DbOrTx, code: string, child: RegionLevel, year: number) {
  return db
    .selectFrom('mediation_stats')
    .select(['region_code', ...sums()])
    .where('level', '=', child)
    .where((eb) => withinScope(eb, 'region_code', code))
    .where('month', '>=', `${year}-01`)
    .where('month', '<=', `${year}-12`)
    .groupBy('region_code')
    .execute();
}

/**
 * The figures that depend on today, per child region: unresolved cases of the year that are high-risk,
 * likely to turn criminal, or overdue; from the partial index of unresolved cases.
 */
export function liveFigures(db: DbOrTx, code: string, child: Exclude<RegionLevel, 'nation'>, year: number, today: string) {
  const liveChild = sql<string>`substr(region_code, 1, ${sql.lit(codeLength(child))})`;
  return db
    .selectFrom('mediation_cases')
    .select((eb) => [
      liveChild.as('child'),
      sql<number>`sum(case when risk_level = 'high' then 1 else 0 end)`.as('high'),
      sql<number>`sum(criminal_risk)`.as('criminal'),
      sql<number>`sum(case when due_on < ${today} then 1 else 0 end)`.as('overdue'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('concluded_on', 'is', null)
    .where((eb) => withinScope(eb, 'region_code', code))
    .where('registered_on', '>=', `${year}-01-01`)
    .where('registered_on', '<=', `${year}-12-31`)
    .groupBy(liveChild)
    .execute();
}
