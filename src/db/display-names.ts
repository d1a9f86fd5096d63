import type { Db } from './database.ts';

/** The display names of people by id (unknown ids are left out), for the modules that show who did what. */
export async function displayNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}
