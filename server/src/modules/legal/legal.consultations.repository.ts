import type { ConsultationListQuery } from '@rg/domain/legal/service.schema';
import type { DbOrTx } from '../../core/db/schema.ts';
import { withinScope } from '../../core/db/scope.ts';
import type { LegalConsultationTable } from './legal.tables.ts';

function consultations(db: DbOrTx) {
  return db
    .selectFrom('legal_consultations as c')
    .innerJoin('users as u', 'u.id', 'c.asked_by')
    .leftJoin('legal_advisors as a', 'a.id', 'c.advisor_id')
    .selectAll('c')
    .select(['u.display_name as asker_name', 'a.name as advisor_name']);
}

/** A question with the asker's and the advisor's names. */
export type ConsultationRow = Awaited<ReturnType<ReturnType<typeof consultations>['executeTakeFirstOrThrow']>>;

export async function insertConsultation(db: DbOrTx, row: LegalConsultationTable): Promise<void> {
  await db.insertInto('legal_consultations').values(row).execute();
}

export async function findConsultation(db: DbOrTx, id: string): Promise<ConsultationRow | undefined> {
  return consultations(db).where('c.id', '=', id).executeTakeFirst();
}

/** The question's own columns, for the checks before a picture is added or read. */
export async function findConsultationRow(db: DbOrTx, id: string): Promise<LegalConsultationTable | undefined> {
  return db.selectFrom('legal_consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function consultationsAskedBy(db: DbOrTx, userId: string, limit: number): Promise<ConsultationRow[]> {
  return consultations(db).where('c.asked_by', '=', userId).orderBy('c.asked_at', 'desc').limit(limit).execute();
}

/** A page of a region's questions (or one advisor's, with `advisorId`), newest first; `overdueBefore` for 超时. */
export async function listConsultations(
  db: DbOrTx,
  filter: { scope: string; advisorId: string | null; status: ConsultationListQuery['status']; overdueBefore: string },
  page: { offset: number; limit: number },
): Promise<{ rows: ConsultationRow[]; total: number }> {
  let base = consultations(db).where((eb) => withinScope(eb, 'c.village_code', filter.scope));
  if (filter.advisorId !== null) base = base.where('c.advisor_id', '=', filter.advisorId);
  if (filter.status === 'open') base = base.where('c.answered_at', 'is', null);
  if (filter.status === 'answered') base = base.where('c.answered_at', 'is not', null);
  if (filter.status === 'overdue') base = base.where('c.answered_at', 'is', null).where('c.asked_at', '<', filter.overdueBefore);
  const rows = await base.orderBy('c.asked_at', 'desc').offset(page.offset).limit(page.limit).execute();
  const count = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Records the answer unless one came first; false when the question was already answered. */
export async function markAnswered(
  db: DbOrTx,
  id: string,
  answer: { answer: string; answeredAt: string; serviceId: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('legal_consultations')
    .set({ answer: answer.answer, answered_at: answer.answeredAt, service_id: answer.serviceId })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function countOpenFor(db: DbOrTx, advisorId: string): Promise<number> {
  const row = await db
    .selectFrom('legal_consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('advisor_id', '=', advisorId)
    .where('answered_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countOverdueIn(db: DbOrTx, scope: string, overdueBefore: string): Promise<number> {
  const row = await db
    .selectFrom('legal_consultations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => withinScope(eb, 'village_code', scope))
    .where('answered_at', 'is', null)
    .where('asked_at', '<', overdueBefore)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
