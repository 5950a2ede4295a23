import { rangeOf } from '@rg/domain/regions/region-code';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

/**
 * `column` lies within `scope`: the index range [scope, next(scope)), or no condition for the nation
 * (ARCHITECTURE.md "Data layer rules").
 */
export function withinScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  column: string,
  scope: string,
): Expression<SqlBool> {
  const range = rangeOf(scope);
  if (!range) return sql<SqlBool>`1 = 1`;
  return eb.and([eb(sql.ref(column), '>=', range.from), eb(sql.ref(column), '<', range.to)]);
}
