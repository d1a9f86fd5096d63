import type { Db } from '../../db/database.ts';
import type {
  AgreementReviewTable,
  AgreementTable,
  CharterCommentTable,
  CharterVersionTable,
  ContributionTable,
  IntervisionSessionTable,
  MandateTable,
  SupportArrangementTable,
  TeamCheckTable,
  TrajectoryTable,
} from '../../db/tables/trajecten.ts';

export const insertTrajectory = (db: Db, row: TrajectoryTable) => db.insertInto('trajectories').values(row).execute();
export const findTrajectory = (db: Db, organisationId: string, id: string) =>
  db.selectFrom('trajectories').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
export const updateTrajectory = (db: Db, id: string, set: Partial<TrajectoryTable>) => db.updateTable('trajectories').set(set).where('id', '=', id).execute();
export const listTrajectories = (db: Db, organisationId: string) =>
  db
    .selectFrom('trajectories')
    .innerJoin('teams', 'teams.id', 'trajectories.team_id')
    .selectAll('trajectories')
    .select('teams.name as team_name')
    .where('trajectories.organisation_id', '=', organisationId)
    .orderBy('trajectories.updated_at', 'desc')
    .execute();

export const teamOf = (db: Db, organisationId: string, teamId: string) =>
  db.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).where('organisation_id', '=', organisationId).executeTakeFirst();
export const teamsOfOrganisation = (db: Db, organisationId: string) =>
  db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').execute();
export const teamIdsOfUser = async (db: Db, userId: string) =>
  (await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute()).map((r) => r.team_id);
export const teamMembers = (db: Db, teamId: string) =>
  db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.id as userId', 'users.display_name as displayName', 'team_members.position'])
    .where('team_members.team_id', '=', teamId)
    .orderBy('users.display_name')
    .execute();

export const listAgreements = (db: Db, trajectoryIds: string[]) =>
  trajectoryIds.length === 0
    ? Promise.resolve([] as AgreementTable[])
    : db.selectFrom('trajectory_agreements').selectAll().where('trajectory_id', 'in', trajectoryIds).orderBy('created_at').orderBy('id').execute();
export const findAgreement = (db: Db, trajectoryId: string, id: string) =>
  db.selectFrom('trajectory_agreements').selectAll().where('id', '=', id).where('trajectory_id', '=', trajectoryId).executeTakeFirst();
export const findTopicAgreement = (db: Db, trajectoryId: string, topic: string) =>
  db.selectFrom('trajectory_agreements').selectAll().where('trajectory_id', '=', trajectoryId).where('topic', '=', topic).executeTakeFirst();
export const insertAgreement = (db: Db, row: AgreementTable) => db.insertInto('trajectory_agreements').values(row).execute();
export const updateAgreement = (db: Db, id: string, set: Partial<AgreementTable>) =>
  db.updateTable('trajectory_agreements').set(set).where('id', '=', id).execute();
export const deleteAgreement = (db: Db, id: string) => db.deleteFrom('trajectory_agreements').where('id', '=', id).execute();
export const listReviews = (db: Db, agreementIds: string[]) =>
  agreementIds.length === 0
    ? Promise.resolve([] as AgreementReviewTable[])
    : db.selectFrom('trajectory_agreement_reviews').selectAll().where('agreement_id', 'in', agreementIds).orderBy('reviewed_at').execute();
export const insertReview = (db: Db, row: AgreementReviewTable) => db.insertInto('trajectory_agreement_reviews').values(row).execute();

export const listContributions = (db: Db, trajectoryId: string) =>
  db.selectFrom('trajectory_contributions').selectAll().where('trajectory_id', '=', trajectoryId).execute();
export async function upsertContribution(db: Db, row: ContributionTable) {
  await db.deleteFrom('trajectory_contributions').where('trajectory_id', '=', row.trajectory_id).where('user_id', '=', row.user_id).execute();
  await db.insertInto('trajectory_contributions').values(row).execute();
}

export const listRoles = (db: Db, trajectoryId: string) =>
  db.selectFrom('trajectory_roles').selectAll().where('trajectory_id', '=', trajectoryId).orderBy('role_key').execute();
