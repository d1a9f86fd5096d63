import type { Db } from '../../db/database.ts';
import type { RetentionSettingsTable } from '../../db/schema.ts';
import { deleteResponsesOfRoundsClosedBefore, responsesOfRoundsClosedBefore } from '../rounds/answers.ts';

export const findSettings = (db: Db, organisationId: string) =>
  db.selectFrom('retention_settings').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();

export const allSettings = (db: Db) => db.selectFrom('retention_settings').selectAll().execute();

export const organisationIds = async (db: Db) => (await db.selectFrom('organisations').select('id').execute()).map((r) => r.id);

export const saveSettings = (db: Db, row: RetentionSettingsTable) =>
  db
    .insertInto('retention_settings')
    .values(row)
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ ...row }))
    .execute();

/** Responses (with their answers) of rounds that closed before the given day. The round's tallies stay. */
export async function deleteRawAnswers(db: Db, organisationId: string, closedBefore: string): Promise<number> {
  await db
    .deleteFrom('export_orders')
    .where('response_id', 'in', responsesOfRoundsClosedBefore(db, organisationId, closedBefore))
    .execute();
  return deleteResponsesOfRoundsClosedBefore(db, organisationId, closedBefore);
}

/**
 * Stories whose author is no longer a member of the organisation and left before `leftBefore`: the
 * departure is the audit trail's 'membership.removed'; without one (trail already shortened), the
 * story's last change counts.
 */
export async function storiesOfLeavers(db: Db, organisationId: string, leftBefore: string) {
  const rows = await db
    .selectFrom('stories')
    .select(['stories.id', 'stories.author_user_id', 'stories.photo_key', 'stories.updated_at'])
    .where('stories.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships')
            .select('memberships.user_id')
            .whereRef('memberships.user_id', '=', 'stories.author_user_id')
            .where('memberships.organisation_id', '=', organisationId),
        ),
      ),
    )
    .execute();
  const departures = new Map<string, string>();
  if (rows.length > 0) {
    const events = await db
      .selectFrom('audit_events')
      .select(['subject_id', 'at'])
      .where('organisation_id', '=', organisationId)
      .where('action', '=', 'membership.removed')
      .where('subject_id', 'in', [...new Set(rows.map((r) => r.author_user_id))])
      .execute();
    for (const e of events) if ((departures.get(e.subject_id) ?? '') < e.at) departures.set(e.subject_id, e.at);
  }
  return rows.filter((r) => (departures.get(r.author_user_id) ?? r.updated_at) < leftBefore);
}

export const deleteStories = (db: Db, ids: string[]) => (ids.length ? db.deleteFrom('stories').where('id', 'in', ids).execute() : Promise.resolve());

export async function deleteOldNotifications(db: Db, organisationId: string, before: string): Promise<number> {
  const result = await db.deleteFrom('signal_notifications').where('organisation_id', '=', organisationId).where('at', '<', before).executeTakeFirst();
  // The inbox's notifications (src/modules/notifications) are kept as long.
  const inbox = await db.deleteFrom('notifications').where('organisation_id', '=', organisationId).where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows) + Number(inbox.numDeletedRows);
}

/** Sessions idle since before `before` of the organisation's members (or, with null, of people in no organisation). */
export async function deleteIdleSessions(db: Db, organisationId: string | null, before: string): Promise<number> {
  const members = db.selectFrom('memberships').select('user_id');
  const result = await db
    .deleteFrom('sessions')
    .where('last_seen_at', '<', before)
    .where('user_id', organisationId === null ? 'not in' : 'in', organisationId === null ? members : members.where('organisation_id', '=', organisationId))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
