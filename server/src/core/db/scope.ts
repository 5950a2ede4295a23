import { rangeOf } from '@rg/domain/regions/region-code';
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';

/**
 * `column` lies within `scope`: the index range [scope, next(scope)), or no condition for the nation
 * (ARCHITECTURE.md "Data layer rules"). As raw SQL, for queries written with `sql` templates.
 */
export function withinScopeSql(column: string, scope: string): RawBuilder<SqlBool> {
  const range = rangeOf(scope);
  if (!range) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.ref(column)} >= ${range.from} and ${sql.ref(column)} < ${range.to})`;
}

/** The same condition inside a query builder's `where` (the builder is not needed; the signature keeps the callers' shape). */
export function withinScope<DB, TB extends keyof DB>(_eb: ExpressionBuilder<DB, TB>, column: string, scope: string): Expression<SqlBool> {
  return withinScopeSql(column, scope);
}