export async function replaceRoles(db: Db, trajectoryId: string, rows: { role_key: string; user_id: string; hours_per_week: number | null }[]) {
  await db.deleteFrom('trajectory_roles').where('trajectory_id', '=', trajectoryId).execute();
  if (rows.length)
    await db
      .insertInto('trajectory_roles')
      .values(rows.map((r) => ({ ...r, trajectory_id: trajectoryId })))
      .execute();
}

export const listMandates = (db: Db, trajectoryId: string) =>
  db.selectFrom('trajectory_mandates').selectAll().where('trajectory_id', '=', trajectoryId).execute();
export async function upsertMandate(db: Db, row: MandateTable) {
  await db.deleteFrom('trajectory_mandates').where('trajectory_id', '=', row.trajectory_id).where('user_id', '=', row.user_id).execute();
  await db.insertInto('trajectory_mandates').values(row).execute();
}

export const listSupport = (db: Db, trajectoryId: string) =>
  db.selectFrom('trajectory_support').selectAll().where('trajectory_id', '=', trajectoryId).orderBy('created_at').orderBy('id').execute();
export const insertSupport = (db: Db, row: SupportArrangementTable) => db.insertInto('trajectory_support').values(row).execute();
export const deleteSupport = (db: Db, trajectoryId: string, id: string) =>
  db.deleteFrom('trajectory_support').where('id', '=', id).where('trajectory_id', '=', trajectoryId).executeTakeFirst();

export const listViews = (db: Db, trajectoryId: string) =>
  db.selectFrom('equal_position_views').selectAll().where('trajectory_id', '=', trajectoryId).orderBy('updated_at').execute();
export async function upsertView(db: Db, row: { trajectory_id: string; question_key: string; user_id: string; view: string; updated_at: string }) {
  await db
    .deleteFrom('equal_position_views')
    .where('trajectory_id', '=', row.trajectory_id)
    .where('question_key', '=', row.question_key)
    .where('user_id', '=', row.user_id)
    .execute();
  await db.insertInto('equal_position_views').values(row).execute();
}
export const listPositions = (db: Db, trajectoryId: string) => db.selectFrom('equal_positions').selectAll().where('trajectory_id', '=', trajectoryId).execute();
export async function upsertPosition(
  db: Db,
  row: { trajectory_id: string; question_key: string; position: string; reason: string; updated_by: string; updated_at: string },
) {
  await db.deleteFrom('equal_positions').where('trajectory_id', '=', row.trajectory_id).where('question_key', '=', row.question_key).execute();
  await db.insertInto('equal_positions').values(row).execute();
}

export const listSessions = (db: Db, trajectoryId: string) =>
  db.selectFrom('intervision_sessions').selectAll().where('trajectory_id', '=', trajectoryId).orderBy('planned_on', 'desc').execute();
export const findSession = (db: Db, trajectoryId: string, id: string) =>
  db.selectFrom('intervision_sessions').selectAll().where('id', '=', id).where('trajectory_id', '=', trajectoryId).executeTakeFirst();
export const insertSession = (db: Db, row: IntervisionSessionTable) => db.insertInto('intervision_sessions').values(row).execute();
export const updateSession = (db: Db, id: string, set: Partial<IntervisionSessionTable>) =>
  db.updateTable('intervision_sessions').set(set).where('id', '=', id).execute();
export const listNotes = (db: Db, sessionId: string) =>
  db.selectFrom('intervision_notes').selectAll().where('session_id', '=', sessionId).orderBy('step').execute();
export async function upsertNote(db: Db, row: { session_id: string; step: number; text: string; updated_by: string; updated_at: string }) {
  await db.deleteFrom('intervision_notes').where('session_id', '=', row.session_id).where('step', '=', row.step).execute();
  await db.insertInto('intervision_notes').values(row).execute();
}
export const listThemes = (db: Db, sessionIds: string[]) =>
  sessionIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('intervision_themes').selectAll().where('session_id', 'in', sessionIds).orderBy('shared_at').execute();
