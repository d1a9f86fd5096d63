import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Adds one upload to the person's count for the window and returns the new count, in one statement. */
export async function countUpload(db: Db, userId: string, kind: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('upload_counts')
    .values({ user_id: userId, kind, window_start: windowStart, uploads: 1 })
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'window_start']).doUpdateSet({ uploads: sql<number>`upload_counts.uploads + 1` }))
    .returning('uploads')
    .executeTakeFirstOrThrow();
  return Number(row.uploads);
}

export const forgetWindowsBefore = (db: Db, userId: string, windowStart: string) =>
  db.deleteFrom('upload_counts').where('user_id', '=', userId).where('window_start', '<', windowStart).execute();
