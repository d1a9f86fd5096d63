import type { Db } from '../../db/database.ts';

/**
 * What the analysis looks up besides the answers: rounds, teams and the organisation's threshold. The counts of
 * survey answers come from the rounds module (rounds/answers.ts), which owns them.
 */
export const findOrganisationThreshold = async (db: Db, organisationId: string): Promise<number | undefined> =>
  (await db.selectFrom('organisations').select('disclosure_threshold').where('id', '=', organisationId).executeTakeFirst())?.disclosure_threshold;

export const findRound = (db: Db, organisationId: string, roundId: string) =>
  db.selectFrom('rounds').selectAll().where('id', '=', roundId).where('organisation_id', '=', organisationId).executeTakeFirst();

/** Rounds with this key, in any organisation (the command line names a round by key), with the organisation's name. */
export const roundsByKey = (db: Db, key: string) =>
  db
    .selectFrom('rounds')
    .innerJoin('organisations', 'organisations.id', 'rounds.organisation_id')
    .selectAll('rounds')
    .select(['organisations.name as organisation_name'])
    .where('rounds.key', '=', key)
    .execute();

export const teamInOrganisation = async (db: Db, organisationId: string, teamId: string): Promise<boolean> =>
  (await db.selectFrom('teams').select('id').where('id', '=', teamId).where('organisation_id', '=', organisationId).executeTakeFirst()) !== undefined;

export const teamIdsOf = async (db: Db, organisationId: string): Promise<string[]> =>
  (await db.selectFrom('teams').select('id').where('organisation_id', '=', organisationId).orderBy('id').execute()).map((t) => t.id);

/** The organisation's rounds, oldest first (for round-to-round trends). */
export const roundsOfOrganisation = (db: Db, organisationId: string) =>
  db.selectFrom('rounds').selectAll().where('organisation_id', '=', organisationId).orderBy('closes_on').orderBy('created_at').execute();
/** The round whose results page is public under this token (and still public). */
export const findRoundByResultsToken = (db: Db, token: string) =>
  db.selectFrom('rounds').selectAll().where('results_token', '=', token).where('results_audience', '=', 'public').executeTakeFirst();
