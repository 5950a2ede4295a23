import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

/**
 * Any of `columns` contains `text` as typed: `%` and `_` are matched literally (escaped with `\`),
 * the same on SQLite and PostgreSQL.
 */
export function containsText<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: readonly string[],
  text: string,
): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return eb.or(columns.map((column) => sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`));
}
