import type { DbOrTx, Tx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { AssessmentRoundTable, AssessmentScoreTable, AssessmentUnitTable } from './indicators.tables.ts';

export async function insertRound(tx: Tx, round: AssessmentRoundTable, unitCodes: readonly string[]): Promise<void> {
  await tx.insertInto('assessment_rounds').values(round).execute();
  await tx
    .insertInto('assessment_units')
    .values(unitCodes.map((u) => ({ round_id: round.id, unit_code: u, allocation_fen: null, calculation: null })))
    .execute();
}

export async function findRound(db: DbOrTx, id: string): Promise<AssessmentRoundTable | undefined> {
  return db.selectFrom('assessment_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest rounds inside `scope`, each with its number of units. */
export async function listRounds(
  db: DbOrTx,
  scope: string,
  limit: number,
): Promise<{ rows: AssessmentRoundTable[]; units: Map<string, number> }> {
  const rows = await db
    .selectFrom('assessment_rounds')
    .selectAll()
    .where((eb) => withinScope(eb, 'region_code', scope))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return { rows, units: new Map() };
  const counts = await db
    .selectFrom('assessment_units')
    .select((eb) => ['round_id', eb.fn.countAll<number>().as('n')])
    .where(
      'round_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('round_id')
    .execute();
  return { rows, units: new Map(counts.map((c) => [c.round_id, Number(c.n)])) };
}

export async function unitsOf(db: DbOrTx, roundId: string): Promise<AssessmentUnitTable[]> {
  return db.selectFrom('assessment_units').selectAll().where('round_id', '=', roundId).execute();
}

export async function isUnitOf(db: DbOrTx, roundId: string, unitCode: string): Promise<boolean> {
  const unit = await db
    .selectFrom('assessment_units')
    .select('unit_code')
    .where('round_id', '=', roundId)
    .where('unit_code', '=', unitCode)
    .executeTakeFirst();
  return unit !== undefined;
}

export async function scoresOf(db: DbOrTx, roundId: string): Promise<AssessmentScoreTable[]> {
  return db.selectFrom('assessment_scores').selectAll().where('round_id', '=', roundId).execute();
}

/** One item's score for one unit, replacing an earlier one (a rescore or a refreshed indicator item). */
export async function putScore(tx: Tx, score: AssessmentScoreTable): Promise<void> {
  const { round_id: _round, unit_code: _unit, item_code: _item, ...values } = score;
  await tx
    .insertInto('assessment_scores')
    .values(score)
    .onConflict((oc) => oc.columns(['round_id', 'unit_code', 'item_code']).doUpdateSet(values))
    .execute();
}

/** The pool, its rule and every unit's share, in the caller's transaction. */
export async function storeAllocation(
  tx: Tx,
  roundId: string,
  pool: Pick<AssessmentRoundTable, 'pool_fen' | 'allocation_rule'>,
  shares: readonly { unitCode: string; fen: number; calculation: string }[],
): Promise<void> {
  await tx.updateTable('assessment_rounds').set(pool).where('id', '=', roundId).execute();
  for (const share of shares) {
    await tx
      .updateTable('assessment_units')
      .set({ allocation_fen: share.fen, calculation: share.calculation })
      .where('round_id', '=', roundId)
      .where('unit_code', '=', share.unitCode)
      .execute();
  }
}
