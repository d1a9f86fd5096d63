import type { Db } from '../../db/database.ts';
import type { PasswordResetTable } from '../../db/schema.ts';

export const insertReset = (db: Db, row: PasswordResetTable) => db.insertInto('password_resets').values(row).execute();

/** The link's row when it is unused and not expired at `now`; anything else is one and the same "invalid". */
export const findOpenReset = (db: Db, tokenHash: string, now: string) =>
  db
    .selectFrom('password_resets')
    .select(['token_hash', 'user_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();

/** Marks the link used if it still is open: true for exactly one of two requests racing with it. */
export async function claimReset(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** After a new password, no older link of that person works any more. */
export const closeOpenResets = (db: Db, userId: string, now: string) =>
  db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();

/** Rows an hour past use are kept no longer than a day: they mean nothing after that. */
export const deleteOldResets = (db: Db, before: string) => db.deleteFrom('password_resets').where('expires_at', '<', before).execute();
