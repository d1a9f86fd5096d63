import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { InvitationTable, OrganisationTable, TeamTable } from '../../db/schema.ts';

export const insertOrganisation = (db: Db, org: OrganisationTable) => db.insertInto('organisations').values(org).execute();

export const findOrganisation = (db: Db, id: string) => db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrganisationByName = (db: Db, name: string) => db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();

export const organisationsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['organisations.id', 'organisations.name', 'organisations.sector', 'organisations.disclosure_threshold', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();

export const teamsOfUser = (db: Db, userId: string) =>
  db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.id', 'teams.name', 'teams.organisation_id', 'team_members.position'])
    .where('team_members.user_id', '=', userId)
    .orderBy('teams.name')
    .execute();

export const listMembers = (db: Db, organisationId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.display_name')
    .execute();

export const findMembership = (db: Db, organisationId: string, userId: string) =>
  db.selectFrom('memberships').selectAll().where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst();

export const insertMembership = (db: Db, m: { organisation_id: string; user_id: string; role: string; created_at: string }) =>
  db.insertInto('memberships').values(m).execute();

export const updateMembershipRole = (db: Db, organisationId: string, userId: string, role: string) =>
  db.updateTable('memberships').set({ role }).where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();

export const deleteMembership = (db: Db, organisationId: string, userId: string) =>
  db.deleteFrom('memberships').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();

export async function countAdmins(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const listTeams = (db: Db, organisationId: string) =>
  db
    .selectFrom('teams')
    .leftJoin('team_members', 'team_members.team_id', 'teams.id')
    .select(['teams.id', 'teams.name', sql<number>`count(team_members.user_id)`.as('member_count')])
    .where('teams.organisation_id', '=', organisationId)
    .groupBy(['teams.id', 'teams.name'])
    .orderBy('teams.name')
    .execute();

/** Scoped by organisation, so a team id from another organisation is simply not found. */
export const findTeam = (db: Db, organisationId: string, teamId: string) =>
  db.selectFrom('teams').selectAll().where('id', '=', teamId).where('organisation_id', '=', organisationId).executeTakeFirst();

export const insertTeam = (db: Db, team: TeamTable) => db.insertInto('teams').values(team).execute();

export const renameTeam = (db: Db, teamId: string, name: string) => db.updateTable('teams').set({ name }).where('id', '=', teamId).execute();

export const deleteTeam = (db: Db, teamId: string) => db.deleteFrom('teams').where('id', '=', teamId).execute();

export const listTeamMembers = (db: Db, teamId: string) =>
  db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.id', 'users.display_name', 'team_members.position', 'team_members.added_by'])
    .where('team_members.team_id', '=', teamId)
    .orderBy('users.display_name')
    .execute();

export const findTeamMember = (db: Db, teamId: string, userId: string) =>
  db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();

export const insertTeamMember = (db: Db, tm: { team_id: string; user_id: string; position: string; created_at: string; added_by?: string | null }) =>
  db.insertInto('team_members').values(tm).execute();

export const updateTeamMember = (db: Db, teamId: string, userId: string, changes: { position: string; added_by?: string | null }) =>
  db.updateTable('team_members').set(changes).where('team_id', '=', teamId).where('user_id', '=', userId).execute();

export const deleteTeamMember = (db: Db, teamId: string, userId: string) =>
  db.deleteFrom('team_members').where('team_id', '=', teamId).where('user_id', '=', userId).execute();

export const deleteTeamMembershipsInOrganisation = (db: Db, organisationId: string, userId: string) =>
  db
    .deleteFrom('team_members')
    .where('user_id', '=', userId)
    .where('team_id', 'in', (eb) => eb.selectFrom('teams').select('id').where('organisation_id', '=', organisationId))
    .execute();

export const insertInvitation = (db: Db, invitation: InvitationTable) => db.insertInto('invitations').values(invitation).execute();

export const listInvitations = (db: Db, organisationId: string) =>
  db.selectFrom('invitations').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute();

export const findInvitation = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('invitations').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();

export const findInvitationByTokenHash = (db: Db, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export const revokeInvitation = (db: Db, id: string, at: string) =>
  db.updateTable('invitations').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();

/** Marks the invitation used only if nobody used it first: the returned count tells who won. */
export async function claimInvitation(db: Db, id: string, userId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: at, accepted_by: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const updateDisclosureThreshold = (db: Db, organisationId: string, threshold: number) =>
  db.updateTable('organisations').set({ disclosure_threshold: threshold }).where('id', '=', organisationId).execute();

/** Invitations of an organisation for an address that nobody used or revoked (the caller checks expiry). */
export const unusedInvitationsFor = (db: Db, organisationId: string, email: string) =>
  db
    .selectFrom('invitations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
