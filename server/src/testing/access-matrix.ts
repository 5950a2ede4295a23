/**
 * The table-driven access matrices (`*.matrix.test.ts`, docs/adding-a-module.md "Policies"): each
 * actor × action is one test that asks every place — the actor's own village, a sibling village of
 * the same town, another town, another county — and, for an action on a row, every status.
 */
export const MATRIX_PLACES = ['own', 'sibling', 'otherTown', 'otherCounty'] as const;
export type MatrixPlace = (typeof MATRIX_PLACES)[number];

/** A cell: one expected answer for every status, or one per status. */
export type MatrixCell<O> = O | readonly O[];

const perStatus = <O>(cell: MatrixCell<O>): cell is readonly O[] => Array.isArray(cell);

/**
 * Asks one action of one matrix row: `cells` holds an answer per place (in MATRIX_PLACES order);
 * `once` for an action about the place rather than a row (asked once, with the first status). Returns
 * what was expected and what came back, keyed `place` or `place/status`, for one `toEqual` that names
 * every cell that differs. A missing cell expects 404.
 */
export async function askMatrixRow<S extends string, O, R>(
  cells: readonly MatrixCell<O>[],
  statuses: readonly S[],
  once: boolean,
  missing: O,
  attempt: (place: MatrixPlace, status: S, want: O) => Promise<R>,
): Promise<{ expected: Record<string, O>; actual: Record<string, R> }> {
  const expected: Record<string, O> = {};
  const actual: Record<string, R> = {};
  for (const [i, place] of MATRIX_PLACES.entries()) {
    const cell = cells[i] ?? missing;
    for (const [j, status] of (once ? statuses.slice(0, 1) : statuses).entries()) {
      const want = perStatus(cell) ? (cell[j] ?? missing) : cell;
      const key = once ? place : `${place}/${status}`;
      expected[key] = want;
      actual[key] = await attempt(place, status, want);
    }
  }
  return { expected, actual };
}
