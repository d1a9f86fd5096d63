import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PersonColumn } from './person-columns.ts';

/**
 * SQL over every module's tables, driven by the list in person-columns.ts: the rights of a person
 * (access, erasure) cut across all modules by nature, and one list keeps "every table" checkable.
 */
type Row = Record<string, unknown>;

export async function rowsNaming(db: Db, table: string, columns: readonly string[], userId: string): Promise<Row[]> {
  const where = sql.join(
    columns.map((c) => sql`${sql.ref(c)} = ${userId}`),
    sql` or `,
  );
  return (await sql<Row>`select * from ${sql.table(table)} where ${where}`.execute(db)).rows;
}

export const reassignColumn = (db: Db, column: PersonColumn, from: string, to: string) =>
  sql`update ${sql.table(column.table)} set ${sql.ref(column.column)} = ${to} where ${sql.ref(column.column)} = ${from}`.execute(db);

export const deleteNaming = (db: Db, column: PersonColumn, userId: string) =>
  sql`delete from ${sql.table(column.table)} where ${sql.ref(column.column)} = ${userId}`.execute(db);

export const findUser = (db: Db, userId: string) => db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();

export const organisationsOf = (db: Db, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.name', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .execute();

export const invitationsTo = (db: Db, email: string) =>
  db
    .selectFrom('invitations')
    .select(['id', 'organisation_id', 'role', 'team_id', 'position', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
    .where('email', '=', email)
    .execute();

export const deleteInvitationsTo = (db: Db, email: string) =>
  db.deleteFrom('invitations').where('email', '=', email).where('accepted_at', 'is', null).execute();

export const auditAbout = (db: Db, userId: string) =>
  db
    .selectFrom('audit_events')
    .select(['seq', 'at', 'organisation_id', 'actor_user_id', 'action', 'subject_type', 'subject_id', 'details'])
    .where((eb) => eb.or([eb('actor_user_id', '=', userId), eb.and([eb('subject_type', '=', 'user'), eb('subject_id', '=', userId)])]))
    .orderBy('seq')
    .execute();

export const photosOf = (db: Db, userId: string) =>
  db.selectFrom('stories').select(['id', 'photo_key']).where('author_user_id', '=', userId).where('photo_key', 'is not', null).execute();

export const reflectionIdsOf = async (db: Db, userId: string) =>
  (await db.selectFrom('story_reflections').select('id').where('author_user_id', '=', userId).execute()).map((r) => r.id);

/** Codings of the person's reflections sit on someone else's story, so deleting the story does not remove them. */
export const deleteReflectionCodings = (db: Db, reflectionIds: string[]) =>
  reflectionIds.length === 0
    ? Promise.resolve()
    : db.deleteFrom('coding_segments').where('source_kind', '=', 'reflection').where('source_id', 'in', reflectionIds).execute();

export const intervisionSessionsWith = (db: Db, userId: string) =>
  db.selectFrom('intervision_sessions').select(['id', 'participants']).where('participants', 'like', `%${userId}%`).execute();

export const setIntervisionParticipants = (db: Db, id: string, participants: string) =>
  db.updateTable('intervision_sessions').set({ participants }).where('id', '=', id).execute();

/** Charter versions of the trajectories of the given organisations (their text names the members at the time). */
export const charterVersionsIn = (db: Db, organisationIds: string[]) =>
  organisationIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('charter_versions')
        .innerJoin('trajectories', 'trajectories.id', 'charter_versions.trajectory_id')
        .select(['charter_versions.id', 'charter_versions.sections'])
        .where('trajectories.organisation_id', 'in', organisationIds)
        .execute();

/** A signature keeps the name used at signing; erasure replaces that name too. */
export const renameSigner = (db: Db, userId: string, name: string) =>
  db.updateTable('charter_signatures').set({ signer_name: name }).where('user_id', '=', userId).execute();

export const setCharterSections = (db: Db, id: string, sections: string) => db.updateTable('charter_versions').set({ sections }).where('id', '=', id).execute();

export const insertFormerMember = (db: Db, row: { id: string; display_name: string; at: string }) =>
  db
    .insertInto('users')
    .values({
      id: row.id,
      email: `former-${row.id}@former.invalid`,
      display_name: row.display_name,
      // Not an argon2 hash: no password can ever match, and the account is disabled as well.
      password_hash: '!',
      language: 'nl',
      created_at: row.at,
      disabled_at: row.at,
    })
    .execute();

export const organisationSettings = (db: Db, organisationId: string) =>
  db.selectFrom('organisations').select(['name', 'disclosure_threshold']).where('id', '=', organisationId).executeTakeFirst();

/** Who is told that someone asks to be erased: the organisation's admins, with the language to write in. */
export const adminsOf = (db: Db, organisationId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.language'])
    .where('memberships.organisation_id', '=', organisationId)
    .where('memberships.role', '=', 'admin')
    .where('users.disabled_at', 'is', null)
    .execute();
