import type { CommitteeListQuery, MediatorListQuery } from '@rg/domain/mediation/committee.schema';
import { ancestorsOf } from '@rg/domain/regions/region-code';
import { sql } from 'kysely';
import { containsText } from '../../core/db/contains.ts';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { MediationCommitteeTable, MediationMediatorTable, MediationTrainingTable } from './mediation.tables.ts';

/** A mediator with their committee's name and their training hours in tenths. */
export type MediatorRow = MediationMediatorTable & { committee_name: string; hours_tenths: number | null };

export async function findCommittee(db: DbOrTx, id: string): Promise<MediationCommitteeTable | undefined> {
  return db.selectFrom('mediation_committees').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The committees within `scope` that pass the list's filters, a page of them and how many there are. */
export async function listCommittees(
  db: DbOrTx,
  scope: string,
  query: CommitteeListQuery,
): Promise<{ rows: MediationCommitteeTable[]; total: number }> {
  let base = db.selectFrom('mediation_committees as c').where((eb) => withinScope(eb, 'c.region_code', scope));
  if (query.level) base = base.where('c.level', '=', query.level);
  if (query.q) {
    const q = query.q;
    base = base.where((eb) => containsText(eb, ['c.name'], q));
  }
  const rows = await base
    .selectAll('c')
    .orderBy('c.region_code')
    .orderBy('c.level')
    .orderBy('c.name')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Active mediators per committee, and how many of them are full-time. */
export async function mediatorCounts(db: DbOrTx, committeeIds: readonly string[]): Promise<Map<string, { n: number; ft: number }>> {
  if (committeeIds.length === 0) return new Map();
  const counts = await db
    .selectFrom('mediation_mediators')
    .select((eb) => [
      'committee_id',
      eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when employment = 'full_time' then 1 else 0 end)`.as('ft'),
    ])
    .where('committee_id', 'in', [...committeeIds])
    .where('status', '=', 'active')
    .groupBy('committee_id')
    .execute();
  return new Map(counts.map((c) => [c.committee_id, { n: Number(c.n), ft: Number(c.ft ?? 0) }]));
}

export async function insertCommittee(db: DbOrTx, row: MediationCommitteeTable): Promise<void> {
  await db.insertInto('mediation_committees').values(row).execute();
}

/** Applies `changes` if the committee still has `version`; false when it did not (nothing changed). */
export async function updateCommittee(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<MediationCommitteeTable>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('mediation_committees')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function mediators(db: DbOrTx) {
  return db
    .selectFrom('mediation_mediators as m')
    .innerJoin('mediation_committees as c', 'c.id', 'm.committee_id')
    .selectAll('m')
    .select((eb) => [
      'c.name as committee_name',
      eb
        .selectFrom('mediation_trainings as t')
        .whereRef('t.mediator_id', '=', 'm.id')
        .select(sql<number>`sum(t.hours_tenths)`.as('h'))
        .as('hours_tenths'),
    ]);
}

export async function findMediator(db: DbOrTx, id: string): Promise<MediatorRow | undefined> {
  return mediators(db).where('m.id', '=', id).executeTakeFirst();
}

export async function listMediators(db: DbOrTx, scope: string, query: MediatorListQuery): Promise<{ rows: MediatorRow[]; total: number }> {
  let base = mediators(db).where((eb) => withinScope(eb, 'm.region_code', scope));
  if (query.committeeId) base = base.where('m.committee_id', '=', query.committeeId);
  if (query.assignableTo) {
    // The place itself and every region above it: a mediator of the town's or the county's committee may take a village's case.
    const covering = [...ancestorsOf(query.assignableTo), query.assignableTo];
    base = base.where('m.status', '=', 'active').where('m.region_code', 'in', covering);
  }
  if (query.employment) base = base.where('m.employment', '=', query.employment);
  if (query.status) base = base.where('m.status', '=', query.status);
  if (query.q) {
    const q = query.q;
    base = base.where((eb) => containsText(eb, ['m.name'], q));
  }
  const rows = await base
    .orderBy('m.region_code')
    .orderBy('m.name')
    .orderBy('m.id')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const count = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export async function trainingsOf(db: DbOrTx, mediatorId: string): Promise<MediationTrainingTable[]> {
  return db.selectFrom('mediation_trainings').selectAll().where('mediator_id', '=', mediatorId).orderBy('trained_on', 'desc').execute();
}

/** Whether another mediator already has this ID number (by its keyed hash). */
export async function idNumberTaken(db: DbOrTx, hash: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('mediation_mediators').select('id').where('id_number_hash', '=', hash);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertMediator(db: DbOrTx, row: MediationMediatorTable): Promise<void> {
  await db.insertInto('mediation_mediators').values(row).execute();
}

/** Applies `changes` if the mediator still has `version`; false when it did not (nothing changed). */
export async function updateMediator(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<MediationMediatorTable>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('mediation_mediators')
    .set({ ...changes, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertTraining(db: DbOrTx, row: MediationTrainingTable): Promise<void> {
  await db.insertInto('mediation_trainings').values(row).execute();
}

/** Every town or village within `scope`, with its active full-time mediators and committees at that level. */
export async function placesWithFullTime(
  db: DbOrTx,
  scope: string,
  level: 'town' | 'village',
): Promise<{ code: string; name: string; fullTime: number; hasCommittee: boolean }[]> {
  const rows = await db
    .selectFrom('regions as r')
    .select((eb) => [
      'r.code',
      'r.name',
      eb
        .selectFrom('mediation_mediators as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.region_code', '=', 'r.code')
        .where('m.committee_level', '=', level)
        .where('m.status', '=', 'active')
        .where('m.employment', '=', 'full_time')
        .as('full_time'),
      eb
        .selectFrom('mediation_committees as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.region_code', '=', 'r.code')
        .where('c.level', '=', level)
        .where('c.status', '=', 'active')
        .as('committees'),
    ])
    .where('r.level', '=', level)
    .where((eb) => withinScope(eb, 'r.code', scope))
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    fullTime: Number(r.full_time ?? 0),
    hasCommittee: Number(r.committees ?? 0) > 0,
  }));
}

/** How many towns or villages within `scope` have fewer than `required` active full-time mediators. */
export async function countShortPlaces(db: DbOrTx, scope: string, level: 'town' | 'village', required: number): Promise<number> {
  const row = await db
    .selectFrom('regions as r')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.level', '=', level)
    .where((eb) => withinScope(eb, 'r.code', scope))
    .where((eb) =>
      eb(
        eb
          .selectFrom('mediation_mediators as m')
          .select(eb.fn.countAll<number>().as('c'))
          .whereRef('m.region_code', '=', 'r.code')
          .where('m.committee_level', '=', level)
          .where('m.status', '=', 'active')
          .where('m.employment', '=', 'full_time'),
        '<',
        required,
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
