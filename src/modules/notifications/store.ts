import type { Db } from '../../db/database.ts';
import type { NotificationPreferenceTable, NotificationTable } from '../../db/schema.ts';

export const insertNotifications = (db: Db, rows: NotificationTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('notifications').values(rows).execute();

export const listNotifications = (db: Db, organisationId: string, userId: string, limit: number) =>
  db
    .selectFrom('notifications')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();

export async function countUnread(db: Db, organisationId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function markRead(db: Db, organisationId: string, userId: string, ids: string[] | undefined, at: string): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', ids);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export const findPreference = (db: Db, userId: string) =>
  db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).executeTakeFirst();

export async function savePreference(db: Db, row: NotificationPreferenceTable): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email: row.email, updated_at: row.updated_at }))
    .execute();
}

export const setLastDigest = (db: Db, userId: string, at: string) =>
  db.updateTable('notification_preferences').set({ last_digest_at: at }).where('user_id', '=', userId).execute();

/** Preferences of these people (a person without a row has the default). */
export const preferencesOf = (db: Db, userIds: string[]) =>
  userIds.length === 0 ? Promise.resolve([]) : db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds).execute();

/** Notifications not yet handed to the mail outbox, oldest first, with the person's address and language. */
export const unmailed = (db: Db, userIds?: string[]) => {
  let query = db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select([
      'notifications.id',
      'notifications.organisation_id',
      'notifications.user_id',
      'notifications.kind',
      'notifications.params',
      'notifications.link',
      'notifications.created_at',
      'users.email',
      'users.language',
    ])
    .where('notifications.mailed_at', 'is', null)
    .where('notifications.read_at', 'is', null)
    .where('users.disabled_at', 'is', null);
  if (userIds) query = query.where('notifications.user_id', 'in', userIds);
  return query.orderBy('notifications.created_at').execute();
};

export const markMailed = (db: Db, ids: string[], at: string) =>
  ids.length === 0
    ? Promise.resolve()
    : db
        .updateTable('notifications')
        .set({ mailed_at: at })
        .where('id', 'in', ids)
        .execute()
        .then(() => undefined);

/** Address and language of people who can still sign in (a mail goes nowhere else). */
export const recipients = (db: Db, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('users').select(['id', 'email', 'language']).where('id', 'in', userIds).where('disabled_at', 'is', null).execute();

/** Marks these as mailed only if no one else did (another process sending the same digest): how many it marked. */
export async function claimForMail(db: Db, ids: string[], at: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.updateTable('notifications').set({ mailed_at: at }).where('id', 'in', ids).where('mailed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
