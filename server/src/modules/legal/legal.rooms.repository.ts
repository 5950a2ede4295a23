import type { DbOrTx } from '../../core/db/schema.ts';
import type { LegalRoomTable } from './legal.tables.ts';

export async function findRoom(db: DbOrTx, villageCode: string): Promise<LegalRoomTable | undefined> {
  return db.selectFrom('legal_rooms').selectAll().where('village_code', '=', villageCode).executeTakeFirst();
}

/** The village's one room: created on the first save, replaced on the next. */
export async function saveRoom(db: DbOrTx, row: LegalRoomTable): Promise<void> {
  const { village_code: _village, ...changes } = row;
  await db
    .insertInto('legal_rooms')
    .values(row)
    .onConflict((oc) => oc.column('village_code').doUpdateSet(changes))
    .execute();
}
