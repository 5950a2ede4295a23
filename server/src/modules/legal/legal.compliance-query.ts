import type { ServiceType, ServiceWindow } from '@rg/domain/legal/service.schema';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../core/db/schema.ts';
import { withinScopeSql } from '../../core/db/scope.ts';
import type { LegalNormTable } from './legal.tables.ts';

/** The parts of a norm the judgement needs. */
export type JudgedNorm = Pick<LegalNormTable, 'region_code' | 'service_window' | 'service_type' | 'min_count'>;

/** A served village as judged in SQL: its advisor, whether it is behind, and the services done per norm (`n0`, `n1`, …). */
export interface JudgedVillage {
  village_code: string;
  advisor_id: string;
  behind: number | string;
  [done: `n${number}`]: number | string | null;
}

/** A norm naming both a window and a type is counted from the detailed per-region counts. */
function isDetailed(norm: JudgedNorm): boolean {
  return norm.service_window !== null && norm.service_type !== null;
}

/** The village-month column a norm counts: its window, its type, or every service. */
function monthColumn(norm: JudgedNorm): string {
  if (norm.service_window) return `w_${norm.service_window as ServiceWindow}`;
  if (norm.service_type) return `t_${norm.service_type as ServiceType}`;
  return 'total';
}

/**
 * 履职情况 judged in the database (P1.4(3)): every village of `scope` with a current advisor, the
 * services done in `months` for each norm, and whether it falls short of a norm that covers it.
 * A province has some 16,000 served villages; reading them row by row into JavaScript cost more than
 * the database's own work, so callers aggregate or page over this query instead.
 */
export function judgedVillages(db: Db, scope: string, months: readonly string[], norms: readonly JudgedNorm[]): RawBuilder<JudgedVillage> {
  const monthList = sql.join(months.map((m) => sql`${m}`));
  const fromMonths = norms.flatMap((n, i) => (isDetailed(n) ? [] : [sql`sum(${sql.ref(monthColumn(n))}) as ${sql.ref(`n${i}`)}`]));
  const fromCounts = norms.flatMap((n, i) =>
    isDetailed(n)
      ? [
          sql`sum(case when service_window = ${n.service_window} and service_type = ${n.service_type} then ${sql.ref('count')} else 0 end) as ${sql.ref(`n${i}`)}`,
        ]
      : [],
  );
  const joins: RawBuilder<unknown>[] = [];
  if (fromMonths.length > 0) {
    joins.push(sql`left join (select village_code, ${sql.join(fromMonths)} from legal_village_months
      where month in (${monthList}) and ${withinScopeSql('village_code', scope)} group by village_code) m on m.village_code = a.village_code`);
  }
  if (fromCounts.length > 0) {
    joins.push(sql`left join (select region_code, ${sql.join(fromCounts)} from legal_service_counts
      where month in (${monthList}) and ${withinScopeSql('region_code', scope)} and length(region_code) = 12 group by region_code) c on c.region_code = a.village_code`);
  }
  const done = norms.map((n, i) => sql`coalesce(${sql.ref(`${isDetailed(n) ? 'c' : 'm'}.n${i}`)}, 0)`);
  const shortOf = norms.map((n, i) => sql`(${withinScopeSql('a.village_code', n.region_code)} and ${done[i]} < ${Number(n.min_count)})`);
  const behind = shortOf.length > 0 ? sql`case when ${sql.join(shortOf, sql` or `)} then 1 else 0 end` : sql`0`;
  const doneColumns = done.map((d, i) => sql`, ${d} as ${sql.ref(`n${i}`)}`);
  return sql<JudgedVillage>`select a.village_code, a.advisor_id, ${behind} as behind${sql.join(doneColumns, sql``)}
    from legal_assignments a ${sql.join(joins, sql` `)}
    where a.end_date is null and ${withinScopeSql('a.village_code', scope)}`;
}

/** Served villages and those behind, per advisor. */
export async function judgedPerAdvisor(
  db: Db,
  judged: RawBuilder<JudgedVillage>,
): Promise<Map<string, { villages: number; behind: number }>> {
  const { rows } = await sql<{ advisor_id: string; villages: number | string; behind: number | string | null }>`
    select advisor_id, count(*) as villages, sum(behind) as behind from (${judged}) j group by advisor_id`.execute(db);
  return new Map(rows.map((r) => [r.advisor_id, { villages: Number(r.villages), behind: Number(r.behind ?? 0) }]));
}

/** One page of the served villages, those behind first, each part in code order. */
export async function judgedPage(
  db: Db,
  judged: RawBuilder<JudgedVillage>,
  behindOnly: boolean,
  page: number,
  pageSize: number,
): Promise<JudgedVillage[]> {
  const { rows } = await sql<JudgedVillage>`select * from (${judged}) j ${behindOnly ? sql`where behind = 1` : sql``}
    order by behind desc, village_code limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
  return rows;
}
