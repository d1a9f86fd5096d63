import type { Db } from '../../db/database.ts';

export const findUserIdByEmail = async (db: Db, email: string): Promise<string | undefined> =>
  (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id;
