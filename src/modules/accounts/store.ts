import type { Db } from '../../db/database.ts';
import type { UserTable } from '../../db/schema.ts';

export const findUserByEmail = (db: Db, email: string) => db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: Db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = (db: Db, user: UserTable) => db.insertInto('users').values(user).execute();

export const updateUser = (db: Db, id: string, changes: Partial<Omit<UserTable, 'id'>>) => db.updateTable('users').set(changes).where('id', '=', id).execute();

export const insertSession = (
  db: Db,
  session: { id_hash: string; user_id: string; created_at: string; last_seen_at: string; expires_at: string; device: string | null },
) => db.insertInto('sessions').values(session).execute();

export const findSession = (db: Db, idHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id_hash', 'sessions.user_id', 'sessions.last_seen_at', 'sessions.expires_at', 'users.language', 'users.disabled_at'])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();

export const touchSession = (db: Db, idHash: string, at: string) =>
  db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();

export const deleteSession = (db: Db, idHash: string) => db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();

export const deleteSessionsOfUser = (db: Db, userId: string) => db.deleteFrom('sessions').where('user_id', '=', userId).execute();

export const deleteExpiredSessions = (db: Db, now: string) => db.deleteFrom('sessions').where('expires_at', '<', now).execute();

export const rolesOfUser = (db: Db, userId: string) => db.selectFrom('memberships').select(['organisation_id', 'role']).where('user_id', '=', userId).execute();
