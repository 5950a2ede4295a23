import { levelOf } from '@rg/domain/regions/region-code';
import type { AppContext } from '../../core/context.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';

/**
 * Keeps the legal module's list of pilot villages from the programmes module's events: a village
 * designated by any programme is a pilot village until the designation is revoked.
 */
export function subscribePilotVillages(ctx: AppContext): void {
  ctx.events.on('programs.designated', async (tx, event) => {
    if (levelOf(event.regionCode) !== 'village') return;
    const designationId = String(event.payload.designationId ?? '');
    if (!designationId) return;
    await tx
      .insertInto('legal_pilot_villages')
      .values({ designation_id: designationId, village_code: event.regionCode, title: String(event.payload.title ?? '') })
      .onConflict((oc) => oc.column('designation_id').doNothing())
      .execute();
  });
  ctx.events.on('programs.revoked', async (tx, event) => {
    await tx
      .deleteFrom('legal_pilot_villages')
      .where('designation_id', '=', String(event.payload.designationId ?? ''))
      .execute();
  });
}

/** 试点村覆盖: pilot villages in the scope and how many of them have a current advisor. */
export async function pilotCoverage(db: DbOrTx, scope: string): Promise<{ villages: number; covered: number }> {
  const row = await db
    .selectFrom('legal_pilot_villages as p')
    .leftJoin('legal_assignments as s', (join) => join.onRef('s.village_code', '=', 'p.village_code').on('s.end_date', 'is', null))
    .select((eb) => [
      eb.fn.count<number>('p.village_code').distinct().as('villages'),
      eb.fn.count<number>('s.village_code').distinct().as('covered'),
    ])
    .where((eb) => withinScope(eb, 'p.village_code', scope))
    .executeTakeFirstOrThrow();
  return { villages: Number(row.villages), covered: Number(row.covered) };
}
