import type { Db } from '../../db/database.ts';

/** Sessions of one person for the list in Settings, newest use first: only what the list shows. */
export const sessionsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at', 'expires_at', 'device'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute();

export const deleteSessionOfUser = (db: Db, userId: string, idHash: string) =>
  db.deleteFrom('sessions').where('user_id', '=', userId).where('id_hash', '=', idHash).executeTakeFirst();

/** Every session of the person except the one with `keepIdHash`; returns how many ended. */
export async function deleteOtherSessions(db: Db, userId: string, keepIdHash: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id_hash', '!=', keepIdHash).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteAllSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
