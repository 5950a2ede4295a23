import { codeLength, type RegionLevel } from '@rg/domain/regions/region-code';
import { sql } from 'kysely';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { MediationScreeningTable } from './mediation.tables.ts';

export async function hasReport(db: DbOrTx, villageCode: string, period: string): Promise<boolean> {
  const row = await db
    .selectFrom('mediation_screenings')
    .select('id')
    .where('village_code', '=', villageCode)
    .where('period', '=', period)
    .executeTakeFirst();
  return row !== undefined;
}

/** One report, for an idempotent retry's answer (issue 15 finding 1). */
export async function findReport(db: DbOrTx, id: string): Promise<MediationScreeningTable | undefined> {
  return db.selectFrom('mediation_screenings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertReport(db: DbOrTx, row: MediationScreeningTable): Promise<void> {
  await db.insertInto('mediation_screenings').values(row).execute();
}

/** Per child region of `scope` at `level`: villages expected, reports submitted, on time, nil, disputes. */
export async function completenessByChild(db: DbOrTx, scope: string, level: Exclude<RegionLevel, 'nation'>, period: string) {
  const child = sql<string>`substr(v.code, 1, ${sql.lit(codeLength(level))})`;
  return db
    .selectFrom('regions as v')
    .leftJoin('mediation_screenings as s', (j) => j.onRef('s.village_code', '=', 'v.code').on('s.period', '=', period))
    .select((eb) => [
      child.as('child'),
      eb.fn.countAll<number>().as('expected'),
      eb.fn.count<number>('s.id').as('submitted'),
      sql<number>`sum(case when s.on_time = 1 then 1 else 0 end)`.as('on_time'),
      sql<number>`sum(case when s.nil = 1 then 1 else 0 end)`.as('nil'),
      sql<number>`sum(coalesce(s.disputes, 0))`.as('disputes'),
    ])
    .where('v.level', '=', 'village')
    .where((eb) => withinScope(eb, 'v.code', scope))
    .groupBy(child)
    .orderBy(child)
    .execute();
}

/** The villages within `scope` with no report for `period`, by code; at most `limit`. */
export async function missingVillages(db: DbOrTx, scope: string, period: string, limit: number): Promise<{ code: string }[]> {
  return db
    .selectFrom('regions as v')
    .select('v.code')
    .where('v.level', '=', 'village')
    .where((eb) => withinScope(eb, 'v.code', scope))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mediation_screenings as s')
            .select('s.id')
            .whereRef('s.village_code', '=', 'v.code')
            .where('s.period', '=', period),
        ),
      ),
    )
    .orderBy('v.code')
    .limit(limit)
    .execute();
}

/** The reports for `period` within `scope` with their village's name; at most `limit`. */
export async function reportsOf(db: DbOrTx, scope: string, period: string, limit: number) {
  return db
    .selectFrom('mediation_screenings as s')
    .innerJoin('regions as v', 'v.code', 's.village_code')
    .selectAll('s')
    .select('v.name as village_name')
    .where('s.period', '=', period)
    .where((eb) => withinScope(eb, 's.village_code', scope))
    .orderBy('s.village_code')
    .limit(limit)
    .execute();
}