export const insertTheme = (db: Db, row: { id: string; session_id: string; theme: string; shared_by: string; shared_at: string }) =>
  db.insertInto('intervision_themes').values(row).execute();

export const listChecks = (db: Db, trajectoryIds: string[]) =>
  trajectoryIds.length === 0
    ? Promise.resolve([] as (TeamCheckTable & { name: string; closes_on: string })[])
    : db
        .selectFrom('trajectory_checks')
        .innerJoin('rounds', 'rounds.id', 'trajectory_checks.round_id')
        .selectAll('trajectory_checks')
        .select(['rounds.name', 'rounds.closes_on'])
        .where('trajectory_id', 'in', trajectoryIds)
        .execute();
export const insertCheck = (db: Db, row: TeamCheckTable) => db.insertInto('trajectory_checks').values(row).execute();
export const roundInOrganisation = (db: Db, organisationId: string, roundId: string) =>
  db.selectFrom('rounds').select('id').where('id', '=', roundId).where('organisation_id', '=', organisationId).executeTakeFirst();

export const listVersions = (db: Db, trajectoryIds: string[]) =>
  trajectoryIds.length === 0
    ? Promise.resolve([] as CharterVersionTable[])
    : db.selectFrom('charter_versions').selectAll().where('trajectory_id', 'in', trajectoryIds).orderBy('version').execute();
export const insertVersion = (db: Db, row: CharterVersionTable) => db.insertInto('charter_versions').values(row).execute();
export const listSignatures = (db: Db, versionIds: string[]) =>
  versionIds.length === 0 ? Promise.resolve([]) : db.selectFrom('charter_signatures').selectAll().where('version_id', 'in', versionIds).execute();
export const insertSignature = (db: Db, row: { version_id: string; user_id: string; signer_name: string; signed_at: string }) =>
  db.insertInto('charter_signatures').values(row).execute();
export const listComments = (db: Db, versionId: string) =>
  db.selectFrom('charter_comments').selectAll().where('version_id', '=', versionId).orderBy('created_at').orderBy('id').execute();
export const insertComment = (db: Db, row: CharterCommentTable) => db.insertInto('charter_comments').values(row).execute();

/** The team's respondent link of each check round. */
export const checkLinks = (db: Db, roundIds: string[], teamId: string) =>
  roundIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('round_links').select(['round_id', 'token']).where('round_id', 'in', roundIds).where('team_id', '=', teamId).execute();

/** Per trajectory of the person's teams in the organisation: the newest charter version, when they have not signed it. */
export const unsignedLatestCharters = (db: Db, organisationId: string, userId: string) =>
  db
    .selectFrom('trajectories as t')
    .innerJoin('team_members as tm', (join) => join.onRef('tm.team_id', '=', 't.team_id').on('tm.user_id', '=', userId))
    .innerJoin('charter_versions as cv', 'cv.trajectory_id', 't.id')
    .select(['t.id as trajectoryId', 't.title', 'cv.version', 'cv.created_at'])
    .where('t.organisation_id', '=', organisationId)
    .where((eb) =>
      eb(
        'cv.version',
        '=',
        eb
          .selectFrom('charter_versions as newest')
          .select((e) => e.fn.max('newest.version').as('v'))
          .whereRef('newest.trajectory_id', '=', 't.id'),
      ),
    )
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('charter_signatures as s').select('s.user_id').whereRef('s.version_id', '=', 'cv.id').where('s.user_id', '=', userId))),
    )
    .orderBy('cv.created_at')
    .execute();

/** Agreements the person owns whose review date is on or before `until`. */
export const reviewsOwnedUntil = (db: Db, organisationId: string, userId: string, until: string) =>
  db
    .selectFrom('trajectory_agreements as a')
    .innerJoin('trajectories as t', 't.id', 'a.trajectory_id')
    .select(['a.id', 'a.title', 'a.topic', 'a.review_on', 't.id as trajectoryId'])
    .where('t.organisation_id', '=', organisationId)
    .where('a.owner_user_id', '=', userId)
    .where('a.review_on', 'is not', null)
    .where('a.review_on', '<=', until)
    .orderBy('a.review_on')
    .execute();
